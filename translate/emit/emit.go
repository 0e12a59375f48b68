// Package emit writes a translated project to disk in the layout of the
// seed project:
//
//	<out>/pipelines/<layer>/<product>/<table-folder>/
//	    sql-scripts/ddl.<table>.sql
//	    sql-scripts/dml.<table>.sql
//	    tests/ddl.<raw>.sql, tests/insert_<raw>.sql   (one pair per raw input)
//	    Makefile                                      (Confluent CLI targets)
//	    tracking.md                                   (status, rules, decisions, review)
//	<out>/pipelines/inventory.json
//	<out>/pipelines/common.mk
//
// The table folder is the Flink name without its product (see TableFolder).
// A table whose translation is not complete (needs-llm, failed) still gets
// its files, so the reviewer sees what was produced, but its DML starts with
// a comment block saying it is NOT complete, its Makefile refuses to deploy
// it, and tracking.md and inventory.json carry its status.
//
// Output is byte-for-byte deterministic. Every file is written atomically;
// a table folder is built beside its final place and renamed in only when
// complete; a file whose bytes did not change is not rewritten.
//
// Given the previous run's manifest (Options.Manifest, package manifest),
// a file whose bytes on disk differ from the hash recorded when it was
// written was edited by hand: it is kept (in a table folder still
// produced, in one no longer produced, and common.mk), listed in
// Written.HandEdited and in the table's tracking.md, unless Options.Force.
// Tables of products the run does not write stay in the folder and in
// inventory.json, so several projects can share one output folder.
package emit

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/manifest"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// Options configure the deployment parts of the output (statement names and
// the defaults written into common.mk). The zero value is usable.
type Options struct {
	// Env is the environment part of statement names (default "dev").
	Env string
	// Region is the short region part of statement names (default "usw2").
	Region string
	// Cloud and CloudRegion are the defaults of FLINK_CLOUD (aws, azure,
	// gcp) and FLINK_REGION (us-west-2) in common.mk, passed to the CLI's
	// --cloud and --region; empty means the CLI's current region.
	Cloud       string
	CloudRegion string
	// EnvironmentID (env-…), ComputePool (lfcp-…), Database (the Kafka
	// cluster ID, lkc-…) and ServiceAccount (sa-…) are the defaults of the
	// matching common.mk variables; empty means the CLI's current one.
	EnvironmentID  string
	ComputePool    string
	Database       string
	ServiceAccount string
	// FS is the file system written to (default OS).
	FS FS
	// Manifest is the record of the previous run into the folder (nil:
	// none). A generated file whose bytes differ from the hash it records
	// was edited by hand and is kept, reported in Written.HandEdited.
	Manifest *manifest.Manifest
	// Force overwrites (and removes) hand-edited files too.
	Force bool
	// BeforeWrite, when set, is called once before the first file is
	// written, with the SHA-256 of every generated file about to be
	// written (slash path relative to the output folder), so that the
	// caller can record them (manifest.Manifest.Pending) and a run
	// interrupted halfway does not leave files that look hand-edited. An
	// error stops Write before it writes anything.
	BeforeWrite func(pending map[string]string) error
}

func (o Options) withDefaults() Options {
	if o.Env == "" {
		o.Env = "dev"
	}
	if o.Region == "" {
		o.Region = "usw2"
	}
	if o.FS == nil {
		o.FS = OS
	}
	return o
}

// Written says what Write did. Paths are slash-separated, relative to the
// output directory, and sorted.
type Written struct {
	Written   []string // created or changed
	Unchanged []string // already there with the same bytes, not touched
	Removed   []string // files of an earlier run that the project no longer produces
	// HandEdited lists the generated files found edited by hand and kept
	// (with Options.Manifest, unless Options.Force).
	HandEdited []string
	// Files maps every generated file now in the folder to the SHA-256 of
	// the bytes the tool wrote, for the next manifest; hand-edited files
	// keep the hash of what was written before.
	Files map[string]string
}

