package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// Statements whose outcome does not depend on parser details.
const (
	goodSQL = "SELECT 1;\nSELECT a, b FROM t WHERE a > 1;\n"
	// Line 2 starts with a word that is no statement; line 3 has a FROM
	// without a table (the error is at the ';', column 14).
	badSQL = "SELECT 1;\nSELEC x;\nSELECT 2 FROM;\n"
)

type result struct {
	code           int
	stdout, stderr string
}

// run calls app.Run in-process, as main does.
func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return runCtx(t, context.Background(), stdin, args...)
}

func runCtx(t *testing.T, ctx context.Context, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := app.Run(ctx, args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// project writes files (slash-separated paths relative to a new temp dir),
// makes that dir the working directory, so output paths are relative and
// stable, and returns it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	t.Chdir(dir)
	return dir
}

func lines(s string) []string {
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestParseGoodFiles(t *testing.T) {
	project(t, map[string]string{"a.sql": goodSQL, "b.sql": "SELECT x FROM y"})

	r := run(t, "", "parse", "a.sql", "b.sql")

	assert.Equal(t, app.ExitOK, r.code, r.stderr)
	assert.Equal(t, []string{
		"a.sql: 2 statements, 0 errors",
		"b.sql: 1 statements, 0 errors",
		"parsed 3 statements in 2 files: 0 errors",
	}, lines(r.stdout))
	assert.Empty(t, r.stderr)
}

func TestParseErrorsDoNotStopOtherFiles(t *testing.T) {
	project(t, map[string]string{"bad.sql": badSQL, "good.sql": goodSQL})

	r := run(t, "", "parse", "bad.sql", "missing.sql", "good.sql")

	assert.Equal(t, app.ExitInputErrors, r.code)
	got := lines(r.stdout)
	require.Len(t, got, 7, r.stdout)
	assert.Equal(t, "bad.sql: 3 statements, 2 errors", got[0])
	assert.Regexp(t, `^bad\.sql:2:1: error: .*'SELEC'`, got[1])
	assert.Regexp(t, `^bad\.sql:3:14: error: .*';'`, got[2])
	assert.Equal(t, "missing.sql: 0 statements, 1 errors", got[3])
	assert.Equal(t, "missing.sql: error: cannot read: no such file or directory", got[4])
	assert.Equal(t, "good.sql: 2 statements, 0 errors", got[5])
	assert.Equal(t, "parsed 5 statements in 3 files: 3 errors", got[6])
}

func TestParseFolderIsRecursiveAndSorted(t *testing.T) {
	project(t, map[string]string{
		"proj/z.sql":          goodSQL,
		"proj/a/b.sql":        "SELECT 1",
		"proj/a.sql":          "SELECT 1",
		"proj/notes.txt":      "not SQL",
		"proj/.hidden/x.sql":  "SELEC",
		"proj/m/deeper/c.sql": "SELECT 1; SELECT 2",
	})

	r := run(t, "", "parse", "proj")

	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Equal(t, []string{
		"proj/a.sql: 1 statements, 0 errors",
		"proj/a/b.sql: 1 statements, 0 errors",
		"proj/m/deeper/c.sql: 2 statements, 0 errors",
		"proj/z.sql: 2 statements, 0 errors",
		"parsed 6 statements in 4 files: 0 errors",
	}, lines(r.stdout))
}

func TestParseNamesAFileOnce(t *testing.T) {
	project(t, map[string]string{"proj/a.sql": "SELECT 1"})

	r := run(t, "", "parse", "proj", "proj/a.sql")

	assert.Equal(t, app.ExitOK, r.code)
	assert.Equal(t, "parsed 1 statements in 1 files: 0 errors", lines(r.stdout)[1])
}

func TestParseStdin(t *testing.T) {
	r := run(t, badSQL, "parse", "-")

	assert.Equal(t, app.ExitInputErrors, r.code)
	got := lines(r.stdout)
	assert.Equal(t, "-: 3 statements, 2 errors", got[0])
	assert.Regexp(t, `^-:2:1: error: `, got[1])
	assert.Equal(t, "parsed 3 statements in 1 files: 2 errors", got[len(got)-1])
}

func TestParseEmptyFolder(t *testing.T) {
	project(t, map[string]string{"empty/readme.txt": "no SQL here"})

	r := run(t, "", "parse", "empty")

	assert.Equal(t, app.ExitOK, r.code)
	assert.Equal(t, "parsed 0 statements in 0 files: 0 errors\n", r.stdout)
	assert.Contains(t, r.stderr, "no .sql files found in empty")
}

func TestParseUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read a file without read permission")
	}
	dir := project(t, map[string]string{"locked.sql": goodSQL, "ok.sql": goodSQL})
	require.NoError(t, os.Chmod(filepath.Join(dir, "locked.sql"), 0))

	r := run(t, "", "parse", ".")

	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Contains(t, r.stdout, "locked.sql: error: cannot read: permission denied\n")
	assert.Contains(t, r.stdout, "ok.sql: 2 statements, 0 errors\n")
}

