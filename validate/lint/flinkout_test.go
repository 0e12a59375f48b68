package lint_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// knownErrors are the error findings the translator is known to produce on
// spark_src, by file (relative to flink_out/pipelines) and rule. Any other
// error on the committed flink_out fails the test: either the translator
// regressed or a rule misfires.
var knownErrors = map[string][]string{
	// Spark's ROW_NUMBER/LAG/SUM ... OVER (ORDER BY transaction_ts,
	// transaction_id) are kept as OVER windows; transaction_ts is not a time
	// attribute and the order has two keys, and src_c360_transactions is a
	// retract table (a deduplication keeping the last row), so Flink's
	// planner rejects them twice over.
	"intermediates/c360/int_customer_purchase_sequence/sql-scripts/dml.int_c360_customer_purchase_sequence.sql": {lint.OverOrder, lint.OverUpdating},
}

func TestCommittedFlinkOut(t *testing.T) {
	out := filepath.Join("..", "..", "flink_out")
	for _, profile := range []string{"", lint.Confluent} {
		rep, err := lint.LintDir(out, profile)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Profile != lint.Confluent || rep.Tables == 0 {
			t.Fatalf("profile %q, %d tables: want the inventory's confluent profile and its tables", rep.Profile, rep.Tables)
		}
		t.Log(rep.Summary())
		for _, d := range rep.Findings {
			rel, _ := filepath.Rel(filepath.Join(out, "pipelines"), d.File)
			rel = filepath.ToSlash(rel)
			if d.Severity == diag.Error && !slices.Contains(knownErrors[rel], d.Rule) {
				t.Errorf("unexpected error on flink_out: %s", d)
			}
			if strings.HasPrefix(d.Rule, "syntax.") || d.Rule == lint.OSSOnly || d.Rule == lint.MissingSinkDDL {
				t.Errorf("the translator's output should not have: %s", d)
			}
		}
	}
}
