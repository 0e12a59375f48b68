package schema

import (
	"strconv"
	"time"
)

// ValueKind tells which field of a Value holds the cell.
type ValueKind int

const (
	NullValue ValueKind = iota
	StringValue
	IntValue     // TINYINT, SMALLINT, INT, BIGINT: Int
	FloatValue   // FLOAT, DOUBLE: Float
	DecimalValue // DECIMAL: Str holds the plain decimal text, e.g. -12.50
	BoolValue
	DateValue      // Time at midnight UTC
	TimestampValue // Time: the wall-clock time in the session time zone (UTC)
)

// Value is one parsed, typed cell of a CSV row.
type Value struct {
	Kind  ValueKind
	Str   string
	Int   int64
	Float float64
	Bool  bool
	Time  time.Time
}

// IsNull reports whether the cell is NULL.
func (v Value) IsNull() bool { return v.Kind == NullValue }

// String renders the value the way the verification JSON of Spark does:
// dates as 2006-01-02, timestamps as 2006-01-02 15:04:05[.ffffff],
// decimals as their text, NULL as "NULL".
func (v Value) String() string {
	switch v.Kind {
	case StringValue, DecimalValue:
		return v.Str
	case IntValue:
		return strconv.FormatInt(v.Int, 10)
	case FloatValue:
		return strconv.FormatFloat(v.Float, 'g', -1, 64)
	case BoolValue:
		return strconv.FormatBool(v.Bool)
	case DateValue:
		return v.Time.Format("2006-01-02")
	case TimestampValue:
		if v.Time.Nanosecond() != 0 {
			return v.Time.Format("2006-01-02 15:04:05.000000")
		}
		return v.Time.Format("2006-01-02 15:04:05")
	}
	return "NULL"
}
