// Package review puts a migration's output on a new git branch of the
// repository that holds the output folder, for review as a pull request,
// without touching the user's checkout.
//
// It drives the real git binary with plumbing commands only. The commits
// are built on a temporary index (GIT_INDEX_FILE) that starts from HEAD's
// tree; blobs are written with hash-object, trees with write-tree, commits
// with commit-tree, and the branch is created last with one update-ref
// whose expected old value is empty, so creating a branch that appeared in
// the meantime fails instead of overwriting it. The current branch, the
// index, the working tree and uncommitted or untracked files are never
// read or written; only new objects and the one ref are added.
//
// The branch's content is exactly what migrate would write into the output
// folder if that folder held what HEAD holds: HEAD's pipelines/ is copied to
// a temporary folder, translate/emit writes the run over it (removing the
// folders of tables the project no longer has, as it does on disk), and the
// result is committed: one commit per table in deploy order (subject
// "<table>: <status>", a body with layer, Spark position, changelog and
// key, rules, residue, notes and LLM use), skipping tables whose files HEAD
// already has, then one final commit with the shared files (inventory.json,
// common.mk), removed folders and the extra files the caller passes (the
// reports and the pull-request description).
package review

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// Request is what Publish commits.
type Request struct {
	Branch string
	// Force replaces an existing branch (never a checked-out one).
	Force bool
	Run   *result.Run
	// Emit are the writer's options, as migrate would use them; their FS
	// is not used (the output is built in a temporary folder).
	Emit emit.Options
	// Extra are files for the final commit, by slash path relative to the
	// repository root (the reports, the pull-request description).
	Extra map[string][]byte
	// Record, when set, is given what the writer wrote and returns files
	// for the final commit, by slash path relative to the output folder
	// (migrate's manifest, which holds the hashes of the files written).
	Record func(*emit.Written) (map[string][]byte, error)
}

// Commit is one commit Publish made.
type Commit struct {
	SHA     string
	Subject string
	Changed int // files added or changed
	Removed int
}

// Published says what Publish did.
type Published struct {
	Branch string
	// Base is the commit the branch starts from (HEAD), "" in a repository
	// without commits.
	Base string
	// Replaced is the branch's previous commit when Force replaced it.
	Replaced string
	Commits  []Commit // oldest first; the last is the branch's head
	// Unchanged lists the tables whose files HEAD already has; they get no
	// commit of their own.
	Unchanged []string
	// FallbackIdentity is true when git had no user identity and the
	// commits were made as FallbackName <FallbackEmail>.
	FallbackIdentity bool
}

// change is one index entry to set (sha) or remove (sha == "").
type change struct {
	path, sha string
}

// Publish commits the run's output on a new branch (see the package doc).
func (r *Repo) Publish(ctx context.Context, req Request) (*Published, error) {
	if req.Run == nil {
		return nil, fmt.Errorf("review: nil run")
	}
	old, err := r.CheckBranch(ctx, req.Branch, req.Force)
	if err != nil {
		return nil, err
	}
	base, err := r.head(ctx)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "c360-review-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	outDir := filepath.Join(tmp, "out")
	pipelines := r.Path(emit.Pipelines)
	before, err := r.lsTree(ctx, base, pipelines)
	if err != nil {
		return nil, err
	}
	if err := r.extract(ctx, before, pipelines, filepath.Join(outDir, emit.Pipelines)); err != nil {
		return nil, err
	}
	opts := req.Emit
	opts.FS = emit.OS
	w, err := emit.Write(req.Run, outDir, opts)
	if err != nil {
		return nil, fmt.Errorf("computing the output: %w", err)
	}
	extra := req.Extra
	if req.Record != nil {
		recorded, err := req.Record(w)
		if err != nil {
			return nil, fmt.Errorf("recording the output: %w", err)
		}
		extra = make(map[string][]byte, len(req.Extra)+len(recorded))
		for p, data := range req.Extra {
			extra[p] = data
		}
		for p, data := range recorded {
			extra[r.Path(p)] = data
		}
	}
	changes, err := r.diff(ctx, base, before, outDir, tmp, extra)
	if err != nil {
		return nil, err
	}
	groups, rest, unchanged, err := r.group(req.Run, outDir, changes)
	if err != nil {
		return nil, err
	}

	idEnv, fallback := r.identityEnv(ctx)
	pub := &Published{Branch: req.Branch, Base: base, Replaced: old, Unchanged: unchanged, FallbackIdentity: fallback}
	env := append([]string{"GIT_INDEX_FILE=" + filepath.Join(tmp, "index")}, idEnv...)
	if base != "" {
		_, err = r.output(ctx, r.Root, env, nil, "read-tree", base)
	} else {
		_, err = r.output(ctx, r.Root, env, nil, "read-tree", "--empty")
	}
	if err != nil {
		return nil, err
	}
	parent := base
	// A removal exists only when HEAD does; the null id has the length of
	// the repository's ids (SHA-1 or SHA-256).
	nullID := strings.Repeat("0", len(base))
	for _, g := range append(groups, rest) {
		sha, err := r.commit(ctx, env, parent, nullID, g.changes, g.message)
		if err != nil {
			return nil, err
		}
		c := Commit{SHA: sha, Subject: firstLine(g.message)}
		for _, ch := range g.changes {
			if ch.sha == "" {
				c.Removed++
			} else {
				c.Changed++
			}
		}
		pub.Commits = append(pub.Commits, c)
		parent = sha
	}
	// The empty old value makes git refuse a branch created meanwhile;
	// with --force the branch must still be where CheckBranch saw it.
	if _, err := r.output(ctx, r.Root, nil, nil, "update-ref", "-m", "c360-migrate: migrate --branch",
		"refs/heads/"+req.Branch, parent, old); err != nil {
		return nil, err
	}
	return pub, nil
}