func TestParseBrokenLinkInFolder(t *testing.T) {
	dir := project(t, map[string]string{"proj/a.sql": goodSQL, "proj/c.sql": goodSQL})
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "proj", "b.sql")))

	r := run(t, "", "parse", "proj")

	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Equal(t, []string{
		"proj/a.sql: 2 statements, 0 errors",
		"proj/b.sql: 0 statements, 1 errors",
		"proj/b.sql: error: cannot read: no such file or directory",
		"proj/c.sql: 2 statements, 0 errors",
		"parsed 4 statements in 3 files: 1 errors",
	}, lines(r.stdout))
}

func TestParseJSON(t *testing.T) {
	project(t, map[string]string{"bad.sql": badSQL, "good.sql": "SELECT 1"})

	r := run(t, "", "parse", "--json", "bad.sql", "good.sql")

	assert.Equal(t, app.ExitInputErrors, r.code)

	// The shape: an array of objects with exactly these keys.
	var raw []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &raw), r.stdout)
	require.Len(t, raw, 4)
	for _, o := range raw {
		keys := make([]string, 0, len(o))
		for k := range o {
			keys = append(keys, k)
		}
		assert.ElementsMatch(t, []string{"file", "line", "col", "kind", "ok", "error"}, keys)
	}

	type stmt struct {
		File  string
		Line  int
		Col   int
		Kind  string
		OK    bool
		Error string
	}
	var got []stmt
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, stmt{File: "bad.sql", Line: 1, Col: 1, Kind: got[0].Kind, OK: true}, got[0])
	assert.Equal(t, "bad.sql", got[1].File)
	assert.Equal(t, []int{2, 1}, []int{got[1].Line, got[1].Col})
	assert.False(t, got[1].OK)
	assert.Regexp(t, `^2:1: .*'SELEC'`, got[1].Error)
	assert.Equal(t, []int{3, 1}, []int{got[2].Line, got[2].Col}, "line and col are where the statement starts")
	assert.False(t, got[2].OK)
	assert.Regexp(t, `^3:14: `, got[2].Error, "the error carries its own position")
	assert.Equal(t, "good.sql", got[3].File)
	assert.True(t, got[3].OK)
	for _, s := range got {
		assert.NotEmpty(t, s.Kind)
	}
	assert.Equal(t, got[0].Kind, got[3].Kind, "both are SELECT statements")
	assert.NotEqual(t, got[0].Kind, got[1].Kind, "a statement that failed has its own kind")

	// Stdout is only JSON; the diagnostics and the summary go to stderr.
	errLines := lines(r.stderr)
	require.Len(t, errLines, 3, r.stderr)
	assert.Regexp(t, `^bad\.sql:2:1: error: `, errLines[0])
	assert.Equal(t, "parsed 4 statements in 2 files: 2 errors", errLines[2])
}

func TestParseJSONWithNothingIsAnEmptyArray(t *testing.T) {
	project(t, map[string]string{"empty.sql": "-- only a comment\n"})

	r := run(t, "", "parse", "--json", "empty.sql")

	assert.Equal(t, app.ExitOK, r.code)
	assert.JSONEq(t, `[]`, r.stdout)
}

func TestParseJSONUnreadablePathGoesToStderr(t *testing.T) {
	project(t, map[string]string{"good.sql": "SELECT 1"})

	r := run(t, "", "parse", "--json", "nope.sql", "good.sql")

	assert.Equal(t, app.ExitInputErrors, r.code)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Len(t, got, 1)
	assert.Contains(t, r.stderr, "nope.sql: error: cannot read: no such file or directory\n")
	assert.Contains(t, r.stderr, "parsed 1 statements in 2 files: 1 errors\n")
}

func TestParseDialectFlag(t *testing.T) {
	project(t, map[string]string{"a.sql": goodSQL})
	for _, d := range []string{"spark", "flink", "auto"} {
		r := run(t, "", "parse", "--dialect", d, "a.sql")
		assert.Equal(t, app.ExitOK, r.code, "--dialect %s: %s", d, r.stdout)
	}
}

