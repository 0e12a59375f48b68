package app

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/manifest"
	"github.com/c360-migrate/c360-migrate/translate/migrate"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// manifestKey is a table's incremental key (manifest.Keys).
type manifestKey = manifest.Table

// incrementalFlags are the migrate flags of re-runs.
func incrementalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "force", Usage: "redo every table (translation, LLM, dry run) and overwrite generated files edited by hand; with --branch, also replace an existing branch NAME (never a checked-out one)"},
		&cli.IntFlag{Name: "jobs", Usage: "translate `N` tables at once", DefaultText: "the number of CPUs"},
	}
}

// lintFingerprint names the lint's rule set; a variable so that a test can
// stand for a changed rule set.
var lintFingerprint = lint.Fingerprint

// tableKeys computes the keys of one project's tables; the options string
// holds what changes the output besides the Spark text, the lint's rule
// set among it (a kept table is not linted again).
func tableKeys(run *result.Run, o migrate.Options, env, region string) map[string]*manifestKey {
	options := fmt.Sprintf("product=%s profile=%s env=%s region=%s ddl=%+v lint=%s", run.Product, run.Profile, env, region, o.DDL.Defaults(), lintFingerprint())
	return manifest.Keys(run, options)
}

// incremental is what a re-run knows from the previous one: the manifest
// in --out, and which tables are unchanged since (kept: their verdict is
// restored, and neither the LLM nor the dry run sees them).
type incremental struct {
	out   string
	force bool
	prev  *manifest.Manifest
	keys  map[string]*manifestKey
	kept  map[string]bool
}

// newIncremental reads the manifest of out; keys are the fresh run's.
func (e *env) newIncremental(c *cli.Context, run *result.Run, keys map[string]*manifestKey) *incremental {
	inc := &incremental{out: c.String("out"), force: c.Bool("force"), keys: keys, kept: map[string]bool{}}
	prev, err := manifest.Read(inc.out)
	if err != nil {
		fmt.Fprintf(e.stdout, "manifest: %v: every table is redone, and files edited by hand cannot be told apart\n", err)
	}
	inc.prev = prev
	if !inc.force {
		llm := !c.Bool("no-llm")
		for _, n := range manifest.Kept(prev, run, keys) {
			// A table the LLM has not finished goes to it again while the
			// LLM is on: it may not have been reachable last time, and its
			// answers are cached.
			if llm && prev.Tables[n].Status == string(result.NeedsLLM) {
				continue
			}
			inc.kept[n] = true
		}
	}
	return inc
}

// redo reports whether t must be redone: its input, its rules' output,
// the options or a table it reads changed, it needs the LLM and the LLM
// is on, or --force.
func (inc *incremental) redo(t *result.Table) bool { return !inc.kept[t.FlinkName] }

// redoAny reports whether some table of run is to be redone.
func (inc *incremental) redoAny(run *result.Run) bool {
	for _, t := range run.Tables {
		if inc.redo(t) {
			return true
		}
	}
	return false
}

// restore puts the recorded verdict back on every kept table. Call it
// after the lint, which the previous run's verdict already includes.
func (inc *incremental) restore(e *env, run *result.Run) {
	for _, t := range run.Tables {
		if inc.kept[t.FlinkName] {
			manifest.Restore(t, inc.prev.Tables[t.FlinkName])
		}
	}
	if n := len(inc.kept); n > 0 {
		fmt.Fprintf(e.stdout, "unchanged since the last run: %d of %d tables kept with their verdicts, no LLM or dry run for them (--force redoes them)\n", n, len(run.Tables))
	}
}

// recordedDryRun is the Flink the kept tables were dry-run on, for a run
// whose own dry run had nothing to do.
func (inc *incremental) recordedDryRun(run *result.Run) string {
	for _, t := range run.Tables {
		if inc.kept[t.FlinkName] {
			if d := inc.prev.Tables[t.FlinkName].DryRun; d != "" {
				return d
			}
		}
	}
	return ""
}

// emitOptions completes o with the manifest and --force.
func (inc *incremental) emitOptions(o emit.Options) emit.Options {
	o.Manifest, o.Force = inc.prev, inc.force
	return o
}

// writeAhead records, before emit writes into out, the hashes of the files
// it is about to change (manifest.Pending) in the previous manifest, so
// that a run killed halfway leaves no file that looks hand-edited. Without
// a previous manifest nothing is recorded: then no file counts as
// hand-edited anyway.
func (inc *incremental) writeAhead(pending map[string]string) error {
	if inc.prev == nil {
		return nil
	}
	changing := map[string]string{}
	for rel, h := range pending {
		if inc.prev.Files[rel] != h {
			changing[rel] = h
		}
	}
	if len(changing) == 0 {
		return nil // an unchanged re-run writes nothing
	}
	m := *inc.prev
	m.Pending = changing
	data, err := m.Marshal()
	if err != nil {
		return err
	}
	_, err = emit.WriteFileAtomic(emit.OS, filepath.Join(inc.out, manifest.FileName), data)
	return err
}

// save writes the new manifest into out: the kept tables' records, the
// redone tables' verdicts (dryRun: the Flink of this run's dry run, ""
// when it did not run), the tables of other products in the folder, and
// the hashes of the files written.
func (inc *incremental) save(run *result.Run, w *emit.Written, dryRun string) error {
	data, err := inc.manifest(run, w.Files, dryRun)
	if err != nil {
		return err
	}
	_, err = emit.WriteFileAtomic(emit.OS, filepath.Join(inc.out, manifest.FileName), data)
	return err
}

// manifest returns the manifest of this run: files are the hashes of the
// files written; the tables of other products in the previous one stay.
func (inc *incremental) manifest(run *result.Run, files map[string]string, dryRun string) ([]byte, error) {
	m := manifest.New()
	m.Files = files
	mine := map[string]bool{}
	for _, t := range run.Tables {
		mine[t.Product] = true
	}
	if inc.prev != nil {
		for n, t := range inc.prev.Tables {
			if !mine[t.Product] {
				m.Tables[n] = t
			}
		}
	}
	for _, t := range run.Tables {
		if inc.kept[t.FlinkName] {
			m.Tables[t.FlinkName] = inc.prev.Tables[t.FlinkName]
			continue
		}
		m.Tables[t.FlinkName] = manifest.Record(inc.keys[t.FlinkName], t, dryRun)
	}
	return m.Marshal()
}

// reportHandEdited prints one line per generated file kept because it was
// edited by hand, and lists them in the run for the reports.
func (e *env) reportHandEdited(run *result.Run, out string, w *emit.Written) {
	run.HandEdited = w.HandEdited
	for _, f := range w.HandEdited {
		fmt.Fprintf(e.stdout, "hand-edited, kept: %s (--force overwrites)\n", filepath.Join(out, filepath.FromSlash(f)))
	}
}