// Write writes run under outDir. Tables are written one folder at a time in
// the run's order, then common.mk, then inventory.json, so the inventory
// only ever lists complete folders. Folders listed by the previous
// inventory.json that the run no longer produces are removed. On error the
// folders already replaced stay replaced and every other one is as it was.
//
// Tables of other products already in the folder (listed by the previous
// inventory.json) are left alone and stay in the inventory, so several
// projects can share one output folder; they must share its profile.
func Write(run *result.Run, outDir string, opts Options) (*Written, error) {
	o := opts.withDefaults()
	if run == nil {
		return nil, fmt.Errorf("emit: nil run")
	}
	ls, err := plan(run, o)
	if err != nil {
		return nil, err
	}
	fsys := o.FS
	g := newGuard(o.Manifest, o.Force)
	w := &Written{}
	done := func() {
		w.HandEdited = g.handEdited
		w.Files = g.files
		w.sort()
	}
	root := filepath.Join(outDir, Pipelines)
	invPath := filepath.Join(root, "inventory.json")
	prev := previousInventory(fsys, invPath)
	others, err := otherProducts(prev, run, ls)
	if err != nil {
		return nil, err
	}

	folders := make([]map[string][]byte, len(ls))
	mk := []byte(commonMK(o))
	pending := map[string]string{path.Join(Pipelines, "common.mk"): manifest.Hash(mk)}
	for i, l := range ls {
		if folders[i], err = tableFiles(l, o); err != nil {
			return w, err
		}
		for n, data := range folders[i] {
			pending[path.Join(l.folder, n)] = manifest.Hash(data)
		}
	}
	if o.BeforeWrite != nil {
		if err := o.BeforeWrite(pending); err != nil {
			return w, err
		}
	}

	for i, l := range ls {
		files := folders[i]
		res, err := writeFolder(fsys, filepath.Join(outDir, filepath.FromSlash(l.folder)), files, func(existing map[string][]byte) {
			g.protect(l.folder, files, existing)
		})
		if err != nil {
			done()
			return w, fmt.Errorf("emit: write %s: %w", l.folder, err)
		}
		for _, f := range res.written {
			w.Written = append(w.Written, path.Join(l.folder, f))
		}
		for _, f := range res.unchanged {
			w.Unchanged = append(w.Unchanged, path.Join(l.folder, f))
		}
		for _, f := range res.removed {
			w.Removed = append(w.Removed, path.Join(l.folder, f))
			g.removed(path.Join(l.folder, f))
		}
		for _, f := range append(res.written, res.unchanged...) {
			if rel := path.Join(l.folder, f); !g.wasKept(rel) {
				g.wrote(rel, files[f])
			}
		}
	}

	inv, err := inventoryJSON(run, ls, others, o)
	if err != nil {
		return w, err
	}
	for _, f := range []struct {
		name  string
		data  []byte
		guard bool // inventory.json is the map later stages read: always current
	}{{"common.mk", mk, true}, {"inventory.json", inv, false}} {
		rel := path.Join(Pipelines, f.name)
		name := filepath.Join(outDir, filepath.FromSlash(rel))
		if disk, err := fsys.ReadFile(name); f.guard && err == nil && string(disk) != string(f.data) && g.isHandEdited(rel, disk) {
			g.kept(rel)
			continue
		}
		changed, err := WriteFileAtomic(fsys, name, f.data)
		if err != nil {
			done()
			return w, fmt.Errorf("emit: write %s: %w", rel, err)
		}
		if changed {
			w.Written = append(w.Written, rel)
		} else {
			w.Unchanged = append(w.Unchanged, rel)
		}
		g.wrote(rel, f.data)
	}

	current := map[string]bool{}
	for _, l := range ls {
		current[l.folder] = true
	}
	for _, e := range others {
		current[e.Folder] = true
	}
	for _, f := range previousFolders(prev) {
		if current[f] {
			continue
		}
		if err := removeStale(fsys, g, w, outDir, f); err != nil {
			done()
			return w, err
		}
		removeEmptyParents(fsys, filepath.Dir(filepath.Join(outDir, filepath.FromSlash(f))), root)
	}
	done()
	return w, nil
}

// removeStale removes the folder f (slash path relative to outDir) of a
// table the run no longer produces, except its hand-edited files.
func removeStale(fsys FS, g *guard, w *Written, outDir, f string) error {
	dir := filepath.Join(outDir, filepath.FromSlash(f))
	gone, err := listFiles(fsys, dir)
	if err != nil {
		return err
	}
	var keep []string
	for n := range gone {
		rel := path.Join(f, n)
		if data, err := fsys.ReadFile(filepath.Join(dir, filepath.FromSlash(n))); err == nil && g.isHandEdited(rel, data) {
			keep = append(keep, n)
			g.kept(rel)
		}
	}
	if len(keep) == 0 {
		if err := fsys.RemoveAll(dir); err != nil {
			return fmt.Errorf("emit: remove stale %s: %w", f, err)
		}
		for n := range gone {
			w.Removed = append(w.Removed, path.Join(f, n))
			g.removed(path.Join(f, n))
		}
		return nil
	}
	sort.Strings(keep)
	for n := range gone {
		if contains(keep, n) {
			continue
		}
		if err := fsys.Remove(filepath.Join(dir, filepath.FromSlash(n))); err != nil {
			return fmt.Errorf("emit: remove stale %s: %w", path.Join(f, n), err)
		}
		w.Removed = append(w.Removed, path.Join(f, n))
		g.removed(path.Join(f, n))
	}
	for n := range gone { // folders emptied of generated files go too
		removeEmptyParents(fsys, filepath.Dir(filepath.Join(dir, filepath.FromSlash(n))), dir)
	}
	return nil
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}

