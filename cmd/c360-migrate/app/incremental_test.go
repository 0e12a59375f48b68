package app_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
	"github.com/c360-migrate/c360-migrate/review/gittest"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
	"github.com/c360-migrate/c360-migrate/validate/verify"
)

// c360Copy copies spark_src into a new temp folder beside a link to the
// shared CSVs (spark_src reads ../shared/data/...), makes that folder the
// working directory and returns it. It skips without the shared data.
func c360Copy(tb testing.TB) string {
	tb.Helper()
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	require.NoError(tb, err)
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "data", "c360_mock_data")); err != nil {
		tb.Skip("../shared/data is not beside the repository")
	}
	dir := tb.TempDir()
	require.NoError(tb, os.Symlink(shared, filepath.Join(dir, "shared")))
	repo := filepath.Join(dir, "repo")
	copyDir(tb, filepath.Join(root, "spark_src"), filepath.Join(repo, "spark_src"))
	tb.Chdir(repo)
	return repo
}

func copyDir(tb testing.TB, src, dst string) {
	tb.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	require.NoError(tb, err)
}

var keptRe = regexp.MustCompile(`unchanged since the last run: (\d+) of (\d+) tables kept`)

// kept returns the number of tables a run kept (0 when it printed none).
func kept(t *testing.T, stdout string) int {
	t.Helper()
	m := keptRe.FindStringSubmatch(stdout)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

// downstream returns table and every table that reads it, directly or not.
func downstream(inv *emit.Inventory, table string) map[string]bool {
	out := map[string]bool{table: true}
	for changed := true; changed; {
		changed = false
		for name, e := range inv.Tables {
			for _, d := range e.DependsOn {
				if out[d] && !out[name] {
					out[name] = true
					changed = true
				}
			}
		}
	}
	return out
}

// TestIncrementalC360 runs migrate on a copy of spark_src again and again:
// nothing changed writes nothing and keeps the exit code; an edited Spark
// file redoes its table and those downstream only; a generated file edited
// by hand is kept and reported until --force.
func TestIncrementalC360(t *testing.T) {
	c360Copy(t)
	args := []string{"migrate", "--skip-dry-run", "--no-llm", "--product", "c360", "--report", "flink_out/report", "spark_src"}
	first := run(t, "", args...)
	require.Contains(t, []int{app.ExitOK, app.ExitNeedsLLM}, first.code, first.stdout+first.stderr)
	require.FileExists(t, filepath.Join("flink_out", ".c360-manifest.json"))
	inv, err := emit.ReadInventory("flink_out")
	require.NoError(t, err)
	total := len(inv.Tables)
	before := snapshot(t, "flink_out")

	// Nothing changed: nothing written, same summary, same exit code.
	r := run(t, "", args...)
	assert.Equal(t, first.code, r.code, r.stdout+r.stderr)
	assert.Equal(t, total, kept(t, r.stdout), r.stdout)
	assert.Contains(t, r.stdout, "flink_out/pipelines is up to date: nothing written")
	assert.Equal(t, before, snapshot(t, "flink_out"), "an unchanged re-run wrote something")
	summary := func(s string) string { // the summary lines: tables by status, rules, residue
		i := strings.Index(s, "tables: ")
		require.GreaterOrEqual(t, i, 0, s)
		end := strings.LastIndex(s, "\n"+"hint: ")
		require.Greater(t, end, i, s)
		return s[strings.LastIndex(s[:i], "\n")+1 : end]
	}
	assert.Equal(t, summary(first.stdout), summary(r.stdout))

	// One Spark file edited: its table and the tables downstream are redone.
	e := inv.Tables["int_c360_customer_transactions"]
	require.NotNil(t, e, "spark_src has int_c360_customer_transactions")
	src := e.SparkFile
	if !strings.HasPrefix(src, "spark_src") {
		src = filepath.Join("spark_src", src)
	}
	b, err := os.ReadFile(src)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(src, append(b, []byte("\n-- edited: the input changed\n")...), 0o644))
	redo := downstream(inv, "int_c360_customer_transactions")
	r = run(t, "", args...)
	assert.Equal(t, first.code, r.code, r.stdout+r.stderr)
	assert.Equal(t, total-len(redo), kept(t, r.stdout), "redone: %v\n%s", redo, r.stdout)

	// A generated file edited by hand is kept and reported, every run.
	dim := inv.Tables["c360_dim_customers"]
	require.NotNil(t, dim)
	dml := filepath.Join("flink_out", filepath.FromSlash(dim.DML))
	generated, err := os.ReadFile(dml)
	require.NoError(t, err)
	edited := string(generated) + "-- reviewed by hand\n"
	require.NoError(t, os.WriteFile(dml, []byte(edited), 0o644))
	for range 2 {
		r = run(t, "", args...)
		assert.Equal(t, first.code, r.code, r.stdout+r.stderr)
		assert.Contains(t, r.stdout, "hand-edited, kept: "+dml+" (--force overwrites)\n")
		got, err := os.ReadFile(dml)
		require.NoError(t, err)
		assert.Equal(t, edited, string(got))
		report, err := os.ReadFile(filepath.Join("flink_out", "report", "report.md"))
		require.NoError(t, err)
		assert.Contains(t, string(report), "edited by hand since it was written, kept")
	}

	// --force redoes everything and overwrites it.
	r = run(t, "", append([]string{"migrate", "--force"}, args[1:]...)...)
	assert.Equal(t, first.code, r.code, r.stdout+r.stderr)
	assert.Equal(t, 0, kept(t, r.stdout))
	assert.NotContains(t, r.stdout, "hand-edited")
	got, err := os.ReadFile(dml)
	require.NoError(t, err)
	assert.Equal(t, string(generated), string(got))
}

