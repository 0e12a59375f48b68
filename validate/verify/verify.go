// Package verify proves a migration computes what the Spark project
// computes: it runs the Spark project on local Spark (pyspark) and the
// migrated Flink statements on a Flink SQL Gateway in batch mode, over the
// same CSV files, and compares every table as a multiset of rows.
//
// Both engines see the same "now": every expression that reads the current
// date or time is replaced, on each side's AST, by a literal of one fixed
// instant (Options.Now, by default 2024-06-15 12:00:00 UTC), and both run
// with the UTC session time zone.
//
// Spark runs a printed copy of the project (clock pinned, CSV paths made
// absolute) with validate/sparkenv/run_project.py. Flink runs in one
// session in batch mode: raw inputs become filesystem CSV tables over
// header-less copies of the CSV files, generated tables filesystem JSON
// tables in a work folder; each table's INSERT, the DML text of FLINK_DIR
// with only the clock pinned, runs in deploy order until its job ends; then
// each table is read back. Values are compared after normalisation
// (decimals by value, canonical timestamps and dates, booleans, floats
// within a relative 1e-9); an upsert table is compared by its final state,
// the last row per primary key.
package verify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// Verdicts.
const (
	Equal    = "equal"
	Differs  = "differs"
	NotRun   = "could not run"
	maxShown = 3 // differing rows shown side by side
)

// Options tune a verification.
type Options struct {
	// DataDirs are the folders a relative CSV path is looked up in, in
	// order; default: the working directory, the Spark project's parent
	// folder and the Spark project.
	DataDirs []string
	// Now is the pinned instant (default DefaultNow).
	Now time.Time
	// SparkEnv is the folder of venv.sh and run_project.py (default:
	// FindSparkEnv).
	SparkEnv string
	// StatementTimeout bounds each Flink statement (default 2 minutes).
	StatementTimeout time.Duration

	// sparkTables, when set, are Spark's rows from an earlier run: the
	// tests verify several Flink projects against one Spark run.
	sparkTables map[string]*sparkTable
}

// Report is the result of a verification.
type Report struct {
	SparkDir string     `json:"spark_dir"`
	FlinkDir string     `json:"flink_dir"`
	Gateway  string     `json:"gateway"`
	Now      string     `json:"now"`
	Pinned   int        `json:"spark_clock_expressions_pinned"`
	Tables   []*Verdict `json:"tables"`
	Millis   int64      `json:"millis"`
	// SparkError is why the Spark project did not run: then no table
	// could be compared.
	SparkError string `json:"spark_error,omitempty"`

	sparkTables map[string]*sparkTable
}

// Verdict is the outcome for one table.
type Verdict struct {
	Table     string `json:"table"` // Flink name
	SparkName string `json:"spark_name"`
	Layer     string `json:"layer"`
	Status    string `json:"status"` // the table's migration status
	Verdict   string `json:"verdict"`
	Reason    string `json:"reason,omitempty"` // could not run: why; differs: what
	File      string `json:"file,omitempty"`   // the file a Flink error is in
	Note      string `json:"note,omitempty"`
	Diff      *Diff  `json:"diff,omitempty"`
}

// OK reports whether every table is equal.
func (r *Report) OK() bool {
	for _, v := range r.Tables {
		if v.Verdict != Equal {
			return false
		}
	}
	return true
}

// Counts returns how many tables got each verdict.
func (r *Report) Counts() (equal, differs, notRun int) {
	for _, v := range r.Tables {
		switch v.Verdict {
		case Equal:
			equal++
		case Differs:
			differs++
		default:
			notRun++
		}
	}
	return
}

