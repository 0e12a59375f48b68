// Package syntax checks generated Flink SQL files: each file is parsed with
// the Flink-dialect parser of translate/parser, and the constructs that
// parse but that only Spark can run (LATERAL VIEW, PIVOT, QUALIFY, MERGE,
// x::t casts, ...) are rejected. Every error carries the generated file's
// line:col; CheckDir adds the Spark file the table was translated from,
// read from pipelines/inventory.json, since the Spark positions of a
// generated statement live only in memory during a migration.
package syntax

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Rule ids of the findings of this package.
const (
	// RuleParse: the text does not parse as Flink SQL.
	RuleParse = "syntax.parse"
	// RuleSparkOnly: the text parses, but the construct exists only in
	// Spark SQL; Flink rejects it.
	RuleSparkOnly = "syntax.spark-only"
)

// Check parses src, the text of the generated Flink SQL file named file,
// and returns its syntax errors at the file's line:col.
func Check(file, src string) diag.List {
	_, l := Parse(file, src)
	return l
}

// Parse is Check that also returns the parsed file (never nil), so that
// callers that go on to lint it parse it only once.
func Parse(file, src string) (*ast.File, diag.List) {
	f, errs := parser.ParseFile(file, src, token.Flink)
	var out diag.List
	for _, d := range errs {
		c := *d
		if c.Rule == "" {
			c.Rule = RuleParse
		}
		out = append(out, &c)
	}
	out.Append(sparkOnly(f))
	out.Sort()
	return f, out
}

// sparkOnly reports the nodes the Flink parser accepts (the AST is shared
// by both dialects) but Flink cannot run.
func sparkOnly(f *ast.File) diag.List {
	var l diag.List
	add := func(pos token.Pos, what, fix string) {
		l.Add(f.Name, pos, diag.Error, RuleSparkOnly, "%s is Spark SQL, not Flink SQL: %s", what, fix)
	}
	for _, s := range f.Stmts {
		switch s := s.(type) {
		case *ast.MultiInsert:
			add(s.Pos(), "FROM ... INSERT ... INSERT (multi-insert)", "write one INSERT per target inside EXECUTE STATEMENT SET")
		case *ast.MergeStmt:
			add(s.Pos(), "MERGE INTO", "write an INSERT into an upsert table keyed like the MERGE condition")
		case *ast.CacheStmt, *ast.UncacheStmt:
			add(s.Pos(), "CACHE TABLE", "remove it")
		case *ast.CreateTable:
			if s.Using != "" || s.StoredAs != "" || s.Location != nil {
				add(s.Pos(), "CREATE TABLE ... USING/STORED AS/LOCATION", "declare the table with WITH (...) options")
			}
		}
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Select:
				if len(n.LateralViews) > 0 {
					add(n.LateralViews[0].Pos(), "LATERAL VIEW", "write CROSS JOIN UNNEST(...) AS t(col)")
				}
				if n.Qualify != nil {
					add(n.Qualify.Pos(), "QUALIFY", "filter the window column in an enclosing query")
				}
				if n.FromFirst {
					add(n.Pos(), "FROM ... SELECT", "write SELECT ... FROM")
				}
			case *ast.Query:
				switch {
				case len(n.SortBy) > 0:
					add(n.SortBy[0].Expr.Pos(), "SORT BY", "remove it (a stream has no order)")
				case len(n.DistributeBy) > 0:
					add(n.DistributeBy[0].Pos(), "DISTRIBUTE BY", "remove it")
				case len(n.ClusterBy) > 0:
					add(n.ClusterBy[0].Pos(), "CLUSTER BY", "remove it")
				}
			case *ast.Pivot:
				add(n.Pos(), "PIVOT", "write one conditional aggregate per value: SUM(CASE WHEN k = 'v' THEN x END)")
			case *ast.Unpivot:
				add(n.Pos(), "UNPIVOT", "write CROSS JOIN UNNEST over an ARRAY of ROWs")
			case *ast.Cast:
				if n.Kind == ast.CastColons {
					add(n.Pos(), "x::type", "write CAST(x AS type)")
				}
			case *ast.Lambda:
				add(n.Pos(), "a lambda (x -> ...)", "rewrite without higher-order functions or with a UDF")
			case *ast.Join:
				switch n.Kind {
				case "LEFT SEMI", "LEFT ANTI", "SEMI", "ANTI":
					add(n.Pos(), n.Kind+" JOIN", "write WHERE [NOT] EXISTS (SELECT ...)")
				}
			case *ast.Star:
				if len(n.Except) > 0 {
					add(n.Pos(), "SELECT * EXCEPT", "list the columns")
				}
			}
			return true
		})
	}
	return l
}

// CheckDir checks every .sql file under flinkOut/pipelines, in path order.
// Findings in a table's sql-scripts name the Spark file the table comes
// from, as listed in pipelines/inventory.json: "(from Spark file x.sql)".
// The error is for what could not be read; the findings of the files that
// could be read are returned with it.
func CheckDir(flinkOut string) (diag.List, error) {
	files, err := SQLFiles(flinkOut)
	if err != nil {
		return nil, err
	}
	inv, _ := ReadInventory(flinkOut) // without an inventory, no Spark file is named
	var out diag.List
	var errs []error
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l := Check(name, string(data))
		if sf := SparkFileOf(inv, flinkOut, name); sf != "" {
			for _, d := range l {
				d.Msg += " (from Spark file " + sf + ")"
			}
		}
		out.Append(l)
	}
	return out, errors.Join(errs...)
}

// SQLFiles lists the .sql files under flinkOut/pipelines, sorted.
func SQLFiles(flinkOut string) ([]string, error) {
	root := filepath.Join(flinkOut, emit.Pipelines)
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".sql") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

// ReadInventory reads flinkOut/pipelines/inventory.json.
func ReadInventory(flinkOut string) (*emit.Inventory, error) { return emit.ReadInventory(flinkOut) }

// SparkFileOf returns the Spark file (relative to the Spark project, as the
// inventory writes it) that the generated file name, inside flinkOut, was
// translated from: the spark_file of the table whose ddl or dml it is.
// Test data (raw inputs from CSV) and unknown files give "".
func SparkFileOf(inv *emit.Inventory, flinkOut, name string) string {
	if inv == nil {
		return ""
	}
	rel, err := filepath.Rel(flinkOut, name)
	if err != nil {
		return ""
	}
	rel = filepath.ToSlash(rel)
	for _, e := range inv.Tables {
		if path.Clean(e.DDL) == rel || path.Clean(e.DML) == rel {
			return e.SparkFile
		}
	}
	return ""
}