// TestRerunAfterLintChange: a table is kept with the findings recorded by
// the rules of its run; when the lint's rule set changes (a new rule, a
// new severity, a bumped lint.Version), every table is linted again.
func TestRerunAfterLintChange(t *testing.T) {
	c360Copy(t)
	args := []string{"migrate", "--skip-dry-run", "--no-llm", "--product", "c360", "spark_src"}
	first := run(t, "", args...)
	require.Contains(t, []int{app.ExitOK, app.ExitNeedsLLM}, first.code, first.stdout+first.stderr)
	inv, err := emit.ReadInventory("flink_out")
	require.NoError(t, err)
	r := run(t, "", args...)
	require.Equal(t, len(inv.Tables), kept(t, r.stdout), r.stdout)

	restore := app.SetLintFingerprint("another rule set")
	r = run(t, "", args...)
	assert.Equal(t, first.code, r.code, r.stdout+r.stderr)
	assert.Equal(t, 0, kept(t, r.stdout), "a changed rule set must redo every table:\n%s", r.stdout)
	r = run(t, "", args...)
	assert.Equal(t, len(inv.Tables), kept(t, r.stdout), "the new rule set is recorded:\n%s", r.stdout)
	restore()
}

// TestMigrateDropsStaleVerifyJSON: verify's verify.json in the report
// folder is about the output before a migrate run, which rewrites
// report.md and junit.xml without their verify section: it goes too.
func TestMigrateDropsStaleVerifyJSON(t *testing.T) {
	c360Copy(t)
	stale := filepath.Join("flink_out", "report", verify.JSONFile)
	require.NoError(t, os.MkdirAll(filepath.Dir(stale), 0o755))
	require.NoError(t, os.WriteFile(stale, []byte(`{"tables":[]}`), 0o644))
	r := run(t, "", "migrate", "--skip-dry-run", "--no-llm", "--product", "c360", "--report", "flink_out/report", "spark_src")
	require.Contains(t, []int{app.ExitOK, app.ExitNeedsLLM}, r.code, r.stdout+r.stderr)
	assert.NoFileExists(t, stale)
	assert.FileExists(t, filepath.Join("flink_out", "report", "report.json"))
}

// TestJobsSameOutput: --jobs 1 and --jobs 4 write the same bytes.
func TestJobsSameOutput(t *testing.T) {
	c360Copy(t)
	contents := func(dir string) map[string]string {
		out := map[string]string{}
		for k, v := range snapshot(t, dir) {
			if _, body, ok := strings.Cut(v, "\n"); ok { // drop the mtime
				out[strings.TrimPrefix(k, dir)] = body
			} else {
				out[strings.TrimPrefix(k, dir)] = v
			}
		}
		return out
	}
	for _, jobs := range []string{"1", "4"} {
		r := run(t, "", "migrate", "--skip-dry-run", "--no-llm", "--jobs", jobs, "--product", "c360", "--out", "out"+jobs, "spark_src")
		require.Contains(t, []int{app.ExitOK, app.ExitNeedsLLM}, r.code, r.stdout+r.stderr)
	}
	assert.Equal(t, contents("out1"), contents("out4"))
}

