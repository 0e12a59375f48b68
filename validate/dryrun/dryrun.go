// Package dryrun deploys a generated Flink project on a real Flink without
// running it: through a SQL Gateway session it creates every table, in
// dependency order, then EXPLAINs every INSERT with CHANGELOG_MODE. Flink's
// validator and planner catch what a parser cannot: unknown columns and
// functions, type mismatches, and changelog conflicts (an updating query
// into an append-only table).
//
// The project is read through pipelines/inventory.json. Confluent Cloud
// DDL is adapted for open-source Flink only where it must be (connector,
// formats, bucketing, the $rowtime system column), on the AST, and each
// change is reported; the DML text is never changed.
package dryrun

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// Profiles.
const (
	Confluent = "confluent"
	OSS       = "oss"
)

// Options tune a dry run.
type Options struct {
	// Profile of the project: "confluent" adapts the DDL for open-source
	// Flink, "oss" runs it as written; "" takes the inventory's profile.
	Profile string
	// StatementTimeout bounds each statement (default 2 minutes).
	StatementTimeout time.Duration
}

// Report is the result of a dry run.
type Report struct {
	Dir          string         `json:"dir"`
	Gateway      string         `json:"gateway"`
	FlinkVersion string         `json:"flink_version"`
	Profile      string         `json:"profile"`
	Tables       []*TableReport `json:"tables"`
	Findings     []*Finding     `json:"findings"`
	Millis       int64          `json:"millis"`
}

// OK reports whether every table dry-ran clean.
func (r *Report) OK() bool { return len(r.Findings) == 0 }

// TableReport is what happened to one table.
type TableReport struct {
	Table       string   `json:"table"`
	Layer       string   `json:"layer"`
	Status      string   `json:"status"`
	SparkFile   string   `json:"spark_file,omitempty"`
	Raw         []*Step  `json:"raw,omitempty"` // raw test tables: DDL and insert
	DDL         *Step    `json:"ddl"`
	DML         *Step    `json:"dml"`
	Declared    string   `json:"changelog_declared"`
	Produced    []string `json:"changelog_produced"`
	Adaptations []string `json:"adaptations"`
}

// Step is one statement of the dry run.
type Step struct {
	File    string   `json:"file"`
	Line    int      `json:"line"` // where the statement starts in File
	Table   string   `json:"table,omitempty"`
	OK      bool     `json:"ok"`
	Skipped string   `json:"skipped,omitempty"` // why it was not run
	Error   *Finding `json:"error,omitempty"`
	Millis  int64    `json:"millis"`
	Plan    string   `json:"-"` // the EXPLAIN output
	Notes   []string `json:"notes,omitempty"`
}

// materializerNote says when the plan keeps the sink's rows in state to
// reconcile a key Flink could not derive.
func materializerNote(plan string) string {
	if strings.Contains(plan, "upsertMaterialize=[true]") {
		return " (Flink adds a SinkUpsertMaterializer: it cannot prove the sink's key from the query)"
	}
	return ""
}

// Finding is a problem Flink found, at a line of a generated file.
type Finding struct {
	Table   string `json:"table"`
	Kind    string `json:"kind"` // ddl, dml, changelog
	File    string `json:"file"` // relative to the project folder
	Line    int    `json:"line"`
	Col     int    `json:"col,omitempty"`
	Spark   string `json:"spark_file,omitempty"`
	Message string `json:"message"`
	Adapted bool   `json:"adapted_ddl,omitempty"` // the error is in the adapted DDL
}

func (f *Finding) String() string {
	pos := fmt.Sprintf("%s:%d", f.File, f.Line)
	if f.Col > 0 {
		pos += fmt.Sprintf(":%d", f.Col)
	}
	s := fmt.Sprintf("%s: error: [%s] %s", pos, f.Kind, f.Message)
	if f.Adapted {
		s += " (in the DDL as adapted for open-source Flink)"
	}
	if f.Spark != "" {
		s += " (Spark: " + f.Spark + ")"
	}
	return s
}

const explainPrefix = "EXPLAIN CHANGELOG_MODE "

