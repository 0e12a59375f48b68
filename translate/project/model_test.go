package project

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func parsed(t *testing.T, files map[string]string) []*File {
	t.Helper()
	var out []*File
	for _, p := range sortedKeys(files) {
		f, errs := parser.ParseFile(p, files[p], token.Spark)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", p, errs)
		}
		out = append(out, &File{Path: p, Stmts: f.Stmts})
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func TestBuildModel(t *testing.T) {
	files := map[string]string{
		"sources/src_customers.sql": `
CREATE OR REPLACE TEMPORARY VIEW customers_raw USING CSV OPTIONS (path 'data/customers.csv', header 'true', inferSchema 'true');
CREATE OR REPLACE TEMPORARY VIEW src_customers AS
WITH ranked AS (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY registration_date DESC) AS rn FROM customers_raw)
SELECT * FROM ranked WHERE rn = 1;`,
		"dimensions/dim_customers.sql":          `CREATE OR REPLACE TEMPORARY VIEW dim_customers AS SELECT * FROM src_customers`,
		"intermediates/int_customer_orders.sql": `CREATE OR REPLACE TEMPORARY VIEW int_customer_orders AS SELECT c.customer_id, o.id FROM dim_customers c JOIN orders_ext o ON o.cid = c.customer_id`,
		"facts/fct_sales.sql": `CREATE TABLE IF NOT EXISTS fct_sales (customer_id STRING, n BIGINT) USING parquet PARTITIONED BY (customer_id);
INSERT OVERWRITE TABLE fct_sales SELECT customer_id, count(*) AS n FROM int_customer_orders GROUP BY customer_id;`,
		"views/customer_report.sql": `CREATE OR REPLACE VIEW customer_report AS SELECT * FROM fct_sales WHERE customer_id IN (SELECT customer_id FROM dim_customers)`,
	}
	m, errs := Build(parsed(t, files), Options{Product: "c360"})
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := strings.TrimSpace(`
raw customers_raw -> customers_raw deps=
raw orders_ext -> orders_ext deps=
sources src_customers -> src_c360_customers deps=customers_raw
dimensions dim_customers -> c360_dim_customers deps=src_customers
intermediates int_customer_orders -> int_c360_customer_orders deps=dim_customers,orders_ext
facts fct_sales -> c360_fct_sales deps=int_customer_orders
views customer_report -> customer_report deps=dim_customers,fct_sales`)
	if got := strings.TrimSpace(m.String()); got != want {
		t.Errorf("model\n got:\n%s\nwant:\n%s", got, want)
	}
	if in := m.Table("customers_raw").Input; in == nil || in.Format != "csv" || in.Options["path"] != "data/customers.csv" || !in.Defined {
		t.Errorf("raw input %+v", in)
	}
	if in := m.Table("orders_ext").Input; in == nil || in.Defined {
		t.Errorf("undefined input %+v", in)
	}
	if fs := m.Table("fct_sales"); fs.Create == nil || fs.Query == nil || len(fs.Defs) != 2 {
		t.Errorf("fct_sales %+v", fs)
	}
	if got := m.Children("dim_customers"); strings.Join(got, ",") != "customer_report,int_customer_orders" {
		t.Errorf("children %v", got)
	}
}

func TestCycleIsAnError(t *testing.T) {
	files := map[string]string{
		"views/a.sql": "CREATE VIEW a AS SELECT * FROM b",
		"views/b.sql": "CREATE VIEW b AS SELECT * FROM a",
	}
	_, errs := Build(parsed(t, files), Options{Product: "p"})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dependency cycle: a -> b -> a") {
		t.Fatalf("errors %v", errs)
	}
}

func TestDuplicateDefinition(t *testing.T) {
	files := map[string]string{
		"views/a.sql":  "CREATE VIEW a AS SELECT 1",
		"views/a2.sql": "CREATE VIEW a AS SELECT 2",
	}
	_, errs := Build(parsed(t, files), Options{Product: "p"})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "views/a2.sql:1:1: error: [model.duplicate-table] table a is already defined in views/a.sql:1:1") {
		t.Fatalf("errors %v", errs)
	}
}

func TestFlinkName(t *testing.T) {
	tests := []struct {
		name  string
		layer Layer
		want  string
	}{
		{"src_customers", Source, "src_c360_customers"},
		{"customers", Source, "src_c360_customers"},
		{"src_c360_customers", Source, "src_c360_customers"},
		{"int_customer_transactions", Intermediate, "int_c360_customer_transactions"},
		{"dim_customers", Dimension, "c360_dim_customers"},
		{"fct_customer_360_profile", Fact, "c360_fct_customer_360_profile"},
		{"customer_analytics_c360", View, "customer_analytics_c360"},
		{"customers_raw", Raw, "customers_raw"},
	}
	for _, tt := range tests {
		if got := FlinkName(tt.name, tt.layer, "c360"); got != tt.want {
			t.Errorf("FlinkName(%s, %s) = %s, want %s", tt.name, tt.layer, got, tt.want)
		}
	}
}
