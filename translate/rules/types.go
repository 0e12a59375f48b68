package rules

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/schema"
)

// TypeRule maps one Spark type name to its Flink type.
type TypeRule struct {
	ID    string
	Spark string // Spark type as written in the test row
	Flink string // the Flink type it maps to (schema.FlinkType does the mapping)
	Doc   string
}

// TypeRules is keyed by the upper-case Spark type name; aliases share a rule.
var TypeRules = map[string]*TypeRule{}

var typeTable = []struct {
	names string
	rule  *TypeRule
}{
	{"STRING", &TypeRule{ID: "spark.type.string", Spark: "STRING", Flink: "STRING"}},
	{"VARCHAR", &TypeRule{ID: "spark.type.varchar", Spark: "VARCHAR(10)", Flink: "VARCHAR"}},
	{"CHAR CHARACTER", &TypeRule{ID: "spark.type.char", Spark: "CHAR(3)", Flink: "CHAR"}},
	{"TINYINT BYTE", &TypeRule{ID: "spark.type.tinyint", Spark: "BYTE", Flink: "TINYINT"}},
	{"SMALLINT SHORT", &TypeRule{ID: "spark.type.smallint", Spark: "SHORT", Flink: "SMALLINT"}},
	{"INT INTEGER", &TypeRule{ID: "spark.type.int", Spark: "INTEGER", Flink: "INT"}},
	{"BIGINT LONG", &TypeRule{ID: "spark.type.bigint", Spark: "LONG", Flink: "BIGINT"}},
	{"FLOAT REAL", &TypeRule{ID: "spark.type.float", Spark: "REAL", Flink: "FLOAT"}},
	{"DOUBLE", &TypeRule{ID: "spark.type.double", Spark: "DOUBLE", Flink: "DOUBLE"}},
	{"DECIMAL DEC NUMERIC", &TypeRule{ID: "spark.type.decimal", Spark: "DEC", Flink: "DECIMAL",
		Doc: "DECIMAL without precision is DECIMAL(10, 0) in both; written out"}},
	{"BOOLEAN", &TypeRule{ID: "spark.type.boolean", Spark: "BOOLEAN", Flink: "BOOLEAN"}},
	{"DATE", &TypeRule{ID: "spark.type.date", Spark: "DATE", Flink: "DATE"}},
	{"TIMESTAMP TIMESTAMP_NTZ", &TypeRule{ID: "spark.type.timestamp", Spark: "TIMESTAMP", Flink: "TIMESTAMP",
		Doc: "TIMESTAMP(3): milliseconds (Spark keeps microseconds)"}},
	{"TIMESTAMP_LTZ", &TypeRule{ID: "spark.type.timestamp_ltz", Spark: "TIMESTAMP_LTZ", Flink: "TIMESTAMP",
		Doc: "Spark's TIMESTAMP_LTZ is its TIMESTAMP: TIMESTAMP(3), as the DDL's columns"}},
	{"BINARY", &TypeRule{ID: "spark.type.binary", Spark: "BINARY", Flink: "BYTES",
		Doc: "BYTES (VARBINARY of any length); Flink's BINARY is fixed-length"}},
	{"ARRAY", &TypeRule{ID: "spark.type.array", Spark: "ARRAY<LONG>", Flink: "ARRAY"}},
	{"MAP", &TypeRule{ID: "spark.type.map", Spark: "MAP<STRING, LONG>", Flink: "MAP"}},
	{"STRUCT", &TypeRule{ID: "spark.type.struct", Spark: "STRUCT<a: LONG, b: STRING>", Flink: "ROW"}},
}

func init() {
	for _, e := range typeTable {
		for _, n := range strings.Fields(e.names) {
			TypeRules[n] = e.rule
		}
	}
}

// flinkOnlyTypes are kept as written: a type that is already Flink's.
var flinkOnlyTypes = map[string]bool{
	"ROW": true, "BYTES": true, "VARBINARY": true, "MULTISET": true, "TIME": true, "NULL": true,
}

// FlinkType returns the Flink type for a Spark type, or nil when Flink has
// none (intervals, VARIANT, user-defined types).
func FlinkType(t *ast.Type) *ast.Type {
	return flinkType(t, nil)
}

// flinkType maps t, calling seen with each rule used. The mapping itself
// is schema.FlinkType, the one that also types the DDL's columns, so a CAST
// and the column it fills always agree; TypeRules names and counts it.
func flinkType(t *ast.Type, seen func(id string)) *ast.Type {
	if !mappable(t, seen) {
		return nil
	}
	return schema.FlinkType(t)
}

// mappable reports whether every type in t has a rule (or is already a
// Flink type), calling seen with each rule used.
func mappable(t *ast.Type, seen func(id string)) bool {
	if t == nil {
		return false
	}
	name := strings.ToUpper(t.Name)
	r := TypeRules[name]
	if r == nil {
		return flinkOnlyTypes[name]
	}
	if seen != nil {
		seen(r.ID)
	}
	switch name {
	case "ARRAY":
		return mappable(t.Elem, seen)
	case "MAP":
		return mappable(t.Key, seen) && mappable(t.Val, seen)
	case "STRUCT":
		for _, f := range t.Fields {
			if !mappable(f.Type, seen) {
				return false
			}
		}
	}
	return true
}

// translateType maps a type inside an expression, counting the rules used
// and recording residue when Flink has no such type.
func (c *Context) translateType(at ast.Node, t *ast.Type) *ast.Type {
	out := flinkType(t, c.applied)
	if out == nil {
		c.residue(at.Pos(), ResidueType, "type %s has no Flink counterpart", typeString(t))
		return t
	}
	return out
}

func typeString(t *ast.Type) string {
	if t == nil {
		return "?"
	}
	s := t.Name
	if len(t.Params) > 0 {
		s += "(" + strings.Join(t.Params, ", ") + ")"
	}
	if t.Suffix != "" {
		s += " " + t.Suffix
	}
	return s
}
