package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// Profiles of a project.
const (
	Confluent = "confluent"
	OSS       = "oss"
)

// Adapter rewrites a Confluent Cloud CREATE TABLE in place so that
// open-source Flink accepts it, and returns what it changed, one line per
// change. changelog is the table's changelog mode from the inventory.
type Adapter func(ct *ast.CreateTable, changelog string) []string

// DeployOptions tune a deployment.
type DeployOptions struct {
	Options
	// Table restricts the deployment to this table and its ancestors; ""
	// deploys every table.
	Table string
	// DryRun prints the steps without contacting the gateway.
	DryRun bool
	// Profile of the project: "confluent" adapts each DDL with Adapt
	// before running it on an open-source gateway, "oss" runs it as
	// written; "" takes the inventory's profile.
	Profile string
	Adapt   Adapter
	// Trace receives one timestamped line per step; nil discards them.
	Trace io.Writer
	// Now is the clock of the trace (default time.Now).
	Now func() time.Time
	// StatementTimeout bounds each statement (default: the client's).
	StatementTimeout time.Duration
}

// Result is what a deployment did.
type Result struct {
	Plan    *Plan   `json:"plan"`
	Profile string  `json:"profile"`
	DryRun  bool    `json:"dry_run"`
	Steps   []*Step `json:"steps"`
	// Restart lists the children of the table that read it: restart them
	// once it runs (plan shows them).
	Restart []string `json:"restart,omitempty"`
}

// Jobs returns the job ids the deployment started, in order.
func (r *Result) Jobs() []string {
	var out []string
	for _, s := range r.Steps {
		if s.JobID != "" {
			out = append(out, s.JobID)
		}
	}
	return out
}