// Run dry-runs the Flink project in dir (the folder holding pipelines/)
// on the gateway c, in one session.
func Run(ctx context.Context, c *gateway.Client, dir string, opts Options) (*Report, error) {
	start := time.Now()
	inv, err := emit.ReadInventory(dir)
	if err != nil {
		return nil, err
	}
	profile := opts.Profile
	if profile == "" {
		profile = inv.Profile
	}
	if profile == "" {
		profile = Confluent
	}
	if profile != Confluent && profile != OSS {
		return nil, fmt.Errorf("unknown profile %q (want confluent or oss)", profile)
	}
	if opts.StatementTimeout > 0 {
		c.StatementTimeout = opts.StatementTimeout
	}
	r := &Report{Dir: dir, Gateway: c.URL(), Profile: profile, Tables: []*TableReport{}, Findings: []*Finding{}}
	info, err := c.Info(ctx)
	if err != nil {
		return nil, err
	}
	r.FlinkVersion = info.Version

	s, err := c.OpenSession(ctx, map[string]string{"execution.runtime-mode": "streaming"})
	if err != nil {
		return nil, err
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = c.CloseSession(cctx, s)
	}()

	order := inv.DeployOrder()
	rowtime := rowtimeReaders(dir, inv)
	d := &run{ctx: ctx, c: c, s: s, dir: dir, profile: profile, rowtime: rowtime, r: r}

	// Every table first, in dependency order: raw test tables, then the
	// table itself.
	for _, name := range order {
		e := inv.Tables[name]
		tr := &TableReport{Table: name, Layer: e.Layer, Status: e.Status, SparkFile: e.SparkFile, Declared: e.Changelog, Adaptations: []string{}, Produced: []string{}}
		r.Tables = append(r.Tables, tr)
		for _, t := range e.Tests {
			if strings.HasPrefix(filepath.Base(t), "ddl.") {
				st, _, err := d.createTable(tr, t, "")
				if err != nil {
					return nil, err
				}
				tr.Raw = append(tr.Raw, st)
			}
		}
		st, ct, err := d.createTable(tr, e.DDL, e.Changelog)
		if err != nil {
			return nil, err
		}
		tr.DDL = st
		if ct != nil && tr.Declared == "" {
			tr.Declared = declaredChangelog(ct)
		}
	}
	// Then every INSERT: the raw test inserts and the table's DML.
	for _, tr := range r.Tables {
		e := inv.Tables[tr.Table]
		for _, t := range e.Tests {
			if strings.HasPrefix(filepath.Base(t), "insert_") {
				st, _, err := d.explain(tr, t, "")
				if err != nil {
					return nil, err
				}
				tr.Raw = append(tr.Raw, st)
			}
		}
		if !e.Complete {
			tr.DML = &Step{File: e.DML, Skipped: "status " + e.Status + ": the DML is not complete"}
			continue
		}
		if tr.DDL != nil && !tr.DDL.OK {
			tr.DML = &Step{File: e.DML, Skipped: "the table's DDL failed"}
			continue
		}
		st, produced, err := d.explain(tr, e.DML, tr.Declared)
		if err != nil {
			return nil, err
		}
		tr.DML = st
		tr.Produced = append(tr.Produced, produced...)
	}
	r.Millis = time.Since(start).Milliseconds()
	return r, nil
}

type run struct {
	ctx     context.Context
	c       *gateway.Client
	s       *gateway.Session
	dir     string
	profile string
	rowtime map[string]bool
	r       *Report
}

// createTable runs the CREATE TABLE in file, adapted for open-source Flink
// when the profile is confluent. An error returned is one of the
// gateway or the files, not a finding.
func (d *run) createTable(tr *TableReport, file, changelog string) (*Step, *ast.CreateTable, error) {
	st := &Step{File: file}
	stmt, src, err := d.statement(file)
	if err != nil {
		return nil, nil, err
	}
	st.Line = stmt.Base().At.At.Line
	ct, ok := stmt.(*ast.CreateTable)
	if !ok {
		return nil, nil, fmt.Errorf("%s: expected a CREATE TABLE statement", file)
	}
	st.Table = ct.Name.Last().Name
	sql := src
	adapted := false
	if d.profile == Confluent {
		changes := adapt(ct, adaptation{changelog: changelog, rowtime: d.rowtime[strings.ToLower(st.Table)]})
		if len(changes) > 0 {
			adapted = true
			for _, ch := range changes {
				tr.Adaptations = append(tr.Adaptations, st.Table+": "+ch)
			}
			sql = printer.Print(ct, printer.Config{Dialect: token.Flink})
		}
	}
	t0 := time.Now()
	_, err = d.c.Run(d.ctx, d.s, sql, nil)
	st.Millis = time.Since(t0).Milliseconds()
	if f, fatal := d.finding(tr, "ddl", st, err, 0); fatal != nil {
		return nil, nil, fatal
	} else if f != nil {
		f.Adapted = adapted
		if adapted {
			f.Line, f.Col = st.Line, 0 // the adapted text has its own lines
		}
		return st, ct, nil
	}
	st.OK = true
	return st, ct, nil
}