func TestUsageErrors(t *testing.T) {
	project(t, map[string]string{"proj/a.sql": goodSQL})
	tests := []struct {
		name string
		args []string
		want string // regexp the first stderr line must match
	}{
		{"no arguments", nil, `no SPARK_DIR given`},
		{"unknown command", []string{"prase"}, `"prase" is neither a command nor a folder`},
		{"unknown command with args", []string{"prase", "proj"}, `"prase" is neither a command nor a folder`},
		{"unknown root flag", []string{"--bogus", "proj"}, `flag provided but not defined: -bogus`},
		{"help for unknown command", []string{"help", "nope"}, `No help topic for 'nope'`},
		{"parse without path", []string{"parse"}, `no PATH given`},
		{"parse unknown flag", []string{"parse", "--bogus", "proj"}, `flag provided but not defined: -bogus`},
		{"parse flag after path", []string{"parse", "proj", "--json"}, `flag --json after the first PATH`},
		{"parse bad dialect", []string{"parse", "--dialect", "mysql", "proj"}, `--dialect must be spark, flink or auto, not "mysql"`},
		{"parse dialect without value", []string{"parse", "--dialect"}, `flag needs an argument: -dialect`},
		{"migrate without dir", []string{"migrate"}, `no SPARK_DIR given`},
		{"migrate the same dir twice", []string{"migrate", "proj", "proj"}, `SPARK_DIR proj given twice`},
		{"migrate on a file", []string{"migrate", "proj/a.sql"}, `SPARK_DIR proj/a.sql is not a folder`},
		{"version with argument", []string{"version", "x"}, `version takes no arguments`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "", tt.args...)

			assert.Equal(t, app.ExitUsage, r.code)
			assert.Empty(t, r.stdout, "a usage error prints nothing on stdout")
			got := lines(r.stderr)
			require.Len(t, got, 2, r.stderr)
			assert.Regexp(t, `^c360-migrate: usage error: `+tt.want, got[0])
			assert.Regexp(t, `^Run 'c360-migrate (--help|help \w+)' for usage\.$`, got[1])
		})
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"help", "parse"}, {"parse", "--help"}, {"migrate", "-h"}} {
		r := run(t, "", args...)
		assert.Equal(t, app.ExitOK, r.code, "%v", args)
		assert.Contains(t, r.stdout, "USAGE:", "%v", args)
	}
	r := run(t, "", "--help")
	for _, cmd := range []string{"migrate", "parse", "version"} {
		assert.Regexp(t, regexp.MustCompile(`(?m)^\s+`+cmd+`\s`), r.stdout)
	}
}

func TestVersion(t *testing.T) {
	r := run(t, "", "version")

	assert.Equal(t, app.ExitOK, r.code)
	assert.Regexp(t, `^c360-migrate \S+ \(go\S+ \w+/\w+\)\n$`, r.stdout)
}

// shopProject is a small Spark project: a CSV input, a source and a view.
var shopProject = map[string]string{
	"spark/data/orders.csv": "order_id,customer_id,amount\nO1,C1,10.5\nO2,C1,4.0\nO3,C2,7.25\n",
	"spark/sources/src_orders.sql": "CREATE OR REPLACE TEMPORARY VIEW orders_raw USING CSV OPTIONS (path 'data/orders.csv', header 'true', inferSchema 'true');\n" +
		"CREATE OR REPLACE TEMPORARY VIEW src_orders AS SELECT order_id, customer_id, amount FROM orders_raw;\n",
	"spark/views/customer_spend.sql": "CREATE OR REPLACE TEMPORARY VIEW customer_spend AS\nSELECT customer_id, SUM(amount) AS spend FROM src_orders GROUP BY customer_id;\n",
}

func TestMigrateWritesThePipelines(t *testing.T) {
	for _, args := range [][]string{
		{"migrate", "--skip-dry-run", "spark"},
		{"--skip-dry-run", "spark"}, // a bare SPARK_DIR runs migrate
		{"--skip-dry-run", "--out", "elsewhere", "spark"},
		{"migrate", "--skip-dry-run", "--out", "elsewhere", "--product", "shop", "spark"},
	} {
		project(t, shopProject)
		r := run(t, "", args...)

		require.Equal(t, app.ExitOK, r.code, "%v\n%s%s", args, r.stdout, r.stderr)
		out, product := "flink_out", "spark"
		if strings.Contains(strings.Join(args, " "), "--product shop") {
			product = "shop"
		}
		if strings.Contains(strings.Join(args, " "), "elsewhere") {
			out = "elsewhere"
		}
		assert.Contains(t, r.stdout, "2 tables: 2 translated", "%v", args)
		assert.FileExists(t, filepath.Join(out, "pipelines", "sources", product, "src_orders", "sql-scripts", "dml.src_"+product+"_orders.sql"))
		assert.FileExists(t, filepath.Join(out, "pipelines", "sources", product, "src_orders", "tests", "insert_orders_raw.sql"))
		assert.FileExists(t, filepath.Join(out, "pipelines", "views", product, "customer_spend", "sql-scripts", "ddl.customer_spend.sql"))
		assert.FileExists(t, filepath.Join(out, "pipelines", "inventory.json"))
	}
}

