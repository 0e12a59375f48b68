package deploy_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/validate/deploy"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

func fixedClock() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

func TestDeployDryRun(t *testing.T) {
	p := load(t, "testdata/shop")
	var trace bytes.Buffer
	res, err := deploy.Deploy(context.Background(), nil, p, deploy.DeployOptions{
		Table: "shop_fct_customer_spend", DryRun: true, Trace: &trace, Now: fixedClock})
	require.NoError(t, err)
	assert.Equal(t, `2026-11-22T10:00:00Z Deploying shop_fct_customer_spend and its ancestors of testdata/shop: 3 tables, profile oss, gateway none (dry run)
2026-11-22T10:00:00Z Deploy raw input orders_raw (declared only: no DML)
2026-11-22T10:00:00Z DDL would be created for orders_raw: dev-usw2-shop-ddl-orders-raw (pipelines/sources/shop/src_orders/tests/ddl.orders_raw.sql:2)
2026-11-22T10:00:00Z Deploy table src_shop_orders (sources, Stateless, create)
2026-11-22T10:00:00Z DDL would be created for src_shop_orders: dev-usw2-shop-ddl-src-shop-orders (pipelines/sources/shop/src_orders/sql-scripts/ddl.src_shop_orders.sql:1)
2026-11-22T10:00:00Z DML would be deployed for src_shop_orders: dev-usw2-shop-dml-src-shop-orders (pipelines/sources/shop/src_orders/sql-scripts/dml.src_shop_orders.sql:2, Stateless)
2026-11-22T10:00:00Z Deploy table shop_fct_customer_spend (facts, Stateful, create)
2026-11-22T10:00:00Z DDL would be created for shop_fct_customer_spend: dev-usw2-shop-ddl-shop-fct-customer-spend (pipelines/facts/shop/fct_customer_spend/sql-scripts/ddl.shop_fct_customer_spend.sql:1)
2026-11-22T10:00:00Z DML would be deployed for shop_fct_customer_spend: dev-usw2-shop-dml-shop-fct-customer-spend (pipelines/facts/shop/fct_customer_spend/sql-scripts/dml.shop_fct_customer_spend.sql:1, Stateful)
2026-11-22T10:00:00Z Deployment planned: 5 statements, 0 jobs
`, trace.String())
	assert.Len(t, res.Steps, 5)
	assert.Empty(t, res.Jobs())

	// The children of a table are listed to restart, not deployed.
	trace.Reset()
	res, err = deploy.Deploy(context.Background(), nil, p, deploy.DeployOptions{
		Table: "src_shop_orders", DryRun: true, Trace: &trace, Now: fixedClock, Options: deploy.Options{Env: "prod", Region: "euw1"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"int_shop_order_ranks", "shop_fct_big_orders", "shop_fct_customer_spend"}, res.Restart)
	assert.Contains(t, trace.String(), "Children to restart after src_shop_orders: int_shop_order_ranks, shop_fct_big_orders, shop_fct_customer_spend\n")
	assert.Contains(t, trace.String(), "DML would be deployed for src_shop_orders: prod-euw1-shop-dml-src-shop-orders ")
	assert.NotContains(t, trace.String(), "Deploy table shop_fct_big_orders")
}

func TestDeployDryRunFlinkOut(t *testing.T) {
	p := load(t, flinkOut)
	var trace bytes.Buffer
	res, err := deploy.Deploy(context.Background(), nil, p, deploy.DeployOptions{
		Table: "c360_fct_customer_360_profile", DryRun: true, Trace: &trace, Now: fixedClock})
	require.NoError(t, err)
	assert.Equal(t, "confluent", res.Profile)
	assert.Len(t, res.Steps, 7+2*10) // 7 raw DDLs, 10 tables
	assert.Contains(t, trace.String(), "2026-11-22T10:00:00Z Deploy table src_c360_customers (sources, Stateful, create)\n")
	assert.Contains(t, trace.String(), "Children to restart after c360_fct_customer_360_profile: customer_analytics_c360\n")
}

func TestDeployRefusesIncompleteTables(t *testing.T) {
	for _, tc := range []struct{ dir, table, refused string }{
		{"testdata/shop", "int_shop_order_ranks", "int_shop_order_ranks (needs-llm) is not complete"},
		{"testdata/shop", "", "int_shop_order_ranks (needs-llm) is not complete"},
		{flinkOut, "", "int_c360_customer_purchase_sequence (needs-llm) is not complete"},
	} {
		var trace bytes.Buffer
		_, err := deploy.Deploy(context.Background(), nil, load(t, tc.dir), deploy.DeployOptions{Table: tc.table, DryRun: true, Trace: &trace})
		var re *deploy.RefusedError
		require.True(t, errors.As(err, &re), "%v", err)
		assert.ErrorContains(t, err, "refusing to deploy: "+tc.refused)
		assert.Empty(t, trace.String(), "nothing is deployed")
	}
}

func TestDeployNeedsAnAdapterForConfluent(t *testing.T) {
	_, err := deploy.Deploy(context.Background(), gateway.New("http://127.0.0.1:1", nil), load(t, flinkOut),
		deploy.DeployOptions{Table: "c360_dim_customers"})
	assert.ErrorContains(t, err, "no adapter")
}

// shopCopy copies testdata/shop into a temp dir, with the filesystem
// table's data under that dir, and returns the copy.
func shopCopy(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	// The jobs write there after the deployment returns: a folder of its
	// own, removed best effort, so that the temp dir's cleanup never races
	// with them.
	data, err := os.MkdirTemp("", "c360-deploy-data-")
	require.NoError(t, err)
	t.Cleanup(func() { _ = os.RemoveAll(data) })
	err = filepath.Walk("testdata/shop", func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("testdata/shop", path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		b = bytes.ReplaceAll(b, []byte("file:///tmp/c360-migrate-deploy-test"), []byte("file://"+filepath.ToSlash(data)))
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
	require.NoError(t, err)
	return dst
}

var jobLine = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ DML deployment completed for (\S+): (\S+) \(job id ([0-9a-f]{32}), \d+ ms\)$`)

// TestDeployOnGateway deploys the shop project on the real local SQL
// Gateway: bounded datagen input, filesystem and blackhole sinks, so every
// job ends by itself.
func TestDeployOnGateway(t *testing.T) {
	url := flinktest.Ensure(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := shopCopy(t)

	t.Run("ok", func(t *testing.T) {
		var trace bytes.Buffer
		res, err := deploy.Deploy(ctx, gateway.New(url, nil), load(t, dir), deploy.DeployOptions{Table: "shop_fct_customer_spend", Trace: &trace})
		require.NoError(t, err, trace.String())
		out := trace.String()
		t.Log(out)
		assert.Contains(t, out, "Z Deploy table src_shop_orders (sources, Stateless, create)\n")
		assert.Regexp(t, `Z DDL created for orders_raw: dev-usw2-shop-ddl-orders-raw \(pipelines/sources/shop/src_orders/tests/ddl.orders_raw.sql:2, \d+ ms\)`, out)
		assert.Regexp(t, `Z DDL created for shop_fct_customer_spend: dev-usw2-shop-ddl-shop-fct-customer-spend `, out)
		m := jobLine.FindAllStringSubmatch(out, -1)
		require.Len(t, m, 2, out)
		assert.Equal(t, []string{"src_shop_orders", "dev-usw2-shop-dml-src-shop-orders"}, m[0][1:3])
		assert.Equal(t, []string{"shop_fct_customer_spend", "dev-usw2-shop-dml-shop-fct-customer-spend"}, m[1][1:3])
		assert.Equal(t, []string{m[0][3], m[1][3]}, res.Jobs())
		assert.True(t, strings.HasSuffix(out, "Deployment completed: 5 statements, 2 jobs\n"), out)
	})

	t.Run("unknown column", func(t *testing.T) {
		dml := filepath.Join(dir, "pipelines/facts/shop/fct_customer_spend/sql-scripts/dml.shop_fct_customer_spend.sql")
		require.NoError(t, os.WriteFile(dml, []byte("-- the column does not exist\nINSERT INTO shop_fct_customer_spend\nSELECT\n  customer_id,\n  SUM(amount_usd) AS total_amount,\n  COUNT(*) AS order_count\nFROM src_shop_orders\nGROUP BY customer_id;\n"), 0o644))
		var trace bytes.Buffer
		res, err := deploy.Deploy(ctx, gateway.New(url, nil), load(t, dir), deploy.DeployOptions{Table: "shop_fct_customer_spend", Trace: &trace})
		var se *deploy.StepError
		require.True(t, errors.As(err, &se), "%v", err)
		assert.Equal(t, "shop_fct_customer_spend", se.Table)
		assert.Equal(t, "dml", se.Kind)
		assert.Equal(t, "pipelines/facts/shop/fct_customer_spend/sql-scripts/dml.shop_fct_customer_spend.sql", se.File)
		assert.Equal(t, 5, se.Line)
		assert.Equal(t, 7, se.Col)
		assert.Contains(t, se.Message, "amount_usd")
		assert.Contains(t, err.Error(), "pipelines/facts/shop/fct_customer_spend/sql-scripts/dml.shop_fct_customer_spend.sql:5:7: DML of shop_fct_customer_spend (statement dev-usw2-shop-dml-shop-fct-customer-spend) failed: ")
		out := trace.String()
		assert.Contains(t, out, "Z DML failed for shop_fct_customer_spend: ")
		assert.NotContains(t, out, "Deployment completed")
		assert.Len(t, res.Jobs(), 1, "the ancestors ran before the failure")
	})
}
