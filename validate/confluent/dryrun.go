package confluent

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
)

// Options tune a dry run on Confluent Cloud.
type Options struct {
	// StatementTimeout bounds the wait for each statement (default: the
	// client's, 2 minutes).
	StatementTimeout time.Duration
	// Log, if not nil, gets one line per statement submitted and deleted.
	Log io.Writer
}

// Why the dry run on Confluent Cloud runs no DDL: there, CREATE TABLE
// creates a Kafka topic and its schemas. The tables must exist; the
// local dry run checks the DDL itself.
const (
	ddlSkipped = "not run on Confluent Cloud (CREATE TABLE would create a topic): the table must exist; the local dry run checks the DDL"
	rawSkipped = "test data: not run on Confluent Cloud"
)

// CleanupError lists statements the dry run could not delete.
type CleanupError struct {
	Names []string
	Err   error
}

func (e *CleanupError) Error() string {
	return fmt.Sprintf("could not delete %d Confluent Cloud statement(s) %s: %v (delete them with 'confluent flink statement delete')",
		len(e.Names), strings.Join(e.Names, ", "), e.Err)
}

func (e *CleanupError) Unwrap() error { return e.Err }

// Run dry-runs the Flink project in dir (the folder holding pipelines/)
// on Confluent Cloud: in dependency order, each complete table's INSERT
// is submitted as "EXPLAIN <INSERT>" in a statement named
// <prefix>-dryrun-<table>-<random>, its plan or its failure read back,
// and the statement deleted. The DDL is not run (see ddlSkipped).
//
// Every statement created is deleted before Run returns, also when a step
// fails or ctx is cancelled (with a fresh context). A failure to delete
// is returned as a *CleanupError along with the report.
func Run(ctx context.Context, c *Client, dir string, opts Options) (rep *dryrun.Report, err error) {
	start := time.Now()
	inv, err := emit.ReadInventory(dir)
	if err != nil {
		return nil, err
	}
	if inv.Profile != "" && inv.Profile != dryrun.Confluent {
		return nil, fmt.Errorf("%s: the project's profile is %s; --confluent dry-runs confluent-profile projects", dir, inv.Profile)
	}
	if opts.StatementTimeout > 0 {
		c.StatementTimeout = opts.StatementTimeout
	}
	d := &run{ctx: ctx, c: c, dir: dir, log: opts.Log, done: map[string]bool{}}
	defer func() {
		if cerr := d.cleanup(); cerr != nil {
			if err == nil {
				err = cerr
			} else {
				err = fmt.Errorf("%w; also %v", err, cerr)
			}
		}
	}()

	version := "(Confluent Cloud"
	if pool := c.cfg.ComputePoolID; pool != "" {
		version += ", compute pool " + pool
	}
	version += ")"
	r := &dryrun.Report{Dir: dir, Gateway: c.URL(), FlinkVersion: version, Profile: dryrun.Confluent,
		Tables: []*dryrun.TableReport{}, Findings: []*dryrun.Finding{}}
	d.r = r
	for _, name := range inv.DeployOrder() {
		e := inv.Tables[name]
		tr := &dryrun.TableReport{Table: name, Layer: e.Layer, Status: e.Status, SparkFile: e.SparkFile,
			Declared: e.Changelog, Adaptations: []string{}, Produced: []string{}}
		r.Tables = append(r.Tables, tr)
		for _, t := range e.Tests {
			tr.Raw = append(tr.Raw, &dryrun.Step{File: t, OK: true, Skipped: rawSkipped})
		}
		tr.DDL = &dryrun.Step{File: e.DDL, OK: true, Skipped: ddlSkipped}
		if !e.Complete {
			tr.DML = &dryrun.Step{File: e.DML, Skipped: "status " + e.Status + ": the DML is not complete"}
			continue
		}
		st, err := d.explain(tr, e.DML)
		if err != nil {
			r.Millis = time.Since(start).Milliseconds()
			return nil, err
		}
		tr.DML = st
	}
	r.Millis = time.Since(start).Milliseconds()
	return r, nil
}

type run struct {
	ctx     context.Context
	c       *Client
	dir     string
	log     io.Writer
	r       *dryrun.Report
	created []string
	done    map[string]bool // deleted
}

// explainPrefix puts EXPLAIN on a line of its own, so that line L of the
// submitted text is line L-1 of the statement, columns unchanged.
const explainPrefix = "EXPLAIN\n"

