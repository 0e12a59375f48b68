package deploy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/validate/deploy"
)

const flinkOut = "../../flink_out"

func load(t *testing.T, dir string) *deploy.Project {
	t.Helper()
	p, err := deploy.Load(dir)
	require.NoError(t, err)
	return p
}

func rowsByTable(pl *deploy.Plan) map[string]*deploy.Row {
	m := map[string]*deploy.Row{}
	for _, r := range pl.Rows {
		m[r.Table] = r
	}
	return m
}

func TestPlanFlinkOutCustomer360Profile(t *testing.T) {
	p := load(t, flinkOut)
	pl, err := p.PlanTable("c360_fct_customer_360_profile", deploy.Options{})
	require.NoError(t, err)
	rows := rowsByTable(pl)

	// Ancestors, target, children: exactly these.
	var anc, desc, raw []string
	for _, r := range pl.Rows {
		switch r.Role {
		case deploy.RoleAncestor:
			anc = append(anc, r.Table)
		case deploy.RoleDescendant:
			desc = append(desc, r.Table)
		case deploy.RoleRaw:
			raw = append(raw, r.Table)
		}
	}
	assert.ElementsMatch(t, []string{"src_c360_app_usage", "src_c360_customers", "src_c360_loyalty_program", "src_c360_products",
		"src_c360_support_tickets", "src_c360_transactions", "src_c360_tx_items", "c360_dim_customers", "int_c360_customer_transactions"}, anc)
	assert.Equal(t, []string{"customer_analytics_c360"}, desc)
	assert.ElementsMatch(t, []string{"app_usage_raw", "customers_raw", "loyalty_program_raw", "products_raw", "support_tickets_raw",
		"transactions_raw", "transaction_items_raw"}, raw)

	// The order respects depends_on; raw inputs come before their reader;
	// the target comes after every ancestor and before every child; order
	// numbers are 1..n.
	pos := map[string]int{}
	for i, r := range pl.Rows {
		assert.Equal(t, i+1, r.Order)
		pos[r.Table] = i
	}
	for _, r := range pl.Rows {
		for _, d := range r.DependsOn {
			if _, ok := pos[d]; ok {
				assert.Less(t, pos[d], pos[r.Table], "%s depends on %s", r.Table, d)
			}
		}
	}
	for _, r := range []string{"customers_raw", "transactions_raw"} {
		owner := "src_c360_" + strings.TrimSuffix(r, "_raw")
		assert.Less(t, pos[r], pos[owner])
	}
	target := pos["c360_fct_customer_360_profile"]
	for _, a := range anc {
		assert.Less(t, pos[a], target)
	}
	assert.Greater(t, pos["customer_analytics_c360"], target)
	assert.Less(t, pos["c360_dim_customers"], pos["int_c360_customer_transactions"])

	// Statement names, as in DESIGN.md and the inventory.
	tr := rows["c360_fct_customer_360_profile"]
	assert.Equal(t, "dev-usw2-c360-ddl-c360-fct-customer-360-profile", tr.DDLStatement)
	assert.Equal(t, "dev-usw2-c360-dml-c360-fct-customer-360-profile", tr.DMLStatement)
	assert.Equal(t, "dev-usw2-c360-dml-src-c360-customers", rows["src_c360_customers"].DMLStatement)
	assert.Equal(t, "dev-usw2-c360-ddl-customers-raw", rows["customers_raw"].DDLStatement)
	assert.Empty(t, rows["customers_raw"].DMLStatement)
	for _, r := range pl.Rows {
		if e := p.Inv.Tables[r.Table]; e != nil {
			assert.Equal(t, e.Statements.DDL, r.DDLStatement)
			assert.Equal(t, e.Statements.DML, r.DMLStatement)
		}
	}

	// Upgrade modes and actions.
	assert.Equal(t, deploy.Stateful, tr.UpgradeMode)
	assert.Contains(t, tr.Why, "GROUP BY aggregation")
	assert.Contains(t, tr.Why, "LEFT JOIN")
	assert.Equal(t, deploy.Stateful, rows["src_c360_customers"].UpgradeMode)
	assert.Contains(t, rows["src_c360_customers"].Why, "ROW_NUMBER OVER (dedup/Top-N)")
	assert.Equal(t, []string{"reads src_c360_customers (upsert changelog)"}, rows["c360_dim_customers"].Why)
	assert.Contains(t, rows["int_c360_customer_transactions"].Why, "LEFT JOIN")
	assert.Equal(t, deploy.ActionCreate, tr.Action)
	assert.Equal(t, deploy.ActionCreate, rows["src_c360_customers"].Action)
	assert.Equal(t, deploy.ActionRestart, rows["customer_analytics_c360"].Action)
	assert.Equal(t, deploy.ActionNone, rows["customers_raw"].Action)
	assert.Empty(t, rows["customers_raw"].UpgradeMode)

	// Other environments rename every statement.
	pl, err = p.PlanTable("C360_FCT_CUSTOMER_360_PROFILE", deploy.Options{Env: "prod", Region: "euw1"})
	require.NoError(t, err)
	assert.Equal(t, "prod-euw1-c360-dml-c360-fct-customer-360-profile", rowsByTable(pl)["c360_fct_customer_360_profile"].DMLStatement)
}

