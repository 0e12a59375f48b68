package app

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

const (
	flinkOutDir = "../../../flink_out"
	shopDir     = "../../../validate/deploy/testdata/shop"
)

func runApp(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestPlanCustomer360Profile(t *testing.T) {
	// Flags after FLINK_DIR, as documented, and before it.
	for _, args := range [][]string{
		{"plan", flinkOutDir, "--table", "c360_fct_customer_360_profile"},
		{"plan", "--table=c360_fct_customer_360_profile", flinkOutDir},
	} {
		code, out, errs := runApp(args...)
		if code != ExitOK {
			t.Fatalf("%q: exit %d: %s", args, code, errs)
		}
		for _, want := range []string{
			"ORDER  TABLE                           LAYER          ROLE        DDL STATEMENT",
			"\n   17  c360_fct_customer_360_profile   facts          target      dev-usw2-c360-ddl-c360-fct-customer-360-profile   dev-usw2-c360-dml-c360-fct-customer-360-profile   Stateful  create\n",
			"\n   18  customer_analytics_c360         views          descendant  ",
			"\n    3  customers_raw                   raw            raw-input   dev-usw2-c360-ddl-customers-raw                   -                                                 -         none\n",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%q: output lacks %q:\n%s", args, want, out)
			}
		}
	}
}

func TestPlanJSONAndEnv(t *testing.T) {
	code, out, errs := runApp("plan", shopDir, "--table", "src_shop_orders", "--env", "prod", "--region", "euw1", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var pl struct {
		Target string `json:"target"`
		Rows   []struct {
			Table  string `json:"table"`
			DML    string `json:"dml_statement"`
			Mode   string `json:"upgrade_mode"`
			Action string `json:"action"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &pl); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if pl.Target != "src_shop_orders" || len(pl.Rows) != 5 || pl.Rows[1].DML != "prod-euw1-shop-dml-src-shop-orders" ||
		pl.Rows[1].Mode != "Stateless" || pl.Rows[4].Action != "restart" {
		t.Errorf("plan: %+v", pl)
	}
}

func TestPlanUnknownTable(t *testing.T) {
	code, out, errs := runApp("plan", flinkOutDir, "--table", "fct_customer_360")
	if code != ExitInputErrors || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errs, `unknown table "fct_customer_360"; did you mean c360_fct_customer_360_profile`) ||
		!strings.Contains(errs, "Tables of "+flinkOutDir+": src_c360_app_usage, ") {
		t.Errorf("stderr: %s", errs)
	}
}

func TestPlanUsage(t *testing.T) {
	for _, args := range [][]string{
		{"plan"},
		{"plan", flinkOutDir},
		{"plan", flinkOutDir, "--table"},
		{"plan", flinkOutDir, "other", "--table", "x"},
		{"plan", flinkOutDir, "--nope"},
	} {
		if code, _, errs := runApp(args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d (stderr %s)", args, code, ExitUsage, errs)
		}
	}
	if code, _, errs := runApp("plan", t.TempDir(), "--table", "x"); code != ExitInputErrors || !strings.Contains(errs, "is not a c360-migrate Flink project") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
}
