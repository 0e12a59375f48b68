package app

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

var stamp = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ `)

func TestDeployDryRun(t *testing.T) {
	code, out, errs := runApp("deploy", shopDir, "--dry-run", "--table", "shop_fct_customer_spend")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := stamp.ReplaceAllString(out, "T ")
	want := "T Deploying shop_fct_customer_spend and its ancestors of " + shopDir + ": 3 tables, profile oss, gateway none (dry run)\n" +
		"T Deploy raw input orders_raw (declared only: no DML)\n" +
		"T DDL would be created for orders_raw: dev-usw2-shop-ddl-orders-raw (pipelines/sources/shop/src_orders/tests/ddl.orders_raw.sql:2)\n" +
		"T Deploy table src_shop_orders (sources, Stateless, create)\n" +
		"T DDL would be created for src_shop_orders: dev-usw2-shop-ddl-src-shop-orders (pipelines/sources/shop/src_orders/sql-scripts/ddl.src_shop_orders.sql:1)\n" +
		"T DML would be deployed for src_shop_orders: dev-usw2-shop-dml-src-shop-orders (pipelines/sources/shop/src_orders/sql-scripts/dml.src_shop_orders.sql:2, Stateless)\n" +
		"T Deploy table shop_fct_customer_spend (facts, Stateful, create)\n" +
		"T DDL would be created for shop_fct_customer_spend: dev-usw2-shop-ddl-shop-fct-customer-spend (pipelines/facts/shop/fct_customer_spend/sql-scripts/ddl.shop_fct_customer_spend.sql:1)\n" +
		"T DML would be deployed for shop_fct_customer_spend: dev-usw2-shop-dml-shop-fct-customer-spend (pipelines/facts/shop/fct_customer_spend/sql-scripts/dml.shop_fct_customer_spend.sql:1, Stateful)\n" +
		"T Deployment planned: 5 statements, 0 jobs\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestDeployRefusesIncomplete(t *testing.T) {
	code, out, errs := runApp("deploy", flinkOutDir, "--dry-run")
	if code != ExitInputErrors || out != "" || !strings.Contains(errs, "refusing to deploy: int_c360_customer_purchase_sequence (needs-llm) is not complete") {
		t.Errorf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
}

func TestDeployUsage(t *testing.T) {
	for _, args := range [][]string{
		{"deploy"},
		{"deploy", shopDir}, // no --gateway
		{"deploy", shopDir, "--dry-run", "--profile", "aws"},
		{"deploy", shopDir, "--dry-run", "--timeout", "soon"},
	} {
		if code, _, errs := runApp(args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d (stderr %s)", args, code, ExitUsage, errs)
		}
	}
	code, _, errs := runApp("deploy", shopDir, "--dry-run", "--table", "shop_fct_customer")
	if code != ExitInputErrors || !strings.Contains(errs, "did you mean shop_fct_customer_spend") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
}

func TestDeployGatewayDown(t *testing.T) {
	code, _, errs := runApp("deploy", shopDir, "--gateway", "http://127.0.0.1:1", "--table", "src_shop_orders")
	if code != ExitInternal || !strings.Contains(errs, "no Flink SQL Gateway at http://127.0.0.1:1") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
}

// TestDeployOnGateway runs the command against the real gateway, on a
// copy of the shop project whose filesystem table writes under a temp dir;
// the jobs read bounded inputs and end by themselves.
func TestDeployOnGateway(t *testing.T) {
	url := flinktest.Ensure(t)
	dir := t.TempDir()
	data, err := os.MkdirTemp("", "c360-deploy-data-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(data) })
	err = filepath.Walk(shopDir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(shopDir, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b = bytes.ReplaceAll(b, []byte("file:///tmp/c360-migrate-deploy-test"), []byte("file://"+filepath.ToSlash(data)))
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runApp("deploy", dir, "--gateway", url, "--table", "shop_fct_big_orders", "--profile", "oss", "--env", "test")
	if code != ExitOK {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	if !regexp.MustCompile(`Z DML deployment completed for shop_fct_big_orders: test-usw2-shop-dml-shop-fct-big-orders \(job id [0-9a-f]{32}, \d+ ms\)\n`).MatchString(out) {
		t.Errorf("trace:\n%s", out)
	}
}
