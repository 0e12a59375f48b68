package schema

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// testEnv has one table t(a INT, b STRING, c DECIMAL(10,2), d DATE).
func testEnv(name string) ([]Column, bool) {
	if name != "t" && name != "db.t" {
		return nil, false
	}
	return []Column{
		{Name: "a", Spark: IntType(), Nullable: true},
		{Name: "b", Spark: StringType(), Nullable: true},
		{Name: "c", Spark: DecimalType(10, 2), Nullable: true},
		{Name: "d", Spark: DateType(), Nullable: false},
	}, true
}

func inferSQL(t *testing.T, sql string) ([]Column, []*diag.Diagnostic) {
	t.Helper()
	f, errs := parser.ParseFile("q.sql", sql, token.Spark)
	if errs.HasErrors() {
		t.Fatalf("%s: %v", sql, errs)
	}
	return InferQuery(f.Stmts[0].(*ast.SelectStmt).Query, testEnv)
}

// TestInferQuery pins query shapes and diagnostics; the Spark-verified
// corpus is testdata/typing (TestTypingMatchesSpark).
func TestInferQuery(t *testing.T) {
	rows := []struct {
		sql   string
		cols  string // ColumnsString
		diags string // rule ids, comma-separated
	}{
		{"SELECT a, b FROM t", "a:int, b:string", ""},
		{"SELECT A FROM t", "a:int", ""},
		{"SELECT x.a FROM db.t x", "a:int", ""},
		{"SELECT * FROM t", "a:int, b:string, c:decimal(10,2), d:date not null", ""},
		{"SELECT * EXCEPT (b, c) FROM t", "a:int, d:date not null", ""},
		{"SELECT a + 1 AS x, x * 2 AS y FROM t", "x:int, y:int", ""},
		{"SELECT count(*) AS n, sum(c) AS s, avg(c) AS v FROM t", "n:bigint not null, s:decimal(20,2), v:decimal(14,6)", ""},
		{"WITH t AS (SELECT 1 AS z) SELECT * FROM t", "z:int not null", ""},
		{"WITH u AS (SELECT a FROM t) SELECT * FROM (WITH u AS (SELECT b FROM t) SELECT * FROM u) x", "b:string", ""},
		{"SELECT a + 1 FROM t", "(a + 1):int", RuleUnnamed},
		{"SELECT my_udf(a) AS x FROM t", "x:string", RuleUnknownFunction},
		{"SELECT nope AS x FROM t", "x:string", RuleUnknownColumn},
		{"SELECT * FROM missing", "", RuleUnknownTable},
		{"SELECT x.a AS k FROM missing x", "k:string", RuleUnknownTable},
		{"SELECT a FROM t t1 JOIN t t2 ON t1.a = t2.a", "a:int", RuleAmbiguous},
		{"SELECT a FROM t UNION ALL SELECT b FROM t", "a:string", ""},
		{"SELECT a FROM t UNION ALL SELECT a, b FROM t", "a:int", RuleArity},
		{"SELECT CASE WHEN a > 0 THEN a ELSE c END AS x FROM t", "x:decimal(12,2)", ""},
		{"SELECT (SELECT max(d) FROM t) AS m FROM t", "m:date", ""},
	}
	for _, r := range rows {
		cols, ds := inferSQL(t, r.sql)
		if got := ColumnsString(cols); got != r.cols {
			t.Errorf("%s\n got %s\nwant %s", r.sql, got, r.cols)
		}
		var rules []string
		for _, d := range ds {
			rules = append(rules, d.Rule)
			if !d.Pos.IsValid() {
				t.Errorf("%s: diagnostic without position: %v", r.sql, d)
			}
		}
		if got := strings.Join(rules, ","); got != r.diags {
			t.Errorf("%s: diagnostics %s, want %s (%v)", r.sql, got, r.diags, ds)
		}
	}
}

func TestUnknownIsMarked(t *testing.T) {
	cols, ds := inferSQL(t, "SELECT a,\n  my_udf(a) AS x, upper(my_udf(b)) AS y FROM t")
	if !cols[1].Unknown || !cols[2].Unknown || cols[0].Unknown {
		t.Errorf("unknown flags: %+v", cols)
	}
	if len(ds) != 2 || ds[0].Line != 2 || ds[0].Col != 3 {
		t.Errorf("diagnostics: %v", ds)
	}
}

// TestLiteralTypes pins Spark's literal typing, one row per form.
func TestLiteralTypes(t *testing.T) {
	rows := []struct{ lit, want string }{
		{"1", "int"}, {"2147483647", "int"}, {"2147483648", "bigint"}, {"1L", "bigint"},
		{"1S", "smallint"}, {"1Y", "tinyint"}, {"1.5", "decimal(2,1)"}, {"0.05", "decimal(2,2)"},
		{"100.0", "decimal(4,1)"}, {"1.5D", "double"}, {"1.5F", "float"}, {"1.5BD", "decimal(2,1)"},
		{"1e3", "double"}, {"99999999999999999999", "decimal(20,0)"}, {"'x'", "string"},
		{"NULL", "void"}, {"TRUE", "boolean"}, {"DATE '2024-01-01'", "date"},
		{"TIMESTAMP '2024-01-01 10:00:00'", "timestamp"}, {"X'CAFE'", "binary"},
		{"INTERVAL 30 DAYS", "interval day"}, {"INTERVAL '1-2' YEAR TO MONTH", "interval year to month"},
		{"INTERVAL 1 DAY 2 HOURS", "interval day to hour"}, {"INTERVAL 1 MONTH 2 DAYS", "interval"},
	}
	for _, r := range rows {
		e, err := parser.ParseExpr(r.lit, token.Spark)
		if err != nil {
			t.Fatal(err)
		}
		in := &inferer{}
		if got := SimpleString(in.expr(e, &scope{}).t); got != r.want {
			t.Errorf("%s: %s, want %s", r.lit, got, r.want)
		}
	}
}

// TestDecimalArithmetic pins DecimalPrecision's result types.
func TestDecimalArithmetic(t *testing.T) {
	rows := []struct {
		op         string
		a, b, want string
	}{
		{"+", "decimal(10,2)", "decimal(5,3)", "decimal(12,3)"},
		{"-", "decimal(38,10)", "decimal(38,10)", "decimal(38,9)"},
		{"*", "decimal(10,2)", "decimal(10,2)", "decimal(21,4)"},
		{"*", "decimal(38,10)", "decimal(38,10)", "decimal(38,6)"},
		{"/", "decimal(10,2)", "decimal(10,2)", "decimal(23,13)"},
		{"/", "decimal(38,10)", "decimal(38,10)", "decimal(38,6)"},
		{"%", "decimal(10,2)", "decimal(5,0)", "decimal(7,2)"},
	}
	for _, r := range rows {
		a, b := typeFromSimple(t, r.a), typeFromSimple(t, r.b)
		if got := SimpleString(decimalArith(r.op, a, b)); got != r.want {
			t.Errorf("%s %s %s = %s, want %s", r.a, r.op, r.b, got, r.want)
		}
	}
}

func BenchmarkInferQueryFact(b *testing.B) {
	m := sparkSrcModel(b)
	s, _ := InferModel(m, repoRoot(b))
	env := func(name string) ([]Column, bool) { c, ok := s.Tables[name]; return c, ok }
	q := m.Table("fct_customer_360_profile").Query
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		InferQuery(q, env)
	}
}

func BenchmarkInferModelSparkSrc(b *testing.B) {
	m := sparkSrcModel(b)
	root := repoRoot(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		InferModel(m, root)
	}
}