// Run verifies the Flink project in flinkDir against the Spark project in
// sparkDir, with Flink on the gateway c. An *InputError means the input
// is wrong; a *gateway.UnavailableError that no gateway answered. A side
// that fails as a whole (Spark rejects the project) makes every table
// "could not run" with the reason, not an error.
func Run(ctx context.Context, c *gateway.Client, sparkDir, flinkDir string, opts Options) (*Report, error) {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = DefaultNow
	}
	if len(opts.DataDirs) == 0 {
		abs, _ := filepath.Abs(sparkDir)
		opts.DataDirs = []string{".", filepath.Dir(abs), abs}
	}
	if opts.StatementTimeout > 0 {
		c.StatementTimeout = opts.StatementTimeout
	}
	inv, err := emit.ReadInventory(flinkDir)
	if err != nil {
		return nil, &InputError{Msg: err.Error()}
	}
	if opts.SparkEnv == "" {
		if opts.SparkEnv, err = FindSparkEnv(); err != nil {
			return nil, err
		}
	}
	work, err := os.MkdirTemp("", "c360-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	sp, err := prepareSpark(sparkDir, filepath.Join(work, "spark"), opts.DataDirs, opts.Now)
	if err != nil {
		return nil, err
	}

	// The two engines run at the same time: each spends most of its time
	// starting up and waiting on its own JVM.
	var wg sync.WaitGroup
	var sparkTables map[string]*sparkTable
	var sparkErr, flinkErr error
	var flinkTables map[string]*flinkTable
	wg.Add(2)
	go func() {
		defer wg.Done()
		if opts.sparkTables != nil {
			sparkTables = opts.sparkTables
			return
		}
		sparkTables, sparkErr = runSpark(ctx, opts.SparkEnv, sp.dir, work)
	}()
	go func() {
		defer wg.Done()
		flinkTables, flinkErr = runFlink(ctx, c, flinkDir, filepath.Join(work, "flink"), sp.csv, opts.Now)
	}()
	wg.Wait()
	if flinkErr != nil {
		return nil, flinkErr
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	r := &Report{SparkDir: sparkDir, FlinkDir: flinkDir, Gateway: c.URL(),
		Now: opts.Now.UTC().Format(time.RFC3339), Pinned: sp.pinned, sparkTables: sparkTables}
	if sparkErr != nil {
		r.SparkError = sparkErr.Error()
	}
	for _, name := range inv.DeployOrder() {
		e := inv.Tables[name]
		v := &Verdict{Table: name, SparkName: e.SparkName, Layer: e.Layer, Status: e.Status}
		r.Tables = append(r.Tables, v)
		if !e.Complete {
			v.Note = "status " + e.Status + ": the DML is not complete and not deployable in streaming; verified in batch mode only"
		}
		ft := flinkTables[name]
		st := sparkTables[strings.ToLower(e.SparkName)]
		switch {
		case sparkErr != nil:
			v.Verdict, v.Reason = NotRun, "the Spark project failed (see spark_error)"
		case st == nil:
			v.Verdict, v.Reason = NotRun, "Spark produced no table "+e.SparkName
		case ft == nil || ft.reason != "":
			v.Verdict, v.Reason = NotRun, "Flink: "+ft.reason
			v.File = ft.file
		default:
			var key []string
			if e.Changelog == "upsert" {
				key = e.Key
			}
			d := Compare(&Rows{Columns: st.Columns, Data: st.Rows}, ft.rows, key)
			v.Diff = d
			if ft.note != "" {
				v.Note = strings.TrimPrefix(v.Note+"; "+ft.note, "; ")
			}
			if d.Equal() {
				v.Verdict = Equal
			} else {
				v.Verdict = Differs
				v.Reason = diffReason(d)
			}
		}
	}
	r.Millis = time.Since(start).Milliseconds()
	return r, nil
}

func diffReason(d *Diff) string {
	if d.ColumnDiff != "" {
		return "columns: " + d.ColumnDiff
	}
	s := fmt.Sprintf("Spark %d rows, Flink %d rows, %d equal; %d rows only in Spark, %d only in Flink",
		d.SparkRows, d.FlinkRows, d.Matched, len(d.OnlySpark), len(d.OnlyFlink))
	if d.DuplicateKeys > 0 {
		s += fmt.Sprintf("; %d primary keys had several Flink rows (an upsert table keeps the last)", d.DuplicateKeys)
	}
	return s
}