// TestBatch: two projects in one run, as arguments and as a config file,
// into one output folder with one report; re-running one keeps the other.
func TestBatch(t *testing.T) {
	files := map[string]string{}
	for k, v := range shopProject {
		files[k] = v
		// Views keep their name in Flink: the second project's differs.
		files["shop/"+strings.TrimPrefix(k, "spark/")] = strings.ReplaceAll(v, "customer_spend", "order_spend")
	}
	files["batch.yaml"] = "profile: confluent\nprojects:\n  - dir: spark\n    product: web\n  - dir: shop\n    buckets: 3\n"
	project(t, files)

	r := run(t, "", "migrate", "--skip-dry-run", "--report", "rep", "spark", "shop")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "4 tables: 4 translated")
	inv, err := emit.ReadInventory("flink_out")
	require.NoError(t, err)
	assert.Equal(t, "shop,spark", inv.Product)
	assert.Len(t, inv.Tables, 4)
	var rep struct {
		Tables []struct {
			FlinkName string `json:"flink_name"`
		} `json:"tables"`
	}
	b, err := os.ReadFile(filepath.Join("rep", "report.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Len(t, rep.Tables, 4, "one report covers both projects")

	// Re-running one project leaves the other's tables in place.
	r = run(t, "", "migrate", "--skip-dry-run", "shop")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	inv, err = emit.ReadInventory("flink_out")
	require.NoError(t, err)
	assert.Len(t, inv.Tables, 4)
	assert.DirExists(t, filepath.Join("flink_out", "pipelines", "views", "spark", "customer_spend"))

	// The config file names the products and gives per-project options.
	r = run(t, "", "migrate", "--skip-dry-run", "--config", "batch.yaml", "--out", "cfg")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	inv, err = emit.ReadInventory("cfg")
	require.NoError(t, err)
	assert.Equal(t, "shop,web", inv.Product)
	ddl, err := os.ReadFile(filepath.Join("cfg", filepath.FromSlash(inv.Tables["order_spend"].DDL)))
	if assert.NoError(t, err, "tables: %v", inv.Order) {
		assert.Contains(t, string(ddl), "INTO 3 BUCKETS")
	}
	web, err := os.ReadFile(filepath.Join("cfg", filepath.FromSlash(inv.Tables["customer_spend"].DDL)))
	if assert.NoError(t, err, "tables: %v", inv.Order) {
		assert.Contains(t, string(web), "INTO 1 BUCKETS")
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"migrate", "--product", "x", "spark", "shop"}, "--product names one project"},
		{[]string{"migrate", "--config", "batch.yaml", "spark"}, "not both"},
		{[]string{"migrate", "--config", "batch.yaml", "--product", "x"}, "give each project its product there"},
		{[]string{"migrate", "--jobs", "-1", "spark"}, "--jobs -1: want a positive number"},
	} {
		r = run(t, "", tc.args...)
		assert.Equal(t, app.ExitUsage, r.code, r.stdout+r.stderr)
		assert.Contains(t, r.stderr, tc.want)
	}
}

// TestCheckInGitRepository runs the check mode as CI does, in a real git
// repository holding the committed output: clean, then a Spark change, then
// a hand edit; --check never changes the working tree.
func TestCheckInGitRepository(t *testing.T) {
	gittest.Isolate(t)
	project(t, shopProject)
	git := func(args ...string) string {
		t.Helper()
		return gittest.Git(t, ".", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	}
	git("init", "-q")
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	git("add", ".")
	git("commit", "-q", "-m", "migrated")

	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "up to date")
	assert.Empty(t, git("status", "--porcelain"), "--check changed the working tree")

	// The Spark input changes: the committed output is stale.
	view := filepath.Join("spark", "views", "customer_spend.sql")
	require.NoError(t, os.WriteFile(view, []byte("CREATE OR REPLACE TEMPORARY VIEW customer_spend AS\nSELECT customer_id, MAX(amount) AS spend FROM src_orders GROUP BY customer_id;\n"), 0o644))
	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "+++ generated\n")
	assert.Regexp(t, `(?m)^-.*SUM\(`, r.stdout)
	assert.Regexp(t, `(?m)^\+.*MAX\(`, r.stdout)
	assert.Equal(t, " M "+filepath.ToSlash(view), git("status", "--porcelain"), "--check wrote into the repository")

	// migrate brings it up to date; a hand edit is a difference for CI.
	r = run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	git("add", ".")
	git("commit", "-q", "-m", "MAX")
	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	b, err := os.ReadFile(shopDML)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(shopDML, append(b, []byte("-- by hand\n")...), 0o644))
	r = run(t, "", checkArgs()...)
	assert.Equal(t, app.ExitCheckDiff, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "+++ generated\n")
	assert.Contains(t, r.stdout, "hand-edited: "+shopDML)
	assert.Equal(t, " M "+shopDML, git("status", "--porcelain"))
}

// TestRerunKeepsDryRunVerdict: after a dry run on the real local Flink, a
// re-run with nothing changed needs no gateway (a dead URL is never asked)
// and reports the same verdict, junit.xml's dry-run cases included.
func TestRerunKeepsDryRunVerdict(t *testing.T) {
	url := flinktest.Ensure(t)
	project(t, shopProject)
	r := run(t, "", "migrate", "--gateway", url, "--report", "rep", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	require.Contains(t, r.stdout, "dry run on Flink ")
	junit, err := os.ReadFile(filepath.Join("rep", "junit.xml"))
	require.NoError(t, err)
	require.Contains(t, string(junit), `name="dry-run"`)
	before := snapshot(t, ".")

	r = run(t, "", "migrate", "--gateway", "http://127.0.0.1:1", "--report", "rep", "spark")
	assert.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout, "dry run on")
	assert.NotContains(t, r.stdout, "dry run skipped")
	assert.Equal(t, before, snapshot(t, "."), "nothing is written, the reports included")
}
