package migrate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/ddl"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/rules"
	"github.com/c360-migrate/c360-migrate/translate/schema"
	"github.com/c360-migrate/c360-migrate/translate/streaming"
	"github.com/c360-migrate/c360-migrate/translate/syntax"
)

// translate produces the Flink DDL and DML of one table.
// index is the table's place in the dependency order: it sees only the
// tables before it, whatever else is being translated at the same time.
func (m *migration) translate(t *project.Table, index int) *result.Table {
	rt := &result.Table{
		SparkName: t.Name, FlinkName: t.FlinkName, Layer: string(t.Layer), Product: t.Product,
		SparkFile: t.File, SparkPos: t.Pos, Rules: map[string]int{}, InputHash: m.inputHash(t.File),
	}
	for _, d := range t.Deps {
		if dt := m.model.Tables[d]; dt != nil && dt.Input == nil {
			rt.Deps = append(rt.Deps, dt.FlinkName)
		}
	}
	var notes, residue diag.List
	defer func() {
		m.mapPositions(notes)
		m.mapPositions(residue)
		rt.Notes = notes
		rt.Residue = residue
		switch {
		case rt.Status == result.Failed:
		case len(residue) > 0:
			rt.Status = result.NeedsLLM
		default:
			rt.Status = result.Translated
		}
	}()
	if t.Query == nil {
		for _, d := range t.Defs {
			if mg, ok := d.(*ast.MergeStmt); ok {
				residue.Add(t.File, mg.Pos(), diag.Error, "residue.merge",
					"MERGE INTO %s is not a plain upsert (WHEN MATCHED THEN UPDATE SET * and WHEN NOT MATCHED THEN INSERT * on equal key columns), so no rule turns it into an upsert table", t.Name)
				return rt
			}
		}
		residue.Add(t.File, t.Pos, diag.Error, "residue.statement", "%s is defined by a statement that has no query to translate (%s)", t.Name, kindOf(t))
		rt.Status = result.Failed
		return rt
	}
	q := t.Query

	// Inputs must be known: raw inputs read, upstream tables translated.
	for _, d := range t.Deps {
		if dt := m.model.Tables[d]; dt != nil && dt.Input != nil && m.sparkCols[d] == nil {
			for _, e := range m.schema.Diags[d] {
				residue.Add(t.File, t.Pos, diag.Error, "residue.input", "%s", e.Msg)
			}
		}
	}

	// 1. Spark's answer: the output columns with Spark's types.
	sparkCols, types := m.sparkCols[t.Name], m.schema.Types[t.Name]
	for _, e := range m.schema.Diags[t.Name] {
		cp := *e
		cp.Severity = diag.Warning
		notes = append(notes, &cp)
	}

	// 2. Sources read their raw topic deduplicated by its key.
	if t.Layer == project.Source {
		m.dedupRawInputs(t, q, &notes)
	}

	// 3. Query-level rules, then expression rules.
	sctx := &syntax.Context{File: t.File, Notes: &notes, Residue: &residue, Applied: rt.Rules,
		ColumnsOf: m.columnsOf}
	syntax.Translate(sctx, q, true)
	coerceEmptyArrays(q, types)
	rctx := &rules.Context{File: t.File, Diags: &diag.List{}, Applied: rt.Rules,
		TypeOf: func(e ast.Expr) *ast.Type { return types[e] }}
	rules.TranslateExprs(rctx, q)
	for _, d := range *rctx.Diags {
		if d.Severity == diag.Error {
			residue = append(residue, d)
		} else {
			notes = append(notes, d)
		}
	}
	m.renameTables(q)
	residue = append(residue, sparkOnly(t.File, q)...)

	// 4. What the query means as a stream.
	an := streaming.Analyze(q, m.streamEnv(index))
	rt.Key, rt.KeyReason = an.Key, an.KeyReason
	if uk := t.Config["unique_key"]; uk != "" {
		rt.Key = strings.Split(strings.ReplaceAll(uk, " ", ""), ",")
		rt.KeyReason = "dbt config unique_key"
	}
	if len(t.MergeKey) > 0 {
		rt.Key, rt.KeyReason = t.MergeKey, "the MERGE INTO key"
		an.Updating = true
		an.Why = append(an.Why, "MERGE INTO updates rows by key")
		notes.Add(t.File, t.Pos, diag.Info, "streaming.merge-upsert",
			"MERGE INTO ... UPDATE SET * / INSERT * became an upsert table keyed on (%s): every source row replaces the row with its key", strings.Join(t.MergeKey, ", "))
		rt.Rules["streaming.merge-upsert"]++
	}
	switch {
	case an.Updating && len(rt.Key) > 0:
		rt.Changelog = result.Upsert
	case an.Updating:
		rt.Changelog = result.Retract
		notes.Add(t.File, t.Pos, diag.Warning, "streaming.no-key",
			"the query updates its rows (%s) but no key of its result could be derived: the table is written as a retract changelog; add the key columns to the select list or declare unique_key", strings.Join(an.Why, "; "))
	default:
		rt.Changelog = result.Append
		rt.Key, rt.KeyReason = nil, ""
	}
	if an.Updating && len(rt.Key) > 0 {
		notes.Add(t.File, t.Pos, diag.Info, "streaming.changelog",
			"upsert table keyed on (%s) from %s, because the query updates rows: %s", strings.Join(rt.Key, ", "), rt.KeyReason, strings.Join(an.Why, "; "))
	}
	m.streamingNotes(t, q, an, rt, &notes)

	// 5. DDL and DML.
	rt.Columns = flinkColumns(sparkCols)
	var cols []ddl.Column
	for _, c := range sparkCols {
		cols = append(cols, ddl.Column{Name: c.Name, Type: flinkType(c.Spark)})
	}
	ct := ddl.Create(ddl.Table{Name: t.FlinkName, Columns: cols, Key: rt.Key, Changelog: rt.Changelog}, m.opts.DDL)
	rt.DDL = printer.Print(ct, flinkPrint) + ";\n"
	ins := &ast.InsertStmt{Table: &ast.Name{Parts: []*ast.Ident{{Name: t.FlinkName}}}, Query: q}
	rt.DML = printer.Print(ins, flinkPrint) + ";\n"

	// 6. Raw inputs of sources travel with them as test tables.
	if t.Layer == project.Source {
		rt.Raw = m.rawTables(t)
	}
	return rt
}