func TestMigrateReport(t *testing.T) {
	project(t, shopProject)

	r := run(t, "", "migrate", "--skip-dry-run", "--report", "rep", "spark")

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.FileExists(t, filepath.Join("rep", "report.md"))
	assert.FileExists(t, filepath.Join("rep", "report.json"))
}

func TestMigrateProfileOSS(t *testing.T) {
	project(t, shopProject)

	r := run(t, "", "migrate", "--skip-dry-run", "--profile", "oss", "--bootstrap-servers", "broker:9092", "spark")

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	ddl, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "views", "spark", "customer_spend", "sql-scripts", "ddl.customer_spend.sql"))
	require.NoError(t, err)
	assert.Contains(t, string(ddl), "'connector' = 'upsert-kafka'")
	assert.Contains(t, string(ddl), "'properties.bootstrap.servers' = 'broker:9092'")

	r = run(t, "", "migrate", "--skip-dry-run", "--profile", "cloud", "spark")
	assert.Equal(t, app.ExitUsage, r.code)
}

func TestMigrateNeedsLLM(t *testing.T) {
	project(t, map[string]string{
		"spark/views/v.sql": "CREATE VIEW v AS SELECT transform(xs, x -> x + 1) AS ys FROM undefined_input",
	})

	r := run(t, "", "migrate", "--skip-dry-run", "spark")

	assert.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 needs-llm")
	dml, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "views", "spark", "v", "sql-scripts", "dml.v.sql"))
	require.NoError(t, err)
	assert.Contains(t, string(dml), "NOT COMPLETE")
}

func TestMigrateReportsParseErrors(t *testing.T) {
	project(t, map[string]string{"spark/a.sql": goodSQL, "spark/b.sql": badSQL})

	for _, args := range [][]string{{"migrate", "--skip-dry-run", "spark"}, {"--skip-dry-run", "spark"}} {
		r := run(t, "", args...)

		assert.Equal(t, app.ExitInputErrors, r.code)
		got := lines(r.stdout)
		require.GreaterOrEqual(t, len(got), 2, r.stdout)
		assert.Regexp(t, `^spark/b\.sql:2:1: error: `, got[0])
		assert.Regexp(t, `^spark/b\.sql:3:14: error: `, got[1])
	}
}

func TestMigrateExpandsDbtJinja(t *testing.T) {
	project(t, map[string]string{
		"dbt/macros/money.sql": "{% macro cents(c) %}{{ c }} * 100{% endmacro %}\n",
		"dbt/models/a.sql": "{{ config(materialized='table', unique_key='id') }}\n" +
			"SELECT id, {{ cents('amount') }} AS amount_cents FROM {{ ref('src_orders') }};\n" +
			"SELECT {{ var('n') }} AS n FROM t;\n" +
			"{% if target.name == 'prod' %}SELECT 1{% else %}SELEC 1{% endif %};\n",
	})

	r := run(t, "", "--skip-dry-run", "dbt")

	assert.Equal(t, app.ExitInputErrors, r.code)
	got := lines(r.stdout)
	require.GreaterOrEqual(t, len(got), 2, r.stdout)
	// Positions are those of the file as written, not of the expanded text:
	// var is at 3:11, and SELEC (the else branch) at 4:49.
	assert.Regexp(t, `^dbt/models/a\.sql:3:11: error: .*"n"`, got[0])
	assert.Regexp(t, `^dbt/models/a\.sql:4:49: error: .*'SELEC'`, got[1])

	r = run(t, "", "migrate", "--skip-dry-run", "--var", "n=1, 2", "--target", "prod", "dbt")

	// The model reads src_orders, which the project does not define: its
	// columns are unknown, so the table needs review (exit 3), not an error.
	assert.Equal(t, app.ExitNeedsLLM, r.code, r.stdout)
	assert.NotContains(t, r.stdout, "error: ")
}

