package verify

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// flinkTable is what the Flink side made of one generated table.
type flinkTable struct {
	rows   *Rows
	reason string // why it could not run; "" when it ran
	file   string // the file of the failing statement
	note   string // how it ran, when not as a batch INSERT
}

// flinkRun runs the Flink project in batch mode over the raw inputs' CSV
// files, all in one gateway session, and reads every table back.
type flinkRun struct {
	ctx    context.Context
	c      *gateway.Client
	s      *gateway.Session
	dir    string
	work   string
	inv    *emit.Inventory
	csv    map[string]string
	now    time.Time
	tables map[string]*flinkTable
	cols   map[string][]Column // table → its stored columns, as declared
}

// batchSession is the session every verify statement runs in: batch mode
// (bounded inputs, final results), INSERTs that return when their job has
// finished, the session time zone Spark runs with, and one task slot's
// worth of parallelism (the tables are small; the machine is shared).
var batchSession = map[string]string{
	"execution.runtime-mode": "batch",
	"table.dml-sync":         "true",
	"table.local-time-zone":  "UTC",
	"parallelism.default":    "1",
}

func runFlink(ctx context.Context, c *gateway.Client, dir, work string, csvs map[string]string, now time.Time) (map[string]*flinkTable, error) {
	inv, err := emit.ReadInventory(dir)
	if err != nil {
		return nil, &InputError{Msg: err.Error()}
	}
	s, err := c.OpenSession(ctx, batchSession)
	if err != nil {
		return nil, err
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = c.CloseSession(cctx, s)
	}()
	f := &flinkRun{ctx: ctx, c: c, s: s, dir: dir, work: work, inv: inv, csv: csvs, now: now,
		tables: map[string]*flinkTable{}, cols: map[string][]Column{}}
	rowtime := dryrun.RowtimeReaders(dir, inv)
	order := inv.DeployOrder()
	for _, name := range order {
		e := inv.Tables[name]
		ft := &flinkTable{}
		f.tables[name] = ft
		for _, t := range e.Tests {
			if !strings.HasPrefix(filepath.Base(t), "ddl.") {
				continue
			}
			if err := f.createRaw(t, rowtime); err != nil {
				if isFatal(err) {
					return nil, err
				}
				ft.reason, ft.file = "raw input: "+errText(err), t
			}
		}
		if ft.reason != "" {
			continue
		}
		if err := f.createTable(name, e.DDL); err != nil {
			if isFatal(err) {
				return nil, err
			}
			ft.reason, ft.file = "DDL: "+errText(err), e.DDL
		}
	}
	for _, name := range order {
		e := inv.Tables[name]
		ft := f.tables[name]
		if ft.reason != "" {
			continue
		}
		if dep := f.failedDep(e); dep != "" {
			ft.reason = "its input " + dep + " could not run"
			continue
		}
		if line, err := f.insert(e.DML); err != nil {
			if isFatal(err) {
				return nil, err
			}
			ft.reason, ft.file = "DML: "+errText(err), position(e.DML, line, err)
			if !e.Complete {
				continue
			}
			// Flink's batch planner does not run every query its streaming
			// planner runs (a COUNT(DISTINCT) beside an ARRAY_AGG is
			// rewritten into a MIN over an ARRAY). A complete table is
			// meant for streaming: run its query there and keep the final
			// state of the changelog.
			serr := f.streamInto(name, e.DML)
			if serr == nil {
				ft.reason, ft.file = "", ""
				ft.note = "run in streaming mode, final state of its changelog (the batch planner rejects it: " + firstLine(errText(err)) + ")"
			} else if isFatal(serr) {
				return nil, serr
			} else {
				if errText(serr) != errText(err) {
					ft.reason += "; in streaming mode: " + errText(serr)
				}
				continue
			}
		}
		rows, err := f.read(name)
		if err != nil {
			if isFatal(err) {
				return nil, err
			}
			ft.reason = "reading the table back: " + errText(err)
			continue
		}
		ft.rows = rows
	}
	return f.tables, nil
}

