package verify

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteReport: the verdicts land in report.md, junit.xml and
// verify.json of the folder, beside what migrate wrote there, and a second
// run replaces them instead of adding a second section.
func TestWriteReport(t *testing.T) {
	dir := t.TempDir()
	migrateMD := "# Migration report\n\nmigrate's text\n"
	migrateJUnit := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"translate\" tests=\"0\"></testsuite>\n</testsuites>\n"
	for name, data := range map[string]string{"report.md": migrateMD, "junit.xml": migrateJUnit} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &Report{Now: "2024-06-15T12:00:00Z", Tables: []*Verdict{
		{Table: "dim_a", Verdict: Equal, Diff: &Diff{Columns: []string{"id"}, SparkRows: 3, FlinkRows: 3, Matched: 3}},
		{Table: "fct_b", Verdict: Differs, Reason: "1 row only in Spark",
			Diff: &Diff{Columns: []string{"id"}, SparkRows: 2, FlinkRows: 1, Matched: 1, OnlySpark: [][]string{{"7"}}}},
		{Table: "vw_c", Verdict: NotRun, Reason: "Column 'x' not found", File: "dml.vw_c.sql:3:5"},
	}}
	for range 2 {
		if err := r.WriteReport(dir); err != nil {
			t.Fatal(err)
		}
	}

	md := read(t, filepath.Join(dir, "report.md"))
	if !strings.HasPrefix(md, migrateMD) || strings.Count(md, beginMark) != 1 {
		t.Errorf("report.md: migrate's text first, then one verify section:\n%s", md)
	}
	for _, want := range []string{"3 tables: 1 equal, 1 differ, 1 could not run", "| `dim_a` | **equal**: 3 rows |", "`dml.vw_c.sql:3:5`: Column 'x' not found"} {
		if !strings.Contains(md, want) {
			t.Errorf("report.md lacks %q:\n%s", want, md)
		}
	}

	var junit struct {
		Suites []struct {
			Name     string `xml:"name,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Cases    []struct {
				Class string    `xml:"classname,attr"`
				Fail  *struct{} `xml:"failure"`
				Err   *struct{} `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(read(t, filepath.Join(dir, "junit.xml"))), &junit); err != nil {
		t.Fatalf("junit.xml does not parse: %v", err)
	}
	if len(junit.Suites) != 2 || junit.Suites[0].Name != "translate" || junit.Suites[1].Name != "verify" {
		t.Fatalf("junit.xml suites: %+v, want migrate's then verify", junit.Suites)
	}
	v := junit.Suites[1]
	if v.Failures != 1 || v.Errors != 1 || len(v.Cases) != 3 || v.Cases[1].Fail == nil || v.Cases[2].Err == nil || v.Cases[0].Fail != nil {
		t.Errorf("verify suite: %+v", v)
	}

	var back Report
	if err := json.Unmarshal([]byte(read(t, filepath.Join(dir, JSONFile))), &back); err != nil {
		t.Fatalf("%s: %v", JSONFile, err)
	}
	if len(back.Tables) != 3 || back.Tables[1].Verdict != Differs || back.Tables[1].Diff.OnlySpark[0][0] != "7" || back.Now != r.Now {
		t.Errorf("%s does not hold the verdicts: %+v", JSONFile, back)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
