package migrate

import (
	"os"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/rules"
	"github.com/c360-migrate/c360-migrate/translate/syntax"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// repoRoot is where spark_src refers to its CSV inputs from.
var repoRoot = filepath.Join("..", "..")

func haveSharedData() bool {
	_, err := os.Stat(filepath.Join(repoRoot, "..", "shared", "data", "c360_mock_data"))
	return err == nil
}

func runC360(tb testing.TB) *result.Run {
	tb.Helper()
	run, err := Run(filepath.Join(repoRoot, "spark_src"), Options{Product: "c360", DataDirs: []string{repoRoot}})
	if err != nil {
		tb.Fatal(err)
	}
	return run
}

// TestC360GeneratedSQLParses checks the target: every generated
// statement of spark_src parses with our own Flink parser.
func TestC360GeneratedSQLParses(t *testing.T) {
	if !haveSharedData() {
		t.Skip("../shared/data is not beside the repository")
	}
	run := runC360(t)
	if len(run.Diags) > 0 {
		t.Fatalf("project diagnostics: %v", run.Diags)
	}
	for _, tb := range run.Tables {
		check := func(kind, sql string) {
			if _, errs := parser.ParseFile(tb.FlinkName+"."+kind, sql, token.Flink); len(errs) > 0 {
				t.Errorf("%s %s does not parse as Flink SQL: %v\n%s", tb.FlinkName, kind, errs, sql)
			}
		}
		check("ddl", tb.DDL)
		check("dml", tb.DML)
		for _, r := range tb.Raw {
			check(r.Name+".ddl", r.DDL)
			check(r.Name+".insert", r.Insert)
		}
	}
}

// TestC360Statuses pins what the rules alone achieve on spark_src, so a
// regression (or an improvement) is seen.
func TestC360Statuses(t *testing.T) {
	if !haveSharedData() {
		t.Skip("../shared/data is not beside the repository")
	}
	run := runC360(t)
	var needs []string
	for _, tb := range run.Tables {
		if tb.Status != result.Translated {
			needs = append(needs, tb.SparkName+":"+string(tb.Status))
		}
		if tb.Changelog == result.Upsert && len(tb.Key) == 0 {
			t.Errorf("%s is an upsert table without a key", tb.SparkName)
		}
	}
	if got := strings.Join(needs, ","); got != "" {
		t.Errorf("tables not translated by rules alone: %q", got)
	}
	if len(run.Tables) != 22 {
		t.Errorf("%d tables, want 22", len(run.Tables))
	}
}

// BenchmarkMigrateC360 measures translating the whole spark_src project
// (load, parse, model, rules, analysis, DDL; no writing). Target: < 50 ms.
func BenchmarkMigrateC360(b *testing.B) {
	if !haveSharedData() {
		b.Skip("../shared/data is not beside the repository")
	}
	stmts := 0
	for b.Loop() {
		run := runC360(b)
		stmts = 0
		for _, t := range run.Tables {
			stmts += len(strings.Split(t.DML, ";")) - 1
		}
	}
	b.ReportMetric(float64(33*b.N)/b.Elapsed().Seconds(), "spark-stmts/s")
}

// BenchmarkTranslateStatements measures the per-statement translation
// (parse, query rules, expression rules, Flink printing) over the Spark
// statement corpus. Target: at least 5,000 statements/s on one core.
func BenchmarkTranslateStatements(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(repoRoot, "translate", "parser", "testdata", "corpus", "spark", "*.sql"))
	var srcs []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, string(data))
	}
	n := 0
	for b.Loop() {
		n = 0
		for _, src := range srcs {
			f, _ := parser.ParseFile("bench.sql", src, token.Spark)
			for _, s := range f.Stmts {
				translateStatement(s)
				n++
			}
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "stmts/s")
}

// translateStatement applies the query and expression rules to one
// statement outside any project (no table renames, no key analysis) and
// prints it as Flink SQL, with what the rules reported.
func translateStatement(s ast.Stmt) (string, diag.List) {
	var notes diag.List
	applied := map[string]int{}
	var q *ast.Query
	switch st := s.(type) {
	case *ast.SelectStmt:
		q = st.Query
	case *ast.InsertStmt:
		q = st.Query
	case *ast.CreateView:
		q = st.Query
	case *ast.CreateTable:
		q = st.Query
	}
	if q != nil {
		syntax.Translate(&syntax.Context{Notes: &notes, Residue: &notes, Applied: applied}, q, false)
	}
	rctx := &rules.Context{Diags: &notes, Applied: applied}
	rules.TranslateExprs(rctx, s)
	return printer.Print(s, flinkPrint), notes
}

// TestJobsSameResult: translating spark_src with one worker and with
// several gives the same tables, statement for statement (run with -race).
func TestJobsSameResult(t *testing.T) {
	if !haveSharedData() {
		t.Skip("../shared/data is not beside the repository")
	}
	dump := func(jobs int) string {
		run, err := Run(filepath.Join(repoRoot, "spark_src"), Options{Product: "c360", DataDirs: []string{repoRoot}, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, tb := range run.Tables {
			b.WriteString(tb.FlinkName + " " + string(tb.Status) + " " + tb.Changelog + " " + strings.Join(tb.Key, ",") + " " + tb.InputHash + "\n")
			b.WriteString(tb.DDL + tb.DML)
			for _, r := range tb.Raw {
				b.WriteString(r.DDL + r.Insert)
			}
			for _, d := range append(append(diag.List{}, tb.Residue...), tb.Notes...) {
				b.WriteString(d.Error() + "\n")
			}
		}
		return b.String()
	}
	want := dump(1)
	for _, jobs := range []int{2, 4, 16} {
		if got := dump(jobs); got != want {
			t.Errorf("--jobs %d differs from --jobs 1", jobs)
		}
	}
}
