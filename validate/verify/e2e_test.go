package verify

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// repoRoot is the repository's root, two folders up.
func repoRoot(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestVerifyC360 runs verify on spark_src against the committed flink_out
// with real Spark (pyspark installed by venv.sh when missing) and the local
// Flink SQL Gateway, and asserts each table's verdict. Then it alters one
// DML in a copy of flink_out and checks that verify reports that table,
// and only the tables that read it, as different.
func TestVerifyC360(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Spark and Flink")
	}
	url := flinktest.Ensure(t)
	root := repoRoot(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	spark, flink := filepath.Join(root, "spark_src"), filepath.Join(root, "flink_out")
	opts := Options{SparkEnv: filepath.Join(root, "validate", "sparkenv"), DataDirs: []string{root}}
	r, err := Run(ctx, gateway.New(url, nil), spark, flink, opts)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	r.WriteText(&text)
	t.Log("\n" + text.String())
	if len(r.Tables) != 22 {
		t.Errorf("%d verdicts, want one per table (22)", len(r.Tables))
	}
	for _, v := range r.Tables {
		if v.Verdict != Equal {
			t.Errorf("%s: %s: %s", v.Table, v.Verdict, v.Reason)
		}
		if v.Diff == nil || v.Diff.SparkRows == 0 {
			t.Errorf("%s: compared no rows", v.Table)
		}
		if (v.Status == "needs-llm") != strings.Contains(v.Note, "not deployable") {
			t.Errorf("%s (status %s): note %q", v.Table, v.Status, v.Note)
		}
	}
	if r.Pinned == 0 {
		t.Error("no clock expression pinned on the Spark side")
	}

	// A copy of flink_out whose products_without_stock keeps the products
	// that do have stock: verify must say it differs.
	mutated := filepath.Join(t.TempDir(), "flink_out")
	if err := os.CopyFS(mutated, os.DirFS(flink)); err != nil {
		t.Fatal(err)
	}
	dml := filepath.Join(mutated, "pipelines/views/c360/products_without_stock/sql-scripts/dml.products_without_stock.sql")
	data, err := os.ReadFile(dml)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "NOT EXISTS") {
		t.Fatalf("%s: no NOT EXISTS to alter:\n%s", dml, data)
	}
	if err := os.WriteFile(dml, []byte(strings.Replace(string(data), "NOT EXISTS", "EXISTS", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	// and customers_with_open_tickets reads a column that does not exist:
	// it could not run, at the line of the file.
	dml2 := filepath.Join(mutated, "pipelines/views/c360/customers_with_open_tickets/sql-scripts/dml.customers_with_open_tickets.sql")
	data, err = os.ReadFile(dml2)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "  c.phone,\n") {
		t.Fatalf("%s: no c.phone line to alter:\n%s", dml2, data)
	}
	if err := os.WriteFile(dml2, []byte(strings.Replace(string(data), "  c.phone,\n", "  c.no_such_column,\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.sparkTables = r.sparkTables
	m, err := Run(ctx, gateway.New(url, nil), spark, mutated, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range m.Tables {
		want := Equal
		switch v.Table {
		case "products_without_stock":
			want = Differs
		case "customers_with_open_tickets":
			want = NotRun
			if !strings.HasSuffix(v.File, "dml.customers_with_open_tickets.sql:6:5") || !strings.Contains(v.Reason, "no_such_column") {
				t.Errorf("altered copy: %s: could not run at %q: %s; want the file's line 6, column 5 and the column named", v.Table, v.File, v.Reason)
			}
		}
		if v.Verdict != want {
			t.Errorf("altered copy: %s: %s (%s), want %s", v.Table, v.Verdict, v.Reason, want)
		}
		if v.Verdict == Differs && (len(v.Diff.OnlySpark) == 0 || len(v.Diff.OnlyFlink) == 0) {
			t.Errorf("altered copy: %s differs without rows on both sides: %+v", v.Table, v.Diff)
		}
	}
	text.Reset()
	m.WriteText(&text)
	if !regexp.MustCompile(`(?m)^differs +products_without_stock +Spark 12 rows, Flink 12 rows, 0 equal`).MatchString(text.String()) || !strings.Contains(text.String(), "Spark | Flink:") {
		t.Errorf("the text report does not show the difference:\n%s", text.String())
	}
}
