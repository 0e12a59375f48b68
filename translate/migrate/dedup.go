package migrate

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/ddl"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/schema"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// dedupRawInputs makes a source read each raw topic deduplicated by the
// raw table's key, keeping the latest record per key in the exact shape
// Flink recognises as deduplication:
//
//	SELECT cols FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k
//	  ORDER BY `$rowtime` DESC) AS rn FROM raw) WHERE rn = 1
//
// A Kafka topic holds every version of a record where the CSV held one
// row, so reading the topic as it is would count updated records twice.
// When the Spark query deduplicates itself (its own ROW_NUMBER), its
// ordering is kept: replacing it by arrival order would change which row
// wins, so the Spark logic stays (a Top-N in Flink) and is reported.
func (m *migration) dedupRawInputs(t *project.Table, q *ast.Query, notes *diag.List) {
	if own := rowNumberDedup(q); own != nil {
		notes.Add(t.File, own.Pos(), diag.Info, "streaming.source-dedup",
			"the Spark query deduplicates itself with ROW_NUMBER ordered by a data column; it is kept as written (a Top-N in Flink, which keeps all rows of a key in state) rather than reordered by arrival time, which could pick another row")
		return
	}
	orderCol := ddl.OrderingColumn(m.opts.DDL.Profile)
	// Collect first: the wrapping adds SELECTs that must not be visited.
	var selects []*ast.Select
	ast.Inspect(q, func(n ast.Node) bool {
		if sel, ok := n.(*ast.Select); ok {
			selects = append(selects, sel)
		}
		return true
	})
	for _, sel := range selects {
		for i, ref := range sel.From {
			sel.From[i] = m.wrapRaw(t, ref, orderCol, notes)
		}
	}
}

// wrapRaw replaces raw table references in a FROM item by their
// deduplicated form.
func (m *migration) wrapRaw(t *project.Table, ref ast.TableRef, orderCol string, notes *diag.List) ast.TableRef {
	switch r := ref.(type) {
	case *ast.Join:
		r.Left = m.wrapRaw(t, r.Left, orderCol, notes)
		r.Right = m.wrapRaw(t, r.Right, orderCol, notes)
		return r
	case *ast.TableName:
		name := strings.ToLower(r.Name.Last().Name)
		csv := m.schema.CSV[name]
		if csv == nil {
			return r
		}
		key := naturalKey(csv)
		if len(key) == 0 {
			notes.Add(t.File, r.Pos(), diag.Warning, "streaming.source-dedup",
				"raw input %s has no column whose values are all present and distinct, so its topic is read as it is: a record sent twice is counted twice", name)
			return r
		}
		pos := r.Pos()
		alias := name
		if r.Alias != nil {
			alias = r.Alias.Name.Name
		}
		notes.Add(t.File, pos, diag.Info, "streaming.source-dedup",
			"%s is read deduplicated on %s, keeping the latest record by %s: the topic holds every version of a record where the CSV held one row",
			name, strings.Join(key, ", "), orderCol)
		return &ast.SubqueryRef{At: ast.At{At: pos}, Query: dedupQuery(pos, name, key, m.sparkCols[name], orderCol),
			Alias: &ast.Alias{Name: &ast.Ident{At: ast.At{At: pos}, Name: alias}, AsKeyword: true}}
	}
	return ref
}

// dedupQuery builds the deduplication of a raw table.
func dedupQuery(pos token.Pos, table string, key []string, cols []schema.Column, orderCol string) *ast.Query {
	at := ast.At{At: pos}
	nm := func(s string) *ast.Name {
		return &ast.Name{At: at, Parts: []*ast.Ident{{At: at, Name: s, Quoted: ddl.NeedsQuotes(s)}}}
	}
	var part []ast.Expr
	for _, k := range key {
		part = append(part, nm(k))
	}
	rowNumber := &ast.Func{At: at, Name: nm("ROW_NUMBER"), Over: &ast.Window{At: at, Parens: true, Partition: "PARTITION",
		PartitionBy: part, Sort: "ORDER", OrderBy: []*ast.OrderItem{{Expr: nm(orderCol), Desc: true}}}}
	inner := &ast.Select{At: at, Items: []*ast.SelectItem{
		{At: at, Expr: &ast.Star{At: at}},
		{At: at, Expr: rowNumber, Alias: &ast.Ident{At: at, Name: "rn"}, AsKeyword: true},
	}, From: []ast.TableRef{&ast.TableName{At: at, Name: nm(table)}}}
	outer := &ast.Select{At: at, From: []ast.TableRef{&ast.SubqueryRef{At: at, Query: &ast.Query{At: at, Body: inner}}},
		Where: &ast.Binary{At: at, Op: "=", L: nm("rn"), R: &ast.Literal{At: at, Kind: ast.LitNumber, Raw: "1", Value: "1"}}}
	for _, c := range cols {
		outer.Items = append(outer.Items, &ast.SelectItem{At: at, Expr: nm(c.Name)})
	}
	return &ast.Query{At: at, Body: outer}
}

// rowNumberDedup finds a ROW_NUMBER() OVER (PARTITION BY ...) in the query.
func rowNumberDedup(q *ast.Query) *ast.Func {
	var found *ast.Func
	ast.Inspect(q, func(n ast.Node) bool {
		if f, ok := n.(*ast.Func); ok && f.Over != nil && len(f.Over.PartitionBy) > 0 &&
			strings.EqualFold(f.Name.Last().Name, "row_number") {
			found = f
		}
		return found == nil
	})
	return found
}
