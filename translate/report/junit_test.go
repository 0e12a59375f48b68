package report_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/report"
)

// TestJUnit checks the parts CI test views rely on: well-formed XML, a
// suite per layer, a case per table and step, failures with file:line:col.
func TestJUnit(t *testing.T) {
	data, err := report.JUnit(dryRunRun())
	if err != nil {
		t.Fatal(err)
	}
	var doc report.JUnitSuites
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("junit.xml is not well-formed: %v\n%s", err, data)
	}
	var suites []string
	cases := map[string]report.JUnitCase{}
	for _, s := range doc.Suites {
		suites = append(suites, s.Name)
		for _, c := range s.Cases {
			cases[c.Classname+"/"+c.Name] = c
		}
	}
	if got := strings.Join(suites, ","); got != "project,sources,dimensions,views" {
		t.Errorf("suites = %s", got)
	}
	if doc.Tests != 1+3*3 {
		t.Errorf("tests = %d, want 10", doc.Tests)
	}
	f := cases["c360_dim_customers/translate"].Failure
	if f == nil || !strings.Contains(f.Text, "dimensions/dim_customers.sql:7:3: error [func.transform]") {
		t.Errorf("needs-llm translate failure = %+v", f)
	}
	if s := cases["c360_dim_customers/dry-run"].Skipped; s == nil {
		t.Errorf("an incomplete table's dry run should be skipped")
	}
	var view string
	for k := range cases {
		if strings.HasSuffix(k, "/dry-run") && cases[k].Failure != nil {
			view = k
		}
	}
	if view == "" || !strings.Contains(cases[view].Failure.Text, "dml.customer_summary.sql:3:8: error [dryrun.explain]") {
		t.Errorf("dry-run failure missing: %q", view)
	}

	// Without the dry run: no dry-run cases, and stripping them from a
	// dry-run junit.xml gives the same bytes as a run that never dry-ran.
	run := dryRunRun()
	run.DryRun = ""
	plain, err := report.JUnit(run)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), `name="dry-run"`) {
		t.Errorf("dry-run cases without a dry run:\n%s", plain)
	}
	stripped, err := report.JUnitWithoutDryRun(data)
	if err != nil {
		t.Fatal(err)
	}
	if string(stripped) != string(plain) {
		t.Errorf("stripped:\n%s\nplain:\n%s", stripped, plain)
	}
}
