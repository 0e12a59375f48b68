// The tests run against confluenttest, a local fake of the Confluent Cloud
// statements API built from its documentation: the real Confluent Cloud
// cannot be reached from the machines these tests run on, so nothing here
// proves the client against the live service.
package confluent_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/confluent"
	"github.com/c360-migrate/c360-migrate/validate/confluent/confluenttest"
)

// fast makes a client for the fake with short polls and backoffs.
func fast(f *confluenttest.Fake) *confluent.Client {
	c := confluent.New(f.Config(), nil)
	c.PollInterval, c.PollMax = time.Millisecond, 5*time.Millisecond
	c.BackoffBase, c.BackoffMax = time.Millisecond, 5*time.Millisecond
	c.RequestTimeout = 5 * time.Second
	c.StatementTimeout = 10 * time.Second
	return c
}

func TestLoadConfig(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "confluent.yaml")
	yaml := "organization_id: org-1\nenvironment_id: env-file\ncompute_pool_id: lfcp-1\ncloud: AWS\nregion: us-east-1\n" +
		"catalog: dev\ndatabase: cluster_0\napi_key: KEYFILE\napi_secret: file-secret-xyz\n"
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{confluent.EnvEnvironment: "env-override", confluent.EnvAPISecret: "env-secret-abc"}
	cfg, err := confluent.LoadConfig(file, func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.EnvironmentID != "env-override" || cfg.APISecret.Reveal() != "env-secret-abc" || cfg.APIKey != "KEYFILE" {
		t.Errorf("environment variables must win over the file: %+v", cfg)
	}
	if got, want := cfg.BaseURL(), "https://flink.us-east-1.aws.confluent.cloud"; got != want {
		t.Errorf("BaseURL %q, want %q", got, want)
	}
	if p := cfg.Properties(); p["sql.current-catalog"] != "dev" || p["sql.current-database"] != "cluster_0" {
		t.Errorf("properties %v", p)
	}
	// The secret prints redacted whatever the verb.
	js, _ := json.Marshal(cfg)
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%#v", cfg), fmt.Sprintf("%s %q %x", cfg.APISecret, cfg.APISecret, cfg.APISecret), string(js)} {
		if strings.Contains(s, "env-secret-abc") {
			t.Errorf("secret printed: %s", s)
		}
	}
	if !strings.Contains(string(js), "[REDACTED]") {
		t.Errorf("JSON %s", js)
	}

	// Unknown keys and missing settings are named.
	if err := os.WriteFile(file, []byte("api_secrt: x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := confluent.LoadConfig(file, nil); err == nil || !strings.Contains(err.Error(), "api_secrt") {
		t.Errorf("unknown key: %v", err)
	}
	_, err = confluent.LoadConfig("", func(string) string { return "" })
	for _, v := range []string{confluent.EnvAPIKey, confluent.EnvAPISecret, confluent.EnvOrganization, confluent.EnvEnvironment,
		confluent.EnvCloud, confluent.EnvRegion, confluent.EnvCatalog, confluent.EnvDatabase} {
		if err == nil || !strings.Contains(err.Error(), v) {
			t.Errorf("missing %s not named: %v", v, err)
		}
	}
}

func TestStatementName(t *testing.T) {
	f := confluenttest.New(t)
	c := fast(f)
	re := regexp.MustCompile(`^c360-dryrun-c360-fct-orders-[a-z0-9]{6}$`)
	a, b := c.StatementName("c360_fct_Orders"), c.StatementName("c360_fct_Orders")
	if !re.MatchString(a) || a == b {
		t.Errorf("names %q %q", a, b)
	}
	long := c.StatementName(strings.Repeat("very_long_table_name_", 20) + "_")
	if len(long) > confluent.MaxNameLen || confluent.CheckName(long) != nil {
		t.Errorf("long name %q (%d)", long, len(long))
	}
	for _, bad := range []string{"Upper", "under_score", "-lead", "trail-", ""} {
		if confluent.CheckName(bad) == nil {
			t.Errorf("CheckName(%q) accepted", bad)
		}
	}
}

// TestRunLifecycle: create → PENDING → RUNNING → COMPLETED, then the
// results read over several pages.
func TestRunLifecycle(t *testing.T) {
	f := confluenttest.New(t)
	f.PendingPolls, f.RunningPolls, f.PageSize = 2, 2, 2
	c := fast(f)
	sql := "EXPLAIN\nINSERT INTO t SELECT * FROM s;"
	res, err := c.Run(context.Background(), "c360-dryrun-t-abc123", sql)
	if err != nil {
		t.Fatal(err)
	}
	if res.Phase != confluent.Completed || res.Text() != confluenttest.Plan(sql) || len(res.Rows) < 5 {
		t.Errorf("result %+v, text %q", res, res.Text())
	}
	bodies := f.Bodies()
	if len(bodies) != 1 {
		t.Fatalf("bodies %+v", bodies)
	}
	b := bodies[0]
	if b.Name != "c360-dryrun-t-abc123" || b.OrganizationID != f.Org || b.EnvironmentID != f.Env || b.Spec.Statement != sql ||
		b.Spec.ComputePoolID != "lfcp-test01" || b.Spec.Properties["sql.current-catalog"] != "dev-env" ||
		b.Spec.Properties["sql.current-database"] != "dev-cluster" {
		t.Errorf("create body %+v", b)
	}
	if err := c.Delete(context.Background(), b.Name); err != nil {
		t.Fatal(err)
	}
	if err := c.Delete(context.Background(), b.Name); err != nil {
		t.Errorf("deleting a deleted statement: %v", err)
	}
	if len(f.Live()) != 0 {
		t.Errorf("live %v", f.Live())
	}
}

