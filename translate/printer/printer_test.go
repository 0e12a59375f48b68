package printer_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

var update = flag.Bool("update", false, "update the golden files of testdata/")

func name(parts ...string) *ast.Name {
	n := &ast.Name{}
	for _, p := range parts {
		n.Parts = append(n.Parts, &ast.Ident{Name: p})
	}
	return n
}

func num(s string) *ast.Literal { return &ast.Literal{Kind: ast.LitNumber, Raw: s, Value: s} }

func bin(op string, l, r ast.Expr) *ast.Binary { return &ast.Binary{Op: op, L: l, R: r} }

func TestPrintParenthesesFromPrecedence(t *testing.T) {
	a, b, c := name("a"), name("b"), name("c")
	tests := []struct {
		name string
		expr ast.Expr
		want string
	}{
		{"lower right operand", bin("*", a, bin("+", b, c)), "a * (b + c)"},
		{"lower left operand", bin("*", bin("+", a, b), c), "(a + b) * c"},
		{"left-assoc chain", bin("-", bin("-", a, b), c), "a - b - c"},
		{"right nesting same level", bin("-", a, bin("-", b, c)), "a - (b - c)"},
		{"or under and", bin("AND", bin("OR", a, b), c), "(a OR b) AND c"},
		{"and under or", bin("OR", bin("AND", a, b), c), "a AND b OR c"},
		{"not of comparison", &ast.Unary{Op: "NOT", X: bin("=", a, b)}, "NOT a = b"},
		{"comparison of not", bin("=", a, &ast.Unary{Op: "NOT", X: b}), "a = (NOT b)"},
		{"comparison right is comparison", bin("=", a, bin("=", b, c)), "a = (b = c)"},
		{"comparison left is comparison", bin("=", bin("=", a, b), c), "a = b = c"},
		{"negate sum", &ast.Unary{Op: "-", X: bin("+", a, b)}, "-(a + b)"},
		{"double minus", &ast.Unary{Op: "-", X: &ast.Unary{Op: "-", X: a}}, "- -a"},
		{"minus negative", bin("-", a, &ast.Unary{Op: "-", X: num("1")}), "a - -1"},
		{"subscript of sum", &ast.Subscript{X: bin("+", a, b), Index: num("1")}, "(a + b)[1]"},
		{"cast colons of sum", &ast.Cast{Kind: ast.CastColons, X: bin("+", a, b), Type: &ast.Type{Name: "INT"}}, "(a + b)::INT"},
		{"field of name", &ast.FieldAccess{X: name("s"), Field: &ast.Ident{Name: "f"}}, "(s).f"},
		{"is null of and", &ast.IsExpr{X: bin("AND", a, b), What: "NULL"}, "(a AND b) IS NULL"},
		{"between with and bound", &ast.Between{X: a, Lo: bin("AND", b, c), Hi: num("1")}, "a BETWEEN (b AND c) AND 1"},
		{"in of or", &ast.In{X: bin("OR", a, b), List: []ast.Expr{num("1")}}, "(a OR b) IN (1)"},
		{"like pattern concat", &ast.Like{X: a, Op: "LIKE", Pattern: bin("||", b, c)}, "a LIKE b || c"},
		{"lambda in binary", bin("+", &ast.Lambda{Params: []*ast.Ident{{Name: "x"}}, Body: a}, b), "(x -> a) + b"},
		{"bit ops", bin("|", bin("&", a, b), bin("^", b, c)), "a & b | b ^ c"},
		{"bit and of or", bin("&", bin("|", a, b), c), "(a | b) & c"},
		{"paren kept", &ast.Paren{X: bin("+", a, b)}, "(a + b)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range []token.Dialect{token.Spark, token.Flink} {
				assert.Equal(t, tt.want, printer.Print(tt.expr, printer.Config{Dialect: d}), d.String())
			}
		})
	}
}

