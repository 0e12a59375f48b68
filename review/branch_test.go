package review_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/review"
	"github.com/c360-migrate/c360-migrate/review/gittest"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// newRepo makes a repository with one commit, a modified tracked file, a
// staged change and an untracked file: a user in the middle of work.
func newRepo(t *testing.T) string {
	t.Helper()
	gittest.Isolate(t)
	dir := t.TempDir()
	gittest.Git(t, dir, "init", "-q", "-b", "main")
	gittest.Git(t, dir, "config", "user.name", "Test User")
	gittest.Git(t, dir, "config", "user.email", "test@example.com")
	write(t, filepath.Join(dir, "README.md"), "readme\n")
	write(t, filepath.Join(dir, "notes.txt"), "notes\n")
	gittest.Git(t, dir, "add", ".")
	gittest.Git(t, dir, "commit", "-q", "-m", "init")
	write(t, filepath.Join(dir, "README.md"), "readme, edited\n")
	write(t, filepath.Join(dir, "notes.txt"), "notes, staged\n")
	gittest.Git(t, dir, "add", "notes.txt")
	write(t, filepath.Join(dir, "scratch.txt"), "untracked\n")
	return dir
}

func write(t *testing.T, name, text string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, os.WriteFile(name, []byte(text), 0o644))
}

// state is everything of a checkout that Publish must not change.
type state struct {
	head, branch, status, index string
	files                       map[string]string
}

func stateOf(t *testing.T, dir string) state {
	t.Helper()
	s := state{
		head:   gittest.Git(t, dir, "rev-parse", "-q", "--verify", "HEAD^{commit}"),
		branch: gittest.Git(t, dir, "symbolic-ref", "HEAD"),
		status: gittest.Git(t, dir, "status", "--porcelain", "--untracked-files=all"),
		index:  gittest.Git(t, dir, "ls-files", "--stage"),
		files:  map[string]string{},
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
			s.files[p] = string(b)
		}
		return nil
	}))
	return s
}

// treeFiles reads every file of rev below dir from git.
func treeFiles(t *testing.T, repo, rev, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	args := []string{"ls-tree", "-r", "--name-only", rev}
	if dir != "" {
		args = append(args, "--", dir)
	}
	names := gittest.Git(t, repo, args...)
	for _, n := range strings.Split(names, "\n") {
		if n == "" {
			continue
		}
		cmd := exec.Command("git", "cat-file", "blob", rev+":"+n)
		cmd.Dir = repo
		b, err := cmd.Output()
		require.NoError(t, err)
		out[strings.TrimPrefix(n, dir+"/")] = string(b)
	}
	return out
}

// emitted is what migrate writes for run into an empty folder.
func emitted(t *testing.T, run *result.Run) map[string]string {
	t.Helper()
	dir := t.TempDir()
	_, err := emit.Write(run, dir, emit.Options{})
	require.NoError(t, err)
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

// pipelinesOf keeps the files below pipelines/.
func pipelinesOf(files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		if strings.HasPrefix(k, emit.Pipelines+"/") {
			out[k] = v
		}
	}
	return out
}

func commits(t *testing.T, repo, revs string) []string {
	t.Helper()
	return strings.Split(gittest.Git(t, repo, "rev-list", "--reverse", revs), "\n")
}

func open(t *testing.T, out string) *review.Repo {
	t.Helper()
	r, err := review.Open(context.Background(), out)
	require.NoError(t, err)
	return r
}

