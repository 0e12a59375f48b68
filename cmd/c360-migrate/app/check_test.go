package app_test

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// snapshot is every file below dir with its bytes and modification time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[p+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = info.ModTime().Format(time.RFC3339Nano) + "\n" + string(b)
		return nil
	})
	require.NoError(t, err)
	return out
}

const shopDML = "flink_out/pipelines/sources/spark/src_orders/sql-scripts/dml.src_spark_orders.sql"

func checkArgs() []string {
	return []string{"migrate", "--skip-dry-run", "--check", "--report", "flink_out/report", "spark"}
}

func TestMigrateCheckUpToDate(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	before := snapshot(t, "flink_out")

	r = run(t, "", checkArgs()...)

	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "check: flink_out and flink_out/report up to date\n")
	assert.NotContains(t, r.stdout, "--- ")
	assert.Equal(t, before, snapshot(t, "flink_out"), "--check wrote into --out")
}

func TestMigrateCheckHandEdit(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	b, err := os.ReadFile(shopDML)
	require.NoError(t, err)
	ls := strings.Split(string(b), "\n")
	require.Greater(t, len(ls), 3)
	edited := ls[2]
	ls[2] = "-- edited by hand"
	require.NoError(t, os.WriteFile(shopDML, []byte(strings.Join(ls, "\n")), 0o644))
	before := snapshot(t, "flink_out")

	r = run(t, "", checkArgs()...)

	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "--- "+shopDML+"\n+++ generated\n")
	assert.Regexp(t, regexp.MustCompile(`(?m)^@@ -1,\d+ \+1,\d+ @@$`), r.stdout)
	assert.Contains(t, r.stdout, "\n--- edited by hand\n+"+edited+"\n", "the diff names the line")
	assert.Contains(t, r.stdout, "hand-edited: "+shopDML+" was edited since migrate wrote it (migrate keeps it; --force overwrites it)\n")
	// migrate's report would list the file kept: report.md and report.json differ too.
	assert.Contains(t, r.stdout, "check: flink_out and flink_out/report not up to date: 3 files differ")
	assert.Equal(t, before, snapshot(t, "flink_out"), "--check wrote into --out")
}

func TestMigrateCheckRemovedAndExtraFiles(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	raw := filepath.Join("flink_out", "pipelines", "sources", "spark", "src_orders", "tests", "insert_orders_raw.sql")
	require.NoError(t, os.Remove(raw))
	require.NoError(t, os.Remove(filepath.Join("flink_out", "report", "junit.xml")))
	extra := filepath.Join("flink_out", "pipelines", "views", "spark", "customer_spend", "notes.txt")
	require.NoError(t, os.WriteFile(extra, []byte("mine\n"), 0o644))
	before := snapshot(t, "flink_out")

	r = run(t, "", checkArgs()...)

	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "missing: "+raw+" (migrate would write it)\n")
	assert.Contains(t, r.stdout, "missing: "+filepath.Join("flink_out", "report", "junit.xml")+" (migrate would write it)\n")
	assert.Contains(t, r.stdout, "extra: "+extra+" (not written by migrate: migrate keeps it; --force removes it)\n")
	assert.Contains(t, r.stdout, "5 files differ") // and report.md, report.json: they list the kept file
	assert.Equal(t, before, snapshot(t, "flink_out"), "--check wrote into --out")
}

func TestMigrateCheckEmptyOut(t *testing.T) {
	project(t, shopProject)

	r := run(t, "", "migrate", "--skip-dry-run", "--check", "--out", "fresh", "spark")

	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "missing: "+filepath.Join("fresh", "pipelines", "inventory.json"))
	assert.NoDirExists(t, "fresh", "--check created --out")
}

// TestMigrateCheckIgnoresDryRunCases: junit.xml written by a run that
// dry-ran on Flink is up to date for a check that does not dry-run.
func TestMigrateCheckIgnoresDryRunCases(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	junit := filepath.Join("flink_out", "report", "junit.xml")
	b, err := os.ReadFile(junit)
	require.NoError(t, err)
	withDry := strings.Replace(string(b),
		`<testcase classname="src_spark_orders" name="lint" file="sources/src_orders.sql"></testcase>`,
		`<testcase classname="src_spark_orders" name="lint" file="sources/src_orders.sql"></testcase>
    <testcase classname="src_spark_orders" name="dry-run" file="sources/src_orders.sql"></testcase>`, 1)
	require.NotEqual(t, string(b), withDry)
	require.NoError(t, os.WriteFile(junit, []byte(withDry), 0o644))

	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)

	// Any other change to junit.xml is a difference.
	require.NoError(t, os.WriteFile(junit, []byte(strings.Replace(withDry, `name="lint"`, `name="lint2"`, 1)), 0o644))
	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "--- flink_out/report/junit.xml\n")
}