// TestPrintedParenthesesReparse checks that inserted parentheses keep the
// tree: the re-parsed expression has the same shape once Paren nodes the
// printer added are removed.
func TestPrintedParenthesesReparse(t *testing.T) {
	a, b, c := name("a"), name("b"), name("c")
	exprs := []ast.Expr{
		bin("*", a, bin("+", b, c)),
		bin("-", a, bin("-", b, c)),
		bin("AND", bin("OR", a, b), c),
		bin("=", a, bin("=", b, c)),
		&ast.Unary{Op: "-", X: &ast.Unary{Op: "-", X: a}},
		&ast.IsExpr{X: bin("AND", a, b), What: "NULL"},
	}
	for _, e := range exprs {
		out := printer.Print(e, printer.Config{})
		got, err := parser.ParseExpr(out, token.Spark)
		require.NoError(t, err, out)
		assert.Equal(t, out, printer.Print(stripParens(got), printer.Config{}), "re-parsed %q", out)
	}
}

// stripParens removes Paren nodes from binary and unary operands.
func stripParens(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Paren:
		return stripParens(x.X)
	case *ast.Binary:
		return &ast.Binary{Op: x.Op, L: stripParens(x.L), R: stripParens(x.R)}
	case *ast.Unary:
		return &ast.Unary{Op: x.Op, X: stripParens(x.X)}
	case *ast.IsExpr:
		return &ast.IsExpr{X: stripParens(x.X), Not: x.Not, What: x.What}
	}
	return e
}

func TestPrintLiteralsPerDialect(t *testing.T) {
	tests := []struct {
		name         string
		lit          *ast.Literal
		spark, flink string
	}{
		{"double-quoted string", &ast.Literal{Kind: ast.LitString, Raw: `"it's"`, Value: "it's"}, `"it's"`, `'it''s'`},
		{"escaped string", &ast.Literal{Kind: ast.LitString, Raw: `'a\'b'`, Value: "a'b"}, `'a\'b'`, `'a''b'`},
		{"number with suffix", &ast.Literal{Kind: ast.LitNumber, Raw: "10L", Value: "10", Suffix: "L"}, "10L", "10L"},
		{"decimal", num("1.50"), "1.50", "1.50"},
		{"bool", &ast.Literal{Kind: ast.LitBool, Raw: "true", Value: "TRUE"}, "true", "TRUE"},
		{"null", &ast.Literal{Kind: ast.LitNull, Raw: "null", Value: "NULL"}, "null", "NULL"},
		{"binary", &ast.Literal{Kind: ast.LitBinary, Raw: "x'CAFE'", Value: "CAFE"}, "x'CAFE'", "X'CAFE'"},
		{"built string", &ast.Literal{Kind: ast.LitString, Value: `a'b\c`}, `'a\'b\\c'`, `'a''b\c'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.spark, printer.Print(tt.lit, printer.Config{Dialect: token.Spark}))
			assert.Equal(t, tt.flink, printer.Print(tt.lit, printer.Config{Dialect: token.Flink}))
		})
	}
}

func TestPrintIdentifiersAndTypes(t *testing.T) {
	tests := []struct {
		name string
		node ast.Node
		want string
	}{
		{"quoted ident", &ast.Ident{Name: "weird`name", Quoted: true}, "`weird``name`"},
		{"plain ident", &ast.Ident{Name: "customer_id"}, "customer_id"},
		{"qualified", &ast.Name{Parts: []*ast.Ident{{Name: "my db", Quoted: true}, {Name: "t"}}}, "`my db`.t"},
		{"decimal", &ast.Type{Name: "DECIMAL", Params: []string{"10", "2"}}, "DECIMAL(10, 2)"},
		{"array", &ast.Type{Name: "ARRAY", Elem: &ast.Type{Name: "STRING", NotNull: true}}, "ARRAY<STRING NOT NULL>"},
		{"map", &ast.Type{Name: "MAP", Key: &ast.Type{Name: "STRING"}, Val: &ast.Type{Name: "INT"}}, "MAP<STRING, INT>"},
		{"spark struct", &ast.Type{Name: "STRUCT", Fields: []*ast.TypeField{{Name: &ast.Ident{Name: "a"}, Colon: true, Type: &ast.Type{Name: "INT"}}}}, "STRUCT<a: INT>"},
		{"flink row", &ast.Type{Name: "ROW", Parens: true, Fields: []*ast.TypeField{{Name: &ast.Ident{Name: "a"}, Type: &ast.Type{Name: "INT"}, NotNull: true}}}, "ROW(a INT NOT NULL)"},
		{"ltz", &ast.Type{Name: "TIMESTAMP", Params: []string{"3"}, Suffix: "WITH LOCAL TIME ZONE"}, "TIMESTAMP(3) WITH LOCAL TIME ZONE"},
		{"interval type", &ast.Type{Name: "INTERVAL", Suffix: "DAY TO SECOND(3)"}, "INTERVAL DAY TO SECOND(3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, printer.Print(tt.node, printer.Config{}))
		})
	}
}

