package verify

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestNormalise(t *testing.T) {
	tests := []struct {
		typ  string
		in   any
		want string
	}{
		{"decimal(10,2)", "12.50", "12.5"},
		{"DECIMAL(12, 2)", 12.5, "12.5"},
		{"decimal(38,6)", "100.000000", "100"},
		{"decimal(10,2)", json.Number("0.10"), "0.1"},
		{"decimal(10,2)", "-3.40", "-3.4"},
		{"int", float64(42), "42"},
		{"BIGINT", json.Number("9007199254740993"), "9007199254740993"},
		{"int", "7", "7"},
		{"int", 7.5, "15/2"},
		{"double", 0.1, "0.1"},
		{"boolean", true, "true"},
		{"BOOLEAN", "TRUE", "true"},
		{"date", "2024-06-15", "2024-06-15"},
		{"timestamp", "2024-06-15 09:30:00", "2024-06-15 09:30:00"},
		{"TIMESTAMP(3)", "2024-06-15T09:30:00.000", "2024-06-15 09:30:00"},
		{"TIMESTAMP(6)", "2024-06-15 09:30:00.120000", "2024-06-15 09:30:00.12"},
		{"timestamp", "2024-06-15 09:30:00Z", "2024-06-15 09:30:00"},
		{"string", "a b", "a b"},
		{"string", nil, "NULL"},
		{"array<string>", []any{"b", nil, "a"}, "[b, NULL, a]"},
		{"ARRAY<DECIMAL(10, 2)>", []any{1.5, "2.50"}, "[1.5, 2.5]"},
		{"date", 3.0, "3 (float64)"},
	}
	for _, tt := range tests {
		got := normalise(tt.in, parseType(tt.typ)).text
		if tt.typ == "int" && tt.in == 7.5 {
			// not an integer: kept as the exact rational, so it differs from 7 or 8
			if got == "7" || got == "8" {
				t.Errorf("7.5 as int normalised to %q", got)
			}
			continue
		}
		if got != tt.want {
			t.Errorf("normalise(%v as %s) = %q, want %q", tt.in, tt.typ, got, tt.want)
		}
	}
}