func kindOf(t *project.Table) string {
	if len(t.Defs) == 0 {
		return "none"
	}
	return ast.StmtKind(t.Defs[len(t.Defs)-1])
}

func (m *migration) columnsOf(ref ast.TableRef) ([]string, bool) {
	tn, ok := ref.(*ast.TableName)
	if !ok {
		return nil, false
	}
	cols, ok := m.sparkCols[strings.ToLower(tn.Name.Last().Name)]
	if !ok {
		return nil, false
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names, true
}

// streamEnv describes the tables translated before the one at index to
// the streaming analysis, by their Flink names.
func (m *migration) streamEnv(index int) func(string) (streaming.Input, bool) {
	return func(flinkName string) (streaming.Input, bool) {
		m.mu.RLock()
		defer m.mu.RUnlock()
		for name, d := range m.done {
			if d.index < index && d.t.FlinkName == flinkName {
				in := streaming.Input{Key: d.t.Key, Updating: d.t.Changelog != result.Append, TimeAttrs: m.sinkTimeAttrs()}
				for _, c := range m.sparkCols[name] {
					in.Columns = append(in.Columns, c.Name)
				}
				return in, true
			}
		}
		if cols, ok := m.sparkCols[flinkName]; ok { // raw inputs keep their names
			in := streaming.Input{TimeAttrs: []string{ddl.OrderingColumn(m.opts.DDL.Profile)}}
			for _, c := range cols {
				in.Columns = append(in.Columns, c.Name)
			}
			return in, true
		}
		return streaming.Input{}, false
	}
}

// renameTables replaces Spark table names by Flink ones. CTE names and
// unknown tables are left alone.
func (m *migration) renameTables(q *ast.Query) {
	ctes := map[string]bool{}
	ast.Inspect(q, func(n ast.Node) bool {
		if c, ok := n.(*ast.CTE); ok {
			ctes[strings.ToLower(c.Name.Name)] = true
		}
		return true
	})
	ast.Inspect(q, func(n ast.Node) bool {
		tn, ok := n.(*ast.TableName)
		if !ok {
			return true
		}
		key := strings.ToLower(tn.Name.Last().Name)
		if ctes[key] {
			return true
		}
		if dt := m.model.Tables[key]; dt != nil {
			old := tn.Name.Last()
			tn.Name = &ast.Name{At: tn.Name.At, Parts: []*ast.Ident{{At: old.At, Name: dt.FlinkName}}}
			if tn.Alias == nil && len(dt.FlinkName) > 0 && dt.FlinkName != key {
				// Columns qualified by the Spark table name keep working.
				tn.Alias = &ast.Alias{Name: &ast.Ident{At: old.At, Name: old.Name}, AsKeyword: true}
			}
		}
		return true
	})
}

// sparkOnly reports constructs still in the tree that Flink cannot
// express: whatever no rule translated.
func sparkOnly(file string, q *ast.Query) diag.List {
	var out diag.List
	ast.Inspect(q, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.LateralView:
			out.Add(file, x.Pos(), diag.Error, "residue.syntax", "LATERAL VIEW %s has no Flink form", x.Func.Name.Last().Name)
		case *ast.Pivot:
			out.Add(file, x.Pos(), diag.Error, "residue.syntax", "PIVOT was not translated")
		case *ast.Unpivot:
			out.Add(file, x.Pos(), diag.Error, "residue.syntax", "UNPIVOT has no Flink form")
		case *ast.Star:
			if len(x.Except) > 0 {
				out.Add(file, x.Pos(), diag.Error, "residue.syntax", "* EXCEPT (...) has no Flink form: list the columns")
			}
		case *ast.TableName:
			if x.Sample != nil {
				out.Add(file, x.Pos(), diag.Error, "residue.syntax", "TABLESAMPLE has no streaming meaning")
			}
			if x.TimeTravel != "" {
				out.Add(file, x.Pos(), diag.Error, "residue.syntax", "time travel (%s AS OF) has no Flink form", x.TimeTravel)
			}
		case *ast.Variable:
			out.Add(file, x.Pos(), diag.Error, "residue.syntax", "variable %s is not substituted", x.Raw)
		case *ast.Select:
			if x.Qualify != nil {
				out.Add(file, x.Qualify.Pos(), diag.Error, "residue.syntax", "QUALIFY was not translated")
			}
			if x.GroupBy != nil && (x.GroupBy.All || x.GroupBy.With != "" || x.GroupBy.Sets != nil) {
				out.Add(file, x.GroupBy.Pos(), diag.Error, "residue.syntax", "this GROUP BY form has no Flink equivalent")
			}
		case *ast.Join:
			if strings.Contains(x.Kind, "SEMI") || strings.Contains(x.Kind, "ANTI") {
				out.Add(file, x.Pos(), diag.Error, "residue.syntax", "%s JOIN was not translated", x.Kind)
			}
		}
		return true
	})
	return out
}

