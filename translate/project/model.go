// Package project models a Spark SQL project as tables: which statement
// defines which table, the raw inputs, the dependency graph, each table's
// layer and product, and its name on the Flink side.
package project

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Layer is the pipeline layer of a table.
type Layer string

const (
	Raw          Layer = "raw"
	Source       Layer = "sources"
	Dimension    Layer = "dimensions"
	Intermediate Layer = "intermediates"
	Fact         Layer = "facts"
	View         Layer = "views"
)

// Layers lists the layers in pipeline order.
var Layers = []Layer{Raw, Source, Dimension, Intermediate, Fact, View}

// File is one parsed source file of the project.
type File struct {
	Path   string // relative to the project root, slash-separated
	Stmts  []ast.Stmt
	Config map[string]string // dbt config() keys, if any
	IsDbt  bool
}

// Table is one table of the project: a raw input or a table some
// statement defines.
type Table struct {
	Name      string // as written in Spark (lower case)
	FlinkName string
	Layer     Layer
	Product   string
	File      string
	Pos       token.Pos
	// Defs are the statements that define the table, in file order: a
	// CREATE VIEW/TABLE, and the INSERTs into it.
	Defs []ast.Stmt
	// Create is the CREATE TABLE without query, when the table is declared
	// separately from the INSERT that fills it.
	Create *ast.CreateTable
	// Query is the query whose rows the table holds (view body, CTAS query,
	// or the INSERT's query), nil for raw inputs.
	Query *ast.Query
	// Input describes a raw input (USING csv view, or a table read but
	// defined nowhere).
	Input *RawInput
	// Deps are the tables this one reads, by Spark name, sorted.
	Deps   []string
	Config map[string]string
	// MergeKey is set when the table is filled by a MERGE INTO that is an
	// upsert on these columns; Query then reads the merge source.
	MergeKey []string
}

// RawInput is a table the project reads from outside.
type RawInput struct {
	Format  string            // csv, json, parquet, delta; empty when undefined
	Options map[string]string // OPTIONS (path ..., header ...), keys lower case
	Columns []*ast.ColumnDef  // declared columns, if any
	Defined bool              // false for tables read but defined nowhere
}

// Options tune the model.
type Options struct {
	Product string // product name, e.g. c360
}

// Model is the whole project.
type Model struct {
	Product string
	Tables  map[string]*Table
	// Order lists the tables in dependency order (raw inputs first), ties
	// broken by layer then name, so output is deterministic.
	Order []string
}

// Table returns the table with the given Spark name, or nil.
func (m *Model) Table(name string) *Table { return m.Tables[strings.ToLower(name)] }

