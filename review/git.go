package review

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Errors Open and CheckBranch return, for the CLI's exit codes; the
// message of the wrapping error says more.
var (
	ErrNoGit         = errors.New("git is not installed (no git on PATH)")
	ErrNotRepository = errors.New("not inside a git repository")
	ErrBranchExists  = errors.New("branch exists")
	ErrCheckedOut    = errors.New("branch is checked out")
	ErrBadBranch     = errors.New("not a valid branch name")
	ErrBranchClash   = errors.New("clashes with an existing branch")
)

// Fallback identity for the commits when git has none (a CI machine with
// no user.name/user.email): git would refuse to commit.
const (
	FallbackName  = "c360-migrate"
	FallbackEmail = "c360-migrate@localhost"
)

// Repo is the git repository that holds a Flink output folder.
type Repo struct {
	// Root is the repository's top-level folder (of the worktree).
	Root string
	// Out is the output folder relative to Root, slash-separated; "" when
	// it is Root itself.
	Out string
	git string
}

// Open finds the repository that holds out, which need not exist yet.
func Open(ctx context.Context, out string) (*Repo, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	// Ask git from the nearest folder that exists; the rest of --out is
	// created on the branch.
	dir, rest := abs, []string{}
	for {
		info, err := os.Stat(dir)
		if err == nil {
			if !info.IsDir() {
				return nil, fmt.Errorf("%s is a file, not a folder", dir)
			}
			break
		}
		// Not there (or below a file): ask from the parent.
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, fmt.Errorf("%s: %w", out, ErrNotRepository)
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
		dir = parent
	}
	r := &Repo{git: bin}
	top, err := r.output(ctx, dir, nil, nil, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--out %s: %w (git: %s)", out, ErrNotRepository, firstLine(err.Error()))
	}
	prefix, err := r.output(ctx, dir, nil, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, err
	}
	r.Root = strings.TrimSpace(top)
	r.Out = path.Clean(path.Join(strings.TrimSpace(prefix), path.Join(rest...)))
	if r.Out == "." {
		r.Out = ""
	}
	if r.Out == ".git" || strings.HasPrefix(r.Out, ".git/") {
		return nil, fmt.Errorf("--out %s is inside the repository's .git folder", out)
	}
	return r, nil
}

// Path returns rel (slash-separated, relative to the output folder) as a
// path relative to the repository root.
func (r *Repo) Path(rel string) string {
	if r.Out == "" {
		return rel
	}
	return path.Join(r.Out, rel)
}

// head returns the commit HEAD names, "" in a repository without commits.
func (r *Repo) head(ctx context.Context) (string, error) {
	out, err := r.output(ctx, r.Root, nil, nil, "rev-parse", "--verify", "-q", "HEAD^{commit}")
	if err != nil {
		var xe *exec.ExitError
		if errors.As(err, &xe) {
			return "", nil // unborn branch: no commit yet
		}
		return "", err
	}
	return strings.TrimSpace(out), nil
}

// CheckBranch says whether name can be created (or, with force, replaced):
// it must be a valid branch name, not exist unless force, and never be a
// branch checked out in one of the repository's worktrees. It returns the
// branch's current commit, "" when it does not exist.
func (r *Repo) CheckBranch(ctx context.Context, name string, force bool) (string, error) {
	if name == "" || strings.HasPrefix(name, "-") {
		return "", fmt.Errorf("%q: %w", name, ErrBadBranch)
	}
	ref := "refs/heads/" + name
	if _, err := r.output(ctx, r.Root, nil, nil, "check-ref-format", ref); err != nil {
		return "", fmt.Errorf("%q: %w (see git check-ref-format)", name, ErrBadBranch)
	}
	// Git stores branches as paths: "a" and "a/b" cannot both exist, and
	// --force must not delete another branch to make room.
	parts := strings.Split(name, "/")
	for i := 1; i < len(parts); i++ {
		prefix := strings.Join(parts[:i], "/")
		if _, err := r.output(ctx, r.Root, nil, nil, "rev-parse", "--verify", "-q", "refs/heads/"+prefix); err == nil {
			return "", fmt.Errorf("%s: %w %s; choose another name", name, ErrBranchClash, prefix)
		}
	}
	below, err := r.output(ctx, r.Root, nil, nil, "for-each-ref", "--count=1", "--format=%(refname:short)", ref+"/")
	if err != nil {
		return "", err
	}
	if below = strings.TrimSpace(below); below != "" {
		return "", fmt.Errorf("%s: %w %s; choose another name", name, ErrBranchClash, below)
	}
	cur, err := r.output(ctx, r.Root, nil, nil, "rev-parse", "--verify", "-q", ref)
	if err != nil {
		var xe *exec.ExitError
		if !errors.As(err, &xe) {
			return "", err
		}
		return "", nil
	}
	cur = strings.TrimSpace(cur)
	if !force {
		return "", fmt.Errorf("%s: %w; choose another name or replace it with --force", name, ErrBranchExists)
	}
	wts, err := r.output(ctx, r.Root, nil, nil, "worktree", "list", "--porcelain")
	if err != nil {
		return "", err
	}
	for _, l := range strings.Split(wts, "\n") {
		if l == "branch "+ref {
			return "", fmt.Errorf("%s: %w in a worktree of %s; --force never replaces a checked-out branch", name, ErrCheckedOut, r.Root)
		}
	}
	return cur, nil
}