// streamingNotes reports the streaming differences the table's query has.
func (m *migration) streamingNotes(t *project.Table, q *ast.Query, an *streaming.Result, rt *result.Table, notes *diag.List) {
	for _, j := range an.RegularJoins {
		if join, ok := j.(*ast.Join); ok {
			notes.Add(t.File, join.Pos(), diag.Info, "streaming.regular-join",
				"regular %s join: Flink keeps both inputs in state for ever; set a state TTL (for example the STATE_TTL hint or 'sql.state-ttl') or use a temporal join if the right side is a versioned dimension", strings.ToLower(strings.TrimSpace(join.Kind+" ")))
		}
	}
	for _, def := range t.Defs {
		if ins, ok := def.(*ast.InsertStmt); ok && ins.Overwrite {
			what := "an upsert table keyed on (" + strings.Join(rt.Key, ", ") + "): each key's row is replaced, but rows whose key no longer appears are not deleted"
			if rt.Changelog != result.Upsert {
				what = "an append table: rows accumulate instead of replacing the table or partition"
			}
			notes.Add(t.File, ins.Pos(), diag.Warning, "streaming.insert-overwrite", "INSERT OVERWRITE became INSERT INTO %s", what)
		}
	}
	if an.Updating {
		ast.Inspect(q, func(n ast.Node) bool {
			var name string
			switch x := n.(type) {
			case *ast.Name:
				name = strings.ToUpper(x.Last().Name)
			case *ast.Func:
				name = strings.ToUpper(x.Name.Last().Name)
			}
			if name == "CURRENT_DATE" || name == "CURRENT_TIMESTAMP" || name == "NOW" || name == "LOCALTIMESTAMP" {
				notes.Add(t.File, n.Pos(), diag.Warning, "streaming.current-time-in-updating-query",
					"%s is evaluated per record in streaming; in an updating query, rows computed at different times are compared and old rows are not recomputed when the date changes", name)
			}
			return true
		})
	}
}

