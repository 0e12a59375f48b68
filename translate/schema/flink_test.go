package schema

import (
	"math"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func TestFlinkType(t *testing.T) {
	rows := []struct{ spark, flink string }{
		{"STRING", "STRING"},
		{"TINYINT", "TINYINT"},
		{"BYTE", "TINYINT"},
		{"SMALLINT", "SMALLINT"},
		{"SHORT", "SMALLINT"},
		{"INT", "INT"},
		{"INTEGER", "INT"},
		{"BIGINT", "BIGINT"},
		{"LONG", "BIGINT"},
		{"FLOAT", "FLOAT"},
		{"REAL", "FLOAT"},
		{"DOUBLE", "DOUBLE"},
		{"DECIMAL", "DECIMAL(10, 0)"},
		{"DECIMAL(12)", "DECIMAL(12, 0)"},
		{"DECIMAL(12,2)", "DECIMAL(12, 2)"},
		{"DEC(5,1)", "DECIMAL(5, 1)"},
		{"NUMERIC(5,1)", "DECIMAL(5, 1)"},
		{"BOOLEAN", "BOOLEAN"},
		{"DATE", "DATE"},
		{"TIMESTAMP", "TIMESTAMP(3)"},
		{"TIMESTAMP_LTZ", "TIMESTAMP(3)"},
		{"TIMESTAMP_NTZ", "TIMESTAMP(3)"},
		{"BINARY", "BYTES"},
		{"VARCHAR(10)", "VARCHAR(10)"},
		{"CHAR(3)", "CHAR(3)"},
		{"VOID", "STRING"},
		{"ARRAY<INT>", "ARRAY<INT>"},
		{"ARRAY<TIMESTAMP>", "ARRAY<TIMESTAMP(3)>"},
		{"MAP<STRING, DECIMAL(10,2)>", "MAP<STRING, DECIMAL(10, 2)>"},
		{"STRUCT<a: INT, b: ARRAY<STRING>>", "ROW<a INT, b ARRAY<STRING>>"},
		{"STRUCT<a: STRUCT<b: BINARY>>", "ROW<a ROW<b BYTES>>"},
		{"INTERVAL DAY TO SECOND", "INTERVAL DAY TO SECOND"},
		{"INTERVAL YEAR TO MONTH", "INTERVAL YEAR TO MONTH"},
		{"INTERVAL DAY", "INTERVAL DAY"},
		{"INTERVAL HOUR TO MINUTE", "INTERVAL HOUR TO MINUTE"},
	}
	for _, r := range rows {
		typ, err := parser.ParseType(r.spark, token.Spark)
		if err != nil {
			t.Fatalf("%s: %v", r.spark, err)
		}
		if got := FlinkTypeString(typ); got != r.flink {
			t.Errorf("FlinkType(%s) = %s, want %s", r.spark, got, r.flink)
		}
		// canonical Spark types map the same way, except the bounds Canon drops
		if r.spark != "VARCHAR(10)" && r.spark != "CHAR(3)" {
			if got := FlinkTypeString(Canon(typ)); got != r.flink {
				t.Errorf("FlinkType(Canon(%s)) = %s, want %s", r.spark, got, r.flink)
			}
		}
		// the Flink type parses as Flink and maps to itself
		ft, err := parser.ParseType(r.flink, token.Flink)
		if err != nil {
			t.Errorf("%s does not parse as Flink: %v", r.flink, err)
		} else if again := FlinkTypeString(ft); again != r.flink {
			t.Errorf("FlinkType is not idempotent on %s: %s", r.flink, again)
		}
	}
	// calendar intervals (Spark's INTERVAL literal mixing months and days)
	if got := FlinkTypeString(intervalType(mustExpr(t, "INTERVAL 1 MONTH 2 DAYS"))); got != "INTERVAL DAY TO SECOND(3)" {
		t.Errorf("calendar interval: %s", got)
	}
}

func TestFlinkLiteral(t *testing.T) {
	ts := time.Date(2024, 1, 15, 10, 30, 0, 0, time.UTC)
	rows := []struct {
		v    Value
		typ  string
		want string
	}{
		{Value{Kind: StringValue, Str: "it's"}, "STRING", "'it''s'"},
		{Value{Kind: StringValue, Str: ""}, "STRING", "''"},
		{Value{Kind: IntValue, Int: 42}, "INT", "42"},
		{Value{Kind: IntValue, Int: -3000000000}, "BIGINT", "-3000000000"},
		{Value{Kind: IntValue, Int: 7}, "SMALLINT", "CAST(7 AS SMALLINT)"},
		{Value{Kind: IntValue, Int: 7}, "TINYINT", "CAST(7 AS TINYINT)"},
		{Value{Kind: IntValue, Int: 7}, "STRING", "'7'"},
		{Value{Kind: DecimalValue, Str: "12.50"}, "DECIMAL(10,2)", "12.50"},
		{Value{Kind: DecimalValue, Str: "12345678901234567890"}, "DECIMAL(20,0)", "12345678901234567890"},
		{Value{Kind: FloatValue, Float: 10.5}, "DOUBLE", "10.5E0"},
		{Value{Kind: FloatValue, Float: 3}, "DOUBLE", "3E0"},
		{Value{Kind: FloatValue, Float: 1e21}, "DOUBLE", "1E21"},
		{Value{Kind: FloatValue, Float: 2.5e-7}, "DOUBLE", "2.5E-07"},
		{Value{Kind: FloatValue, Float: 2.5}, "FLOAT", "CAST(2.5E0 AS FLOAT)"},
		{Value{Kind: FloatValue, Float: math.NaN()}, "DOUBLE", "CAST('NaN' AS DOUBLE)"},
		{Value{Kind: FloatValue, Float: math.Inf(-1)}, "DOUBLE", "CAST('-Infinity' AS DOUBLE)"},
		{Value{Kind: BoolValue, Bool: true}, "BOOLEAN", "TRUE"},
		{Value{Kind: BoolValue}, "BOOLEAN", "FALSE"},
		{Value{Kind: DateValue, Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, "DATE", "DATE '2024-01-01'"},
		{Value{Kind: TimestampValue, Time: ts}, "TIMESTAMP", "TIMESTAMP '2024-01-15 10:30:00'"},
		{Value{Kind: TimestampValue, Time: ts.Add(120 * time.Millisecond)}, "TIMESTAMP", "TIMESTAMP '2024-01-15 10:30:00.12'"},
		{Value{Kind: TimestampValue, Time: ts.Add(123456 * time.Microsecond)}, "TIMESTAMP", "CAST(TIMESTAMP '2024-01-15 10:30:00.123456' AS TIMESTAMP(3))"},
		{Value{Kind: StringValue, Str: "ab"}, "BINARY", "X'6162'"},
		{Value{}, "INT", "CAST(NULL AS INT)"},
		{Value{}, "DECIMAL(10,2)", "CAST(NULL AS DECIMAL(10, 2))"},
		{Value{}, "TIMESTAMP", "CAST(NULL AS TIMESTAMP(3))"},
		{Value{}, "STRING", "CAST(NULL AS STRING)"},
		{Value{}, "ARRAY<STRING>", "CAST(NULL AS ARRAY<STRING>)"},
		{Value{Kind: StringValue, Str: "2024-01-01"}, "DATE", "CAST('2024-01-01' AS DATE)"},
	}
	for _, r := range rows {
		typ, err := parser.ParseType(r.typ, token.Spark)
		if err != nil {
			t.Fatal(err)
		}
		got := FlinkLiteral(r.v, typ)
		if got != r.want {
			t.Errorf("FlinkLiteral(%v, %s) = %s, want %s", r.v, r.typ, got, r.want)
		}
		if _, err := parser.ParseExpr(got, token.Flink); err != nil {
			t.Errorf("%s does not parse as Flink: %v", got, err)
		}
	}
}

// TestFlinkLiteralsOfMockData renders every cell of every mock CSV and
// checks that each literal parses as Flink SQL.
func TestFlinkLiteralsOfMockData(t *testing.T) {
	n := 0
	for _, c := range csvCases(t) {
		tab, err := InferCSV(c.Path, c.options())
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range tab.Rows {
			for j, v := range row {
				lit := FlinkLiteral(v, tab.Columns[j].Spark)
				if _, err := parser.ParseExpr(lit, token.Flink); err != nil {
					t.Errorf("%s %s: %s does not parse as Flink: %v", c.Name, tab.Columns[j].Name, lit, err)
				}
				n++
			}
		}
	}
	t.Logf("%d literals", n)
}

func mustExpr(t *testing.T, src string) *ast.Interval {
	t.Helper()
	e, err := parser.ParseExpr(src, token.Spark)
	if err != nil {
		t.Fatal(err)
	}
	return e.(*ast.Interval)
}