func TestPublishOneCommitPerTable(t *testing.T) {
	dir := newRepo(t)
	before := stateOf(t, dir)
	run := emittest.Run()
	repo := open(t, filepath.Join(dir, "flink_out"))
	assert.Equal(t, "flink_out", repo.Out)

	pub, err := repo.Publish(context.Background(), review.Request{
		Branch: "migrate/c360", Run: run, Extra: map[string][]byte{"flink_out/PULL_REQUEST.md": []byte("# PR\n")},
	})
	require.NoError(t, err)

	assert.Equal(t, before, stateOf(t, dir), "the checkout changed")
	assert.Equal(t, before.head, pub.Base)
	assert.False(t, pub.FallbackIdentity)
	cs := commits(t, dir, "main..migrate/c360")
	require.Len(t, cs, 4)
	var subjects []string
	for i, c := range cs {
		assert.Equal(t, pub.Commits[i].SHA, c)
		subjects = append(subjects, gittest.Git(t, dir, "log", "-1", "--format=%s", c))
		assert.Equal(t, "Test User <test@example.com>", gittest.Git(t, dir, "log", "-1", "--format=%an <%ae>", c))
	}
	assert.Equal(t, []string{
		"src_c360_customers: translated",
		"c360_dim_customers: needs-llm",
		"customer_analytics_c360: translated",
		"c360: migration summary (3 tables: 2 translated, 1 needs-llm)",
	}, subjects)

	// Each table's commit holds its folder and nothing else.
	folders := []string{"sources/c360/src_customers", "dimensions/c360/dim_customers", "views/c360/customer_analytics_c360"}
	for i, f := range folders {
		changed := gittest.Git(t, dir, "diff-tree", "--no-commit-id", "--name-only", "-r", cs[i])
		for _, p := range strings.Split(changed, "\n") {
			assert.True(t, strings.HasPrefix(p, "flink_out/pipelines/"+f+"/"), "commit %d touches %s", i, p)
		}
	}
	body := gittest.Git(t, dir, "log", "-1", "--format=%b", cs[1])
	assert.Contains(t, body, "Layer: dimensions\n")
	assert.Contains(t, body, "Residue: 2\n- dimensions/dim_customers.sql:7:3 [func.transform]")
	assert.Contains(t, body, "LLM: not used\n")
	assert.Contains(t, body, "NOT complete")
	final := gittest.Git(t, dir, "diff-tree", "--no-commit-id", "--name-only", "-r", cs[3])
	assert.Equal(t, "flink_out/PULL_REQUEST.md\nflink_out/pipelines/common.mk\nflink_out/pipelines/inventory.json", final)

	// The branch holds exactly what migrate writes, on top of HEAD's tree.
	assert.Equal(t, emitted(t, run), pipelinesOf(treeFiles(t, dir, "migrate/c360", "flink_out")))
	assert.Equal(t, "# PR\n", treeFiles(t, dir, "migrate/c360", "flink_out")["PULL_REQUEST.md"])
	assert.Equal(t, "readme\n", treeFiles(t, dir, "migrate/c360", "")["README.md"], "HEAD's files, not the working tree's")
	assert.Equal(t, "notes\n", treeFiles(t, dir, "migrate/c360", "")["notes.txt"], "HEAD's files, not the index's")
	assert.NotContains(t, treeFiles(t, dir, "migrate/c360", ""), "scratch.txt")
}

func TestPublishRefusesExistingBranch(t *testing.T) {
	dir := newRepo(t)
	repo := open(t, filepath.Join(dir, "out"))
	ctx := context.Background()
	first, err := repo.Publish(ctx, review.Request{Branch: "review", Run: emittest.Run()})
	require.NoError(t, err)
	tip := first.Commits[len(first.Commits)-1].SHA

	_, err = repo.Publish(ctx, review.Request{Branch: "review", Run: emittest.Run()})
	require.ErrorIs(t, err, review.ErrBranchExists)
	assert.Contains(t, err.Error(), "--force")
	assert.Equal(t, tip, gittest.Git(t, dir, "rev-parse", "review"), "a refused run moved the branch")

	run := emittest.Run()
	run.Tables = run.Tables[:1]
	before := stateOf(t, dir)
	second, err := repo.Publish(ctx, review.Request{Branch: "review", Force: true, Run: run})
	require.NoError(t, err)
	assert.Equal(t, tip, second.Replaced)
	assert.Equal(t, second.Commits[len(second.Commits)-1].SHA, gittest.Git(t, dir, "rev-parse", "review"))
	assert.Len(t, commits(t, dir, "main..review"), 2, "replaced from HEAD, not stacked on the old branch")
	assert.Equal(t, before, stateOf(t, dir))

	// Never the checked-out branch, here or in another worktree.
	_, err = repo.Publish(ctx, review.Request{Branch: "main", Force: true, Run: run})
	require.ErrorIs(t, err, review.ErrCheckedOut)
	gittest.Git(t, dir, "worktree", "add", "-q", filepath.Join(t.TempDir(), "wt"), "review")
	_, err = repo.Publish(ctx, review.Request{Branch: "review", Force: true, Run: run})
	require.ErrorIs(t, err, review.ErrCheckedOut)
	assert.Equal(t, before.head, gittest.Git(t, dir, "rev-parse", "main"))
}