func TestPlanFlinkOutAll(t *testing.T) {
	p := load(t, flinkOut)
	pl, err := p.PlanAll(deploy.Options{})
	require.NoError(t, err)
	rows := rowsByTable(pl)
	assert.Len(t, rows, len(p.Inv.Tables)+10) // 10 raw inputs
	assert.Equal(t, deploy.ActionBlocked, rows["int_c360_customer_purchase_sequence"].Action)
	assert.Equal(t, "needs-llm", rows["int_c360_customer_purchase_sequence"].Status)
	assert.Equal(t, deploy.Stateful, rows["c360_fct_customer_channel_spend"].UpgradeMode)
}

func TestPlanShop(t *testing.T) {
	p := load(t, "testdata/shop")
	pl, err := p.PlanTable("src_shop_orders", deploy.Options{})
	require.NoError(t, err)
	type row struct{ table, role, mode, action string }
	var got []row
	for _, r := range pl.Rows {
		got = append(got, row{r.Table, r.Role, r.UpgradeMode, r.Action})
	}
	assert.Equal(t, []row{
		{"orders_raw", deploy.RoleRaw, "", deploy.ActionNone},
		{"src_shop_orders", deploy.RoleTarget, deploy.Stateless, deploy.ActionCreate},
		{"int_shop_order_ranks", deploy.RoleDescendant, deploy.Stateful, deploy.ActionBlocked},
		{"shop_fct_big_orders", deploy.RoleDescendant, deploy.Stateless, deploy.ActionRestart},
		{"shop_fct_customer_spend", deploy.RoleDescendant, deploy.Stateful, deploy.ActionRestart},
	}, got)

	pl, err = p.PlanTable("shop_fct_customer_spend", deploy.Options{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, pl.WriteText(&b))
	assert.Equal(t, `Execution plan for shop_fct_customer_spend (testdata/shop, env dev, region usw2)

ORDER  TABLE                    LAYER    ROLE       DDL STATEMENT                              DML STATEMENT                              UPGRADE    ACTION
    1  orders_raw               raw      raw-input  dev-usw2-shop-ddl-orders-raw               -                                          -          none
    2  src_shop_orders          sources  ancestor   dev-usw2-shop-ddl-src-shop-orders          dev-usw2-shop-dml-src-shop-orders          Stateless  create
    3  shop_fct_customer_spend  facts    target     dev-usw2-shop-ddl-shop-fct-customer-spend  dev-usw2-shop-dml-shop-fct-customer-spend  Stateful   create

3 rows: 2 create, 1 none
Stateful because:
  shop_fct_customer_spend: GROUP BY aggregation
`, b.String())

	b.Reset()
	require.NoError(t, pl.WriteJSON(&b))
	var back deploy.Plan
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, pl.Rows, back.Rows)
}