// explain runs EXPLAIN CHANGELOG_MODE on the INSERT in file, as written,
// and compares the changes the query produces with what the sink
// declares.
func (d *run) explain(tr *TableReport, file, declared string) (*Step, []string, error) {
	st := &Step{File: file}
	stmt, src, err := d.statement(file)
	if err != nil {
		return nil, nil, err
	}
	st.Line = stmt.Base().At.At.Line
	if ins, ok := stmt.(*ast.InsertStmt); ok && ins.Table != nil {
		st.Table = ins.Table.Last().Name
	}
	t0 := time.Now()
	res, err := d.c.Run(d.ctx, d.s, explainPrefix+src, nil)
	st.Millis = time.Since(t0).Milliseconds()
	if f, fatal := d.finding(tr, "dml", st, err, len(explainPrefix)); fatal != nil {
		return nil, nil, fatal
	} else if f != nil {
		return st, nil, nil
	}
	st.OK = true
	if res != nil && len(res.Rows) > 0 && len(res.Rows[0].Fields) > 0 {
		st.Plan, _ = res.Rows[0].Fields[0].(string)
	}
	produced := sinkInputChangelog(st.Plan)
	if declared == "" {
		declared = "append" // raw test tables are append-only topics
	}
	extra := extraKinds(produced, declared)
	if declared == "upsert" && len(extra) == 1 && extra[0] == "UB" {
		// An upsert sink drops update-befores: Flink accepts the query and,
		// when it cannot prove the sink's key is the query's, keeps a
		// SinkUpsertMaterializer (more state, same rows). The key itself is
		// checked by the lint (lint.upsert-key).
		st.Notes = append(st.Notes, "the query also produces update-before (UB) rows; the upsert sink drops them"+
			materializerNote(st.Plan))
		extra = nil
	}
	if len(extra) > 0 {
		st.OK = false
		f := &Finding{
			Table: tr.Table, Kind: "changelog", File: st.File, Line: st.Line, Spark: tr.SparkFile,
			Message: fmt.Sprintf("the query produces changelog [%s] but the sink %s is declared %s (accepts [%s]): %s not accepted",
				strings.Join(produced, ","), st.Table, declared, strings.Join(kindList(declared), ","), strings.Join(extra, ",")),
		}
		st.Error = f
		d.r.Findings = append(d.r.Findings, f)
	}
	return st, produced, nil
}

func kindList(mode string) []string {
	var out []string
	for _, k := range []string{"I", "UB", "UA", "D"} {
		if allowedKinds(mode)[k] {
			out = append(out, k)
		}
	}
	return out
}

// finding turns a statement's error into a finding at the file's line.
// prefix is the length of what was put before the statement's text on its
// first line. An error that is not Flink rejecting the statement (the
// gateway is down, the context was cancelled) is returned as fatal.
func (d *run) finding(tr *TableReport, kind string, st *Step, err error, prefix int) (*Finding, error) {
	if err == nil {
		return nil, nil
	}
	var ge *gateway.Error
	if !errors.As(err, &ge) || ge.Status == 404 {
		return nil, err
	}
	f := &Finding{Table: tr.Table, Kind: kind, File: st.File, Line: st.Line, Spark: tr.SparkFile, Message: ge.Message}
	if ge.Pos != nil {
		f.Line = st.Line + ge.Pos.Line - 1
		f.Col = ge.Pos.Col
		if ge.Pos.Line == 1 {
			f.Col -= prefix
		}
	}
	st.Error = f
	d.r.Findings = append(d.r.Findings, f)
	return f, nil
}

// statement reads the one statement of file (relative to the project folder).
func (d *run) statement(file string) (ast.Stmt, string, error) { return ReadStatement(d.dir, file) }

// ReadStatement reads the one statement of file (relative to the project
// folder dir) and returns it with its text as written.
func ReadStatement(dir, file string) (ast.Stmt, string, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
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

func rowtimeReaders(dir string, inv *emit.Inventory) map[string]bool {
	out := map[string]bool{}
	for _, e := range inv.Tables {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(e.DML)))
		if err != nil || !mentionsRowtime(string(data)) {
			continue
		}
		for _, dep := range e.DependsOn {
			out[strings.ToLower(dep)] = true
		}
		for _, t := range e.Tests {
			b := filepath.Base(t)
			if strings.HasPrefix(b, "ddl.") {
				out[strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(b, "ddl."), ".sql"))] = true
			}
		}
	}
	return out
}

func mentionsRowtime(sql string) bool {
	f, _ := parser.ParseFile("", sql, token.Flink)
	found := false
	for _, s := range f.Stmts {
		if s == nil {
			continue
		}
		ast.Inspect(s, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && id.Name == Rowtime {
				found = true
			}
			return !found
		})
	}
	return found
}
