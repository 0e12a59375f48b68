package emit

import (
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
)

// TestResidueSummary: the banner and tracking.md say which step left each
// problem; lint and dry-run findings are not "Spark constructs".
func TestResidueSummary(t *testing.T) {
	f := func(rules ...string) []*diag.Diagnostic {
		var out []*diag.Diagnostic
		for _, r := range rules {
			out = append(out, &diag.Diagnostic{Rule: r})
		}
		return out
	}
	tests := []struct {
		residue []*diag.Diagnostic
		want    string
	}{
		{f("residue.function"), "1 Spark construct has no translation rule"},
		{f("residue.function", "syntax.spark-only"), "2 Spark constructs have no translation rule"},
		{f("lint.over-order", "lint.over-order"), "2 problems remain: 2 streaming-lint errors in the Flink text"},
		{f("residue.type", "lint.upsert-key", "dryrun.dml"), "3 problems remain: 1 Spark construct with no translation rule, 1 streaming-lint error in the Flink text, 1 error of the dry run on Flink"},
		{f("dryrun.ddl"), "1 problem remains: 1 error of the dry run on Flink"},
	}
	for _, tt := range tests {
		if got := residueSummary(tt.residue); got != tt.want {
			t.Errorf("got  %q\nwant %q", got, tt.want)
		}
	}
}