func TestPrintComments(t *testing.T) {
	item := func(x string, before, after []string) *ast.SelectItem {
		it := &ast.SelectItem{Expr: name(x)}
		it.Before, it.After = before, after
		return it
	}
	stmt := &ast.SelectStmt{Query: &ast.Query{Body: &ast.Select{
		Items: []*ast.SelectItem{
			item("a", nil, []string{"-- first"}),
			item("b", []string{"/* block */", "-- line above"}, nil),
		},
		From: []ast.TableRef{&ast.TableName{Name: name("t")}},
	}}}
	stmt.Before = []string{"-- header"}
	stmt.After = []string{"-- the end"}
	got := printer.PrintFile(&ast.File{Stmts: []ast.Stmt{stmt}}, printer.Config{})
	want := "-- header\nSELECT\n  a, -- first\n  /* block */\n  -- line above\n  b\nFROM t\n-- the end\n;\n"
	assert.Equal(t, want, got)

	// A line comment on an inline node never swallows the code after it.
	cmp := bin("=", name("x"), num("1"))
	f := &ast.Func{Name: name("f"), Args: []ast.Expr{name("y")}, OrderBy: []*ast.OrderItem{{Expr: name("z"), Comments: ast.Comments{Before: []string{"-- z first"}}}}}
	out := printer.Print(&ast.SelectStmt{Query: &ast.Query{Body: &ast.Select{Items: []*ast.SelectItem{{Expr: f}}, Where: cmp}}}, printer.Config{})
	assert.Contains(t, out, "-- z first\n")
	for _, line := range strings.Split(out, "\n") {
		if i := strings.Index(line, "--"); i >= 0 {
			assert.NotContains(t, line[i:], "WHERE", "comment swallowed code: %q", line)
		}
	}
}

func TestPrintFileSeparators(t *testing.T) {
	s1 := &ast.SetStmt{Key: "'a'", Value: "'1'", Eq: true}
	s2 := &ast.UseStmt{Names: []*ast.Name{name("db")}}
	got := printer.PrintFile(&ast.File{Stmts: []ast.Stmt{s1, s2}}, printer.Config{Dialect: token.Flink})
	assert.Equal(t, "SET 'a' = '1';\n\nUSE db;\n", got)
	assert.Equal(t, "", printer.PrintFile(&ast.File{}, printer.Config{}))
}

func TestConfigIndent(t *testing.T) {
	q := &ast.SelectStmt{Query: &ast.Query{Body: &ast.Select{Items: []*ast.SelectItem{{Expr: name("a")}, {Expr: name("b")}}}}}
	assert.Equal(t, "SELECT\n\ta,\n\tb", printer.Print(q, printer.Config{Indent: "\t"}))
	assert.Equal(t, "SELECT\n  a,\n  b", printer.Print(q, printer.Config{}))
}

// TestGolden prints each testdata/*.sql input (dialect from the file name:
// *.flink.sql is Flink, anything else Spark) and compares it with its
// .golden file; -update rewrites the golden files. The golden output must
// itself print unchanged (idempotence).
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.sql"))
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			d := token.Spark
			if strings.HasSuffix(in, ".flink.sql") {
				d = token.Flink
			}
			src, err := os.ReadFile(in)
			require.NoError(t, err)
			f, errs := parser.ParseFile(in, string(src), d)
			require.Empty(t, errs)
			cfg := printer.Config{Dialect: d}
			got := printer.PrintFile(f, cfg)
			golden := strings.TrimSuffix(in, ".sql") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), got)

			f2, errs := parser.ParseFile(golden, got, d)
			require.Empty(t, errs)
			assert.Equal(t, got, printer.PrintFile(f2, cfg), "golden output is not idempotent")
		})
	}
}
