package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// ModelSchema holds the columns of every table of a project.
type ModelSchema struct {
	// Tables maps a table's Spark name (lower case) to its columns.
	Tables map[string][]Column
	// CSV maps a raw CSV input's name to the file as read (columns and
	// typed rows), for the INSERTs that replay it.
	CSV map[string]*Table
	// Types maps a table to the Spark type of every expression of its
	// query, for the rewrite rules that depend on a type.
	Types map[string]map[ast.Expr]*ast.Type
	// Diags holds each table's findings (also returned all together).
	Diags map[string][]*diag.Diagnostic
}

// InferModel infers the columns of every table of the model, in dependency
// order: a CSV raw input from its file (paths relative to dataDir, usually
// the repository root), with the Spark OPTIONS it was declared with; a raw
// input with declared columns, or a table created with columns and filled
// by INSERT, from its declaration (partition columns last, as Spark orders
// them); any other table from its query. A relative CSV path is looked up
// in each of dataDirs in turn. Tables it cannot type are reported and get
// no entry.
func InferModel(m *project.Model, dataDirs ...string) (*ModelSchema, diag.List) {
	out := &ModelSchema{Tables: map[string][]Column{}, CSV: map[string]*Table{},
		Types: map[string]map[ast.Expr]*ast.Type{}, Diags: map[string][]*diag.Diagnostic{}}
	var errs diag.List
	report := func(name string, ds ...*diag.Diagnostic) {
		errs = append(errs, ds...)
		out.Diags[name] = append(out.Diags[name], ds...)
	}
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
				report(name, newDiag(t, diag.Error, "CSV input %s has no path option", name))
				continue
			}
			tab, err := InferCSV(resolve(path, dataDirs), CSVOptionsFrom(t.Input.Options))
			if err != nil {
				report(name, newDiag(t, diag.Error, "cannot read CSV input %s (%s): %v", name, path, err))
				continue
			}
			out.CSV[name] = tab
			out.Tables[name] = tab.Columns
		case t.Input != nil && !t.Input.Defined:
			report(name, newDiag(t, diag.Error, "table %s is read but defined nowhere in the project, so its columns are unknown", name))
		case t.Input != nil:
			report(name, newDiag(t, diag.Error, "no schema for input %s (format %q, no declared columns)", name, t.Input.Format))
		case t.Create != nil && len(t.Create.Columns) > 0:
			out.Tables[name] = declared(t.Create.Columns, t.Create.Partitioned)
			if t.Query != nil {
				// The INSERT's expression types still guide the rules.
				_, out.Types[name], _ = InferQueryTypes(t.Query, env)
			}
		case t.Query != nil:
			cols, types, ds := InferQueryTypes(t.Query, env)
			for _, d := range ds {
				d.File = t.File
			}
			report(name, ds...)
			out.Types[name] = types
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

func newDiag(t *project.Table, sev diag.Severity, format string, args ...any) *diag.Diagnostic {
	return &diag.Diagnostic{Position: token.Position{File: t.File, Pos: t.Pos}, Severity: sev,
		Rule: RuleUnknownTable, Msg: fmt.Sprintf(format, args...)}
}

// resolve finds a relative path in the first of dirs that has it (else the
// first dir).
func resolve(path string, dirs []string) string {
	if filepath.IsAbs(path) || len(dirs) == 0 {
		return path
	}
	for _, d := range dirs {
		cand := filepath.Join(d, filepath.FromSlash(path))
		if _, err := os.Stat(cand); err == nil {
			return cand
		}
	}
	return filepath.Join(dirs[0], filepath.FromSlash(path))
}
