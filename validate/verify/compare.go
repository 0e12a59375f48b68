package verify

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Column is a column of a result: its name and its type as the engine
// names it (Spark's simpleString "decimal(10,2)", or Flink's "DECIMAL(10, 2)").
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Rows is a table's content as an engine returned it: JSON-like values
// (nil, bool, float64 or json.Number, string, []any).
type Rows struct {
	Columns []Column
	Data    [][]any
}

// RelTolerance is the relative difference under which two floating-point
// values are equal: the engines may add doubles in a different order.
const RelTolerance = 1e-9

// Diff is the outcome of comparing two tables.
type Diff struct {
	Columns    []string   `json:"columns"` // compared, in Spark's order
	SparkRows  int        `json:"spark_rows"`
	FlinkRows  int        `json:"flink_rows"` // after keeping the last row per key
	Matched    int        `json:"matched"`
	OnlySpark  [][]string `json:"only_spark,omitempty"` // rows Spark has and Flink not (sorted)
	OnlyFlink  [][]string `json:"only_flink,omitempty"`
	ColumnDiff string     `json:"column_diff,omitempty"` // the column sets differ
	// DuplicateKeys counts keys with several Flink rows: an upsert table
	// keeps only the last, so these rows are lost in streaming.
	DuplicateKeys int `json:"duplicate_keys,omitempty"`
}

// Equal reports whether the tables hold the same rows.
func (d *Diff) Equal() bool {
	return d.ColumnDiff == "" && len(d.OnlySpark) == 0 && len(d.OnlyFlink) == 0
}

// kind is what a value is compared as.
type kind int

const (
	kString kind = iota
	kInt
	kDecimal
	kFloat
	kBool
	kDate
	kTimestamp
	kArray
)

type colType struct {
	kind kind
	elem *colType // arrays
}

// parseType classifies an engine's type name, Spark's or Flink's.
func parseType(t string) colType {
	s := strings.ToLower(strings.TrimSpace(t))
	s = strings.TrimSuffix(s, " not null")
	switch {
	case strings.HasPrefix(s, "array<") && strings.HasSuffix(s, ">"):
		e := parseType(s[len("array<") : len(s)-1])
		return colType{kind: kArray, elem: &e}
	case strings.HasPrefix(s, "decimal"), strings.HasPrefix(s, "numeric"):
		return colType{kind: kDecimal}
	case s == "double" || s == "float" || s == "real" || strings.HasPrefix(s, "double") || strings.HasPrefix(s, "float"):
		return colType{kind: kFloat}
	case s == "int" || s == "integer" || s == "bigint" || s == "smallint" || s == "tinyint":
		return colType{kind: kInt}
	case s == "boolean":
		return colType{kind: kBool}
	case s == "date":
		return colType{kind: kDate}
	case strings.HasPrefix(s, "timestamp"):
		return colType{kind: kTimestamp}
	}
	return colType{kind: kString}
}

// cell is a normalised value: its canonical text, and for floating point
// the number, compared with a tolerance.
type cell struct {
	text  string
	f     float64
	float bool
}

// normalise turns v into its canonical form as type t: decimals and
// integers by numeric value, timestamps as YYYY-MM-DD HH:MM:SS[.fraction]
// without trailing zeros, dates as YYYY-MM-DD, booleans as true/false. A
// value that does not fit t keeps a tagged text of its own, so it compares
// unequal rather than being forced into shape.
func normalise(v any, t colType) cell {
	if v == nil {
		return cell{text: "NULL"}
	}
	switch t.kind {
	case kInt, kDecimal:
		if r, ok := toRat(v); ok {
			if r.IsInt() {
				return cell{text: r.Num().String()}
			}
			return cell{text: decimalText(r)}
		}
	case kFloat:
		if f, ok := toFloat(v); ok {
			return cell{text: strconv.FormatFloat(f, 'g', 12, 64), f: f, float: true}
		}
	case kBool:
		switch x := v.(type) {
		case bool:
			return cell{text: strconv.FormatBool(x)}
		case string:
			if b, err := strconv.ParseBool(strings.TrimSpace(x)); err == nil {
				return cell{text: strconv.FormatBool(b)}
			}
		}
	case kDate:
		if s, ok := v.(string); ok {
			if d, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err == nil {
				return cell{text: d.Format("2006-01-02")}
			}
		}
	case kTimestamp:
		if s, ok := v.(string); ok {
			if ts, ok := parseTimestamp(s); ok {
				return cell{text: timestampText(ts)}
			}
		}
	case kArray:
		if xs, ok := v.([]any); ok {
			parts := make([]string, len(xs))
			for i, x := range xs {
				parts[i] = normalise(x, *t.elem).text
			}
			return cell{text: "[" + strings.Join(parts, ", ") + "]"}
		}
	case kString:
		if s, ok := v.(string); ok {
			return cell{text: s}
		}
	}
	return cell{text: fmt.Sprintf("%v (%T)", v, v)}
}