func (w *Written) sort() {
	sort.Strings(w.Written)
	sort.Strings(w.Unchanged)
	sort.Strings(w.Removed)
	sort.Strings(w.HandEdited)
}

// removeEmptyParents removes dir and its parents up to (not including) stop
// while they are empty.
func removeEmptyParents(fsys FS, dir, stop string) {
	for dir != stop && strings.HasPrefix(dir, stop) {
		entries, err := fsys.ReadDir(dir)
		if err != nil || len(entries) > 0 {
			return
		}
		if fsys.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}

// tableFiles renders every file of one table folder, keyed by its slash path
// relative to the folder.
func tableFiles(l *layout, o Options) (map[string][]byte, error) {
	t := l.t
	files := map[string][]byte{
		ddlFile(t.FlinkName): []byte(ddlSQL(t)),
		dmlFile(t.FlinkName): []byte(dmlSQL(t)),
		makefileName:         []byte(tableMakefile(l)),
		trackingName:         []byte(tracking(l)),
	}
	for _, r := range t.Raw {
		for name, text := range map[string]string{rawDDLFile(r.Name): r.DDL, rawInsFile(r.Name): r.Insert} {
			if _, dup := files[name]; dup {
				return nil, fmt.Errorf("emit: table %s reads raw input %s twice", t.FlinkName, r.Name)
			}
			files[name] = []byte(withNewline(text))
		}
	}
	return files, nil
}

// Complete reports whether a table's DML can be deployed as written.
func Complete(s result.Status) bool {
	return s == result.Translated || s == result.LLM
}

// ddlSQL is the DDL file: the table's DDL, under a banner when the table
// failed (the DDL may then be missing or partial) or needs the LLM (its
// columns follow a query that is not finished).
func ddlSQL(t *result.Table) string {
	switch t.Status {
	case result.Failed:
		return banner([]string{
			"FAILED: the translation of this table failed (see tracking.md).",
			"This DDL may be missing or partial. Do NOT deploy it as it is.",
		}) + withNewline(t.DDL)
	case result.NeedsLLM:
		return banner([]string{
			"REVIEW: the DML of this table is NOT complete (status needs-llm).",
			"Check these columns once the DML is finished (see tracking.md).",
		}) + withNewline(t.DDL)
	}
	return withNewline(t.DDL)
}

// dmlSQL is the DML file. A table that is not complete gets a banner that
// no reader (or deploy script grepping for it) can miss.
func dmlSQL(t *result.Table) string {
	switch t.Status {
	case result.NeedsLLM:
		lines := []string{
			"NOT COMPLETE: status needs-llm.",
			residueSummary(t.Residue) + "; the statement below",
			"still holds them and is NOT a complete Flink statement. Do NOT deploy it.",
			"Run c360-migrate with Ollama running (--model) for the LLM loop, or translate the residue by hand.",
			"Residue (position, construct, reason):",
		}
		for _, d := range sortedFindings(t.Residue) {
			lines = append(lines, "  "+oneLine(findingText(d)))
		}
		lines = append(lines, "See tracking.md.")
		return banner(lines) + withNewline(t.DML)
	case result.Failed:
		if t.LLM != nil {
			lines := []string{
				"NOT COMPLETE: status failed.",
				fmt.Sprintf("The LLM loop rejected all %d answers of the model; the statement below is", t.LLM.Attempts),
				"the rules' partial output and is NOT a complete Flink statement. Do NOT deploy it.",
				"Residue (position, construct, reason):",
			}
			for _, d := range sortedFindings(t.Residue) {
				lines = append(lines, "  "+oneLine(findingText(d)))
			}
			lines = append(lines, "The last answer's errors are in tracking.md.")
			return banner(lines) + withNewline(t.DML)
		}
		return banner([]string{
			"FAILED: the translation of this table failed (see tracking.md).",
			"There is no complete DML. Do NOT deploy this file.",
		}) + withNewline(t.DML)
	case result.LLM:
		return banner([]string{
			"Part of this statement was translated by the LLM and validated.",
			"Review it before deploying (see tracking.md).",
		}) + withNewline(t.DML)
	}
	return withNewline(t.DML)
}

const bannerRule = "-- ============================================================================\n"

func banner(lines []string) string {
	var b strings.Builder
	b.WriteString(bannerRule)
	for _, l := range lines {
		b.WriteString("-- " + l + "\n")
	}
	b.WriteString(bannerRule)
	return b.String()
}

// withNewline returns s ending with exactly one newline ("" stays "").
func withNewline(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}

// oneLine folds white space runs with newlines into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
