package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// sexpr renders an expression as a compact prefix form so that tests can
// pin precedence and structure in one line.
func sexpr(e ast.Expr) string {
	switch x := e.(type) {
	case nil:
		return "nil"
	case *ast.Name:
		parts := make([]string, len(x.Parts))
		for i, p := range x.Parts {
			parts[i] = p.Name
			if p.Quoted {
				parts[i] = "`" + p.Name + "`"
			}
		}
		return strings.Join(parts, ".")
	case *ast.Literal:
		if x.Kind == ast.LitString {
			return fmt.Sprintf("%q", x.Value)
		}
		s := x.Value
		if x.Suffix != "" {
			s += ":" + x.Suffix
		}
		return s
	case *ast.TypedLiteral:
		return x.Type + "'" + x.Value.Value + "'"
	case *ast.Binary:
		return "(" + x.Op + " " + sexpr(x.L) + " " + sexpr(x.R) + ")"
	case *ast.Unary:
		return "(" + x.Op + " " + sexpr(x.X) + ")"
	case *ast.Paren:
		return "[" + sexpr(x.X) + "]"
	case *ast.IsExpr:
		return fmt.Sprintf("(IS%s %s %s)", not(x.Not), sexpr(x.X), x.What)
	case *ast.IsDistinct:
		return fmt.Sprintf("(IS%s DISTINCT %s %s)", not(x.Not), sexpr(x.L), sexpr(x.R))
	case *ast.Between:
		return fmt.Sprintf("(%sBETWEEN %s %s %s)", not2(x.Not), sexpr(x.X), sexpr(x.Lo), sexpr(x.Hi))
	case *ast.In:
		if x.Query != nil {
			return fmt.Sprintf("(%sIN %s <query>)", not2(x.Not), sexpr(x.X))
		}
		return fmt.Sprintf("(%sIN %s %s)", not2(x.Not), sexpr(x.X), list(x.List))
	case *ast.Like:
		s := fmt.Sprintf("(%s%s %s %s", not2(x.Not), x.Op, sexpr(x.X), sexpr(x.Pattern))
		if x.Quantifier != "" {
			s = fmt.Sprintf("(%s%s %s %s %s", not2(x.Not), x.Op, x.Quantifier, sexpr(x.X), list(x.Patterns))
		}
		if x.Escape != nil {
			s += " ESCAPE " + sexpr(x.Escape)
		}
		return s + ")"
	case *ast.Exists:
		return fmt.Sprintf("(%sEXISTS <query>)", not2(x.Not))
	case *ast.Subquery:
		return "<subquery>"
	case *ast.Case:
		s := "(CASE"
		if x.Operand != nil {
			s += " " + sexpr(x.Operand)
		}
		for _, w := range x.Whens {
			s += " (WHEN " + sexpr(w.Cond) + " " + sexpr(w.Result) + ")"
		}
		if x.Else != nil {
			s += " (ELSE " + sexpr(x.Else) + ")"
		}
		return s + ")"
	case *ast.Cast:
		return fmt.Sprintf("(%s %s %s)", []string{"CAST", "TRY_CAST", "::"}[x.Kind], sexpr(x.X), typeString(x.Type))
	case *ast.Func:
		s := "(" + sexpr(x.Name)
		if x.Distinct {
			s += " DISTINCT"
		}
		if x.Star {
			s += " *"
		}
		for _, a := range x.Args {
			s += " " + sexpr(a)
		}
		if x.Filter != nil {
			s += " FILTER " + sexpr(x.Filter)
		}
		if x.Over != nil {
			s += " OVER"
			if x.Over.Name != nil {
				s += " " + x.Over.Name.Name
			}
			if len(x.Over.PartitionBy) > 0 {
				s += " P" + list(x.Over.PartitionBy)
			}
			for _, o := range x.Over.OrderBy {
				s += " O:" + sexpr(o.Expr)
				if o.Desc {
					s += ":DESC"
				}
			}
			if f := x.Over.Frame; f != nil {
				s += " " + f.Unit + ":" + f.Start.Kind
				if f.End != nil {
					s += ":" + f.End.Kind
				}
			}
		}
		return s + ")"
	case *ast.NamedArg:
		return x.Name.Name + "=>" + sexpr(x.Value)
	case *ast.Interval:
		s := "(INTERVAL"
		for _, f := range x.Fields {
			s += " " + sexpr(f.Value)
			if f.Unit != "" {
				s += " " + f.Unit
			}
		}
		if x.Precision != "" {
			s += "(" + x.Precision + ")"
		}
		if x.ToUnit != "" {
			s += " TO " + x.ToUnit
		}
		return s + ")"
	case *ast.Lambda:
		names := make([]string, len(x.Params))
		for i, p := range x.Params {
			names[i] = p.Name
		}
		return "(LAMBDA " + strings.Join(names, ",") + " " + sexpr(x.Body) + ")"
	case *ast.Subscript:
		return "(SUB " + sexpr(x.X) + " " + sexpr(x.Index) + ")"
	case *ast.FieldAccess:
		return "(FIELD " + sexpr(x.X) + " " + x.Field.Name + ")"
	case *ast.Star:
		s := "*"
		if len(x.Qualifier) > 0 {
			s = x.Qualifier[0].Name + ".*"
		}
		for _, e := range x.Except {
			s += " -" + sexpr(e)
		}
		return s
	case *ast.ArrayCtor:
		return "(ARRAY " + list(x.Elems) + ")"
	case *ast.MapCtor:
		return "(MAP " + list(x.Elems) + ")"
	case *ast.RowCtor:
		return "(ROW " + list(x.Elems) + ")"
	case *ast.Extract:
		return "(EXTRACT " + x.Unit + " " + sexpr(x.X) + ")"
	case *ast.Substring:
		return "(SUBSTRING " + sexpr(x.X) + " " + sexpr(x.From) + " " + sexpr(x.For) + ")"
	case *ast.Trim:
		return "(TRIM " + x.Where + " " + sexpr(x.Chars) + " " + sexpr(x.X) + ")"
	case *ast.Position:
		return "(POSITION " + sexpr(x.Sub) + " " + sexpr(x.X) + ")"
	case *ast.FloorCeil:
		return "(" + x.Func + " " + sexpr(x.X) + " TO " + x.Unit + ")"
	case *ast.Variable:
		return x.Raw
	case *ast.QuantifiedCmp:
		return "(" + x.Op + " " + x.Quantifier + " " + sexpr(x.X) + " <query>)"
	case *ast.TableArg:
		return "(TABLE " + sexpr(x.Name) + ")"
	case *ast.Descriptor:
		return "(DESCRIPTOR " + x.Cols[0].Name + ")"
	}
	return fmt.Sprintf("<%T>", e)
}