func TestFailedStatement(t *testing.T) {
	f := confluenttest.New(t)
	f.PendingPolls = 1
	f.Fail = func(sql string) string {
		return confluenttest.ValidationError(sql, "nme", "Column 'nme' not found in any table")
	}
	c := fast(f)
	_, err := c.Run(context.Background(), "s1", "EXPLAIN\nINSERT INTO t\nSELECT nme FROM s;")
	var se *confluent.StatementError
	if !errors.As(err, &se) || se.Phase != confluent.Failed || se.Pos == nil || se.Pos.Line != 3 || se.Pos.Col != 8 ||
		!strings.Contains(se.Detail, "Column 'nme' not found") {
		t.Fatalf("error %#v", err)
	}
}

func TestUnauthorized(t *testing.T) {
	f := confluenttest.New(t)
	cfg := f.Config()
	cfg.APISecret = "wrong-secret-1234"
	c := confluent.New(cfg, nil)
	_, err := c.Create(context.Background(), "s1", "SELECT 1", nil)
	var ae *confluent.AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "Confluent Cloud rejected the API key for "+f.URL) || !strings.Contains(msg, "check CONFLUENT_FLINK_API_KEY") ||
		strings.Contains(msg, "wrong-secret-1234") {
		t.Errorf("message %q", msg)
	}
	if f.Requests() != 1 {
		t.Errorf("a 401 must not be retried: %d requests", f.Requests())
	}
}

func TestThrottledThenSuccess(t *testing.T) {
	f := confluenttest.New(t)
	f.Throttle = 2
	c := fast(f)
	if _, err := c.Create(context.Background(), "s1", "SELECT 1", nil); err != nil {
		t.Fatal(err)
	}
	if f.Requests() != 3 || len(f.Created()) != 1 {
		t.Errorf("requests %d, created %v", f.Requests(), f.Created())
	}
}

func TestRetriesBounded(t *testing.T) {
	f := confluenttest.New(t)
	f.Unavailable = 100
	c := fast(f)
	c.MaxAttempts = 3
	_, err := c.Get(context.Background(), "s1")
	var ae *confluent.APIError
	if !errors.As(err, &ae) || ae.Status != 503 || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Errorf("error %v", err)
	}
	if f.Requests() != 3 {
		t.Errorf("%d requests, want 3", f.Requests())
	}
}

// TestSlowServer: a server slower than the request timeout is retried a
// bounded number of times, then reported; a cancelled context stops at
// once.
func TestSlowServer(t *testing.T) {
	f := confluenttest.New(t)
	f.Delay = 2 * time.Second
	c := fast(f)
	c.RequestTimeout, c.MaxAttempts = 50*time.Millisecond, 2
	t0 := time.Now()
	_, err := c.Get(context.Background(), "s1")
	if err == nil || !strings.Contains(err.Error(), "no answer from "+f.URL+" within 50ms") {
		t.Errorf("error %v", err)
	}
	if d := time.Since(t0); d > time.Second {
		t.Errorf("took %s", d)
	}

	c.RequestTimeout = time.Minute
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	t0 = time.Now()
	_, err = c.Get(ctx, "s1")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(t0) > time.Second {
		t.Errorf("cancelled: %v after %s", err, time.Since(t0))
	}
}

func TestStatementTimeout(t *testing.T) {
	f := confluenttest.New(t)
	f.PendingPolls = 1 << 30
	c := fast(f)
	c.StatementTimeout = 100 * time.Millisecond
	_, err := c.Run(context.Background(), "s1", "SELECT 1")
	var te *confluent.TimeoutError
	if !errors.As(err, &te) || te.Phase != confluent.Pending || !strings.Contains(err.Error(), "still PENDING after 100ms") {
		t.Errorf("error %v", err)
	}
}

// TestSecretNotEchoed: a server that echoes the secret or the basic-auth
// token in an error detail does not get it into the error.
func TestSecretNotEchoed(t *testing.T) {
	f := confluenttest.New(t)
	token := base64.StdEncoding.EncodeToString([]byte(f.Key + ":" + f.Secret))
	f.CreateError = "bad request from Basic " + token + " with password " + f.Secret
	c := fast(f)
	_, err := c.Create(context.Background(), "s1", "SELECT 1", nil)
	if err == nil || strings.Contains(err.Error(), f.Secret) || strings.Contains(err.Error(), token) || !strings.Contains(err.Error(), "[REDACTED]") {
		t.Errorf("error %v", err)
	}
	if s := fmt.Sprintf("%+v %#v", c.Config(), c.Config()); strings.Contains(s, f.Secret) {
		t.Errorf("config printed the secret: %s", s)
	}
}
