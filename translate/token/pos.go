// Package token defines the lexical tokens of Spark SQL and Flink SQL, source
// positions, and the dialect switch shared by the lexer, parser and printer.
package token

import "fmt"

// Pos is a position in a source file. Line and Col are 1-based (Col counts
// bytes); Offset is the 0-based byte offset. The zero Pos means "unknown".
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// IsValid reports whether the position is known.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Col)
}

// Position is a Pos together with its file name, for display.
type Position struct {
	File string
	Pos
}

func (p Position) String() string {
	s := p.File
	if p.Pos.IsValid() {
		if s != "" {
			s += ":"
		}
		s += p.Pos.String()
	}
	if s == "" {
		s = "-"
	}
	return s
}

// Dialect selects the SQL dialect being read or written.
type Dialect int

const (
	Spark Dialect = iota
	Flink
)

func (d Dialect) String() string {
	if d == Flink {
		return "flink"
	}
	return "spark"
}

// ParseDialect maps a flag value to a Dialect.
func ParseDialect(s string) (Dialect, error) {
	switch s {
	case "spark", "sparksql", "spark-sql":
		return Spark, nil
	case "flink", "flinksql", "flink-sql":
		return Flink, nil
	}
	return Spark, fmt.Errorf("unknown dialect %q (want spark or flink)", s)
}