func TestPlanUnknownTable(t *testing.T) {
	p := load(t, flinkOut)
	_, err := p.PlanTable("fct_customer_360", deploy.Options{})
	var ut *deploy.UnknownTableError
	require.True(t, errors.As(err, &ut), "%v", err)
	assert.Contains(t, ut.Close, "c360_fct_customer_360_profile")
	assert.Contains(t, err.Error(), `unknown table "fct_customer_360"; did you mean c360_fct_customer_360_profile`)

	_, err = p.PlanTable("c360_dim_customer", deploy.Options{})
	require.True(t, errors.As(err, &ut))
	assert.Equal(t, "c360_dim_customers", ut.Close[0])

	_, err = p.PlanTable("customers_raw", deploy.Options{})
	assert.ErrorContains(t, err, "customers_raw is a raw input")
}

func TestLoadErrors(t *testing.T) {
	_, err := deploy.Load(t.TempDir())
	assert.ErrorContains(t, err, "is not a c360-migrate Flink project")
}

func TestUpgradeMode(t *testing.T) {
	changelog := func(name string) string {
		return map[string]string{"orders": "append", "customers": "upsert", "tx": "retract"}[name]
	}
	for _, tc := range []struct {
		sql  string
		mode string
		why  []string
	}{
		{"INSERT INTO s SELECT a, b + 1 FROM orders WHERE a > 0", deploy.Stateless, nil},
		{"INSERT INTO s SELECT a, UPPER(b) FROM orders CROSS JOIN UNNEST(tags) AS t(tag)", deploy.Stateless, nil},
		{"INSERT INTO s SELECT a FROM orders UNION ALL SELECT a FROM orders", deploy.Stateless, nil},
		{"INSERT INTO s WITH x AS (SELECT a FROM orders) SELECT a FROM x", deploy.Stateless, nil},
		{"INSERT INTO s SELECT a, COUNT(*) FROM orders GROUP BY a", deploy.Stateful, []string{"GROUP BY aggregation"}},
		{"INSERT INTO s SELECT COUNT(*) FROM orders", deploy.Stateful, []string{"global aggregation"}},
		{"INSERT INTO s SELECT DISTINCT a FROM orders", deploy.Stateful, []string{"SELECT DISTINCT"}},
		{"INSERT INTO s SELECT o.a FROM orders o JOIN orders p ON o.a = p.a", deploy.Stateful, []string{"JOIN"}},
		{"INSERT INTO s SELECT o.a FROM orders o LEFT JOIN orders FOR SYSTEM_TIME AS OF o.ts AS p ON o.a = p.a", deploy.Stateful, []string{"temporal join"}},
		{"INSERT INTO s SELECT a FROM (SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1", deploy.Stateful, []string{"ROW_NUMBER OVER (dedup/Top-N)"}},
		{"INSERT INTO s SELECT a, SUM(b) OVER (PARTITION BY a ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders", deploy.Stateful, []string{"OVER window (SUM)"}},
		{"INSERT INTO s SELECT a FROM orders UNION SELECT a FROM orders", deploy.Stateful, []string{"UNION (distinct)"}},
		{"INSERT INTO s SELECT a FROM orders WHERE a IN (SELECT a FROM orders)", deploy.Stateful, []string{"IN subquery (semi/anti join)"}},
		{"INSERT INTO s SELECT id, name FROM customers", deploy.Stateful, []string{"reads customers (upsert changelog)"}},
		{"INSERT INTO s SELECT id FROM tx WHERE id > 1", deploy.Stateful, []string{"reads tx (retract changelog)"}},
	} {
		m, err := deploy.UpgradeMode("dml.sql", tc.sql+";\n", changelog)
		require.NoError(t, err, tc.sql)
		assert.Equal(t, tc.mode, m.Mode, tc.sql)
		if tc.why == nil {
			tc.why = []string{}
		}
		assert.Equal(t, tc.why, m.Why, tc.sql)
	}
	_, err := deploy.UpgradeMode("dml.sql", "INSERT INTO s SELEC a FROM;", nil)
	assert.ErrorContains(t, err, "dml.sql")
}
