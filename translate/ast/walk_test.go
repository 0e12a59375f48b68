package ast_test

import (
	"fmt"
	goast "go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"reflect"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func id(s string) *ast.Ident { return &ast.Ident{Name: s} }

func nm(parts ...string) *ast.Name {
	n := &ast.Name{}
	for _, p := range parts {
		n.Parts = append(n.Parts, id(p))
	}
	return n
}

func num(s string) *ast.Literal { return &ast.Literal{Kind: ast.LitNumber, Raw: s, Value: s} }

func str(s string) *ast.Literal {
	return &ast.Literal{Kind: ast.LitString, Raw: "'" + s + "'", Value: s}
}

func eq(l, r ast.Expr) *ast.Binary { return &ast.Binary{Op: "=", L: l, R: r} }

func selectQuery() *ast.Query {
	return &ast.Query{Body: &ast.Select{
		Items: []*ast.SelectItem{{Expr: nm("a")}},
		From:  []ast.TableRef{&ast.TableName{Name: nm("t")}},
	}}
}

func order() []*ast.OrderItem { return []*ast.OrderItem{{Expr: nm("o"), Desc: true}} }

func props() []*ast.Property {
	return []*ast.Property{{Key: str("k"), Eq: true, Value: str("v")}}
}

func insert() *ast.InsertStmt {
	return &ast.InsertStmt{Table: nm("sink"), Query: selectQuery()}
}

// allNodes builds one value of every node type of package ast, each with
// its children filled in, so that Walk, Inspect and the printer meet every
// field.
func allNodes() []ast.Node {
	yes := true
	fn := &ast.Func{Name: nm("f"), Args: []ast.Expr{nm("x")}}
	return []ast.Node{
		id("a"),
		nm("t", "a"),
		&ast.Star{Qualifier: []*ast.Ident{id("t")}, Except: []*ast.Name{nm("b")}},
		num("1"),
		&ast.TypedLiteral{Type: "DATE", Value: str("2024-01-01")},
		&ast.Interval{Fields: []ast.IntervalField{{Value: num("1"), Unit: "DAY"}}, ToUnit: "HOUR"},
		&ast.Variable{Raw: "${env}"},
		&ast.Param{},
		&ast.Unary{Op: "-", X: nm("x")},
		eq(nm("a"), num("1")),
		&ast.Paren{X: nm("x")},
		&ast.IsExpr{X: nm("x"), Not: true, What: "NULL"},
		&ast.IsDistinct{L: nm("a"), R: nm("b")},
		&ast.Between{X: nm("x"), Lo: num("1"), Hi: num("2")},
		&ast.In{X: nm("x"), List: []ast.Expr{num("1"), num("2")}},
		&ast.Like{X: nm("x"), Op: "LIKE", Pattern: str("a%"), Escape: str("!")},
		&ast.Exists{Query: selectQuery()},
		&ast.Subquery{Query: selectQuery()},
		&ast.QuantifiedCmp{X: nm("x"), Op: ">", Quantifier: "ALL", Query: selectQuery()},
		&ast.Case{Operand: nm("x"), Whens: []*ast.When{{Cond: num("1"), Result: str("one")}}, Else: str("other")},
		&ast.Cast{X: nm("x"), Type: &ast.Type{Name: "INT"}},
		&ast.Func{
			Name: nm("agg"), Distinct: true, Args: []ast.Expr{nm("x")}, OrderBy: order(),
			IgnoreNulls: &yes, WithinGroup: order(), Filter: eq(nm("y"), num("1")),
			Over: &ast.Window{Parens: true, PartitionBy: []ast.Expr{nm("p")}, OrderBy: order(),
				Frame: &ast.Frame{Unit: "ROWS", Start: &ast.FrameBound{Kind: "PRECEDING", Offset: num("1")}, End: &ast.FrameBound{Kind: "CURRENT ROW"}}},
		},
		&ast.NamedArg{Name: id("n"), Value: num("1")},
		&ast.AliasedArg{X: num("1"), Alias: id("a")},
		&ast.Extract{Unit: "YEAR", X: nm("d")},
		&ast.Substring{X: nm("s"), From: num("1"), For: num("2")},
		&ast.Trim{Where: "BOTH", Chars: str("x"), X: nm("s")},
		&ast.Position{Sub: str("a"), X: nm("s")},
		&ast.FloorCeil{Func: "FLOOR", X: nm("ts"), Unit: "HOUR"},
		&ast.Overlay{X: nm("s"), Placing: str("x"), From: num("1"), For: num("2")},
		&ast.Lambda{Params: []*ast.Ident{id("x")}, Body: eq(nm("x"), num("1"))},
		&ast.Subscript{X: nm("arr"), Index: num("1")},
		&ast.FieldAccess{X: fn, Field: id("f")},
		&ast.ArrayCtor{Elems: []ast.Expr{num("1")}},
		&ast.MapCtor{Elems: []ast.Expr{str("k"), num("1")}},
		&ast.RowCtor{Keyword: true, Elems: []ast.Expr{num("1"), num("2")}},
		&ast.Descriptor{Cols: []*ast.Ident{id("ts")}},
		&ast.TableArg{Keyword: "TABLE", Name: nm("t"), PartitionBy: []ast.Expr{nm("k")}, OrderBy: order()},
		&ast.KeyValue{KeyKW: true, Key: str("k"), Value: nm("v")},
		&ast.GroupingSets{Sets: [][]ast.Expr{{nm("a"), nm("b")}, {}}},
		&ast.Rollup{Items: []ast.Expr{nm("a")}},
		&ast.Cube{Items: []ast.Expr{nm("a")}},
		&ast.Type{Name: "STRUCT", Fields: []*ast.TypeField{
			{Name: id("a"), Colon: true, Type: &ast.Type{Name: "ARRAY", Elem: &ast.Type{Name: "INT"}}, Comment: str("c")},
			{Name: id("m"), Type: &ast.Type{Name: "MAP", Key: &ast.Type{Name: "STRING"}, Val: &ast.Type{Name: "DECIMAL", Params: []string{"10", "2"}}}},
		}},
		&ast.Query{
			With:    &ast.With{CTEs: []*ast.CTE{{Name: id("c"), Columns: []*ast.Ident{id("x")}, Query: selectQuery()}}},
			Body:    &ast.Select{Items: []*ast.SelectItem{{Expr: nm("x")}}, From: []ast.TableRef{&ast.TableName{Name: nm("c")}}},
			OrderBy: order(), SortBy: order(), DistributeBy: []ast.Expr{nm("d")}, ClusterBy: []ast.Expr{nm("c")},
			Limit: num("10"), Offset: num("5"), FetchFirst: num("3"),
		},
		&ast.With{CTEs: []*ast.CTE{{Name: id("c"), Query: selectQuery()}}},
		&ast.CTE{Name: id("c"), Query: selectQuery()},
		&ast.Select{
			Hints:        []*ast.Hint{{Name: id("BROADCAST"), Args: []ast.Expr{nm("d")}}},
			Distinct:     true,
			Items:        []*ast.SelectItem{{Expr: nm("a"), Alias: id("x"), AsKeyword: true}, {Expr: fn, MultiAlias: []*ast.Ident{id("p"), id("q")}}},
			From:         []ast.TableRef{&ast.TableName{Name: nm("t")}},
			LateralViews: []*ast.LateralView{{Func: fn, Table: id("lv"), Columns: []*ast.Ident{id("c")}, AsKW: true}},
			Where:        eq(nm("a"), num("1")),
			GroupBy:      &ast.GroupBy{Items: []ast.Expr{nm("a")}},
			Having:       eq(nm("b"), num("2")),
			Windows:      []*ast.NamedWindow{{Name: id("w"), Spec: &ast.Window{Parens: true, OrderBy: order()}}},
			Qualify:      eq(nm("rn"), num("1")),
		},
		&ast.SelectItem{Expr: nm("a"), Alias: id("b")},
		&ast.SetOp{Op: "UNION", All: true, L: selectQuery().Body, R: selectQuery().Body},
		&ast.ParenQuery{Query: selectQuery()},
		&ast.TableQuery{Name: nm("t")},
		&ast.Values{Rows: [][]ast.Expr{{num("1"), str("a")}, {num("2"), str("b")}}},
		&ast.GroupBy{Items: []ast.Expr{nm("a")}, Sets: &ast.GroupingSets{Sets: [][]ast.Expr{{nm("a")}}}, With: "ROLLUP"},
		&ast.Window{Name: id("w")},
		&ast.Hint{Name: id("STATE_TTL"), Args: []ast.Expr{eq(str("t"), str("1d"))}},
		&ast.TableName{
			Name: nm("t"), Hints: []*ast.Hint{{Name: id("OPTIONS"), Args: []ast.Expr{eq(str("k"), str("v"))}}},
			SystemTime: nm("o", "ts"), TimeTravel: "VERSION", TravelTo: num("1"),
			Sample: &ast.TableSample{Method: "PERCENT", Value: num("10")},
			Alias:  &ast.Alias{Name: id("x"), Columns: []*ast.Ident{id("c")}, AsKeyword: true},
		},
		&ast.TableSample{Method: "BUCKET", Value: num("1"), OutOf: num("4"), On: nm("id"), Seed: num("42")},
		&ast.SubqueryRef{Lateral: true, Query: selectQuery(), Alias: &ast.Alias{Name: id("s")}},
		&ast.FuncRef{Unnest: true, Args: []ast.Expr{nm("arr")}, WithOrdinality: true, Alias: &ast.Alias{Name: id("u")}},
		&ast.Join{Kind: "LEFT", Hints: []*ast.Hint{{Name: id("LOOKUP")}}, Left: &ast.TableName{Name: nm("a")}, Right: &ast.TableName{Name: nm("b")}, On: eq(nm("a", "k"), nm("b", "k"))},
		&ast.ParenRef{Ref: &ast.Join{Kind: "CROSS", Left: &ast.TableName{Name: nm("a")}, Right: &ast.TableName{Name: nm("b")}}, Alias: &ast.Alias{Name: id("j")}},
		&ast.LateralView{Outer: true, Func: fn, Table: id("t"), Columns: []*ast.Ident{id("c")}},
		&ast.Pivot{
			Source: &ast.TableName{Name: nm("t")}, Aggs: []*ast.SelectItem{{Expr: fn, Alias: id("s")}},
			For: []*ast.Name{nm("k")}, In: []*ast.PivotValue{{Expr: str("a"), Alias: id("a"), AsKW: true}},
			Alias: &ast.Alias{Name: id("p")},
		},
		&ast.Unpivot{
			Source: &ast.TableName{Name: nm("t")}, Nulls: "INCLUDE", ValueCols: []*ast.Ident{id("v")}, NameCol: id("n"),
			In: []*ast.UnpivotCol{{Cols: []*ast.Name{nm("a"), nm("b")}, Alias: id("ab")}}, Alias: &ast.Alias{Name: id("u")},
		},
		&ast.MatchRecognize{
			Source: &ast.TableName{Name: nm("t")}, PartitionBy: []ast.Expr{nm("k")}, OrderBy: order(),
			Measures:     []*ast.SelectItem{{Expr: nm("A", "x"), Alias: id("ax"), AsKeyword: true}},
			RowsPerMatch: "ONE ROW PER MATCH", AfterMatch: "SKIP PAST LAST ROW", Pattern: "A B+",
			Within: &ast.Interval{Fields: []ast.IntervalField{{Value: str("1"), Unit: "HOUR"}}},
			Define: []*ast.SelectItem{{Alias: id("A"), AsKeyword: true, Expr: eq(nm("A", "x"), num("1"))}},
			Alias:  &ast.Alias{Name: id("m")},
		},
		&ast.ColumnDef{Name: id("c"), Type: &ast.Type{Name: "INT"}, NotNull: true, Comment: str("c"), Default: num("0"), Generated: nm("x"), MetaFrom: str("k"), Metadata: true},
		&ast.PrimaryKey{Name: id("pk"), Columns: []*ast.Ident{id("id")}, NotEnforced: true},
		&ast.Watermark{Column: nm("ts"), Expr: &ast.Binary{Op: "-", L: nm("ts"), R: &ast.Interval{Fields: []ast.IntervalField{{Value: str("5"), Unit: "SECOND"}}}}},
		&ast.Distribution{Kind: "HASH", Columns: []*ast.Ident{id("k")}, Buckets: num("4")},
		&ast.AlterAction{Kind: "ADD COLUMNS", Columns: []*ast.ColumnDef{{Name: id("c"), Type: &ast.Type{Name: "INT"}}}},
		&ast.MergeClause{Matched: true, Cond: eq(nm("a"), num("1")), Action: "UPDATE", Sets: []*ast.Assignment{{Col: nm("a"), Value: num("2")}}},

		&ast.SelectStmt{Query: selectQuery()},
		&ast.InsertStmt{
			Overwrite: true, TableKeyword: true, Table: nm("t"),
			Partition: []*ast.PartitionValue{{Col: id("dt"), Value: str("2024")}, {Col: id("h")}},
			Columns:   []*ast.Ident{id("a")}, Query: selectQuery(),
		},
		&ast.InsertStmt{Overwrite: true, Local: true, Directory: str("/tmp/x"), DirUsing: "parquet", DirOptions: props(), Query: selectQuery()},
		&ast.MultiInsert{
			From:         []ast.TableRef{&ast.TableName{Name: nm("src")}},
			LateralViews: []*ast.LateralView{{Func: fn, Table: id("l"), Columns: []*ast.Ident{id("c")}}},
			Inserts: []*ast.InsertStmt{
				{Table: nm("a"), Query: &ast.Query{Body: &ast.Select{Items: []*ast.SelectItem{{Expr: nm("x")}}}}},
				{Table: nm("b"), Query: &ast.Query{Body: &ast.Select{Items: []*ast.SelectItem{{Expr: nm("y")}}}}},
			},
		},
		&ast.StatementSet{Execute: true, Inserts: []*ast.InsertStmt{insert(), insert()}},
		&ast.CreateTable{
			IfNotExists: true, Name: nm("db", "t"),
			Columns:    []*ast.ColumnDef{{Name: id("id"), Type: &ast.Type{Name: "BIGINT"}}, {Name: id("c"), Computed: fn}},
			PrimaryKey: &ast.PrimaryKey{Columns: []*ast.Ident{id("id")}, NotEnforced: true},
			Watermark:  &ast.Watermark{Column: nm("ts"), Expr: nm("ts")},
			Using:      "delta", Partitioned: []*ast.ColumnDef{{Name: id("dt")}},
			Clustered:   &ast.Bucketing{Columns: []*ast.Ident{id("id")}, SortedBy: order(), Buckets: num("8")},
			ClusterBy:   []*ast.Ident{id("id")},
			Distributed: &ast.Distribution{Columns: []*ast.Ident{id("id")}},
			Location:    str("/x"), Comment: str("c"), TblProps: props(), Options: props(), With: props(),
			Like: &ast.LikeClause{Name: nm("src"), Options: []string{"INCLUDING ALL"}},
		},
		&ast.CreateTable{OrReplace: true, Name: nm("t"), Query: selectQuery()},
		&ast.CreateView{
			OrReplace: true, Temporary: true, Name: nm("v"),
			Columns:  []*ast.ViewColumn{{Name: id("a"), Comment: str("c")}},
			ColTypes: []*ast.ColumnDef{{Name: id("b"), Type: &ast.Type{Name: "INT"}}},
			Comment:  str("c"), TblProps: props(), Using: "csv", Options: props(), Query: selectQuery(),
		},
		&ast.CreateFunction{Temporary: true, Name: nm("f"), Class: str("com.x.F"), Language: "JAVA", Resources: []string{"JAR 'x.jar'"}},
		&ast.CreateDatabase{Kind: "DATABASE", IfNotExists: true, Name: nm("db"), Comment: str("c"), Location: str("/x"), Props: props(), PropsKW: "DBPROPERTIES"},
		&ast.DropStmt{Kind: "TABLE", IfExists: true, Name: nm("t"), Trailer: "PURGE"},
		&ast.AlterTable{Name: nm("t"), Action: &ast.AlterAction{Kind: "SET TBLPROPERTIES", Props: props()}},
		&ast.CommentOn{Kind: "TABLE", Name: nm("t"), Comment: str("c")},
		&ast.MergeStmt{
			With:   &ast.With{CTEs: []*ast.CTE{{Name: id("s"), Query: selectQuery()}}},
			Target: nm("t"), Alias: &ast.Alias{Name: id("x")}, Source: &ast.TableName{Name: nm("s")}, On: eq(nm("x", "k"), nm("s", "k")),
			Clauses: []*ast.MergeClause{
				{Matched: true, Action: "DELETE"},
				{Action: "INSERT", Columns: []*ast.Ident{id("k")}, Values: []ast.Expr{nm("s", "k")}},
			},
		},
		&ast.UpdateStmt{Table: nm("t"), Sets: []*ast.Assignment{{Col: nm("a"), Value: num("1")}}, Where: eq(nm("b"), num("2"))},
		&ast.DeleteStmt{Table: nm("t"), Where: eq(nm("b"), num("2"))},
		&ast.SetStmt{Key: "'k'", Value: "'v'", Eq: true},
		&ast.UseStmt{Kind: "CATALOG", Names: []*ast.Name{nm("c")}},
		&ast.CacheStmt{Lazy: true, Table: nm("t"), Options: props(), AsKW: true, Query: selectQuery()},
		&ast.UncacheStmt{IfExists: true, Table: nm("t")},
		&ast.Command{Words: "REFRESH TABLE", Target: nm("t")},
		&ast.ExplainStmt{Modes: []string{"EXTENDED"}, Stmt: &ast.SelectStmt{Query: selectQuery()}},
		&ast.DescribeStmt{Keyword: "DESCRIBE", Modifier: "EXTENDED", Name: nm("t")},
		&ast.BadStmt{StmtBase: ast.StmtBase{Text: "SELEC 1"}, Err: "expected a statement"},
	}
}

// nodeTypesInAST lists the node types declared in ast.go: the structs that
// embed At or StmtBase.
func nodeTypesInAST(t *testing.T) []string {
	t.Helper()
	f, err := goparser.ParseFile(gotoken.NewFileSet(), "ast.go", nil, 0)
	require.NoError(t, err)
	var names []string
	for _, d := range f.Decls {
		g, ok := d.(*goast.GenDecl)
		if !ok || g.Tok != gotoken.TYPE {
			continue
		}
		for _, s := range g.Specs {
			ts := s.(*goast.TypeSpec)
			st, ok := ts.Type.(*goast.StructType)
			if !ok || ts.Name.Name == "StmtBase" {
				continue
			}
			for _, fld := range st.Fields.List {
				if id, ok := fld.Type.(*goast.Ident); ok && len(fld.Names) == 0 && (id.Name == "At" || id.Name == "StmtBase") {
					names = append(names, ts.Name.Name)
				}
			}
		}
	}
	sort.Strings(names)
	return names
}

func TestAllNodesCoversAST(t *testing.T) {
	have := map[string]bool{}
	for _, n := range allNodes() {
		have[reflect.TypeOf(n).Elem().Name()] = true
	}
	for _, name := range nodeTypesInAST(t) {
		assert.True(t, have[name], "allNodes has no %s: add one (and teach Walk and the printer)", name)
	}
}

type counter struct{ pre, post int }

func (c *counter) Visit(n ast.Node) ast.Visitor {
	if n == nil {
		c.post++
		return nil
	}
	c.pre++
	return c
}

func TestWalkAndPrintEveryNode(t *testing.T) {
	for _, n := range allNodes() {
		name := fmt.Sprintf("%T", n)
		t.Run(name, func(t *testing.T) {
			c := &counter{}
			require.NotPanics(t, func() { ast.Walk(c, n) })
			assert.Equal(t, c.pre, c.post, "every Visit(n) is paired with a Visit(nil)")

			var first ast.Node
			require.NotPanics(t, func() {
				ast.Inspect(n, func(m ast.Node) bool {
					if first == nil {
						first = m
					}
					return true
				})
			})
			assert.Same(t, n, first, "Inspect visits the root first")

			for _, d := range []token.Dialect{token.Spark, token.Flink} {
				var out string
				require.NotPanics(t, func() { out = printer.Print(n, printer.Config{Dialect: d}) }, d.String())
				assert.NotEmpty(t, out, d.String())
			}
		})
	}
}

// TestWalkVisitsEveryChild checks that Walk reaches the leaves hidden in
// helper structs (When, OrderItem, Property, Frame, Alias, ...).
func TestWalkVisitsEveryChild(t *testing.T) {
	tests := []struct {
		name string
		node ast.Node
		want []string // identifiers that must be visited
	}{
		{"case when", &ast.Case{Whens: []*ast.When{{Cond: nm("c1"), Result: nm("r1")}}, Else: nm("e")}, []string{"c1", "r1", "e"}},
		{"window frame", &ast.Window{Parens: true, PartitionBy: []ast.Expr{nm("p")}, OrderBy: []*ast.OrderItem{{Expr: nm("o")}},
			Frame: &ast.Frame{Unit: "ROWS", Start: &ast.FrameBound{Kind: "PRECEDING", Offset: nm("n")}}}, []string{"p", "o", "n"}},
		{"table alias", &ast.TableName{Name: nm("t"), Alias: &ast.Alias{Name: id("x"), Columns: []*ast.Ident{id("c")}}}, []string{"t", "x", "c"}},
		{"properties", &ast.CreateTable{Name: nm("t"), With: []*ast.Property{{Name: nm("k"), Value: nm("v")}}}, []string{"t", "k", "v"}},
		{"merge", &ast.MergeStmt{Target: nm("t"), Source: &ast.TableName{Name: nm("s")}, On: nm("on"),
			Clauses: []*ast.MergeClause{{Action: "UPDATE", Sets: []*ast.Assignment{{Col: nm("col"), Value: nm("val")}}}}}, []string{"t", "s", "on", "col", "val"}},
		{"struct type", &ast.Type{Name: "STRUCT", Fields: []*ast.TypeField{{Name: id("f"), Type: &ast.Type{Name: "INT"}}}}, []string{"f"}},
		{"pivot", &ast.Pivot{Source: &ast.TableName{Name: nm("src")}, For: []*ast.Name{nm("k")}, In: []*ast.PivotValue{{Expr: nm("v"), Alias: id("va")}}}, []string{"src", "k", "v", "va"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := map[string]bool{}
			ast.Inspect(tt.node, func(n ast.Node) bool {
				if i, ok := n.(*ast.Ident); ok {
					seen[i.Name] = true
				}
				return true
			})
			for _, w := range tt.want {
				assert.True(t, seen[w], "%s not visited", w)
			}
		})
	}
}

func TestInspectPrunes(t *testing.T) {
	q := selectQuery()
	var idents int
	ast.Inspect(q, func(n ast.Node) bool {
		if _, ok := n.(*ast.Ident); ok {
			idents++
		}
		_, isFrom := n.(*ast.TableName)
		return !isFrom
	})
	assert.Equal(t, 1, idents, "the table name's identifier is pruned")
}

type unknownNode struct{ ast.At }

func TestWalkPanicsOnUnknownNode(t *testing.T) {
	assert.Panics(t, func() { ast.Inspect(&unknownNode{}, func(ast.Node) bool { return true }) })
}

func TestStmtKind(t *testing.T) {
	tests := []struct {
		stmt ast.Stmt
		want string
	}{
		{&ast.SelectStmt{}, "SELECT"},
		{&ast.InsertStmt{Table: nm("t")}, "INSERT"},
		{&ast.InsertStmt{Table: nm("t"), Overwrite: true}, "INSERT OVERWRITE"},
		{&ast.InsertStmt{Overwrite: true, Directory: str("/x")}, "INSERT OVERWRITE DIRECTORY"},
		{&ast.MultiInsert{}, "MULTI INSERT"},
		{&ast.StatementSet{}, "STATEMENT SET"},
		{&ast.CreateTable{}, "CREATE TABLE"},
		{&ast.CreateTable{Query: &ast.Query{}}, "CREATE TABLE AS"},
		{&ast.CreateTable{Replace: true, Query: &ast.Query{}}, "REPLACE TABLE AS"},
		{&ast.CreateTable{Like: &ast.LikeClause{}}, "CREATE TABLE LIKE"},
		{&ast.CreateView{Query: &ast.Query{}}, "CREATE VIEW"},
		{&ast.CreateView{Temporary: true, Using: "csv"}, "CREATE TEMPORARY VIEW USING"},
		{&ast.CreateView{Using: "csv"}, "CREATE VIEW USING"},
		{&ast.CreateFunction{}, "CREATE FUNCTION"},
		{&ast.CreateDatabase{Kind: "CATALOG"}, "CREATE CATALOG"},
		{&ast.CreateDatabase{}, "CREATE DATABASE"},
		{&ast.DropStmt{Kind: "VIEW"}, "DROP VIEW"},
		{&ast.AlterTable{}, "ALTER TABLE"},
		{&ast.AlterTable{View: true}, "ALTER VIEW"},
		{&ast.AlterTable{View: true, Query: &ast.Query{}}, "ALTER VIEW AS"},
		{&ast.CommentOn{Kind: "COLUMN"}, "COMMENT ON COLUMN"},
		{&ast.MergeStmt{}, "MERGE"},
		{&ast.UpdateStmt{}, "UPDATE"},
		{&ast.DeleteStmt{}, "DELETE"},
		{&ast.SetStmt{}, "SET"},
		{&ast.SetStmt{Reset: true}, "RESET"},
		{&ast.UseStmt{}, "USE"},
		{&ast.UseStmt{Kind: "CATALOG"}, "USE CATALOG"},
		{&ast.CacheStmt{}, "CACHE TABLE"},
		{&ast.UncacheStmt{}, "UNCACHE TABLE"},
		{&ast.Command{Words: "SHOW TABLES"}, "SHOW TABLES"},
		{&ast.Command{}, "COMMAND"},
		{&ast.ExplainStmt{}, "EXPLAIN"},
		{&ast.DescribeStmt{}, "DESCRIBE"},
		{&ast.BadStmt{}, "BAD"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, ast.StmtKind(tt.stmt))
		})
	}
}

// TestStmtKindCoversEveryStatement makes sure no statement type of
// allNodes makes StmtKind panic.
func TestStmtKindCoversEveryStatement(t *testing.T) {
	for _, n := range allNodes() {
		if s, ok := n.(ast.Stmt); ok {
			assert.NotPanics(t, func() { assert.NotEmpty(t, ast.StmtKind(s)) }, "%T", s)
		}
	}
}
