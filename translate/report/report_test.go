package report_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/report"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// runs are the report's test cases; each has golden files
// testdata/<name>/{summary.txt,report.md,report.json,junit.xml,PULL_REQUEST.md}.
var runs = []struct {
	name string
	run  func() *result.Run
}{
	{"sample", emittest.Run},
	{"empty", func() *result.Run { return &result.Run{Product: "c360", Profile: "oss"} }},
	{"all-translated", func() *result.Run {
		r := emittest.Run()
		r.Tables[1].Status = result.Translated
		r.Tables[1].Residue = nil
		r.Diags = nil
		return r
	}},
	{"failed", func() *result.Run {
		r := emittest.Run()
		r.Tables[2].Status = result.Failed
		r.Tables[2].DML = ""
		r.Tables[2].Rules = nil
		return r
	}},
	{"dry-run", dryRunRun},
	{"llm", emittest.LLMRun},
}

// dryRunRun is the sample run after a dry run that rejected the view.
func dryRunRun() *result.Run {
	r := emittest.Run()
	r.DryRun = "Flink 2.1.1"
	v := r.Tables[2]
	v.Status = result.NeedsLLM
	v.Residue = append(v.Residue, &diag.Diagnostic{
		Position: token.Position{File: "pipelines/views/c360/customer_summary/sql-scripts/dml.customer_summary.sql", Pos: token.Pos{Line: 3, Col: 8}},
		Severity: diag.Error, Rule: "dryrun.explain", Msg: "Flink rejects it: Column 'x' not found",
	})
	return r
}

func outputs(t *testing.T, run *result.Run) map[string][]byte {
	t.Helper()
	js, err := report.JSON(run)
	if err != nil {
		t.Fatal(err)
	}
	junit, err := report.JUnit(run)
	if err != nil {
		t.Fatal(err)
	}
	return map[string][]byte{
		"summary.txt": []byte(report.Summary(run)),
		"report.md":   []byte(report.Markdown(run)),
		"report.json": js,
		"junit.xml":   junit,
		"PULL_REQUEST.md": []byte(report.PullRequest(run, report.PROptions{
			Command: "c360-migrate migrate --branch migrate/c360 spark_src", Out: "flink_out",
		})),
	}
}

func TestGolden(t *testing.T) {
	for _, c := range runs {
		t.Run(c.name, func(t *testing.T) {
			for name, got := range outputs(t, c.run()) {
				path := filepath.Join("testdata", c.name, name)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != string(want) {
					t.Errorf("%s differs from the golden file (run go test -update to accept)\n--- got\n%s\n--- want\n%s", path, got, want)
				}
			}
		})
	}
}

// TestDeterministic renders each run many times: map order must never show.
func TestDeterministic(t *testing.T) {
	for _, c := range runs {
		first := outputs(t, c.run())
		for i := 0; i < 20; i++ {
			for name, got := range outputs(t, c.run()) {
				if string(got) != string(first[name]) {
					t.Fatalf("%s/%s differs between two renderings", c.name, name)
				}
			}
		}
	}
}

// TestSummary pins the parts of the summary the CLI's users rely on.
func TestSummary(t *testing.T) {
	cases := []struct {
		name     string
		run      *result.Run
		want     []string
		wantNone []string
	}{
		{"sample", emittest.Run(), []string{
			"3 tables: 2 translated, 1 needs-llm\n",
			"rules applied: 7 rewrites by 6 rules: type.string ×2, dedup.source ×1, func.current-date ×1, func.datediff ×1, raw.csv-view ×1, and 1 more\n",
			"residue: 2 findings: dimensions/dim_customers.sql:7:3 [func.transform], dimensions/dim_customers.sql:7:13 [func.collect_list]\n",
			"streaming notes: 4 (3 warnings)\n",
			"hint: 1 table needs the LLM (c360_dim_customers): start Ollama and run again",
		}, nil},
		{"nil run", nil, []string{"0 tables\n", "rules applied: none\n", "residue: none\n", "streaming notes: 0\n"}, []string{"hint:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := report.Summary(c.run)
			for _, w := range c.want {
				if !strings.Contains(s, w) {
					t.Errorf("summary lacks %q:\n%s", w, s)
				}
			}
			for _, w := range c.wantNone {
				if strings.Contains(s, w) {
					t.Errorf("summary has %q:\n%s", w, s)
				}
			}
		})
	}
}

// TestNeedsLLMVisible: a needs-llm table is marked in every output.
func TestNeedsLLMVisible(t *testing.T) {
	run := emittest.Run()
	md := report.Markdown(run)
	if !strings.Contains(md, "| dimensions | dim_customers | c360_dim_customers | **needs-llm** (DML NOT complete) |") {
		t.Errorf("report.md row does not mark the needs-llm table:\n%s", md)
	}
	for _, pos := range []string{"dimensions/dim_customers.sql:7:3", "dimensions/dim_customers.sql:7:13"} {
		if !strings.Contains(md, "`"+pos+"`") {
			t.Errorf("report.md lacks residue position %s", pos)
		}
	}
	js, err := report.JSON(run)
	if err != nil {
		t.Fatal(err)
	}
	var r report.JSONReport
	if err := json.Unmarshal(js, &r); err != nil {
		t.Fatal(err)
	}
	if got := r.Tables[1]; got.Status != "needs-llm" || got.Complete || len(got.Residue) != 2 {
		t.Errorf("report.json table = %+v, want needs-llm, not complete, 2 residue", got)
	}
	if len(r.Totals.NeedsLLM) != 1 || r.Totals.ByStatus["needs-llm"] != 1 {
		t.Errorf("report.json totals = %+v", r.Totals)
	}
}