func TestPublishOverPreviousOutput(t *testing.T) {
	dir := newRepo(t)
	out := filepath.Join(dir, "flink_out")
	// HEAD holds an earlier migration: all three tables, and a file of the
	// user's own beside them.
	_, err := emit.Write(emittest.Run(), out, emit.Options{})
	require.NoError(t, err)
	write(t, filepath.Join(out, "pipelines", "OWNERS"), "team\n")
	gittest.Git(t, dir, "add", "flink_out")
	gittest.Git(t, dir, "commit", "-q", "-m", "earlier migration")
	before := stateOf(t, dir)

	// Now the view is gone and the dimension changed.
	run := emittest.Run()
	run.Tables = run.Tables[:2]
	run.Tables[1].DML = strings.Replace(run.Tables[1].DML, "SELECT", "SELECT /* changed */", 1)
	pub, err := open(t, out).Publish(context.Background(), review.Request{Branch: "next", Run: run})
	require.NoError(t, err)

	assert.Equal(t, before, stateOf(t, dir))
	assert.Equal(t, []string{"src_c360_customers"}, pub.Unchanged)
	require.Len(t, pub.Commits, 2)
	assert.Equal(t, "c360_dim_customers: needs-llm", pub.Commits[0].Subject)
	assert.Equal(t, "c360: migration summary (2 tables: 1 translated, 1 needs-llm)", pub.Commits[1].Subject)
	assert.Positive(t, pub.Commits[1].Removed)
	msg := gittest.Git(t, dir, "log", "-1", "--format=%B", "next")
	assert.Contains(t, msg, "Tables already up to date (no commit): src_c360_customers")
	assert.Contains(t, msg, "Removed (tables the project no longer has):\n- flink_out/pipelines/views/c360/customer_analytics_c360/")

	want := emitted(t, run)
	want["pipelines/OWNERS"] = "team\n" // migrate leaves files it did not write
	assert.Equal(t, want, pipelinesOf(treeFiles(t, dir, "next", "flink_out")))
}

func TestPublishWithoutCommits(t *testing.T) {
	gittest.Isolate(t)
	dir := t.TempDir()
	gittest.Git(t, dir, "init", "-q", "-b", "main")
	gittest.Git(t, dir, "config", "user.name", "Test User")
	gittest.Git(t, dir, "config", "user.email", "test@example.com")
	repo := open(t, dir)
	assert.Equal(t, "", repo.Out, "--out is the repository root")

	pub, err := repo.Publish(context.Background(), review.Request{Branch: "first", Run: emittest.Run()})
	require.NoError(t, err)

	assert.Equal(t, "", pub.Base)
	assert.Len(t, commits(t, dir, "first"), 4)
	assert.Equal(t, emitted(t, emittest.Run()), pipelinesOf(treeFiles(t, dir, "first", "")))
	_, err = os.Stat(filepath.Join(dir, "pipelines"))
	assert.ErrorIs(t, err, fs.ErrNotExist, "wrote into the working tree")
}

