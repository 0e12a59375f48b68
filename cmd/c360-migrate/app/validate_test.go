package app

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

func TestValidateUsage(t *testing.T) {
	for _, args := range [][]string{
		{"validate"},
		{"validate", "a", "b"},
		{"validate", "--profile", "aws", "flink_out"},
	} {
		var out, errb bytes.Buffer
		if code := Run(context.Background(), args, nil, &out, &errb); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d (stderr %s)", args, code, ExitUsage, errb.String())
		}
	}
}

func TestValidateGatewayDown(t *testing.T) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--gateway", "http://127.0.0.1:1", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitInternal || !strings.Contains(errb.String(), "no Flink SQL Gateway at http://127.0.0.1:1") || !strings.Contains(errb.String(), "make flink-up") {
		t.Errorf("exit %d, stderr %q", code, errb.String())
	}
}

// TestValidateFlinkOut runs the command on the committed flink_out/ against
// the real gateway: the translation of spark_src dry-runs clean, so exit 0
// and a JSON report with every table and no finding.
func TestValidateFlinkOut(t *testing.T) {
	url := flinktest.Ensure(t)
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--gateway", url, "--json", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d, want %d; stderr %s\n%s", code, ExitOK, errb.String(), out.String())
	}
	var r struct {
		Tables   []json.RawMessage `json:"tables"`
		Findings []struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if len(r.Tables) != 22 || len(r.Findings) != 0 {
		t.Errorf("report: %d tables, findings %+v", len(r.Tables), r.Findings)
	}
}