// Children returns the tables that read the given one, sorted.
func (m *Model) Children(name string) []string {
	var out []string
	for _, t := range m.Tables {
		for _, d := range t.Deps {
			if d == name {
				out = append(out, t.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Build derives the model from parsed files. Problems (a table defined in
// two files, a dependency cycle) are reported, never fatal to other tables.
func Build(files []*File, opts Options) (*Model, diag.List) {
	var errs diag.List
	m := &Model{Product: opts.Product, Tables: map[string]*Table{}}
	for _, f := range files {
		for _, s := range f.Stmts {
			m.addStatement(f, s, &errs)
		}
		// A dbt model file defines the table named after the file.
		if f.IsDbt {
			m.addDbtModel(f, &errs)
		}
	}
	for _, t := range m.Tables {
		t.Deps = m.dependencies(t)
	}
	m.addUndefinedInputs()
	for _, t := range m.Tables {
		t.Layer = layerOf(t)
		t.FlinkName = FlinkName(t.Name, t.Layer, m.Product)
		t.Product = m.Product
	}
	m.order(&errs)
	return m, errs
}

func (m *Model) table(name string, f *File, pos token.Pos) *Table {
	key := strings.ToLower(name)
	t := m.Tables[key]
	if t == nil {
		t = &Table{Name: key, File: f.Path, Pos: pos, Config: f.Config}
		m.Tables[key] = t
	}
	return t
}

func (m *Model) addStatement(f *File, s ast.Stmt, errs *diag.List) {
	switch st := s.(type) {
	case *ast.CreateView:
		t := m.define(f, st.Name, st, errs)
		if t == nil {
			return
		}
		if st.Using != "" {
			t.Input = &RawInput{Format: strings.ToLower(st.Using), Options: props(st.Options), Columns: st.ColTypes, Defined: true}
			return
		}
		t.Query = st.Query
	case *ast.CreateTable:
		t := m.define(f, st.Name, st, errs)
		if t == nil {
			return
		}
		if st.Query != nil {
			t.Query = st.Query
			return
		}
		t.Create = st
		if isExternalFormat(st) {
			t.Input = &RawInput{Format: strings.ToLower(st.Using), Options: props(st.Options), Columns: st.Columns, Defined: true}
			if st.Location != nil {
				t.Input.Options["path"] = st.Location.Value
			}
		}
	case *ast.InsertStmt:
		t := m.table(st.Table.Last().Name, f, st.Pos())
		t.Defs = append(t.Defs, st)
		if t.Query != nil && t.Query != st.Query {
			errs.Add(f.Path, st.Pos(), diag.Warning, "model.multiple-inserts",
				"table %s is filled by more than one statement; only the last INSERT is translated", t.Name)
		}
		t.Query = st.Query
		// A table filled by INSERT is not a raw input even if its CREATE
		// said USING parquet: the project writes it.
		t.Input = nil
	case *ast.MergeStmt:
		t := m.table(st.Target.Last().Name, f, st.Pos())
		t.Defs = append(t.Defs, st)
		t.Input = nil
		if q, key := mergeAsUpsert(st); q != nil {
			// An upsert MERGE is what an upsert table does by itself: the
			// source rows, keyed on the merge key.
			t.Query = q
			t.MergeKey = key
		}
	}
}

// define records that statement s defines the named table.
func (m *Model) define(f *File, name *ast.Name, s ast.Stmt, errs *diag.List) *Table {
	key := strings.ToLower(name.Last().Name)
	if old := m.Tables[key]; old != nil && old.File != f.Path && len(old.Defs) > 0 {
		errs.Add(f.Path, s.Pos(), diag.Error, "model.duplicate-table",
			"table %s is already defined in %s:%s", key, old.File, old.Pos)
		return nil
	}
	t := m.table(key, f, s.Pos())
	t.Defs = append(t.Defs, s)
	return t
}

func (m *Model) addDbtModel(f *File, errs *diag.List) {
	name := strings.TrimSuffix(path.Base(f.Path), ".sql")
	if m.Tables[strings.ToLower(name)] != nil {
		return
	}
	for _, s := range f.Stmts {
		if sel, ok := s.(*ast.SelectStmt); ok {
			t := m.table(name, f, s.Pos())
			t.Defs = append(t.Defs, s)
			t.Query = sel.Query
			return
		}
	}
}

func isExternalFormat(ct *ast.CreateTable) bool {
	switch strings.ToLower(ct.Using) {
	case "csv", "json":
		return true
	}
	return ct.Location != nil && ct.Using != "" && strings.ToLower(ct.Using) != "delta"
}

func props(ps []*ast.Property) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		key := ""
		switch {
		case p.Key != nil:
			key = p.Key.Value
		case p.Name != nil:
			parts := make([]string, len(p.Name.Parts))
			for i, id := range p.Name.Parts {
				parts[i] = id.Name
			}
			key = strings.Join(parts, ".")
		}
		val := ""
		if lit, ok := p.Value.(*ast.Literal); ok {
			val = lit.Value
		} else if n, ok := p.Value.(*ast.Name); ok {
			val = n.Last().Name
		}
		out[strings.ToLower(key)] = val
	}
	return out
}

// addUndefinedInputs adds the tables read but defined nowhere as raw inputs.
func (m *Model) addUndefinedInputs() {
	var missing []string
	for _, t := range m.Tables {
		for _, d := range t.Deps {
			if m.Tables[d] == nil {
				missing = append(missing, d)
			}
		}
	}
	for _, name := range missing {
		if m.Tables[name] == nil {
			m.Tables[name] = &Table{Name: name, Input: &RawInput{Defined: false}}
		}
	}
}

// layerOf decides a table's layer from its folder, else its name.
func layerOf(t *Table) Layer {
	if t.Input != nil {
		return Raw
	}
	for _, dir := range strings.Split(path.Dir(t.File), "/") {
		switch strings.ToLower(dir) {
		case "sources", "source", "staging", "src":
			return Source
		case "dimensions", "dimension", "dims", "dim":
			return Dimension
		case "intermediates", "intermediate", "int":
			return Intermediate
		case "facts", "fact", "fct", "marts":
			return Fact
		case "views", "view":
			return View
		}
	}
	n := t.Name
	switch {
	case strings.HasPrefix(n, "src_") || strings.HasPrefix(n, "stg_"):
		return Source
	case strings.HasPrefix(n, "dim_") || strings.Contains(n, "_dim_"):
		return Dimension
	case strings.HasPrefix(n, "int_"):
		return Intermediate
	case strings.HasPrefix(n, "fct_") || strings.HasPrefix(n, "fact_") || strings.Contains(n, "_fct_"):
		return Fact
	}
	return View
}

// FlinkName returns the Flink table name for a Spark table: src_<product>_x,
// int_<product>_x, <product>_dim_x, <product>_fct_x; views and raw inputs
// keep their names.
func FlinkName(name string, layer Layer, product string) string {
	name = strings.ToLower(name)
	base := func(prefixes ...string) string {
		for _, p := range prefixes {
			if strings.HasPrefix(name, p) {
				return strings.TrimPrefix(name, p)
			}
		}
		return name
	}
	if product == "" {
		return name
	}
	switch layer {
	case Source:
		b := base("src_", "stg_")
		if strings.HasPrefix(b, product+"_") {
			return "src_" + b
		}
		return "src_" + product + "_" + b
	case Intermediate:
		b := base("int_")
		if strings.HasPrefix(b, product+"_") {
			return "int_" + b
		}
		return "int_" + product + "_" + b
	case Dimension:
		if strings.HasPrefix(name, product+"_dim_") {
			return name
		}
		return product + "_dim_" + base("dim_")
	case Fact:
		if strings.HasPrefix(name, product+"_fct_") {
			return name
		}
		return product + "_fct_" + base("fct_", "fact_")
	}
	return name
}

// order sorts the tables topologically; a cycle is an error naming its tables.
func (m *Model) order(errs *diag.List) {
	names := make([]string, 0, len(m.Tables))
	for n := range m.Tables {
		names = append(names, n)
	}
	rank := map[Layer]int{}
	for i, l := range Layers {
		rank[l] = i
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := m.Tables[names[i]], m.Tables[names[j]]
		if rank[a.Layer] != rank[b.Layer] {
			return rank[a.Layer] < rank[b.Layer]
		}
		return a.Name < b.Name
	})
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var stack []string
	var visit func(n string)
	visit = func(n string) {
		switch color[n] {
		case black:
			return
		case grey:
			i := len(stack) - 1
			for i > 0 && stack[i] != n {
				i--
			}
			cycle := append(append([]string{}, stack[i:]...), n)
			t := m.Tables[n]
			errs.Add(t.File, t.Pos, diag.Error, "model.cycle", "dependency cycle: %s", strings.Join(cycle, " -> "))
			return
		}
		color[n] = grey
		stack = append(stack, n)
		for _, d := range m.Tables[n].Deps {
			if m.Tables[d] != nil && d != n {
				visit(d)
			}
		}
		stack = stack[:len(stack)-1]
		color[n] = black
		m.Order = append(m.Order, n)
	}
	for _, n := range names {
		visit(n)
	}
}

// String renders the model for debugging and tests: one line per table.
func (m *Model) String() string {
	var b strings.Builder
	for _, n := range m.Order {
		t := m.Tables[n]
		fmt.Fprintf(&b, "%s %s -> %s deps=%s\n", t.Layer, t.Name, t.FlinkName, strings.Join(t.Deps, ","))
	}
	return b.String()
}

// mergeAsUpsert recognises MERGE INTO t USING s ON t.k = s.k [AND ...]
// WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *: the merge
// keys and a query over the source. Any other MERGE returns nil.
func mergeAsUpsert(m *ast.MergeStmt) (*ast.Query, []string) {
	var update, insert bool
	for _, c := range m.Clauses {
		switch {
		case c.Matched && c.Action == "UPDATE" && c.Star && c.Cond == nil:
			update = true
		case !c.Matched && !c.BySource && c.Action == "INSERT" && c.Star && c.Cond == nil:
			insert = true
		default:
			return nil, nil
		}
	}
	if !update || !insert {
		return nil, nil
	}
	var key []string
	ok := true
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch b := e.(type) {
		case *ast.Paren:
			walk(b.X)
		case *ast.Binary:
			switch b.Op {
			case "AND":
				walk(b.L)
				walk(b.R)
			case "=", "==":
				l, lok := b.L.(*ast.Name)
				r, rok := b.R.(*ast.Name)
				if !lok || !rok || !strings.EqualFold(l.Last().Name, r.Last().Name) {
					ok = false
					return
				}
				key = append(key, strings.ToLower(l.Last().Name))
			default:
				ok = false
			}
		default:
			ok = false
		}
	}
	walk(m.On)
	if !ok || len(key) == 0 {
		return nil, nil
	}
	pos := ast.At{At: m.Pos()}
	sel := &ast.Select{At: pos, Items: []*ast.SelectItem{{At: pos, Expr: &ast.Star{At: pos}}}, From: []ast.TableRef{m.Source}}
	return &ast.Query{At: pos, With: m.With, Body: sel}, key
}