func TestMigrateBadVar(t *testing.T) {
	project(t, map[string]string{"dbt/a.sql": "SELECT 1"})

	r := run(t, "", "migrate", "--skip-dry-run", "--var", "n", "dbt")

	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, `c360-migrate: usage error: --var "n": want NAME=VALUE`)
}

func TestMigrateMissingFolder(t *testing.T) {
	project(t, nil)

	r := run(t, "", "migrate", "--skip-dry-run", "no/such/dir")

	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Equal(t, "c360-migrate: error: cannot read SPARK_DIR: stat no/such/dir: no such file or directory\n", r.stderr)
}

func TestCancelledRunIsInterrupted(t *testing.T) {
	project(t, map[string]string{"a.sql": goodSQL})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	for _, args := range [][]string{{"parse", "a.sql"}, {"migrate", "."}} {
		r := runCtx(t, ctx, "", args...)

		assert.Equal(t, app.ExitInterrupted, r.code, "%v", args)
		assert.Contains(t, r.stderr, "c360-migrate: interrupted: context canceled\n")
	}
}

func TestMigrateConfigFile(t *testing.T) {
	project(t, shopProject)
	require.NoError(t, os.WriteFile("c360.yaml", []byte("profile: oss\nbootstrap_servers: kafka-1:9092\nproduct: shop\n"), 0o644))

	r := run(t, "", "migrate", "--skip-dry-run", "--config", "c360.yaml", "--product", "store", "spark")

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	ddl, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "views", "store", "customer_spend", "sql-scripts", "ddl.customer_spend.sql"))
	require.NoError(t, err, "the --product flag wins over the file")
	assert.Contains(t, string(ddl), "'properties.bootstrap.servers' = 'kafka-1:9092'")

	require.NoError(t, os.WriteFile("bad.yaml", []byte("profil: oss\n"), 0o644))
	r = run(t, "", "migrate", "--skip-dry-run", "--config", "bad.yaml", "spark")
	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, "field profil not found")
}

func TestMigrateExclude(t *testing.T) {
	files := map[string]string{}
	for k, v := range shopProject {
		files[k] = v
	}
	// A consolidated script repeating a per-layer definition.
	files["spark/all_in_one.sql"] = shopProject["spark/views/customer_spend.sql"]
	project(t, files)

	r := run(t, "", "migrate", "--skip-dry-run", "spark")
	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Contains(t, r.stdout, "[model.duplicate-table]")

	r = run(t, "", "migrate", "--skip-dry-run", "--exclude", "all_in_one.sql", "spark")
	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
}

// TestMigrateDryRunsOnFlink runs migrate with its dry run on the real local
// Flink: a table Flink rejects is not written as complete.
func TestMigrateDryRunsOnFlink(t *testing.T) {
	url := flinktest.Ensure(t)
	files := map[string]string{}
	for k, v := range shopProject {
		files[k] = v
	}
	project(t, files)

	r := run(t, "", "migrate", "--gateway", url, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "dry run on Flink ")
	assert.Contains(t, r.stdout, "2 of 2 tables clean")

	// A type Flink cannot cast in an INSERT: the dry run catches it.
	require.NoError(t, os.WriteFile(filepath.Join("spark", "views", "bad.sql"),
		[]byte("CREATE VIEW bad AS SELECT customer_id, CAST(spend AS BINARY) AS b FROM customer_spend"), 0o644))
	r = run(t, "", "migrate", "--gateway", url, "spark")
	assert.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "2 of 3 tables clean, 1 findings")
	assert.Regexp(t, `pipelines/views/spark/bad/sql-scripts/dml\.bad\.sql:\d+:\d+ \[dryrun\.dml\]`, r.stdout)
	dml, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "views", "spark", "bad", "sql-scripts", "dml.bad.sql"))
	require.NoError(t, err)
	assert.Contains(t, string(dml), "NOT COMPLETE")
}

func TestMigrateSARIF(t *testing.T) {
	project(t, shopProject)

	r := run(t, "", "migrate", "--skip-dry-run", "--sarif", "findings.sarif", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile("findings.sarif")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	require.Equal(t, "2.1.0", doc.Version)
	require.Len(t, doc.Runs, 1)
	require.NotEmpty(t, doc.Runs[0].Results)
	var spark bool
	for _, res := range doc.Runs[0].Results {
		for _, l := range res.Locations {
			if strings.HasPrefix(l.Physical.Artifact.URI, "spark/") {
				spark = true
			}
		}
	}
	assert.True(t, spark, "findings point at the Spark files")
}