func TestFallbackIdentity(t *testing.T) {
	gittest.Isolate(t)
	dir := t.TempDir()
	gittest.Git(t, dir, "init", "-q", "-b", "main")
	cmd := exec.Command("git", "var", "GIT_COMMITTER_IDENT")
	cmd.Dir = dir
	if cmd.Run() == nil {
		t.Skip("git finds an identity on this machine without configuration (a host name with a domain)")
	}

	pub, err := open(t, filepath.Join(dir, "out")).Publish(context.Background(), review.Request{Branch: "ci", Run: emittest.Run()})
	require.NoError(t, err)

	assert.True(t, pub.FallbackIdentity)
	assert.Equal(t, review.FallbackName+" <"+review.FallbackEmail+">", gittest.Git(t, dir, "log", "-1", "--format=%an <%ae>", "ci"))
	assert.Equal(t, review.FallbackName+" <"+review.FallbackEmail+">", gittest.Git(t, dir, "log", "-1", "--format=%cn <%ce>", "ci"))
}

func TestOpen(t *testing.T) {
	dir := newRepo(t)
	sub := filepath.Join(dir, "a")
	require.NoError(t, os.Mkdir(sub, 0o755))

	r := open(t, filepath.Join(sub, "b", "c"))
	assert.Equal(t, "a/b/c", r.Out, "a folder that does not exist yet")
	resolved, err := filepath.EvalSymlinks(dir)
	require.NoError(t, err)
	assert.Equal(t, resolved, r.Root)
	rel, inside := r.Rel(filepath.Join(sub, "report"))
	assert.True(t, inside)
	assert.Equal(t, "a/report", rel)
	_, inside = r.Rel(t.TempDir())
	assert.False(t, inside)

	_, err = review.Open(context.Background(), t.TempDir())
	require.ErrorIs(t, err, review.ErrNotRepository)

	_, err = review.Open(context.Background(), filepath.Join(dir, "README.md", "x"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is a file")

	_, err = review.Open(context.Background(), filepath.Join(dir, ".git", "out"))
	require.Error(t, err)

	t.Setenv("PATH", t.TempDir())
	_, err = review.Open(context.Background(), dir)
	require.ErrorIs(t, err, review.ErrNoGit)
}

func TestCheckBranchNames(t *testing.T) {
	dir := newRepo(t)
	r := open(t, dir)
	for _, name := range []string{"", "-x", "a..b", "a b", "x.lock", "a/", "@{-1}", "a~1"} {
		_, err := r.CheckBranch(context.Background(), name, false)
		assert.True(t, errors.Is(err, review.ErrBadBranch), "%q: %v", name, err)
	}
	for _, name := range []string{"review", "migrate/c360-2026", "user/x_y"} {
		old, err := r.CheckBranch(context.Background(), name, false)
		assert.NoError(t, err, name)
		assert.Equal(t, "", old)
	}
	_, err := r.CheckBranch(context.Background(), "main", false)
	assert.ErrorIs(t, err, review.ErrBranchExists)

	// Branch names are paths in git: "main" blocks "main/x" and the other
	// way round, --force or not.
	gittest.Git(t, dir, "branch", "team/a")
	for _, name := range []string{"main/x", "team"} {
		_, err := r.CheckBranch(context.Background(), name, true)
		assert.ErrorIs(t, err, review.ErrBranchClash, name)
	}
}

// BenchmarkPublish commits the sample run (3 tables, 4 commits) on a new
// branch of a repository that holds one commit.
func BenchmarkPublish(b *testing.B) {
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"config", "user.name", "Bench"}, {"config", "user.email", "bench@example.com"}, {"commit", "-q", "--allow-empty", "-m", "init"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	repo, err := review.Open(context.Background(), filepath.Join(dir, "flink_out"))
	if err != nil {
		b.Fatal(err)
	}
	run := emittest.Run()
	for b.Loop() {
		if _, err := repo.Publish(context.Background(), review.Request{Branch: "bench", Force: true, Run: run}); err != nil {
			b.Fatal(err)
		}
	}
}