func not(b bool) string {
	if b {
		return " NOT"
	}
	return ""
}

func not2(b bool) string {
	if b {
		return "NOT "
	}
	return ""
}

func list(es []ast.Expr) string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = sexpr(e)
	}
	return "[" + strings.Join(s, " ") + "]"
}

func typeString(t *ast.Type) string {
	s := t.Name
	if len(t.Params) > 0 {
		s += "(" + strings.Join(t.Params, ",") + ")"
	}
	if t.Elem != nil {
		s += "<" + typeString(t.Elem) + ">"
	}
	if t.Key != nil {
		s += "<" + typeString(t.Key) + "," + typeString(t.Val) + ">"
	}
	if len(t.Fields) > 0 {
		var fs []string
		for _, f := range t.Fields {
			fs = append(fs, f.Name.Name+" "+typeString(f.Type))
		}
		s += "<" + strings.Join(fs, ",") + ">"
	}
	if t.Suffix != "" {
		s += " " + t.Suffix
	}
	return s
}

func TestExpressions(t *testing.T) {
	tests := []struct {
		src  string
		want string
		d    token.Dialect
	}{
		// precedence
		{"a OR b AND c", "(OR a (AND b c))", token.Spark},
		{"NOT a = 1 AND b", "(AND (NOT (= a 1)) b)", token.Spark},
		{"a + b * c - d", "(- (+ a (* b c)) d)", token.Spark},
		{"a || b || c", "(|| (|| a b) c)", token.Spark},
		{"a + b || c", "(|| (+ a b) c)", token.Spark},
		{"a = b + 1", "(= a (+ b 1))", token.Spark},
		{"-a * b", "(* (- a) b)", token.Spark},
		{"a & b | c ^ d", "(| (& a b) (^ c d))", token.Spark},
		{"a DIV 2 % 3", "(% (DIV a 2) 3)", token.Spark},
		{"(a OR b) AND c", "(AND [(OR a b)] c)", token.Spark},
		{"a <=> b", "(<=> a b)", token.Spark},
		{"a == b", "(== a b)", token.Spark},
		{"!a", "(! a)", token.Spark},
		{"x << 2", "(<< x 2)", token.Spark},
		// predicates
		{"a IS NULL", "(IS a NULL)", token.Spark},
		{"a IS NOT TRUE", "(IS NOT a TRUE)", token.Spark},
		{"a IS NOT DISTINCT FROM b", "(IS NOT DISTINCT a b)", token.Spark},
		{"a IS DISTINCT FROM b + 1", "(IS DISTINCT a (+ b 1))", token.Spark},
		{"a BETWEEN 1 AND 2 AND b", "(AND (BETWEEN a 1 2) b)", token.Spark},
		{"a NOT BETWEEN x - 1 AND x + 1", "(NOT BETWEEN a (- x 1) (+ x 1))", token.Spark},
		{"a IN (1, 2, 3)", "(IN a [1 2 3])", token.Spark},
		{"a NOT IN (SELECT id FROM t)", "(NOT IN a <query>)", token.Spark},
		{"name LIKE 'a%' ESCAPE '!'", `(LIKE name "a%" ESCAPE "!")`, token.Spark},
		{"name NOT ILIKE '%x%'", `(NOT ILIKE name "%x%")`, token.Spark},
		{"name RLIKE '^[a-z]+$'", `(RLIKE name "^[a-z]+$")`, token.Spark},
		{"name REGEXP 'x'", `(REGEXP name "x")`, token.Spark},
		{"name LIKE ANY ('a%', 'b%')", `(LIKE ANY name ["a%" "b%"])`, token.Spark},
		{"name SIMILAR TO 'a'", `(SIMILAR TO name "a")`, token.Flink},
		{"EXISTS (SELECT 1)", "(EXISTS <query>)", token.Spark},
		{"NOT EXISTS (SELECT 1)", "(NOT EXISTS <query>)", token.Spark},
		{"x > ALL (SELECT y FROM t)", "(> ALL x <query>)", token.Spark},
		{"(SELECT max(x) FROM t) + 1", "(+ <subquery> 1)", token.Spark},
		// CASE and CAST
		{"CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END", `(CASE (WHEN (> a 1) "x") (WHEN (> a 0) "y") (ELSE "z"))`, token.Spark},
		{"CASE tier WHEN 'Gold' THEN 3 END", `(CASE tier (WHEN "Gold" 3))`, token.Spark},
		{"CAST(x AS DECIMAL(10, 2))", "(CAST x DECIMAL(10,2))", token.Spark},
		{"TRY_CAST(x AS INT)", "(TRY_CAST x INT)", token.Spark},
		{"x::timestamp", "(:: x TIMESTAMP)", token.Spark},
		{"CAST(m AS MAP<STRING, ARRAY<INT>>)", "(CAST m MAP<STRING,ARRAY<INT>>)", token.Spark},
		{"CAST(s AS STRUCT<a: INT, b: STRING>)", "(CAST s STRUCT<a INT,b STRING>)", token.Spark},
		{"CAST(s AS ROW<a INT, b STRING>)", "(CAST s ROW<a INT,b STRING>)", token.Flink},
		{"CAST(ts AS TIMESTAMP(3) WITH LOCAL TIME ZONE)", "(CAST ts TIMESTAMP(3) WITH LOCAL TIME ZONE)", token.Flink},
		// intervals
		{"INTERVAL 30 DAYS", "(INTERVAL 30 DAYS)", token.Spark},
		{"INTERVAL '30' DAY", `(INTERVAL "30" DAY)`, token.Spark},
		{"INTERVAL '1-2' YEAR TO MONTH", `(INTERVAL "1-2" YEAR TO MONTH)`, token.Spark},
		{"INTERVAL 1 DAY 2 HOURS", "(INTERVAL 1 DAY 2 HOURS)", token.Spark},
		{"INTERVAL '10' SECOND(3)", `(INTERVAL "10" SECOND(3))`, token.Flink},
		{"INTERVAL '1 day'", `(INTERVAL "1 day")`, token.Spark},
		{"d + INTERVAL 1 DAY", "(+ d (INTERVAL 1 DAY))", token.Spark},
		// literals
		{"DATE '2024-01-01'", "DATE'2024-01-01'", token.Spark},
		{"TIMESTAMP '2024-01-01 00:00:00'", "TIMESTAMP'2024-01-01 00:00:00'", token.Spark},
		{"1L + 1.5D + 2BD", "(+ (+ 1:L 1.5:D) 2:BD)", token.Spark},
		{`'it\'s' || "x"`, `(|| "it's" "x")`, token.Spark},
		{`'it''s'`, `"it's"`, token.Flink},
		{`'caf\u00e9 \101'`, `"café A"`, token.Spark},
		{"`order`.`date`", "`order`.`date`", token.Spark},
		{"${env}", "${env}", token.Spark},
		{"d >= :start_date", "(>= d :start_date)", token.Spark},
		// functions and windows
		{"count(*)", "(count *)", token.Spark},
		{"count(DISTINCT a)", "(count DISTINCT a)", token.Spark},
		{"sum(x) FILTER (WHERE y > 0)", "(sum x FILTER (> y 0))", token.Spark},
		{"row_number() OVER (PARTITION BY a ORDER BY b DESC)", "(row_number OVER P[a] O:b:DESC)", token.Spark},
		{"sum(x) OVER (ORDER BY d ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)", "(sum x OVER O:d ROWS:PRECEDING:CURRENT ROW)", token.Spark},
		{"lag(x, 1) OVER w", "(lag x 1 OVER w)", token.Spark},
		{"first_value(x) IGNORE NULLS OVER (ORDER BY d)", "(first_value x OVER O:d)", token.Spark},
		{"db.fn(a => 1)", "(db.fn a=>1)", token.Spark},
		{"date(x)", "(date x)", token.Spark},
		{"left(s, 2)", "(left s 2)", token.Spark},
		// lambdas, subscripts, fields
		{"transform(xs, x -> x + 1)", "(transform xs (LAMBDA x (+ x 1)))", token.Spark},
		{"aggregate(xs, 0, (acc, x) -> acc + x)", "(aggregate xs 0 (LAMBDA acc,x (+ acc x)))", token.Spark},
		{"arr[0]", "(SUB arr 0)", token.Spark},
		{"m['k']", `(SUB m "k")`, token.Spark},
		{"a.b.c", "a.b.c", token.Spark},
		{"f(x).field", "(FIELD (f x) field)", token.Spark},
		{"arr[0].x", "(FIELD (SUB arr 0) x)", token.Spark},
		{"(a, b)", "(ROW [a b])", token.Spark},
		// Flink forms
		{"ARRAY[1, 2]", "(ARRAY [1 2])", token.Flink},
		{"MAP['a', 1]", `(MAP ["a" 1])`, token.Flink},
		{"ROW(a, b)", "(ROW [a b])", token.Flink},
		{"EXTRACT(DAY FROM ts)", "(EXTRACT DAY ts)", token.Flink},
		{"SUBSTRING(s FROM 2 FOR 3)", "(SUBSTRING s 2 3)", token.Flink},
		{"substring(s, 2, 3)", "(substring s 2 3)", token.Spark},
		{"TRIM(BOTH ' ' FROM s)", `(TRIM BOTH " " s)`, token.Flink},
		{"trim(s)", "(trim s)", token.Spark},
		{"POSITION('a' IN s)", `(POSITION "a" s)`, token.Flink},
		{"FLOOR(ts TO DAY)", "(FLOOR ts TO DAY)", token.Flink},
		{"floor(x)", "(floor x)", token.Spark},
		{"`$rowtime`", "`$rowtime`", token.Flink},
		{"TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' MINUTES)", `(TUMBLE (TABLE t) (DESCRIPTOR ts) (INTERVAL "10" MINUTES))`, token.Flink},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			e, err := ParseExpr(tt.src, tt.d)
			if err != nil {
				t.Fatalf("ParseExpr(%q): %v", tt.src, err)
			}
			if got := sexpr(e); got != tt.want {
				t.Errorf("ParseExpr(%q)\n got  %s\n want %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestExpressionErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a +", "1:4: error: expected an expression, found end of input"},
		{"CASE END", "1:6: error: expected WHEN, found 'END'"},
		{"CAST(x INT)", "1:8: error: expected AS, found 'INT'"},
		{"f(a, b", "1:7: error: expected ')', found end of input"},
		{"a IS 5", "1:6: error: expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS, found number 5"},
		{"x BETWEEN 1 OR 2", "1:13: error: expected AND, found 'OR'"},
		{"INTERVAL 3 FORTNIGHTS", "1:12: error: expected an interval unit (DAY, HOUR, ...), found 'FORTNIGHTS'"},
	}
	for _, tt := range tests {
		_, err := ParseExpr(tt.src, token.Spark)
		if err == nil {
			t.Errorf("ParseExpr(%q): no error, want %q", tt.src, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseExpr(%q)\n got  %s\n want %s", tt.src, err.Error(), tt.want)
		}
	}
}
