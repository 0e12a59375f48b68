package schema

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// FlinkType maps a Spark type (as written or canonical) to the Flink SQL
// type of the column that holds its values:
//
//	STRING, TEXT, VARCHAR, CHAR        STRING
//	VARCHAR(n), CHAR(n)                VARCHAR(n), CHAR(n) (the declared bound is kept)
//	TINYINT/BYTE, SMALLINT/SHORT       TINYINT, SMALLINT
//	INT/INTEGER, BIGINT/LONG           INT, BIGINT
//	FLOAT/REAL, DOUBLE                 FLOAT, DOUBLE
//	DECIMAL, DECIMAL(p), DECIMAL(p,s)  DECIMAL(10, 0), DECIMAL(p, 0), DECIMAL(p, s)
//	BOOLEAN, DATE                      BOOLEAN, DATE
//	TIMESTAMP, TIMESTAMP_LTZ           TIMESTAMP(3)
//	TIMESTAMP_NTZ                      TIMESTAMP(3)
//	BINARY                             BYTES
//	ARRAY<T>, MAP<K, V>                ARRAY<T'>, MAP<K', V'>
//	STRUCT<a: T>                       ROW<a T'>
//	INTERVAL YEAR TO MONTH, DAY TO SECOND, ...  the same INTERVAL
//	INTERVAL (calendar)                INTERVAL DAY TO SECOND(3)
//	VOID (a column of NULLs)           STRING
//
// Spark's TIMESTAMP is a point in time shown in the session time zone; the
// pipelines keep wall-clock values (the raw CSV text, read in UTC), and
// Flink's time attributes and $rowtime are millisecond TIMESTAMP(3), so
// TIMESTAMP, TIMESTAMP_LTZ and TIMESTAMP_NTZ all become TIMESTAMP(3):
// microseconds are truncated, and a pipeline whose session zone is not UTC
// must be reviewed. A type name FlinkType does not know is returned
// unchanged, for the Flink validator to reject.
func FlinkType(t *ast.Type) *ast.Type {
	if t == nil {
		return nil
	}
	name := t.Name
	switch name {
	case "VARCHAR", "CHARACTER VARYING", "CHAR VARYING", "CHAR", "CHARACTER":
		if len(t.Params) == 1 {
			n := "VARCHAR"
			if name == "CHAR" || name == "CHARACTER" {
				n = "CHAR"
			}
			return &ast.Type{At: t.At, Name: n, Params: []string{t.Params[0]}}
		}
		return &ast.Type{At: t.At, Name: "STRING"}
	case "STRING", "TEXT", "VOID", "NULL":
		return &ast.Type{At: t.At, Name: "STRING"}
	case "BINARY", "VARBINARY", "BINARY VARYING", "BYTES":
		return &ast.Type{At: t.At, Name: "BYTES"}
	case "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ":
		return &ast.Type{At: t.At, Name: "TIMESTAMP", Params: []string{"3"}}
	case "DECIMAL", "DEC", "NUMERIC":
		p, s := DecimalParams(t)
		return &ast.Type{At: t.At, Name: "DECIMAL", Params: []string{strconv.Itoa(p), strconv.Itoa(s)}}
	case "ARRAY", "MULTISET":
		return &ast.Type{At: t.At, Name: name, Elem: FlinkType(t.Elem)}
	case "MAP":
		return &ast.Type{At: t.At, Name: "MAP", Key: FlinkType(t.Key), Val: FlinkType(t.Val)}
	case "STRUCT", "ROW":
		out := &ast.Type{At: t.At, Name: "ROW"}
		for _, f := range t.Fields {
			out.Fields = append(out.Fields, &ast.TypeField{Name: f.Name, Type: FlinkType(f.Type), NotNull: f.NotNull, Comment: f.Comment})
		}
		return out
	case "INTERVAL":
		if t.Suffix == "" {
			return &ast.Type{At: t.At, Name: "INTERVAL", Suffix: "DAY TO SECOND(3)"}
		}
		return &ast.Type{At: t.At, Name: "INTERVAL", Suffix: canonIntervalSuffix(t.Suffix)}
	}
	if a, ok := typeAliases[name]; ok {
		name = a
	}
	switch name {
	case "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "BOOLEAN", "DATE":
		return &ast.Type{At: t.At, Name: name}
	}
	c := *t
	return &c
}

