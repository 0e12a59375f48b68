package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// csvCase is one CSV read with a set of Spark options.
type csvCase struct {
	Name    string            `json:"name"`
	Path    string            `json:"path"`
	Options map[string]string `json:"options"`
}

// mockData is the c360 CSV folder, relative to this package.
const mockData = "../../../shared/data/c360_mock_data"

// csvCases lists the hand-made edge cases and every CSV of the mock data.
func csvCases(t testing.TB) []csvCase {
	cases := []csvCase{
		{Name: "basic", Path: "testdata/csv/basic.csv"},
		{Name: "basic-noinfer", Path: "testdata/csv/basic.csv", Options: map[string]string{"inferSchema": "false"}},
		{Name: "basic-noheader", Path: "testdata/csv/basic.csv", Options: map[string]string{"header": "false"}},
		{Name: "bom_crlf", Path: "testdata/csv/bom_crlf.csv"},
		{Name: "widen", Path: "testdata/csv/widen.csv"},
		{Name: "multiline", Path: "testdata/csv/multiline.csv", Options: map[string]string{"multiLine": "true"}},
		{Name: "header", Path: "testdata/csv/header.csv"},
		{Name: "dates", Path: "testdata/csv/dates.csv"},
		{Name: "dates-noprefer", Path: "testdata/csv/dates.csv", Options: map[string]string{"prefersDate": "false"}},
		{Name: "opts", Path: "testdata/csv/opts.csv", Options: map[string]string{"sep": ";", "nullValue": "NA", "dateFormat": "yyyy/MM/dd"}},
		{Name: "tsformat", Path: "testdata/csv/tsformat.csv", Options: map[string]string{"timestampFormat": "dd/MM/yyyy HH:mm"}},
		{Name: "quotes", Path: "testdata/csv/quotes.csv"},
	}
	var mock []string
	filepath.WalkDir(mockData, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".csv") {
			mock = append(mock, p)
		}
		return nil
	})
	sort.Strings(mock)
	if len(mock) == 0 && (*runSpark || *update) {
		t.Fatalf("no CSV files under %s", mockData)
	}
	for _, p := range mock {
		rel, _ := filepath.Rel(mockData, p)
		cases = append(cases, csvCase{Name: "c360/" + filepath.ToSlash(rel), Path: p})
	}
	return cases
}

// sparkCSV is csv_schema.py's answer for one case.
type sparkCSV struct {
	Columns [][]any `json:"columns"`
	Rows    [][]any `json:"rows"`
	Error   string  `json:"error"`
}

func (c csvCase) options() CSVOptions {
	m := map[string]string{"header": "true", "inferschema": "true"}
	for k, v := range c.Options {
		m[strings.ToLower(k)] = v
	}
	o := CSVOptionsFrom(m)
	o.Now = time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)
	return o
}

// TestInferCSVMatchesSpark compares InferCSV with Spark 3.5.8's CSV
// reader on every mock-data CSV and every edge case: column names, types
// and nullability, and every parsed cell.
func TestInferCSVMatchesSpark(t *testing.T) {
	cases := csvCases(t)
	raw := sparkAnswer(t, "spark_csv.json", func() []byte {
		manifest, _ := json.Marshal(cases)
		f := filepath.Join(t.TempDir(), "cases.json")
		if err := os.WriteFile(f, manifest, 0o644); err != nil {
			t.Fatal(err)
		}
		return runPython(t, "csv_schema.py", "--manifest", f)
	})
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var answers map[string]sparkCSV
	if err := dec.Decode(&answers); err != nil {
		t.Fatal(err)
	}
	var cols, colsOK int
	for _, c := range cases {
		want, ok := answers[c.Name]
		if !ok {
			if strings.HasPrefix(c.Name, "c360/") {
				t.Errorf("%s: no cached Spark answer (run go test -update)", c.Name)
			}
			continue
		}
		t.Run(c.Name, func(t *testing.T) {
			if want.Error != "" {
				t.Skipf("Spark could not read it: %s", want.Error)
			}
			got, err := InferCSV(c.Path, c.options())
			if err != nil {
				t.Fatal(err)
			}
			var gotCols, wantCols []string
			for _, col := range got.Columns {
				gotCols = append(gotCols, fmt.Sprintf("%s:%s:%v", col.Name, SimpleString(col.Spark), col.Nullable))
			}
			for _, w := range want.Columns {
				wantCols = append(wantCols, fmt.Sprintf("%v:%v:%v", w[0], w[1], w[2]))
			}
			cols += len(wantCols)
			for i := range wantCols {
				if i < len(gotCols) && gotCols[i] == wantCols[i] {
					colsOK++
				}
			}
			if strings.Join(gotCols, ", ") != strings.Join(wantCols, ", ") {
				t.Errorf("columns\n got %s\nwant %s", strings.Join(gotCols, ", "), strings.Join(wantCols, ", "))
			}
			if len(got.Rows) != len(want.Rows) {
				t.Fatalf("%d rows, Spark has %d", len(got.Rows), len(want.Rows))
			}
			for i, wr := range want.Rows {
				for j, wv := range wr {
					if j >= len(got.Rows[i]) {
						t.Errorf("row %d: %d cells, Spark has %d", i+1, len(got.Rows[i]), len(wr))
						break
					}
					if g := got.Rows[i][j]; !sameCell(g, wv) {
						t.Errorf("row %d %s: got %v (%s), Spark %v", i+1, got.Columns[j].Name, g, g.String(), wv)
					}
				}
			}
		})
	}
	t.Logf("%d of %d CSV columns match Spark", colsOK, cols)
}

