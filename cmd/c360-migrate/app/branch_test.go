package app_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
	"github.com/c360-migrate/c360-migrate/review/gittest"
)

// shopRepo makes the shop project a git repository with one commit, then
// leaves work in progress: an edited file, a staged change, an untracked
// file.
func shopRepo(t *testing.T) string {
	t.Helper()
	gittest.Isolate(t)
	files := map[string]string{"README.md": "shop\n", "NOTES.md": "notes\n"}
	for k, v := range shopProject {
		files[k] = v
	}
	dir := project(t, files)
	gittest.Git(t, dir, "init", "-q", "-b", "main")
	gittest.Git(t, dir, "config", "user.name", "Test User")
	gittest.Git(t, dir, "config", "user.email", "test@example.com")
	gittest.Git(t, dir, "add", ".")
	gittest.Git(t, dir, "commit", "-q", "-m", "shop")
	require.NoError(t, os.WriteFile("README.md", []byte("shop, edited\n"), 0o644))
	require.NoError(t, os.WriteFile("NOTES.md", []byte("notes, staged\n"), 0o644))
	gittest.Git(t, dir, "add", "NOTES.md")
	require.NoError(t, os.WriteFile("scratch.txt", []byte("untracked\n"), 0o644))
	return dir
}

// checkout is what --branch must leave as it was: HEAD, the current
// branch, the index, the status and every file's bytes.
func checkout(t *testing.T, dir string) map[string]string {
	t.Helper()
	s := map[string]string{
		"HEAD":   gittest.Git(t, dir, "rev-parse", "HEAD"),
		"branch": gittest.Git(t, dir, "symbolic-ref", "HEAD"),
		"index":  gittest.Git(t, dir, "ls-files", "--stage"),
		"status": gittest.Git(t, dir, "status", "--porcelain", "--untracked-files=all"),
	}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			s[p] = string(b)
		}
		return nil
	}))
	return s
}

// branchFiles reads the files of rev below dir/ from git, by path relative
// to dir.
func branchFiles(t *testing.T, repo, rev, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, n := range strings.Split(gittest.Git(t, repo, "ls-tree", "-r", "--name-only", rev, "--", dir), "\n") {
		if n != "" {
			out[strings.TrimPrefix(n, dir+"/")] = gittest.Git(t, repo, "cat-file", "blob", rev+":"+n) + "\n"
		}
	}
	return out
}

// diskFiles reads the files below dir.
func diskFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	}))
	return out
}

func TestMigrateBranch(t *testing.T) {
	dir := shopRepo(t)
	before := checkout(t, dir)
	pr := filepath.Join(t.TempDir(), "pr.md")
	args := []string{"migrate", "--skip-dry-run", "--report", "flink_out/report", "--pr-description", pr, "--branch", "review/shop", "spark"}

	r := run(t, "", args...)

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Equal(t, before, checkout(t, dir), "--branch changed the checkout")
	assert.NoDirExists(t, "flink_out")
	assert.Contains(t, r.stdout, "2 tables: 2 translated\n")
	assert.Contains(t, r.stdout, "branch review/shop created: 3 commits on ")
	assert.Contains(t, r.stdout, "your branch, index and working tree are untouched\n")

	cs := strings.Split(gittest.Git(t, dir, "rev-list", "--reverse", "main..review/shop"), "\n")
	require.Len(t, cs, 3)
	var subjects []string
	for _, c := range cs {
		subjects = append(subjects, gittest.Git(t, dir, "log", "-1", "--format=%s", c))
		assert.Contains(t, r.stdout, c[:10])
	}
	assert.Equal(t, []string{"src_spark_orders: translated", "customer_spend: translated", "spark: migration summary (2 tables: 2 translated)"}, subjects)
	body := gittest.Git(t, dir, "log", "-1", "--format=%b", cs[1])
	assert.Contains(t, body, "Layer: views\nSpark: views/customer_spend.sql:1:1 (customer_spend)\nChangelog: upsert, key (customer_id)\n")
	assert.Contains(t, body, "LLM: not used\n")
	assert.Contains(t, body, "Residue: 0")

	onBranch := branchFiles(t, dir, "review/shop", "flink_out")
	prText, err := os.ReadFile(pr)
	require.NoError(t, err)
	assert.Equal(t, string(prText), onBranch["PULL_REQUEST.md"])
	assert.Contains(t, string(prText), "# Migrate spark from Spark SQL to Flink SQL (confluent)\n")
	assert.Contains(t, string(prText), "```mermaid\nflowchart LR\n")
	assert.Contains(t, string(prText), "c360-migrate "+strings.Join(args[:len(args)-1], " ")+" spark\n")
	delete(onBranch, "PULL_REQUEST.md")

	// The branch holds what migrate writes, byte for byte.
	r = run(t, "", "migrate", "--skip-dry-run", "--report", "flink_out/report", "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Equal(t, diskFiles(t, "flink_out"), onBranch)
}

func TestMigrateBranchExists(t *testing.T) {
	dir := shopRepo(t)
	args := []string{"migrate", "--skip-dry-run", "--branch", "review", "spark"}
	r := run(t, "", args...)
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	first := gittest.Git(t, dir, "rev-parse", "review")
	before := checkout(t, dir)

	r = run(t, "", args...)

	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, "--branch: review: branch exists; choose another name or replace it with --force")
	assert.Empty(t, r.stdout, "refused before translating")
	assert.Equal(t, first, gittest.Git(t, dir, "rev-parse", "review"))

	r = run(t, "", append([]string{"migrate", "--force"}, args[1:]...)...)

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "branch review replaced (was "+first[:10]+"): 3 commits")
	assert.NotEqual(t, first, gittest.Git(t, dir, "rev-parse", "review"))
	assert.Equal(t, before, checkout(t, dir))

	r = run(t, "", "migrate", "--skip-dry-run", "--force", "--branch", "main", "spark")

	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, "main: branch is checked out")
	assert.Equal(t, before, checkout(t, dir))
}