// flinkColumns renders columns for the result.
func flinkColumns(cols []schema.Column) []result.Column {
	out := make([]result.Column, len(cols))
	for i, c := range cols {
		out[i] = result.Column{Name: c.Name, Type: printer.Print(flinkType(c.Spark), flinkPrint), Nullable: c.Nullable}
	}
	return out
}

// rawTables returns the raw inputs a source reads, as test tables.
func (m *migration) rawTables(t *project.Table) []*result.RawInput {
	var out []*result.RawInput
	for _, d := range t.Deps {
		csv := m.schema.CSV[d]
		if csv == nil {
			continue
		}
		cols := m.sparkCols[d]
		var dcols []ddl.Column
		for _, c := range cols {
			dcols = append(dcols, ddl.Column{Name: c.Name, Type: flinkType(c.Spark)})
		}
		ct := ddl.Create(ddl.Table{Name: d, Columns: dcols, Changelog: result.Append, Raw: true}, m.opts.DDL)
		out = append(out, &result.RawInput{
			Name: d, Path: m.model.Tables[d].Input.Options["path"], Columns: flinkColumns(cols),
			DDL:    printer.Print(ct, flinkPrint) + ";\n",
			Insert: insertRows(d, cols, csv),
			Rows:   len(csv.Rows),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// insertRows renders a CSV's rows as one INSERT ... VALUES with typed
// literals.
func insertRows(table string, cols []schema.Column, t *schema.Table) string {
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s\nVALUES\n", quoteName(table))
	for i, row := range t.Rows {
		b.WriteString("  (")
		for j, c := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			if j < len(row) {
				b.WriteString(schema.FlinkLiteral(row[j], flinkType(c.Spark)))
			} else {
				b.WriteString(schema.FlinkLiteral(schema.Value{}, flinkType(c.Spark)))
			}
		}
		b.WriteString(")")
		if i < len(t.Rows)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString(";\n")
	return b.String()
}

func quoteName(s string) string {
	return printer.Print(&ast.Ident{Name: s, Quoted: strings.ContainsAny(s, " -.$")}, flinkPrint)
}

// flinkType maps a Spark column type to the Flink type of a table column.
func flinkType(t *ast.Type) *ast.Type { return schema.FlinkType(t) }

// coerceEmptyArrays gives an empty array() the type Spark coerces it to
// inside COALESCE/NVL/IFNULL (the type of the whole call), so the array
// rule can build a typed empty array.
func coerceEmptyArrays(q *ast.Query, types map[ast.Expr]*ast.Type) {
	ast.Inspect(q, func(n ast.Node) bool {
		f, ok := n.(*ast.Func)
		if !ok {
			return true
		}
		switch strings.ToLower(f.Name.Last().Name) {
		case "coalesce", "nvl", "ifnull":
		default:
			return true
		}
		t := types[f]
		if t == nil || t.Name != "ARRAY" {
			return true
		}
		for _, a := range f.Args {
			if af, ok := a.(*ast.Func); ok && len(af.Args) == 0 && strings.EqualFold(af.Name.Last().Name, "array") {
				types[af] = t
			}
		}
		return true
	})
}

// sinkTimeAttrs are the time attributes of the tables migrate writes:
// Confluent Cloud gives every table `$rowtime`; the oss profile's sinks
// declare no watermark.
func (m *migration) sinkTimeAttrs() []string {
	if m.opts.DDL.Profile == ddl.Confluent {
		return []string{"$rowtime"}
	}
	return nil
}