// FlinkTypeString prints FlinkType(t) as Flink SQL.
func FlinkTypeString(t *ast.Type) string {
	return printer.Print(FlinkType(t), printer.Config{Dialect: token.Flink})
}

// FlinkLiteral renders a cell as a Flink SQL literal of the column's type
// (a Spark or a Flink type; it is mapped with FlinkType first): 'text' with
// quotes doubled, integers, decimals as plain numbers, doubles with an
// exponent (1.5E0), TRUE/FALSE, DATE '2024-01-01', TIMESTAMP '2024-01-01
// 10:30:00[.fff]', X'..' for bytes, and CAST(NULL AS type) for NULL.
// TINYINT, SMALLINT and FLOAT values are wrapped in a CAST, since a bare
// literal would be INT or DOUBLE.
func FlinkLiteral(v Value, t *ast.Type) string {
	ft := FlinkType(t)
	typ := printer.Print(ft, printer.Config{Dialect: token.Flink})
	if v.IsNull() {
		return "CAST(NULL AS " + typ + ")"
	}
	switch ft.Name {
	case "STRING", "VARCHAR", "CHAR":
		return quote(v.text())
	case "TINYINT", "SMALLINT":
		return "CAST(" + v.text() + " AS " + typ + ")"
	case "INT", "BIGINT":
		if v.Kind == IntValue {
			return strconv.FormatInt(v.Int, 10)
		}
		return "CAST(" + quote(v.text()) + " AS " + typ + ")"
	case "DECIMAL":
		if v.Kind == DecimalValue || v.Kind == IntValue {
			return v.text()
		}
		return "CAST(" + quote(v.text()) + " AS " + typ + ")"
	case "DOUBLE", "FLOAT":
		var lit string
		switch {
		case v.Kind == FloatValue && math.IsNaN(v.Float):
			lit = "CAST('NaN' AS DOUBLE)"
		case v.Kind == FloatValue && math.IsInf(v.Float, 1):
			lit = "CAST('Infinity' AS DOUBLE)"
		case v.Kind == FloatValue && math.IsInf(v.Float, -1):
			lit = "CAST('-Infinity' AS DOUBLE)"
		case v.Kind == FloatValue:
			lit = doubleLiteral(v.Float)
		case v.Kind == IntValue:
			lit = strconv.FormatInt(v.Int, 10) + "E0"
		default:
			lit = "CAST(" + quote(v.text()) + " AS DOUBLE)"
		}
		if ft.Name == "FLOAT" {
			return "CAST(" + lit + " AS FLOAT)"
		}
		return lit
	case "BOOLEAN":
		if v.Kind == BoolValue {
			return strings.ToUpper(strconv.FormatBool(v.Bool))
		}
		return "CAST(" + quote(v.text()) + " AS BOOLEAN)"
	case "DATE":
		if v.Kind == DateValue || v.Kind == TimestampValue {
			return "DATE '" + v.Time.Format("2006-01-02") + "'"
		}
		return "CAST(" + quote(v.text()) + " AS DATE)"
	case "TIMESTAMP":
		if v.Kind == TimestampValue || v.Kind == DateValue {
			s := v.Time.Format("2006-01-02 15:04:05")
			if us := v.Time.Nanosecond() / 1000; us != 0 {
				frac := strings.TrimRight(strconv.Itoa(1000000 + us)[1:], "0")
				s += "." + frac
				if len(frac) > 3 && len(ft.Params) == 1 && ft.Params[0] == "3" {
					return "CAST(TIMESTAMP '" + s + "' AS " + typ + ")"
				}
			}
			return "TIMESTAMP '" + s + "'"
		}
		return "CAST(" + quote(v.text()) + " AS " + typ + ")"
	case "BYTES":
		return "X'" + strings.ToUpper(hex.EncodeToString([]byte(v.text()))) + "'"
	}
	return "CAST(" + quote(v.text()) + " AS " + typ + ")"
}

// text is the value as plain text (dates and timestamps in ISO form).
func (v Value) text() string { return v.String() }

// quote writes a Flink string literal.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// doubleLiteral writes a DOUBLE literal: Flink reads 1.5 as DECIMAL, 1.5E0
// as DOUBLE.
func doubleLiteral(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if k := strings.IndexByte(s, 'e'); k >= 0 {
		exp := strings.TrimPrefix(s[k+1:], "+")
		return s[:k] + "E" + exp
	}
	return s + "E0"
}