// isFatal tells a gateway that is gone or a cancelled run from Flink
// rejecting one statement.
func isFatal(err error) bool {
	var ge *gateway.Error
	if errors.As(err, &ge) {
		return false
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return false
	}
	var ue *gateway.UnavailableError
	return errors.As(err, &ue) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

func (f *flinkRun) failedDep(e *emit.InventoryEntry) string {
	for _, d := range e.DependsOn {
		if t, ok := f.tables[d]; ok && t.reason != "" {
			return d
		}
	}
	return ""
}

// createRaw creates a raw input as a filesystem CSV table over a header-less
// copy of its CSV file (Flink's csv format cannot skip a header). When some
// DML reads the raw input's `$rowtime` (the Kafka record time on Confluent
// Cloud), the copy gets a `$rowtime` column: the CSV's row order is the
// order the rows arrive in, as when the CSV is produced to the topic.
func (f *flinkRun) createRaw(file string, rowtime map[string]bool) error {
	stmt, _, err := dryrun.ReadStatement(f.dir, file)
	if err != nil {
		return &InputError{Msg: err.Error()}
	}
	ct, ok := stmt.(*ast.CreateTable)
	if !ok {
		return &InputError{Msg: file + ": expected a CREATE TABLE statement"}
	}
	name := strings.ToLower(ct.Name.Last().Name)
	src, ok := f.csv[name]
	if !ok {
		return &InputError{Msg: fmt.Sprintf("the Spark project declares no CSV file for %s", name)}
	}
	var cols []string
	for _, c := range ct.Columns {
		if !c.Metadata && c.Computed == nil {
			cols = append(cols, c.Name.Name)
		}
	}
	withRowtime := rowtime[name] && !hasColumn(ct, dryrun.Rowtime)
	out := filepath.Join(f.work, "raw", name)
	if err := copyCSV(src, filepath.Join(out, "part-0.csv"), cols, withRowtime, f.now); err != nil {
		return &InputError{Msg: err.Error()}
	}
	if withRowtime {
		ct.Columns = append(ct.Columns, &ast.ColumnDef{
			Name: &ast.Ident{Name: dryrun.Rowtime, Quoted: true},
			Type: &ast.Type{Name: "TIMESTAMP", Params: []string{"3"}},
		})
	}
	toFilesystem(ct, out, "csv")
	return f.run(printer.Print(ct, printer.Config{Dialect: token.Flink}))
}

// createTable creates a generated table as a filesystem JSON table (JSON
// keeps NULLs, arrays and decimals) in the work folder.
func (f *flinkRun) createTable(name, file string) error {
	stmt, _, err := dryrun.ReadStatement(f.dir, file)
	if err != nil {
		return &InputError{Msg: err.Error()}
	}
	ct, ok := stmt.(*ast.CreateTable)
	if !ok {
		return &InputError{Msg: file + ": expected a CREATE TABLE statement"}
	}
	var cols []Column
	kept := ct.Columns[:0]
	for _, c := range ct.Columns {
		if c.Metadata || c.Computed != nil {
			continue // Kafka metadata; not stored in a file
		}
		cols = append(cols, Column{Name: c.Name.Name, Type: printer.Print(c.Type, printer.Config{Dialect: token.Flink})})
		kept = append(kept, c)
	}
	ct.Columns = kept
	f.cols[name] = cols
	toFilesystem(ct, filepath.Join(f.work, "tables", name), "json")
	return f.run(printer.Print(ct, printer.Config{Dialect: token.Flink}))
}

// toFilesystem makes ct a filesystem table in folder dir: the connector
// options replace the Kafka ones; bucketing, watermark and the key (the
// filesystem sink is insert-only; the key is applied when comparing) go.
func toFilesystem(ct *ast.CreateTable, dir, format string) {
	prop := func(k, v string) *ast.Property {
		return &ast.Property{
			Key:   &ast.Literal{Kind: ast.LitString, Value: k, Raw: "'" + k + "'"},
			Eq:    true,
			Value: &ast.Literal{Kind: ast.LitString, Value: v, Raw: "'" + strings.ReplaceAll(v, "'", "''") + "'"},
		}
	}
	ct.With = []*ast.Property{prop("connector", "filesystem"), prop("path", dir), prop("format", format)}
	if format == "csv" {
		// Spark reads an empty CSV field as NULL.
		ct.With = append(ct.With, prop("csv.null-literal", ""))
	}
	ct.Distributed = nil
	ct.Watermark = nil
	ct.PrimaryKey = nil
	for _, c := range ct.Columns {
		c.PrimaryKey = false
	}
	ct.IfNotExists = false
}

func hasColumn(ct *ast.CreateTable, name string) bool {
	for _, c := range ct.Columns {
		if c.Name != nil && strings.EqualFold(c.Name.Name, name) {
			return true
		}
	}
	return false
}

// copyCSV writes src's rows without the header, with the columns in the
// order cols names them (matched by header name), and a `$rowtime` value
// per row when rowtime is set.
func copyCSV(src, dst string, cols []string, rowtime bool, now time.Time) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	r := csv.NewReader(in)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: reading the header: %w", src, err)
	}
	idx := map[string]int{}
	for i, h := range header {
		idx[strings.ToLower(strings.TrimSpace(h))] = i
	}
	pick := make([]int, len(cols))
	for i, c := range cols {
		j, ok := idx[strings.ToLower(c)]
		if !ok {
			return fmt.Errorf("%s: no column %s in the header", src, c)
		}
		pick[i] = j
	}
	var records [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
		records = append(records, rec)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	for n, rec := range records {
		row := make([]string, 0, len(pick)+1)
		for _, j := range pick {
			v := ""
			if j < len(rec) {
				v = rec[j]
			}
			row = append(row, v)
		}
		if rowtime {
			at := now.Add(time.Duration(n-len(records)) * time.Millisecond)
			row = append(row, at.UTC().Format("2006-01-02 15:04:05.000"))
		}
		if err := w.Write(row); err != nil {
			out.Close()
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// insert runs a table's INSERT, its text as written with only the clock
// pinned, and waits for its job.
func (f *flinkRun) insert(file string) (line int, err error) {
	ins, text, _, err := f.pinned(file)
	if err != nil {
		return 0, err
	}
	return ins.Base().At.At.Line, f.run(text)
}

// pinned reads the INSERT of file and returns it with its text, the
// clock expressions replaced in place (lines kept, so Flink's positions
// stay those of the file), and the offset its text starts at.
func (f *flinkRun) pinned(file string) (*ast.InsertStmt, string, int, error) {
	stmt, text, err := dryrun.ReadStatement(f.dir, file)
	if err != nil {
		return nil, "", 0, &InputError{Msg: err.Error()}
	}
	ins, ok := stmt.(*ast.InsertStmt)
	if !ok || ins.Query == nil {
		return nil, "", 0, &InputError{Msg: file + ": expected INSERT INTO ... query"}
	}
	base := stmt.Base().At.At.Offset
	edits := ClockEdits(stmt, strings.Repeat(" ", base)+text, token.Flink, f.now)
	if n := PinClock(stmt, token.Flink, f.now); n != len(edits) {
		return nil, "", 0, &InputError{Msg: fmt.Sprintf("%s: %d clock expressions, %d found in the text", file, n, len(edits))}
	}
	for i := range edits {
		edits[i].Start -= base
		edits[i].End -= base
	}
	return ins, ApplyEdits(text, edits), base, nil
}

// position is file:line:col of a Flink error in a statement of file that
// starts at line.
func position(file string, line int, err error) string {
	var ge *gateway.Error
	if errors.As(err, &ge) && ge.Pos != nil {
		return fmt.Sprintf("%s:%d:%d", file, line+ge.Pos.Line-1, ge.Pos.Col)
	}
	return file
}

func (f *flinkRun) run(sql string) error {
	_, err := f.c.Run(f.ctx, f.s, sql, nil)
	return err
}

// read returns every row of a table from the JSON files its filesystem
// sink wrote (reading them directly saves a Flink job per table).
func (f *flinkRun) read(name string) (*Rows, error) {
	cols := f.cols[name]
	rows := &Rows{Columns: cols}
	dir := filepath.Join(f.work, "tables", name)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		for {
			var obj map[string]any
			if err := dec.Decode(&obj); err == io.EOF {
				break
			} else if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			row := make([]any, len(cols))
			for i, c := range cols {
				row[i] = obj[c.Name]
			}
			rows.Data = append(rows.Data, row)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return rows, nil // an INSERT of no rows writes no file
	}
	return rows, err
}

// streamInto runs a table's query (its INSERT without the INSERT) in
// streaming mode, applies the changelog it returns, and writes the final
// rows where the table's filesystem sink would have, so the tables that
// read it find them.
func (f *flinkRun) streamInto(name, file string) error {
	ins, text, base, err := f.pinned(file)
	if err != nil {
		return err
	}
	sql := text[ins.Query.Pos().Offset-base:]
	res, err := f.c.Run(f.ctx, f.s, sql, map[string]string{"execution.runtime-mode": "streaming"})
	if err != nil {
		return err
	}
	cols := f.cols[name]
	if len(res.Columns) != len(cols) {
		return &InputError{Msg: fmt.Sprintf("%s: the query has %d columns, the table %d", file, len(res.Columns), len(cols))}
	}
	final := applyChangelog(res.Rows)
	dir := filepath.Join(f.work, "tables", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	for _, fields := range final {
		obj := map[string]any{}
		for i, c := range cols {
			obj[c.Name] = sqlValue(fields[i], c.Type)
		}
		line, err := json.Marshal(obj)
		if err != nil {
			return err
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	return os.WriteFile(filepath.Join(dir, "part-streaming.json"), b.Bytes(), 0o644)
}

// applyChangelog returns the rows left after applying a changelog in
// order: inserts and update-afters add a row, update-befores and deletes
// remove one equal row.
func applyChangelog(rows []gateway.Row) [][]any {
	var out [][]any
	for _, r := range rows {
		switch r.Kind {
		case "UPDATE_BEFORE", "DELETE":
			k, _ := json.Marshal(r.Fields)
			for i := len(out) - 1; i >= 0; i-- {
				if o, _ := json.Marshal(out[i]); bytes.Equal(o, k) {
					out = append(out[:i], out[i+1:]...)
					break
				}
			}
		default:
			out = append(out, r.Fields)
		}
	}
	return out
}

// sqlValue writes a gateway value as Flink's json format reads it back: a
// timestamp in the SQL form (space, not T).
func sqlValue(v any, typ string) any {
	if s, ok := v.(string); ok && strings.HasPrefix(strings.ToUpper(typ), "TIMESTAMP") {
		if t, ok := parseTimestamp(s); ok {
			return t.Format("2006-01-02 15:04:05.999999999")
		}
	}
	return v
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// errText is Flink's own message for a statement it rejected.
func errText(err error) string {
	var ge *gateway.Error
	if errors.As(err, &ge) && ge.Message != "" {
		return ge.Message
	}
	return err.Error()
}
