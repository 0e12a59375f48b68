package verify

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func TestPinClock(t *testing.T) {
	tests := []struct {
		dialect token.Dialect
		in      string
		want    []string // substrings of the printed result
		n       int
	}{
		{token.Spark, "SELECT current_date(), CURRENT_DATE, curdate() FROM t", []string{"DATE '2024-06-15'"}, 3},
		{token.Spark, "SELECT now(), current_timestamp(), CURRENT_TIMESTAMP FROM t", []string{"TIMESTAMP '2024-06-15 12:00:00'"}, 3},
		{token.Spark, "SELECT unix_timestamp(), unix_timestamp(ts) FROM t", []string{"1718452800", "unix_timestamp(ts)"}, 1},
		{token.Spark, "SELECT DATEDIFF(CURRENT_DATE(), d) FROM t WHERE d > date_sub(current_date(), 90)", []string{"DATEDIFF(DATE '2024-06-15', d)", "date_sub(DATE '2024-06-15', 90)"}, 2},
		{token.Spark, "SELECT `current_date` FROM t", []string{"`current_date`"}, 0},
		{token.Flink, "INSERT INTO x SELECT TIMESTAMPDIFF(DAY, d, CURRENT_DATE) FROM t", []string{"TIMESTAMPDIFF(DAY, d, DATE '2024-06-15')"}, 1},
		{token.Flink, "INSERT INTO x SELECT CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP FROM t", []string{"TO_TIMESTAMP_LTZ(1718452800000, 3)", "TIMESTAMP '2024-06-15 12:00:00'"}, 3},
		{token.Flink, "INSERT INTO x SELECT UNIX_TIMESTAMP(), UNIX_TIMESTAMP('2024-01-01 00:00:00') FROM t", []string{"1718452800,", "UNIX_TIMESTAMP('2024-01-01 00:00:00')"}, 1},
	}
	for _, tt := range tests {
		f, diags := parser.ParseFile("t.sql", tt.in, tt.dialect)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tt.in, diags.Err())
		}
		n := PinClock(f.Stmts[0], tt.dialect, DefaultNow)
		got := printer.Print(f.Stmts[0], printer.Config{Dialect: tt.dialect})
		if n != tt.n {
			t.Errorf("%s: replaced %d, want %d:\n%s", tt.in, n, tt.n, got)
		}
		flat := strings.Join(strings.Fields(got), " ")
		for _, w := range tt.want {
			if !strings.Contains(flat, w) {
				t.Errorf("%s: printed\n%s\nwant it to contain %q", tt.in, got, w)
			}
		}
	}
}

func TestClockEdits(t *testing.T) {
	tests := []struct {
		dialect token.Dialect
		in      string
		want    string
	}{
		{token.Spark, "SELECT DATEDIFF(current_date ( ), d),\n  CURRENT_DATE, now() FROM t",
			"SELECT DATEDIFF(DATE '2024-06-15', d),\n  DATE '2024-06-15', TIMESTAMP '2024-06-15 12:00:00' FROM t"},
		{token.Spark, "-- current_date() in a comment stays\nSELECT 'current_date()' AS s, unix_timestamp() FROM t",
			"-- current_date() in a comment stays\nSELECT 'current_date()' AS s, 1718452800 FROM t"},
		{token.Flink, "INSERT INTO x SELECT TIMESTAMPDIFF(DAY, d, CURRENT_DATE), NOW() FROM t",
			"INSERT INTO x SELECT TIMESTAMPDIFF(DAY, d, DATE '2024-06-15'), TO_TIMESTAMP_LTZ(1718452800000, 3) FROM t"},
	}
	for _, tt := range tests {
		f, diags := parser.ParseFile("t.sql", tt.in, tt.dialect)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", tt.in, diags.Err())
		}
		got := ApplyEdits(tt.in, ClockEdits(f.Stmts[0], tt.in, tt.dialect, DefaultNow))
		if got != tt.want {
			t.Errorf("ClockEdits(%q):\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}