// explain submits EXPLAIN of the INSERT in file. An error returned is
// not Flink rejecting the statement (auth, network, timeout, cancel).
func (d *run) explain(tr *dryrun.TableReport, file string) (*dryrun.Step, error) {
	st := &dryrun.Step{File: file}
	stmt, src, err := d.statement(file)
	if err != nil {
		return nil, err
	}
	st.Line = stmt.Base().At.At.Line
	if ins, ok := stmt.(*ast.InsertStmt); ok && ins.Table != nil {
		st.Table = ins.Table.Last().Name
	}
	name := d.c.StatementName(tr.Table)
	d.created = append(d.created, name) // before Create: a POST that timed out may still have created it
	d.logf("submit %s: EXPLAIN %s", name, file)
	t0 := time.Now()
	res, err := d.c.Run(d.ctx, name, explainPrefix+src)
	st.Millis = time.Since(t0).Milliseconds()
	d.delete(name)
	var se *StatementError
	if errors.As(err, &se) {
		f := &dryrun.Finding{Table: tr.Table, Kind: "dml", File: file, Line: st.Line, Spark: tr.SparkFile, Message: message(se.Detail, d.c.cfg)}
		if se.Pos != nil && se.Pos.Line >= 2 {
			f.Line = st.Line + se.Pos.Line - 2
			f.Col = se.Pos.Col
		}
		st.Error = f
		d.r.Findings = append(d.r.Findings, f)
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	st.OK = true
	st.Plan = res.Text()
	mode := sinkInputMode(st.Plan)
	tr.Produced = kinds(mode)
	declared := tr.Declared
	if declared == "" {
		declared = "append"
	}
	switch {
	case mode == "" || mode == declared || declared == "retract" || mode == "append":
	case declared == "upsert" && mode == "retract":
		st.Notes = append(st.Notes, "the query also produces update-before (UB) rows; the upsert sink drops them")
	default:
		st.OK = false
		f := &dryrun.Finding{Table: tr.Table, Kind: "changelog", File: file, Line: st.Line, Spark: tr.SparkFile,
			Message: fmt.Sprintf("the query produces a %s changelog [%s] but the sink %s is declared %s",
				mode, strings.Join(tr.Produced, ","), st.Table, declared)}
		st.Error = f
		d.r.Findings = append(d.r.Findings, f)
	}
	return st, nil
}

var (
	planNode   = regexp.MustCompile(`^\s*(?:[:|]\s*)*(?:\+- )?(\w+) \[(\d+)\]\s*$`)
	detailHead = regexp.MustCompile(`^\[(\d+)\] \w+`)
	modeLine   = regexp.MustCompile(`^Changelog mode: (\w+)`)
)

// sinkInputMode reads, in the plan Confluent Cloud's EXPLAIN prints, the
// changelog mode of the operator that feeds the sink: "== Physical Plan =="
// is a tree whose first node is the sink, "== Physical Details ==" gives
// "[id] Operator" sections with a "Changelog mode:" line when it is not
// append. It returns "" when the plan has no sink.
func sinkInputMode(plan string) string {
	lines := strings.Split(plan, "\n")
	input := ""
	inPlan, sawSink := false, false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "== Physical Plan ==":
			inPlan = true
			continue
		case strings.HasPrefix(t, "=="):
			inPlan = false
		}
		if !inPlan || t == "" {
			continue
		}
		m := planNode.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		if !sawSink {
			if !strings.HasSuffix(m[1], "Sink") {
				return ""
			}
			sawSink = true
			continue
		}
		input = m[2]
		break
	}
	if input == "" {
		return ""
	}
	cur := ""
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if m := detailHead.FindStringSubmatch(t); m != nil {
			cur = m[1]
			continue
		}
		if cur == input {
			if m := modeLine.FindStringSubmatch(t); m != nil {
				return strings.ToLower(m[1])
			}
		}
	}
	return "append"
}

// kinds are the row kinds of a changelog mode.
func kinds(mode string) []string {
	switch mode {
	case "append":
		return []string{"I"}
	case "upsert":
		return []string{"I", "UA", "D"}
	case "retract":
		return []string{"I", "UB", "UA", "D"}
	}
	return []string{}
}

var missingTable = regexp.MustCompile(`(?i)\b(?:table|object) '[^']*' not found`)

var posPhrase = regexp.MustCompile(`(?i)\s*(?:error )?from line \d+, column \d+ to line \d+, column \d+[.:]?`)

// message is the finding's text: status.detail without the position (it
// counts lines of the submitted text; the finding has the file's), with a
// hint when a table is missing.
func message(detail string, cfg *Config) string {
	m := strings.TrimSpace(posPhrase.ReplaceAllString(detail, ""))
	if i := strings.LastIndex(m, "Caused by:"); i >= 0 {
		m = strings.TrimSpace(m[i+len("Caused by:"):])
	}
	if m == "" {
		m = "Confluent Cloud rejected the statement (no detail given)"
	}
	if missingTable.MatchString(m) {
		m += fmt.Sprintf(" (the dry run on Confluent Cloud does not create tables: deploy the DDL to catalog %s, database %s first)", cfg.Catalog, cfg.Database)
	}
	return m
}

func (d *run) logf(format string, args ...any) {
	if d.log != nil {
		fmt.Fprintf(d.log, format+"\n", args...)
	}
}

// delete deletes a statement with a fresh context, so that a cancelled
// run still cleans up; cleanup retries what failed here.
func (d *run) delete(name string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(d.ctx), 30*time.Second)
	defer cancel()
	if err := d.c.Delete(ctx, name); err == nil {
		d.done[name] = true
		d.logf("deleted %s", name)
	}
}

// cleanup deletes every statement created and not deleted yet.
func (d *run) cleanup() error {
	var left []string
	var last error
	for _, name := range d.created {
		if d.done[name] {
			continue
		}
		ctx, cancel := context.WithTimeout(context.WithoutCancel(d.ctx), 30*time.Second)
		err := d.c.Delete(ctx, name)
		cancel()
		if err != nil {
			left, last = append(left, name), err
			continue
		}
		d.done[name] = true
		d.logf("deleted %s", name)
	}
	if len(left) > 0 {
		return &CleanupError{Names: left, Err: last}
	}
	return nil
}

// statement reads the one statement of file (relative to the project folder).
func (d *run) statement(file string) (ast.Stmt, string, error) {
	return dryrun.ReadStatement(d.dir, file)
}