func TestMigrateBranchErrors(t *testing.T) {
	gittest.Isolate(t)
	project(t, shopProject) // not a git repository

	r := run(t, "", "migrate", "--skip-dry-run", "--branch", "review", "spark")
	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, "c360-migrate: error: --branch: --out flink_out: not inside a git repository")
	assert.NoDirExists(t, "flink_out")

	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--branch", "review", "--check"}, "--branch and --check exclude each other"},
		{[]string{"--pr-description", "pr.md", "--check"}, "--pr-description and --check exclude each other"},
	} {
		r := run(t, "", append(append([]string{"migrate", "--skip-dry-run"}, c.args...), "spark")...)
		assert.Equal(t, app.ExitUsage, r.code, c.args)
		assert.Contains(t, r.stderr, c.msg, c.args)
	}

	gittest.Git(t, ".", "init", "-q", "-b", "main")
	r = run(t, "", "migrate", "--skip-dry-run", "--branch", "bad..name", "spark")
	assert.Equal(t, app.ExitUsage, r.code)
	assert.Contains(t, r.stderr, `--branch: "bad..name": not a valid branch name`)
}

// TestMigrateBranchLLM: a table the model finished is committed with its
// status llm and the model named; the answer cache lives outside the
// working tree and a re-run replays it.
func TestMigrateBranchLLM(t *testing.T) {
	gittest.Isolate(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := project(t, map[string]string{
		"spark/data/t.csv": "id,xs\n1,a\n",
		"spark/sources/src_t.sql": "CREATE OR REPLACE TEMPORARY VIEW t_raw USING CSV OPTIONS (path 'data/t.csv', header 'true', inferSchema 'true');\n" +
			"CREATE OR REPLACE TEMPORARY VIEW src_t AS SELECT id, xs FROM t_raw;\n",
		"spark/views/v.sql": "CREATE VIEW v AS SELECT id, xxhash64(xs) AS h FROM src_t",
	})
	gittest.Git(t, dir, "init", "-q", "-b", "main")
	gittest.Git(t, dir, "config", "user.name", "Test User")
	gittest.Git(t, dir, "config", "user.email", "test@example.com")
	gittest.Git(t, dir, "add", ".")
	gittest.Git(t, dir, "commit", "-q", "-m", "spark")
	before := checkout(t, dir)
	o := &ollama{answers: []string{jsonAnswer(goodDML)}}
	srv := o.serve(t)
	args := []string{"migrate", "--skip-dry-run", "--ollama-url", srv.URL, "--force", "--branch", "llm", "spark"}

	r := run(t, "", args...)

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Equal(t, before, checkout(t, dir), "the LLM cache or the output went into the working tree")
	assert.Equal(t, "v: llm", gittest.Git(t, dir, "log", "-1", "--format=%s", "llm~1"))
	assert.Contains(t, gittest.Git(t, dir, "log", "-1", "--format=%b", "llm~1"), "LLM: qwen2.5-coder, 1 attempt\n")
	pr := gittest.Git(t, dir, "show", "llm:flink_out/PULL_REQUEST.md")
	assert.Contains(t, pr, "### v: written by the LLM\n\nqwen2.5-coder, 1 attempt produced the part no rule translated")
	assert.Contains(t, gittest.Git(t, dir, "show", "llm:flink_out/pipelines/views/spark/v/sql-scripts/dml.v.sql"), "HASH_CODE(xs)")
	// The branch carries the manifest, with the LLM's verdict, so a
	// checkout of it re-runs incrementally.
	assert.Contains(t, gittest.Git(t, dir, "show", "llm:flink_out/.c360-manifest.json"), `"status": "llm"`)

	r = run(t, "", args...)

	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "0 model calls")
	assert.Equal(t, int32(1), atomic.LoadInt32(&o.calls), "the cached answer is replayed")
	assert.Equal(t, before, checkout(t, dir))
}
