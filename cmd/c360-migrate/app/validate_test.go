package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/confluent"
	"github.com/c360-migrate/c360-migrate/validate/confluent/confluenttest"
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

// The --confluent tests run against confluenttest, a local fake of the
// Confluent Cloud statements API: the real Confluent Cloud cannot be
// reached from the test machines.

// confluentEnv points the Confluent settings at the fake (and clears any
// the environment has).
func confluentEnv(t *testing.T, f *confluenttest.Fake) {
	t.Helper()
	for _, k := range []string{confluent.EnvCloud, confluent.EnvRegion, confluent.EnvPrincipal, confluent.EnvStatementPref} {
		t.Setenv(k, "")
	}
	for k, v := range f.EnvVars() {
		t.Setenv(k, v)
	}
}

func TestValidateConfluent(t *testing.T) {
	f := confluenttest.New(t)
	confluentEnv(t, f)
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--confluent", "--json", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr %s\n%s", code, errb.String(), out.String())
	}
	var r struct {
		Gateway  string            `json:"gateway"`
		Tables   []json.RawMessage `json:"tables"`
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if r.Gateway != f.URL || len(r.Tables) != 22 || len(r.Findings) != 0 || len(f.Created()) == 0 || len(f.Live()) != 0 {
		t.Errorf("report %s: %d tables, findings %s; created %d, live %v", r.Gateway, len(r.Tables), r.Findings, len(f.Created()), f.Live())
	}
	if strings.Contains(out.String()+errb.String(), f.Secret) {
		t.Error("the API secret was printed")
	}
}

func TestValidateConfluentFindings(t *testing.T) {
	f := confluenttest.New(t)
	f.Fail = func(sql string) string {
		return "SQL validation failed. Error from line 2, column 1 to line 2, column 6.\n\nCaused by: boom"
	}
	confluentEnv(t, f)
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--confluent", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitInputErrors || !strings.Contains(out.String(), ": error: [dml] boom") ||
		!strings.Contains(errb.String(), "confluent: submit c360-dryrun-") || !strings.Contains(errb.String(), "confluent: deleted c360-dryrun-") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out.String(), errb.String())
	}
	if len(f.Live()) != 0 || strings.Contains(out.String()+errb.String(), f.Secret) {
		t.Errorf("live %v, or the secret was printed", f.Live())
	}
}

func TestValidateConfluentErrors(t *testing.T) {
	f := confluenttest.New(t)
	confluentEnv(t, f)
	t.Setenv(confluent.EnvAPISecret, "wrong-Secret-4242")
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--confluent", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitInternal || !strings.Contains(errb.String(), "Confluent Cloud rejected the API key for "+f.URL) ||
		!strings.Contains(errb.String(), "CONFLUENT_FLINK_API_KEY") || strings.Contains(out.String()+errb.String(), "wrong-Secret-4242") {
		t.Errorf("401: exit %d, stderr %q", code, errb.String())
	}

	for k := range f.EnvVars() {
		t.Setenv(k, "")
	}
	out.Reset()
	errb.Reset()
	code = Run(context.Background(), []string{"validate", "--confluent", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitUsage || !strings.Contains(errb.String(), "CONFLUENT_FLINK_API_SECRET (config key api_secret)") {
		t.Errorf("missing settings: exit %d, stderr %q", code, errb.String())
	}

	out.Reset()
	errb.Reset()
	code = Run(context.Background(), []string{"validate", "--confluent", "--gateway", "http://x", "../../../flink_out"}, nil, &out, &errb)
	if code != ExitUsage {
		t.Errorf("--confluent --gateway: exit %d, stderr %q", code, errb.String())
	}
}

func TestValidateConfluentConfigFile(t *testing.T) {
	f := confluenttest.New(t)
	confluentEnv(t, f)
	for k := range f.EnvVars() {
		t.Setenv(k, "")
	}
	t.Setenv(confluent.EnvAPISecret, f.Secret) // the secret from the environment, the rest from the file
	file := filepath.Join(t.TempDir(), "confluent.yaml")
	yaml := "organization_id: " + f.Org + "\nenvironment_id: " + f.Env + "\ncompute_pool_id: lfcp-test01\nendpoint: " + f.URL +
		"\ncatalog: dev-env\ndatabase: dev-cluster\napi_key: " + f.Key + "\nstatement_prefix: ci\n"
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := Run(context.Background(), []string{"validate", "--confluent-config", file, "../../../flink_out"}, nil, &out, &errb)
	if code != ExitOK || !strings.HasPrefix(f.Created()[0], "ci-dryrun-") || len(f.Live()) != 0 {
		t.Errorf("exit %d, created %v\nstderr %s", code, f.Created(), errb.String())
	}
	if !strings.Contains(out.String(), "skipped") || !strings.Contains(out.String(), "Confluent Cloud") {
		t.Errorf("stdout %s", out.String())
	}
}