func TestCompare(t *testing.T) {
	sparkCols := []Column{{"id", "string"}, {"amount", "decimal(10,2)"}, {"score", "double"}, {"ts", "timestamp"}}
	flinkCols := []Column{{"id", "STRING"}, {"amount", "DECIMAL(10, 2)"}, {"score", "DOUBLE"}, {"ts", "TIMESTAMP(3)"}}
	tests := []struct {
		name        string
		spark       [][]any
		flink       [][]any
		flinkCols   []Column
		key         []string
		equal       bool
		onlyS       [][]string
		onlyF       [][]string
		matched     int
		dups        int
		columnDiffs bool
	}{
		{
			name:    "same rows in another order, decimals and timestamps written differently",
			spark:   [][]any{{"a", "1.50", 0.3, "2024-01-01 10:00:00"}, {"b", "2.00", 1.0, nil}},
			flink:   [][]any{{"b", 2.0, 1.0, nil}, {"a", 1.5, 0.1 + 0.2, "2024-01-01T10:00:00.000"}},
			equal:   true,
			matched: 2,
		},
		{
			name:    "multiset: a duplicated row counts twice",
			spark:   [][]any{{"a", "1", 1.0, nil}, {"a", "1", 1.0, nil}},
			flink:   [][]any{{"a", "1", 1.0, nil}},
			onlyS:   [][]string{{"a", "1", "1", "NULL"}},
			matched: 1,
		},
		{
			name:    "float beyond the tolerance differs",
			spark:   [][]any{{"a", "1", 1.0, nil}},
			flink:   [][]any{{"a", "1", 1.0001, nil}},
			onlyS:   [][]string{{"a", "1", "1", "NULL"}},
			onlyF:   [][]string{{"a", "1", "1.0001", "NULL"}},
			matched: 0,
		},
		{
			name:    "decimal by value: 0.10 differs from 0.11",
			spark:   [][]any{{"a", "0.10", 1.0, nil}},
			flink:   [][]any{{"a", 0.11, 1.0, nil}},
			onlyS:   [][]string{{"a", "0.1", "1", "NULL"}},
			onlyF:   [][]string{{"a", "0.11", "1", "NULL"}},
			matched: 0,
		},
		{
			name:    "upsert: the last row per key is the table's state",
			spark:   [][]any{{"a", "2", 1.0, nil}},
			flink:   [][]any{{"a", "1", 1.0, nil}, {"a", "2", 1.0, nil}},
			key:     []string{"id"},
			equal:   true,
			matched: 1,
			dups:    1,
		},
		{
			name:    "upsert with a wrong key loses rows",
			spark:   [][]any{{"a", "1", 1.0, nil}, {"a", "2", 1.0, nil}},
			flink:   [][]any{{"a", "1", 1.0, nil}, {"a", "2", 1.0, nil}},
			key:     []string{"id"},
			onlyS:   [][]string{{"a", "1", "1", "NULL"}},
			matched: 1,
			dups:    1,
		},
		{
			name:        "a missing column is a difference",
			spark:       [][]any{{"a", "1", 1.0, nil}},
			flink:       [][]any{{"a", "1", 1.0}},
			flinkCols:   flinkCols[:3],
			columnDiffs: true,
			matched:     1,
		},
		{
			name:    "NULL is not an empty string",
			spark:   [][]any{{nil, "1", 1.0, nil}},
			flink:   [][]any{{"", "1", 1.0, nil}},
			onlyS:   [][]string{{"NULL", "1", "1", "NULL"}},
			onlyF:   [][]string{{"", "1", "1", "NULL"}},
			matched: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fc := flinkCols
			if tt.flinkCols != nil {
				fc = tt.flinkCols
			}
			d := Compare(&Rows{Columns: sparkCols, Data: tt.spark}, &Rows{Columns: fc, Data: tt.flink}, tt.key)
			if d.Equal() != tt.equal {
				t.Errorf("Equal() = %v, want %v: %+v", d.Equal(), tt.equal, d)
			}
			if !reflect.DeepEqual(d.OnlySpark, tt.onlyS) {
				t.Errorf("OnlySpark = %q, want %q", d.OnlySpark, tt.onlyS)
			}
			if !reflect.DeepEqual(d.OnlyFlink, tt.onlyF) {
				t.Errorf("OnlyFlink = %q, want %q", d.OnlyFlink, tt.onlyF)
			}
			if d.Matched != tt.matched || d.DuplicateKeys != tt.dups {
				t.Errorf("matched %d, duplicate keys %d; want %d, %d", d.Matched, d.DuplicateKeys, tt.matched, tt.dups)
			}
			if (d.ColumnDiff != "") != tt.columnDiffs {
				t.Errorf("ColumnDiff = %q", d.ColumnDiff)
			}
		})
	}
}

func TestSection(t *testing.T) {
	orig := []byte("<testsuites>\n  <testsuite name=\"x\"></testsuite>\n</testsuites>\n")
	once := withSection(orig, "  <testsuite name=\"verify\"></testsuite>\n", "</testsuites>")
	want := "<testsuites>\n  <testsuite name=\"x\"></testsuite>\n" + beginMark + "\n  <testsuite name=\"verify\"></testsuite>\n" + endMark + "\n</testsuites>\n"
	if string(once) != want {
		t.Fatalf("withSection:\n%s\nwant\n%s", once, want)
	}
	twice := withSection(once, "  <testsuite name=\"verify\"></testsuite>\n", "</testsuites>")
	if string(twice) != want {
		t.Errorf("a second write is not idempotent:\n%s", twice)
	}
	if got := StripSection(twice); string(got) != string(orig) {
		t.Errorf("StripSection:\n%s\nwant\n%s", got, orig)
	}
	md := withSection([]byte("# t\n"), "\n## Verify\n", "")
	if string(StripSection(md)) != "# t\n" {
		t.Errorf("StripSection(md) = %q", StripSection(md))
	}
}

func TestSideBySide(t *testing.T) {
	d := &Diff{Columns: []string{"id", "n"},
		OnlySpark: [][]string{{"a", "1"}, {"b", "2"}},
		OnlyFlink: [][]string{{"b", "3"}, {"c", "4"}}}
	got := sideBySide(d, "")
	want := `differing row 1 (2 only in Spark, 2 only in Flink), Spark | Flink:
  id  a  | -   <>
  n   1  | -   <>
differing row 2 (2 only in Spark, 2 only in Flink), Spark | Flink:
  id  b  | b
  n   2  | 3   <>
differing row 3 (2 only in Spark, 2 only in Flink), Spark | Flink:
  id  -  | c   <>
  n   -  | 4   <>
`
	if got != want {
		t.Errorf("sideBySide:\n%s\nwant\n%s", got, want)
	}
}
