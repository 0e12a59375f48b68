package app_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

const lintInventory = `{"product": "p", "profile": "confluent", "deploy_order": ["s"],
 "tables": {"s": {"spark_file": "facts/s.sql", "folder": "pipelines/facts/p/s",
  "ddl": "pipelines/facts/p/s/sql-scripts/ddl.s.sql", "dml": "pipelines/facts/p/s/sql-scripts/dml.s.sql"}}}`

func lintProject(t *testing.T, ddl, dml string) {
	t.Helper()
	project(t, map[string]string{
		"out/pipelines/inventory.json":                  lintInventory,
		"out/pipelines/facts/p/s/sql-scripts/ddl.s.sql": ddl,
		"out/pipelines/facts/p/s/sql-scripts/dml.s.sql": dml,
		"out/pipelines/sources/p/raw/sql-scripts/x.sql": "CREATE TABLE raw (a STRING, b BIGINT) WITH ('changelog.mode' = 'append');\n",
	})
}

const (
	appendDDL = "CREATE TABLE s (a STRING, n BIGINT) WITH ('changelog.mode' = 'append');\n"
	upsertDDL = "CREATE TABLE s (a STRING, n BIGINT, PRIMARY KEY (a) NOT ENFORCED) WITH ('changelog.mode' = 'upsert');\n"
	groupDML  = "INSERT INTO s\nSELECT a, COUNT(*) AS n FROM raw GROUP BY a;\n"
)

func TestLintClean(t *testing.T) {
	lintProject(t, upsertDDL, groupDML)

	r := run(t, "", "lint", "out")

	assert.Equal(t, app.ExitOK, r.code, r.stderr)
	assert.Equal(t, []string{"linted 1 tables in 3 files (profile confluent): 0 errors, 0 warnings, 0 infos"}, lines(r.stdout))
	assert.Empty(t, r.stderr)
}

func TestLintErrorExitsOne(t *testing.T) {
	lintProject(t, appendDDL, groupDML)

	r := run(t, "", "lint", "out")

	assert.Equal(t, app.ExitInputErrors, r.code)
	out := lines(r.stdout)
	require.Len(t, out, 2)
	assert.Regexp(t, `^out/pipelines/facts/p/s/sql-scripts/dml\.s\.sql:1:1: error: \[lint\.append-sink-updating\] the query updates its results \(GROUP BY aggregation\) but s is append-only; fix: `, out[0])
	assert.Equal(t, "linted 1 tables in 3 files (profile confluent): 1 errors, 0 warnings, 0 infos", out[1])
}

func TestLintProfileOSS(t *testing.T) {
	lintProject(t, upsertDDL, groupDML)

	r := run(t, "", "lint", "--profile", "oss", "out")

	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Contains(t, r.stdout, "[lint.confluent-only] a table without a 'connector' option")
	assert.Contains(t, r.stdout, "(profile oss)")
}

func TestLintJSONAndSARIF(t *testing.T) {
	lintProject(t, appendDDL, groupDML)

	r := run(t, "", "lint", "--json", "--sarif", "lint.sarif", "out")

	assert.Equal(t, app.ExitInputErrors, r.code)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), r.stdout)
	require.Len(t, got, 1)
	assert.Equal(t, "lint.append-sink-updating", got[0]["rule"])
	assert.Equal(t, "error", got[0]["severity"])
	assert.EqualValues(t, 1, got[0]["line"])
	assert.Contains(t, r.stderr, "1 errors")

	data, err := os.ReadFile("lint.sarif")
	require.NoError(t, err)
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(data, &sarif))
	assert.Equal(t, "2.1.0", sarif.Version)
	require.Len(t, sarif.Runs, 1)
	require.Len(t, sarif.Runs[0].Results, 1)
	assert.Equal(t, "lint.append-sink-updating", sarif.Runs[0].Results[0].RuleID)
	// Not inside a git repository: relative to the working directory.
	assert.Equal(t, "out/pipelines/facts/p/s/sql-scripts/dml.s.sql", sarif.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI)
}

func TestLintUsage(t *testing.T) {
	lintProject(t, upsertDDL, groupDML)
	for _, args := range [][]string{
		{"lint"},
		{"lint", "out", "more"},
		{"lint", "--profile", "cloud", "out"},
		{"lint", "out", "--json"},
	} {
		r := run(t, "", args...)
		assert.Equal(t, app.ExitUsage, r.code, "%v: %s", args, r.stderr)
		assert.Contains(t, r.stderr, "usage error", args)
	}
}

func TestLintMissingInventory(t *testing.T) {
	project(t, map[string]string{"out/x.sql": "SELECT 1;"})

	r := run(t, "", "lint", "out")

	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Contains(t, r.stderr, "inventory.json")
}