func TestMigrateReportJUnit(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "rep", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)

	b, err := os.ReadFile(filepath.Join("rep", "junit.xml"))
	require.NoError(t, err)
	var doc struct {
		Tests  int `xml:"tests,attr"`
		Suites []struct {
			Name  string `xml:"name,attr"`
			Cases []struct {
				Classname string `xml:"classname,attr"`
				Name      string `xml:"name,attr"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(b, &doc))
	var suites []string
	for _, s := range doc.Suites {
		suites = append(suites, s.Name)
	}
	assert.Equal(t, []string{"project", "sources", "views"}, suites)
	assert.Equal(t, 1+2*2, doc.Tests, "load, then translate and lint for each table (no dry run)")
}

func TestGraph(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)

	r = run(t, "", "graph", "flink_out")
	require.Equal(t, app.ExitOK, r.code, r.stderr)
	for _, w := range []string{
		"flowchart LR\n",
		`subgraph layer_raw_20_inputs["raw inputs"]`,
		`t_orders_raw[("orders_raw")]`,
		`subgraph layer_sources["sources"]`,
		`t_src_spark_orders["src_spark_orders · translated"]`,
		"t_orders_raw --> t_src_spark_orders\n",
		"t_src_spark_orders --> t_customer_spend\n",
	} {
		assert.Contains(t, r.stdout, w)
	}

	r = run(t, "", "graph", "--format", "dot", "flink_out")
	require.Equal(t, app.ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, "digraph pipeline {")
	assert.Contains(t, r.stdout, "subgraph cluster_views {")
	assert.Contains(t, r.stdout, `"src_spark_orders" -> "customer_spend";`)

	r = run(t, "", "graph", "--format", "png", "flink_out")
	assert.Equal(t, app.ExitUsage, r.code)
	r = run(t, "", "graph")
	assert.Equal(t, app.ExitUsage, r.code)
	r = run(t, "", "graph", "nowhere")
	assert.Equal(t, app.ExitInputErrors, r.code)
	assert.Contains(t, r.stderr, "cannot read the inventory")
}

func TestGraphMarksNeedsLLM(t *testing.T) {
	project(t, map[string]string{
		"spark/views/v.sql": "CREATE OR REPLACE TEMPORARY VIEW v AS SELECT TRANSFORM(xs, x -> x + 1) AS ys FROM t;\n",
	})
	r := run(t, "", "migrate", "--skip-dry-run", "spark")
	require.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)

	r = run(t, "", "graph", "flink_out")
	require.Equal(t, app.ExitOK, r.code, r.stderr)
	assert.Contains(t, r.stdout, `t_v["v · NEEDS-LLM"]`)
	assert.Contains(t, r.stdout, "class t_v needsllm")
}

// TestMigrateCheckNewReportFolder: the CI workflow's case: --out is
// compared, and the reports go into a report folder that did not exist.
func TestMigrateCheckNewReportFolder(t *testing.T) {
	project(t, shopProject)
	r := run(t, "", "migrate", "--skip-dry-run", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	before := snapshot(t, "flink_out")

	r = run(t, "", "migrate", "--skip-dry-run", "--check", "--report", "report", "spark")

	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "check: wrote the reports into report")
	assert.Contains(t, r.stdout, "check: flink_out up to date\n")
	for _, f := range []string{"report.md", "report.json", "junit.xml"} {
		assert.FileExists(t, filepath.Join("report", f))
	}
	assert.Equal(t, before, snapshot(t, "flink_out"))

	// Now it exists: it is compared.
	require.NoError(t, os.WriteFile(filepath.Join("report", "report.md"), []byte("old\n"), 0o644))
	r = run(t, "", "migrate", "--skip-dry-run", "--check", "--report", "report", "spark")
	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "--- report/report.md\n+++ generated\n")
}
