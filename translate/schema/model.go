package schema

import (
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/project"
)

// ModelSchema holds the columns of every table of a project.
type ModelSchema struct {
	// Tables maps a table's Spark name (lower case) to its columns.
	Tables map[string][]Column
	// CSV maps a raw CSV input's name to the file as read (columns and
	// typed rows), for the INSERTs that replay it.
	CSV map[string]*Table
}

// InferModel infers the columns of every table of the model, in dependency
// order: a CSV raw input from its file (paths relative to dataDir, usually
// the repository root), with the Spark OPTIONS it was declared with; a raw
// input with declared columns, or a table created with columns and filled
// by INSERT, from its declaration (partition columns last, as Spark orders
// them); any other table from its query. Tables it cannot type are
// reported and get no entry.
func InferModel(m *project.Model, dataDir string) (*ModelSchema, diag.List) {
	out := &ModelSchema{Tables: map[string][]Column{}, CSV: map[string]*Table{}}
	var errs diag.List
	env := func(name string) ([]Column, bool) {
		cols, ok := out.Tables[name]
		return cols, ok
	}
	for _, name := range m.Order {
		t := m.Tables[name]
		switch {
		case t.Input != nil && len(t.Input.Columns) > 0:
			out.Tables[name] = declared(t.Input.Columns, nil)
		case t.Input != nil && t.Input.Format == "csv":
			path := t.Input.Options["path"]
			if path == "" {
				errs.Add(t.File, t.Pos, diag.Error, RuleUnknownTable, "CSV input %s has no path option", name)
				continue
			}
			if !filepath.IsAbs(path) {
				path = filepath.Join(dataDir, filepath.FromSlash(path))
			}
			tab, err := InferCSV(path, CSVOptionsFrom(t.Input.Options))
			if err != nil {
				errs.Add(t.File, t.Pos, diag.Error, RuleUnknownTable, "cannot read CSV input %s: %v", name, err)
				continue
			}
			out.CSV[name] = tab
			out.Tables[name] = tab.Columns
		case t.Input != nil:
			errs.Add(t.File, t.Pos, diag.Warning, RuleUnknownTable, "no schema for input %s (format %q, no declared columns)", name, t.Input.Format)
		case t.Create != nil && len(t.Create.Columns) > 0:
			out.Tables[name] = declared(t.Create.Columns, t.Create.Partitioned)
		case t.Query != nil:
			cols, ds := InferQuery(t.Query, env)
			for _, d := range ds {
				d.File = t.File
				errs = append(errs, d)
			}
			if isStoredTable(t) {
				// a table written to files reads back with every column nullable
				for i := range cols {
					cols[i].Nullable = true
				}
			}
			out.Tables[name] = cols
		}
	}
	return out, errs
}

// declared turns declared columns into Columns; partition columns named
// without a type move to the end, as Spark orders a partitioned table.
func declared(defs []*ast.ColumnDef, partitioned []*ast.ColumnDef) []Column {
	var cols, last []Column
	part := map[string]bool{}
	for _, p := range partitioned {
		if p.Type == nil {
			part[strings.ToLower(p.Name.Name)] = true
		}
	}
	for _, d := range defs {
		if d.Type == nil {
			continue
		}
		c := Column{Name: d.Name.Name, Spark: Canon(d.Type), Nullable: !d.NotNull}
		if part[strings.ToLower(d.Name.Name)] {
			last = append(last, c)
		} else {
			cols = append(cols, c)
		}
	}
	for _, p := range partitioned {
		if p.Type != nil {
			last = append(last, Column{Name: p.Name.Name, Spark: Canon(p.Type), Nullable: !p.NotNull})
		}
	}
	return append(cols, last...)
}

// isStoredTable reports whether a table is a CREATE TABLE ... AS SELECT
// (data written to files) rather than a view.
func isStoredTable(t *project.Table) bool {
	for _, d := range t.Defs {
		if ct, ok := d.(*ast.CreateTable); ok && ct.Query != nil {
			return true
		}
	}
	return false
}