// sameCell compares a parsed cell with Spark's JSON value.
func sameCell(v Value, spark any) bool {
	if spark == nil {
		return v.IsNull()
	}
	switch v.Kind {
	case FloatValue:
		var f float64
		switch s := spark.(type) {
		case json.Number:
			f, _ = strconv.ParseFloat(string(s), 64)
		case string:
			switch s {
			case "nan":
				return math.IsNaN(v.Float)
			case "inf":
				return math.IsInf(v.Float, 1)
			case "-inf":
				return math.IsInf(v.Float, -1)
			}
			return false
		}
		return f == v.Float
	case BoolValue:
		b, ok := spark.(bool)
		return ok && b == v.Bool
	case NullValue:
		return false
	}
	return fmt.Sprint(spark) == v.String()
}

func TestCSVOptionsFrom(t *testing.T) {
	o := CSVOptionsFrom(map[string]string{"path": "x.csv", "header": "TRUE", "inferSchema": "true", "sep": "\\t",
		"nullValue": "NA", "encoding": "latin1", "prefersDate": "false"})
	if !o.Header || !o.InferSchema || o.Delimiter != `\t` || o.NullValue != "NA" || !o.NoPreferDate {
		t.Errorf("options: %+v", o)
	}
	if len(o.Ignored) != 1 || o.Ignored[0] != "encoding" {
		t.Errorf("ignored: %v", o.Ignored)
	}
}

// TestInferFieldRules pins single steps of the inference, one row per rule.
func TestInferFieldRules(t *testing.T) {
	inf := newInferrer(CSVOptions{Now: time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC)})
	rows := []struct {
		soFar, value, want string
	}{
		{"void", "1", "int"},
		{"void", "-2147483648", "int"},
		{"void", "2147483648", "bigint"},
		{"void", "12345678901234567890", "decimal(20,0)"},
		{"void", "123456789012345678901234567890123456789", "double"},
		{"void", "1.5", "double"},
		{"void", "1e10", "double"},
		{"void", "1.5d", "double"},
		{"void", "NaN", "double"},
		{"void", "Inf", "double"},
		{"void", " 5", "double"},
		{"void", "007", "int"},
		{"void", "1,000", "decimal(4,0)"},
		{"void", "2024-01-01", "date"},
		{"void", "2024-1-1", "timestamp"},
		{"void", "2024-01-01 10:30:00", "timestamp"},
		{"void", "2024-01-01T10:30:00Z", "timestamp"},
		{"void", "2024-02-30", "string"},
		{"void", "true", "boolean"},
		{"void", "FALSE", "boolean"},
		{"void", "yes", "string"},
		{"int", "3000000000", "bigint"},
		{"int", "2.5", "double"},
		{"int", "x", "string"},
		{"int", "true", "string"},
		{"bigint", "12345678901234567890", "decimal(20,0)"},
		{"decimal(20,0)", "1", "decimal(20,0)"},
		{"decimal(20,0)", "1.5", "double"},
		{"double", "7", "double"},
		{"date", "2024-01-01 10:00:00", "timestamp"},
		{"timestamp", "2024-01-01", "timestamp"},
		{"timestamp", "12345", "timestamp"},
		{"date", "5", "string"},
		{"boolean", "1", "string"},
		{"int", "", "int"},
		{"string", "1", "string"},
	}
	for _, r := range rows {
		typ := typeFromSimple(t, r.soFar)
		got := SimpleString(inf.inferField(typ, field{s: r.value}))
		if got != r.want {
			t.Errorf("inferField(%s, %q) = %s, want %s", r.soFar, r.value, got, r.want)
		}
	}
}

// typeFromSimple parses a simpleString type name used in the tests.
func typeFromSimple(t *testing.T, s string) *ast.Type {
	t.Helper()
	if s == "void" {
		return VoidType()
	}
	typ, err := parser.ParseType(s, token.Spark)
	if err != nil {
		t.Fatalf("type %s: %v", s, err)
	}
	return Canon(typ)
}