// identityEnv returns the environment for commit-tree: the user's own
// identity when git has one, the fallback identity otherwise.
func (r *Repo) identityEnv(ctx context.Context) (env []string, fallback bool) {
	_, errA := r.output(ctx, r.Root, nil, nil, "var", "GIT_AUTHOR_IDENT")
	_, errC := r.output(ctx, r.Root, nil, nil, "var", "GIT_COMMITTER_IDENT")
	if errA == nil && errC == nil {
		return nil, false
	}
	return []string{
		"GIT_AUTHOR_NAME=" + FallbackName, "GIT_AUTHOR_EMAIL=" + FallbackEmail,
		"GIT_COMMITTER_NAME=" + FallbackName, "GIT_COMMITTER_EMAIL=" + FallbackEmail,
	}, true
}

// output runs git in dir with extra environment and stdin and returns its
// standard output; a failure carries git's standard error.
func (r *Repo) output(ctx context.Context, dir string, env []string, stdin io.Reader, args ...string) (string, error) {
	var out, errb bytes.Buffer
	cmd := exec.CommandContext(ctx, r.git, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = stdin
	cmd.Stdout = &out
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if msg == "" {
			msg = err.Error()
		}
		return out.String(), &gitError{args: args, msg: msg, err: err}
	}
	return out.String(), nil
}

// gitError is a failed git command.
type gitError struct {
	args []string
	msg  string
	err  error
}

func (e *gitError) Error() string {
	return "git " + strings.Join(e.args, " ") + ": " + e.msg
}

func (e *gitError) Unwrap() error { return e.err }

// blob is a regular file of a tree.
type blob struct {
	mode, sha string
}

// lsTree lists the regular files of commit below the pathspecs (slash
// paths relative to the root; none for all), by path relative to the root.
func (r *Repo) lsTree(ctx context.Context, commit string, pathspecs ...string) (map[string]blob, error) {
	out := map[string]blob{}
	if commit == "" {
		return out, nil
	}
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if len(pathspecs) > 0 {
		// Literal paths: a folder or file name is not a glob.
		args = append([]string{"--literal-pathspecs"}, append(args, "--")...)
		args = append(args, pathspecs...)
	}
	text, err := r.output(ctx, r.Root, nil, nil, args...)
	if err != nil {
		return nil, err
	}
	for _, rec := range strings.Split(text, "\x00") {
		meta, p, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta) // mode type sha
		if len(f) != 3 || f[1] != "blob" || (f[0] != "100644" && f[0] != "100755") {
			continue // symlinks and submodules are not output files
		}
		out[p] = blob{mode: f[0], sha: f[2]}
	}
	return out, nil
}

// readBlobs returns the contents of blobs with one git cat-file --batch.
func (r *Repo) readBlobs(ctx context.Context, shas []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(shas) == 0 {
		return out, nil
	}
	cmd := exec.CommandContext(ctx, r.git, "cat-file", "--batch")
	cmd.Dir = r.Root
	cmd.Stdin = strings.NewReader(strings.Join(shas, "\n") + "\n")
	var errb bytes.Buffer
	cmd.Stderr = &errb
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	br := bufio.NewReader(pipe)
	for range shas {
		hdr, err := br.ReadString('\n')
		if err != nil {
			_ = cmd.Wait()
			return nil, fmt.Errorf("git cat-file --batch: %v %s", err, errb.String())
		}
		f := strings.Fields(hdr) // sha type size
		if len(f) != 3 {
			_ = cmd.Wait()
			return nil, fmt.Errorf("git cat-file --batch: %s", strings.TrimSpace(hdr))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			_ = cmd.Wait()
			return nil, fmt.Errorf("git cat-file --batch: %s", strings.TrimSpace(hdr))
		}
		data := make([]byte, size+1) // content and a newline
		if _, err := io.ReadFull(br, data); err != nil {
			_ = cmd.Wait()
			return nil, fmt.Errorf("git cat-file --batch: %v", err)
		}
		out[f[0]] = data[:size]
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %v %s", err, errb.String())
	}
	return out, nil
}

// hashFiles stores the files (absolute paths) as blobs, byte for byte (no
// clean filters or line-ending conversion: the committed bytes are the
// generated ones), and returns their ids in the same order.
func (r *Repo) hashFiles(ctx context.Context, files []string) ([]string, error) {
	if len(files) == 0 {
		return nil, nil
	}
	out, err := r.output(ctx, r.Root, nil, strings.NewReader(strings.Join(files, "\n")+"\n"),
		"hash-object", "-w", "--no-filters", "--stdin-paths")
	if err != nil {
		return nil, err
	}
	shas := strings.Fields(out)
	if len(shas) != len(files) {
		return nil, fmt.Errorf("git hash-object: %d ids for %d files", len(shas), len(files))
	}
	return shas, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// Rel returns p (a path on disk, which need not exist) relative to the
// repository root, slash-separated, and whether it lies inside the
// repository.
func (r *Repo) Rel(p string) (string, bool) {
	root, err := filepath.EvalSymlinks(r.Root)
	if err != nil {
		return "", false
	}
	real, err := realPath(p)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	return rel, true
}

// realPath resolves the symbolic links of p's longest existing prefix and
// appends the rest.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", err
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}