func toRat(v any) (*big.Rat, bool) {
	var s string
	switch x := v.(type) {
	case json.Number:
		s = x.String()
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return nil, false
		}
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		s = strings.TrimSpace(x)
	default:
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	return r, ok
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string: // "NaN", "Infinity" as Spark's runner writes them
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// decimalText writes a non-integer rational with terminating decimals
// without trailing zeros (2.50 and 2.5 are the same number).
func decimalText(r *big.Rat) string {
	s := r.FloatString(40)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

var timestampLayouts = []string{
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
}

func parseTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range timestampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func timestampText(t time.Time) string {
	return t.Format("2006-01-02 15:04:05.999999999")
}

// row is a normalised row and its exact-match key.
type row struct {
	cells []cell
	key   string
}

func (r row) texts() []string {
	out := make([]string, len(r.cells))
	for i, c := range r.cells {
		out[i] = c.text
	}
	return out
}

// Compare compares Spark's rows with Flink's as multisets, column by
// column name (case-insensitive), each value normalised by Spark's type
// for the column. key, when set, is the Flink table's primary key of an
// upsert table: Flink's rows are first reduced to the last row per key,
// the final state of the table.
func Compare(spark, flink *Rows, key []string) *Diff {
	d := &Diff{}
	sparkIdx := map[string]int{}
	for i, c := range spark.Columns {
		sparkIdx[strings.ToLower(c.Name)] = i
	}
	flinkIdx := map[string]int{}
	for i, c := range flink.Columns {
		flinkIdx[strings.ToLower(c.Name)] = i
	}
	var missing, extra []string
	types := make([]colType, 0, len(spark.Columns))
	fcols := make([]int, 0, len(spark.Columns))
	for _, c := range spark.Columns {
		j, ok := flinkIdx[strings.ToLower(c.Name)]
		if !ok {
			missing = append(missing, c.Name)
			continue
		}
		d.Columns = append(d.Columns, c.Name)
		types = append(types, parseType(c.Type))
		fcols = append(fcols, j)
	}
	scols := make([]int, 0, len(d.Columns))
	for _, name := range d.Columns {
		scols = append(scols, sparkIdx[strings.ToLower(name)])
	}
	for _, c := range flink.Columns {
		if _, ok := sparkIdx[strings.ToLower(c.Name)]; !ok {
			extra = append(extra, c.Name)
		}
	}
	if len(missing) > 0 || len(extra) > 0 {
		var parts []string
		if len(missing) > 0 {
			parts = append(parts, "Flink lacks "+strings.Join(missing, ", "))
		}
		if len(extra) > 0 {
			parts = append(parts, "Flink has extra "+strings.Join(extra, ", "))
		}
		d.ColumnDiff = strings.Join(parts, "; ")
	}
	norm := func(data []any, idx []int) row {
		r := row{cells: make([]cell, len(idx))}
		var b strings.Builder
		for i, j := range idx {
			var v any
			if j < len(data) {
				v = data[j]
			}
			r.cells[i] = normalise(v, types[i])
			b.WriteString(r.cells[i].text)
			b.WriteByte(0x1f)
		}
		r.key = b.String()
		return r
	}
	srows := make([]row, len(spark.Data))
	for i, data := range spark.Data {
		srows[i] = norm(data, scols)
	}
	frows := make([]row, 0, len(flink.Data))
	for _, data := range flink.Data {
		frows = append(frows, norm(data, fcols))
	}
	if len(key) > 0 {
		frows, d.DuplicateKeys = lastPerKey(frows, keyIndexes(d.Columns, key))
	}
	d.SparkRows, d.FlinkRows = len(srows), len(frows)

	// Exact matches first, then pairs within the float tolerance.
	count := map[string]int{}
	for _, r := range frows {
		count[r.key]++
	}
	var leftS []row
	for _, r := range srows {
		if count[r.key] > 0 {
			count[r.key]--
			d.Matched++
		} else {
			leftS = append(leftS, r)
		}
	}
	var leftF []row
	for _, r := range frows {
		if count[r.key] > 0 {
			count[r.key]--
			leftF = append(leftF, r)
		}
	}
	used := make([]bool, len(leftF))
	var onlyS []row
	for _, s := range leftS {
		found := false
		for j, f := range leftF {
			if !used[j] && rowsClose(s, f) {
				used[j], found = true, true
				d.Matched++
				break
			}
		}
		if !found {
			onlyS = append(onlyS, s)
		}
	}
	for _, r := range onlyS {
		d.OnlySpark = append(d.OnlySpark, r.texts())
	}
	for j, r := range leftF {
		if !used[j] {
			d.OnlyFlink = append(d.OnlyFlink, r.texts())
		}
	}
	sortRows(d.OnlySpark)
	sortRows(d.OnlyFlink)
	return d
}

// rowsClose reports whether two rows are equal with floats within tolerance.
func rowsClose(a, b row) bool {
	for i := range a.cells {
		x, y := a.cells[i], b.cells[i]
		if x.float && y.float {
			if !floatsClose(x.f, y.f) {
				return false
			}
			continue
		}
		if x.text != y.text {
			return false
		}
	}
	return true
}

func floatsClose(x, y float64) bool {
	if x == y {
		return true
	}
	diff := math.Abs(x - y)
	scale := math.Max(math.Abs(x), math.Abs(y))
	return diff <= RelTolerance*scale || diff <= 1e-12
}

func keyIndexes(cols, key []string) []int {
	var out []int
	for _, k := range key {
		for i, c := range cols {
			if strings.EqualFold(c, k) {
				out = append(out, i)
			}
		}
	}
	if len(out) != len(key) {
		return nil // a key column is not compared: keep every row
	}
	return out
}

// lastPerKey keeps the last row of each key, in first-seen key order, and
// counts the keys that had more than one row.
func lastPerKey(rows []row, idx []int) ([]row, int) {
	if idx == nil {
		return rows, 0
	}
	pos := map[string]int{}
	var out []row
	dups := map[string]bool{}
	for _, r := range rows {
		var b strings.Builder
		for _, i := range idx {
			b.WriteString(r.cells[i].text)
			b.WriteByte(0x1f)
		}
		k := b.String()
		if p, ok := pos[k]; ok {
			out[p] = r
			dups[k] = true
			continue
		}
		pos[k] = len(out)
		out = append(out, r)
	}
	return out, len(dups)
}

func sortRows(rows [][]string) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		for k := range a {
			if k >= len(b) {
				return false
			}
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
}
