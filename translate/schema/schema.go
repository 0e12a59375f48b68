// Package schema knows the columns of tables: it infers a CSV file's schema
// the way Spark 3.5's CSV reader does with inferSchema, infers the output
// columns of a Spark SQL query with Spark's typing rules, maps Spark types
// to Flink types, and renders typed values as Flink SQL literals for the
// INSERT statements that replay raw inputs.
//
// Types are *ast.Type values in a canonical Spark form (see Canon): STRING,
// TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL(p,s), BOOLEAN,
// DATE, TIMESTAMP, TIMESTAMP_NTZ, BINARY, VOID (the type of NULL), ARRAY,
// MAP, STRUCT and INTERVAL. SimpleString prints them as Spark's
// DataType.simpleString does, which is how the tests compare with Spark.
package schema

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// Column is one column of a table or of a query's output.
type Column struct {
	Name     string
	Spark    *ast.Type // canonical Spark type
	Nullable bool
	// Unknown marks a type that could not be inferred (an unknown function,
	// an unresolved column): Spark is STRING as a fallback and a diagnostic
	// says why. Callers mark the table for review.
	Unknown bool
	// Qualifier is the table alias or name the column was read from, empty
	// for derived columns; used to resolve t.col in queries.
	Qualifier string
}

// Table is a CSV file read the way Spark reads it: its columns and its rows,
// each cell parsed to the column's type.
type Table struct {
	Columns []Column
	Rows    [][]Value
}

// Column returns the index of the named column (case-insensitive), or -1.
func (t *Table) Column(name string) int {
	for i, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

// String renders the columns as Spark's simpleString of a struct.
func (t *Table) String() string { return ColumnsString(t.Columns) }

// ColumnsString renders columns as name:type pairs separated by commas, in
// Spark's simpleString notation.
func ColumnsString(cols []Column) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Name)
		b.WriteByte(':')
		b.WriteString(SimpleString(c.Spark))
		if !c.Nullable {
			b.WriteString(" not null")
		}
	}
	return b.String()
}