// Step is one statement of a deployment.
type Step struct {
	Table     string   `json:"table"`
	Kind      string   `json:"kind"` // ddl, dml
	Statement string   `json:"statement"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	JobID     string   `json:"job_id,omitempty"`
	Adapted   []string `json:"adapted,omitempty"`
	Millis    int64    `json:"millis"`
}

// StepError is a statement Flink rejected; the deployment stopped there.
type StepError struct {
	Table     string
	Kind      string // ddl, dml
	Statement string
	File      string // relative to the project folder
	Line, Col int    // in File
	Message   string // Flink's root cause
	Adapted   bool   // the DDL ran as adapted for open-source Flink
	Err       error
}

func (e *StepError) Error() string {
	pos := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Col > 0 {
		pos += fmt.Sprintf(":%d", e.Col)
	}
	s := fmt.Sprintf("%s: %s of %s (statement %s) failed: %s", pos, strings.ToUpper(e.Kind), e.Table, e.Statement, e.Message)
	if e.Adapted {
		s += " (in the DDL as adapted for open-source Flink)"
	}
	return s
}

func (e *StepError) Unwrap() error { return e.Err }

// RefusedError lists the tables whose DML is not complete: nothing was
// deployed.
type RefusedError struct {
	Tables []string // "name (status)"
}

func (e *RefusedError) Error() string {
	verb := "are"
	if len(e.Tables) == 1 {
		verb = "is"
	}
	return fmt.Sprintf("refusing to deploy: %s %s not complete (the DML still needs translation); nothing was deployed: translate it first, or deploy with --table a table that does not depend on it",
		strings.Join(e.Tables, ", "), verb)
}

// Deploy runs, in the plan's order, the DDL then the DML of each table on
// the gateway c (nil for a dry run), in one session, and stops at the first
// statement Flink rejects with a *StepError. Raw inputs have their table
// declared (CREATE TABLE IF NOT EXISTS) and no DML.
func Deploy(ctx context.Context, c *gateway.Client, p *Project, o DeployOptions) (*Result, error) {
	profile := o.Profile
	if profile == "" {
		profile = p.Inv.Profile
	}
	if profile == "" {
		profile = Confluent
	}
	if profile != Confluent && profile != OSS {
		return nil, fmt.Errorf("unknown profile %q (want confluent or oss)", profile)
	}
	var pl *Plan
	var err error
	if o.Table != "" {
		pl, err = p.PlanTable(o.Table, o.Options)
	} else {
		pl, err = p.PlanAll(o.Options)
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Plan: pl, Profile: profile, DryRun: o.DryRun, Steps: []*Step{}}
	var rows []*Row
	var refused []string
	for _, r := range pl.Rows {
		if r.Role == RoleDescendant {
			res.Restart = append(res.Restart, r.Table)
			continue
		}
		if r.Action == ActionBlocked {
			refused = append(refused, fmt.Sprintf("%s (%s)", r.Table, r.Status))
		}
		rows = append(rows, r)
	}
	if len(refused) > 0 {
		return res, &RefusedError{Tables: refused}
	}
	if profile == Confluent && o.Adapt == nil && !o.DryRun {
		return res, errors.New("the confluent profile needs its DDL adapted for open-source Flink, and no adapter is available")
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	d := &deployer{ctx: ctx, c: c, p: p, o: o, profile: profile, now: now, res: res}
	if !o.DryRun {
		if c == nil {
			return res, errors.New("no gateway")
		}
		if o.StatementTimeout > 0 {
			c.StatementTimeout = o.StatementTimeout
		}
		s, err := c.OpenSession(ctx, map[string]string{"execution.runtime-mode": "streaming"})
		if err != nil {
			return res, err
		}
		d.s = s
		defer func() {
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			_ = c.CloseSession(cctx, s)
		}()
	}
	mode := ""
	if o.DryRun {
		mode = " (dry run)"
	}
	what := "every table"
	if o.Table != "" {
		what = pl.Target + " and its ancestors"
	}
	d.trace("Deploying %s of %s: %d tables, profile %s, gateway %s%s", what, p.Dir, len(rows), profile, d.gatewayURL(), mode)
	for _, r := range rows {
		if err := d.table(r); err != nil {
			return res, err
		}
	}
	if len(res.Restart) > 0 {
		d.trace("Children to restart after %s: %s", pl.Target, strings.Join(res.Restart, ", "))
	}
	d.trace("Deployment %s: %d statements, %d jobs", map[bool]string{true: "planned", false: "completed"}[o.DryRun], len(res.Steps), len(res.Jobs()))
	return res, nil
}

type deployer struct {
	ctx     context.Context
	c       *gateway.Client
	s       *gateway.Session
	p       *Project
	o       DeployOptions
	profile string
	now     func() time.Time
	res     *Result
}

func (d *deployer) gatewayURL() string {
	if d.c == nil {
		return "none"
	}
	return d.c.URL()
}

func (d *deployer) trace(format string, args ...any) {
	if d.o.Trace == nil {
		return
	}
	fmt.Fprintf(d.o.Trace, "%s %s\n", d.now().UTC().Format(time.RFC3339), fmt.Sprintf(format, args...))
}

func (d *deployer) table(r *Row) error {
	if r.Role == RoleRaw {
		d.trace("Deploy raw input %s (declared only: no DML)", r.Table)
	} else {
		d.trace("Deploy table %s (%s, %s, %s)", r.Table, r.Layer, r.UpgradeMode, r.Action)
	}
	// DDL.
	stmt, text, err := d.statement(r.DDLFile)
	if err != nil {
		return err
	}
	ct, ok := stmt.(*ast.CreateTable)
	if !ok {
		return fmt.Errorf("%s: expected a CREATE TABLE statement", r.DDLFile)
	}
	st := &Step{Table: r.Table, Kind: "ddl", Statement: r.DDLStatement, File: r.DDLFile, Line: stmt.Base().At.At.Line}
	if d.profile == Confluent && d.o.Adapt != nil {
		st.Adapted = d.o.Adapt(ct, r.Changelog)
		if len(st.Adapted) > 0 {
			text = printer.Print(ct, printer.Config{Dialect: token.Flink})
		}
	}
	for _, a := range st.Adapted {
		d.trace("  adapted for open-source Flink: %s", a)
	}
	if d.o.DryRun {
		what := "DDL would be created"
		if d.profile == Confluent && d.o.Adapt == nil {
			what += " (adapted for open-source Flink)"
		}
		d.trace("%s for %s: %s (%s:%d)", what, r.Table, r.DDLStatement, st.File, st.Line)
	} else {
		t0 := time.Now()
		_, err := d.c.Run(d.ctx, d.s, text, nil)
		st.Millis = time.Since(t0).Milliseconds()
		if err != nil {
			return d.fail(r, st, err, len(st.Adapted) > 0)
		}
		d.trace("DDL created for %s: %s (%s:%d, %d ms)", r.Table, r.DDLStatement, st.File, st.Line, st.Millis)
	}
	d.res.Steps = append(d.res.Steps, st)
	if r.Role == RoleRaw {
		return nil
	}
	// DML.
	stmt, text, err = d.statement(r.DMLFile)
	if err != nil {
		return err
	}
	st = &Step{Table: r.Table, Kind: "dml", Statement: r.DMLStatement, File: r.DMLFile, Line: stmt.Base().At.At.Line}
	if d.o.DryRun {
		d.trace("DML would be deployed for %s: %s (%s:%d, %s)", r.Table, r.DMLStatement, st.File, st.Line, r.UpgradeMode)
		d.res.Steps = append(d.res.Steps, st)
		return nil
	}
	t0 := time.Now()
	out, err := d.c.Run(d.ctx, d.s, text, map[string]string{"pipeline.name": r.DMLStatement})
	st.Millis = time.Since(t0).Milliseconds()
	if err != nil {
		return d.fail(r, st, err, false)
	}
	st.JobID = jobID(out)
	d.res.Steps = append(d.res.Steps, st)
	d.trace("DML deployment completed for %s: %s (job id %s, %d ms)", r.Table, r.DMLStatement, dash(st.JobID), st.Millis)
	return nil
}

// jobID returns the job id of an INSERT's result.
func jobID(r *gateway.Result) string {
	if r == nil {
		return ""
	}
	if r.JobID != "" {
		return r.JobID
	}
	for i, c := range r.Columns {
		if strings.EqualFold(c.Name, "job id") && len(r.Rows) > 0 && i < len(r.Rows[0].Fields) {
			if s, ok := r.Rows[0].Fields[i].(string); ok {
				return s
			}
		}
	}
	return ""
}

// fail turns Flink's rejection of a statement into a *StepError at the
// file's line; any other error (gateway down, cancelled) is returned as is.
func (d *deployer) fail(r *Row, st *Step, err error, adapted bool) error {
	var ge *gateway.Error
	if !errors.As(err, &ge) || ge.Status == 404 {
		return err
	}
	e := &StepError{Table: r.Table, Kind: st.Kind, Statement: st.Statement, File: st.File, Line: st.Line,
		Message: ge.Message, Adapted: adapted, Err: err}
	if ge.Pos != nil && !adapted {
		e.Line = st.Line + ge.Pos.Line - 1
		e.Col = ge.Pos.Col
	}
	pos := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Col > 0 {
		pos += fmt.Sprintf(":%d", e.Col)
	}
	d.trace("%s failed for %s: %s: %s", strings.ToUpper(st.Kind), r.Table, pos, e.Message)
	return e
}

// statement reads the one statement of file (relative to the project
// folder) and returns it with its text as written.
func (d *deployer) statement(file string) (ast.Stmt, string, error) {
	data, err := os.ReadFile(filepath.Join(d.p.Dir, filepath.FromSlash(file)))
	if err != nil {
		return nil, "", err
	}
	f, diags := parser.ParseFile(file, string(data), token.Flink)
	if diags.HasErrors() {
		return nil, "", fmt.Errorf("%s: does not parse as Flink SQL: %v", file, diags.Err())
	}
	var stmts []ast.Stmt
	for _, s := range f.Stmts {
		if s != nil {
			stmts = append(stmts, s)
		}
	}
	if len(stmts) != 1 {
		return nil, "", fmt.Errorf("%s: expected one statement, found %d", file, len(stmts))
	}
	return stmts[0], stmts[0].Base().Text, nil
}
