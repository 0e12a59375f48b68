package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/translate/check"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/report"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/validate/verify"
)

// checkFlag returns a new --check flag for migrate.
func checkFlag() cli.Flag {
	return &cli.BoolFlag{
		Name: "check",
		Usage: "write nothing: compute the output (and the reports with --report) in a temporary folder, " +
			"print a unified diff for each file that differs from --out (and from the report folder, " +
			"when it exists; a new one gets the reports), and exit 5 if any does (0 when up to date)",
	}
}

// check is migrate --check: run holds the translated project, validated as
// migrate would write it. The output is written into a copy of the current
// --out/pipelines (and of the report folder) in a temporary folder, exactly
// as migrate writes it (stale folders removed, untouched files kept), and
// the copy is compared with the original. Nothing below --out or --report
// is written. A report folder that does not exist yet is not compared: the
// reports are written there, for CI to keep as artifacts.
func (e *env) check(c *cli.Context, run *result.Run) error {
	out := c.String("out")
	tmp, err := os.MkdirTemp("", "c360-check-")
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: --check: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	defer os.RemoveAll(tmp)

	var diffs []checkDiff
	pipelines := filepath.Join(out, emit.Pipelines)
	genOut := filepath.Join(tmp, "out")
	if err := copyTree(pipelines, filepath.Join(genOut, emit.Pipelines)); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: --check: reading %s: %v\n", Name, pipelines, err)
		return exitWith(ExitInternal)
	}
	if _, err := emit.Write(run, genOut, emit.Options{Env: c.String("env"), Region: c.String("region")}); err != nil {
		fmt.Fprintf(e.stderr, "%s: error: --check: computing the output: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	ds, err := check.Compare(pipelines, filepath.Join(genOut, emit.Pipelines), check.Options{Name: filepath.ToSlash(pipelines), Normalize: func(_ string, data []byte) []byte {
		// verify's verdicts in tracking.md are not migrate's output.
		return verify.StripSection(data)
	}})
	if err != nil {
		fmt.Fprintf(e.stderr, "%s: error: --check: %v\n", Name, err)
		return exitWith(ExitInternal)
	}
	diffs = append(diffs, checkDiff{pipelines, ds})
	checked := out

	rdir := c.String("report")
	if _, err := os.Stat(rdir); rdir != "" && errors.Is(err, fs.ErrNotExist) {
		// No report folder to compare with: CI asked for fresh reports to
		// keep as artifacts. Writing a new folder overwrites nothing.
		if err := writeReports(run, rdir); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: writing the report: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
		fmt.Fprintf(e.stdout, "check: wrote the reports into %s (a new folder; an existing one is compared instead)\n", rdir)
		rdir = ""
	}
	if rdir != "" {
		genRep := filepath.Join(tmp, "report")
		if err := copyTree(rdir, genRep); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: --check: reading %s: %v\n", Name, rdir, err)
			return exitWith(ExitInternal)
		}
		if err := writeReports(run, genRep); err != nil {
			fmt.Fprintf(e.stderr, "%s: error: --check: computing the report: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
		ds, err := check.Compare(rdir, genRep, check.Options{Name: filepath.ToSlash(rdir), Normalize: func(rel string, data []byte) []byte {
			data = verify.StripSection(data) // verify's verdicts
			// The dry run depends on a Flink being at hand, not on the
			// input: a check without it ignores the dry-run test cases.
			if rel != junitFile || run.DryRun != "" {
				return data
			}
			if d, err := report.JUnitWithoutDryRun(data); err == nil {
				return d
			}
			return data
		}})
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: error: --check: %v\n", Name, err)
			return exitWith(ExitInternal)
		}
		diffs = append(diffs, checkDiff{rdir, ds})
		checked += " and " + rdir
	}

	n := 0
	for _, cd := range diffs {
		for _, d := range cd.ds {
			n++
			name := filepath.Join(cd.dir, filepath.FromSlash(d.Path))
			switch d.Kind {
			case check.Changed:
				fmt.Fprint(e.stdout, d.Diff)
			case check.Missing:
				fmt.Fprintf(e.stdout, "missing: %s (migrate would write it)\n", name)
			case check.Extra:
				fmt.Fprintf(e.stdout, "extra: %s (migrate would remove it)\n", name)
			}
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stdout, "check: %s not up to date: %d %s differ from what migrate would write; run migrate without --check to update\n",
			checked, n, pluralWord(n, "file", "files"))
		return exitWith(ExitCheckDiff)
	}
	fmt.Fprintf(e.stdout, "check: %s up to date\n", checked)
	if run.Diags.HasErrors() {
		return exitWith(ExitInputErrors)
	}
	return nil
}

type checkDiff struct {
	dir string
	ds  []check.Difference
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// copyTree copies the regular files below src into dst; a missing src
// copies nothing.
func copyTree(src, dst string) error {
	files, err := check.Files(src)
	if err != nil {
		return err
	}
	for rel := range files {
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		to := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(to, data, fs.FileMode(0o644)); err != nil {
			return err
		}
	}
	return nil
}