// extract copies the regular files of HEAD below dir (slash path relative
// to the root) into to.
func (r *Repo) extract(ctx context.Context, files map[string]blob, dir, to string) error {
	var shas []string
	for _, b := range files {
		shas = append(shas, b.sha)
	}
	sort.Strings(shas)
	data, err := r.readBlobs(ctx, shas)
	if err != nil {
		return err
	}
	for p, b := range files {
		rel := strings.TrimPrefix(p, dir+"/")
		dst := filepath.Join(to, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data[b.sha], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// diff compares base's pipelines (before) with the generated ones below
// outDir and the extra files with HEAD's, and returns what to commit,
// sorted by path.
func (r *Repo) diff(ctx context.Context, base string, before map[string]blob, outDir, tmp string, extra map[string][]byte) ([]change, error) {
	var paths, files []string // repository paths and the files holding their bytes
	err := filepath.WalkDir(filepath.Join(outDir, emit.Pipelines), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(outDir, p)
		if err != nil {
			return err
		}
		paths = append(paths, r.Path(filepath.ToSlash(rel)))
		files = append(files, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	var extraPaths []string
	for p := range extra {
		extraPaths = append(extraPaths, p)
	}
	sort.Strings(extraPaths)
	for i, p := range extraPaths {
		f := filepath.Join(tmp, "extra", fmt.Sprint(i))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(f, extra[p], 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
		files = append(files, f)
	}
	shas, err := r.hashFiles(ctx, files)
	if err != nil {
		return nil, err
	}
	headExtra := map[string]blob{}
	if len(extraPaths) > 0 {
		if headExtra, err = r.lsTree(ctx, base, extraPaths...); err != nil {
			return nil, err
		}
	}
	var out []change
	now := map[string]bool{}
	for i, p := range paths {
		now[p] = true
		was, ok := before[p]
		if !ok {
			was, ok = headExtra[p]
		}
		if ok && was.sha == shas[i] && was.mode == "100644" {
			continue
		}
		out = append(out, change{path: p, sha: shas[i]})
	}
	for p := range before {
		if !now[p] {
			out = append(out, change{path: p})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// group is one commit to make.
type group struct {
	message string
	changes []change
}

// group splits the changes into one commit per table, in deploy order, and
// the final commit with the rest.
func (r *Repo) group(run *result.Run, outDir string, changes []change) (tables []group, rest group, unchanged []string, err error) {
	inv, err := emit.ReadInventory(outDir)
	if err != nil {
		return nil, rest, nil, err
	}
	byName := map[string]*result.Table{}
	for _, t := range run.Tables {
		if t != nil {
			byName[t.FlinkName] = t
		}
	}
	taken := make([]bool, len(changes))
	for _, name := range inv.DeployOrder() {
		prefix := r.Path(inv.Tables[name].Folder) + "/"
		var g group
		for i, ch := range changes {
			if !taken[i] && strings.HasPrefix(ch.path, prefix) {
				taken[i] = true
				g.changes = append(g.changes, ch)
			}
		}
		if len(g.changes) == 0 {
			unchanged = append(unchanged, name)
			continue
		}
		e := inv.Tables[name]
		t := byName[name]
		if t == nil { // in the inventory but not in the run: not with one run
			t = &result.Table{FlinkName: name, Layer: e.Layer, Status: result.Status(e.Status), SparkFile: e.SparkFile, SparkName: e.SparkName}
		}
		g.message = TableMessage(t, r.Path(e.Folder))
		tables = append(tables, g)
	}
	for i, ch := range changes {
		if !taken[i] {
			rest.changes = append(rest.changes, ch)
		}
	}
	rest.message = finalMessage(run, rest.changes, unchanged)
	return tables, rest, unchanged, nil
}

// commit stages changes on the temporary index and commits its tree on
// parent.
func (r *Repo) commit(ctx context.Context, env []string, parent, nullID string, changes []change, message string) (string, error) {
	if len(changes) > 0 {
		var in strings.Builder
		for _, ch := range changes {
			if ch.sha == "" {
				// Mode 0 with the null id removes the entry.
				fmt.Fprintf(&in, "0 %s\t%s\x00", nullID, ch.path)
				continue
			}
			fmt.Fprintf(&in, "100644 %s\t%s\x00", ch.sha, ch.path)
		}
		if _, err := r.output(ctx, r.Root, env, strings.NewReader(in.String()), "update-index", "-z", "--index-info"); err != nil {
			return "", err
		}
	}
	tree, err := r.output(ctx, r.Root, env, nil, "write-tree")
	if err != nil {
		return "", err
	}
	args := []string{"commit-tree", strings.TrimSpace(tree)}
	if parent != "" {
		args = append(args, "-p", parent)
	}
	args = append(args, "-F", "-")
	sha, err := r.output(ctx, r.Root, env, strings.NewReader(message), args...)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(sha), nil
}

// TableMessage is the commit message of one table: "<table>: <status>",
// then what a reviewer needs to judge it.
func TableMessage(t *result.Table, folder string) string {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("%s: %s\n\n", t.FlinkName, t.Status)
	p("Layer: %s\n", t.Layer)
	p("Spark: %s:%d:%d (%s)\n", t.SparkFile, t.SparkPos.Line, t.SparkPos.Col, t.SparkName)
	key := "no key"
	if len(t.Key) > 0 {
		key = "key (" + strings.Join(t.Key, ", ") + ")"
	}
	p("Changelog: %s, %s\n", orText(t.Changelog, "none"), key)
	applied := 0
	for _, n := range t.Rules {
		applied += n
	}
	p("Rules: %s by %s\n", plural(applied, "rewrite", "rewrites"), plural(len(t.Rules), "rule", "rules"))
	warnings := 0
	for _, d := range t.Notes {
		if d != nil && d.Severity >= diag.Warning {
			warnings++
		}
	}
	p("Streaming notes: %d (%s)\n", len(t.Notes), plural(warnings, "warning", "warnings"))
	if t.LLM != nil {
		p("LLM: %s, %s", orText(t.LLM.Model, "a model"), plural(t.LLM.Attempts, "attempt", "attempts"))
		if t.LLM.Cached {
			p(" (cached)")
		}
		p("\n")
	} else {
		p("LLM: not used\n")
	}
	p("Folder: %s\n", folder)
	p("Residue: %d\n", len(t.Residue))
	for _, d := range t.Residue {
		if d == nil {
			continue
		}
		rule := ""
		if d.Rule != "" {
			rule = " [" + d.Rule + "]"
		}
		p("- %s%s %s\n", d.Position.String(), rule, strings.Join(strings.Fields(d.Msg), " "))
	}
	if !emit.Complete(t.Status) {
		p("\nNOT complete: its DML must not be deployed; its Makefile refuses to.\n")
	}
	return b.String()
}

// finalMessage is the message of the last commit: the run's totals and
// what it holds.
func finalMessage(run *result.Run, changes []change, unchanged []string) string {
	by := map[result.Status]int{}
	for _, t := range run.Tables {
		if t != nil {
			by[t.Status]++
		}
	}
	var parts []string
	for _, s := range []result.Status{result.Translated, result.LLM, result.NeedsLLM, result.Failed} {
		if by[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", by[s], s))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: migration summary (%d tables: %s)\n\n", orText(run.Product, "migrate"), len(run.Tables), orText(strings.Join(parts, ", "), "none"))
	fmt.Fprintf(&b, "Profile: %s\n", orText(run.Profile, "none"))
	if run.DryRun != "" {
		fmt.Fprintf(&b, "Dry run: %s\n", run.DryRun)
	} else {
		b.WriteString("Dry run: not run\n")
	}
	if len(unchanged) > 0 {
		fmt.Fprintf(&b, "Tables already up to date (no commit): %s\n", strings.Join(unchanged, ", "))
	}
	var set, removed []string
	for _, ch := range changes {
		if ch.sha == "" {
			removed = append(removed, ch.path)
		} else {
			set = append(set, ch.path)
		}
	}
	if len(set) > 0 {
		b.WriteString("\nFiles:\n")
		for _, p := range set {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	if len(removed) > 0 {
		b.WriteString("\nRemoved (tables the project no longer has):\n")
		for _, p := range removed {
			fmt.Fprintf(&b, "- %s\n", p)
		}
	}
	if len(set) == 0 && len(removed) == 0 {
		b.WriteString("\nNo shared file changed.\n")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
