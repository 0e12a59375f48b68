package confluent_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/confluent"
	"github.com/c360-migrate/c360-migrate/validate/confluent/confluenttest"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
)

// badDML reads a column that does not exist, "nme", on line 4 of its
// file, column 10.
const badDML = "-- facts\nINSERT INTO p_fct_orders\nSELECT order_id,\n         nme\nFROM src_orders;\n"

// project writes a small Confluent-profile project: src_orders (clean),
// p_fct_orders (its DML fails on Confluent Cloud), int_wip (incomplete).
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	inv := &emit.Inventory{Product: "p", Profile: "confluent", Tables: map[string]*emit.InventoryEntry{}}
	dml := map[string]string{
		"src_orders":   "INSERT INTO src_orders\nSELECT order_id, amount FROM orders_raw;\n",
		"p_fct_orders": badDML,
		"int_wip":      "INSERT INTO int_wip\nSELECT order_id FROM src_orders;\n",
	}
	for _, n := range []string{"src_orders", "p_fct_orders", "int_wip"} {
		folder := "pipelines/facts/p/" + n
		e := &emit.InventoryEntry{
			SparkName: n, SparkFile: "facts/" + n + ".sql", Layer: "facts", Product: "p", Folder: folder,
			Status: "translated", Complete: n != "int_wip", Changelog: "append",
			DDL: folder + "/sql-scripts/ddl." + n + ".sql", DML: folder + "/sql-scripts/dml." + n + ".sql",
			Tests: []string{}, DependsOn: []string{},
		}
		if n == "int_wip" {
			e.Status = "residue"
		}
		if n == "src_orders" {
			e.Tests = []string{folder + "/tests/ddl.orders_raw.sql"}
			write(t, dir, e.Tests[0], "CREATE TABLE orders_raw (order_id STRING, amount DOUBLE);\n")
		}
		write(t, dir, e.DDL, "CREATE TABLE IF NOT EXISTS "+n+" (\n  order_id STRING,\n  amount DOUBLE\n);\n")
		write(t, dir, e.DML, dml[n])
		inv.Tables[n] = e
		inv.Order = append(inv.Order, n)
	}
	data, _ := json.MarshalIndent(inv, "", "  ")
	write(t, dir, "pipelines/inventory.json", string(data))
	return dir
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

// TestDryRun: each complete INSERT is EXPLAINed under a recognisable name;
// the FAILED one becomes a finding at the generated file's line and
// column; the DDL is not run; every statement is deleted; the secret is in
// no output.
func TestDryRun(t *testing.T) {
	f := confluenttest.New(t)
	f.PendingPolls, f.RunningPolls, f.PageSize = 1, 1, 3
	f.Fail = func(sql string) string {
		return confluenttest.ValidationError(sql, "nme", "Column 'nme' not found in any table; did you mean 'amount'?")
	}
	dir := project(t)
	var log bytes.Buffer
	r, err := confluent.Run(context.Background(), fast(f), dir, confluent.Options{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tables) != 3 || r.Profile != "confluent" || r.Gateway != f.URL {
		t.Fatalf("report %+v", r)
	}
	if len(r.Findings) != 1 {
		t.Fatalf("findings %+v", r.Findings)
	}
	got := r.Findings[0]
	want := "pipelines/facts/p/p_fct_orders/sql-scripts/dml.p_fct_orders.sql"
	if got.File != want || got.Line != 4 || got.Col != 10 || got.Table != "p_fct_orders" || got.Kind != "dml" ||
		!strings.Contains(got.Message, "Column 'nme' not found") || strings.Contains(got.Message, "line 5") {
		t.Errorf("finding %+v", got)
	}
	for _, tr := range r.Tables {
		if tr.DDL == nil || !tr.DDL.OK || tr.DDL.Skipped == "" {
			t.Errorf("%s: DDL step %+v", tr.Table, tr.DDL)
		}
	}
	if s := r.Tables[0].DML; !s.OK || !strings.Contains(s.Plan, "== Physical Plan ==") || s.Table != "src_orders" {
		t.Errorf("src_orders DML %+v", s)
	}
	if s := r.Tables[2].DML; s.Skipped == "" {
		t.Errorf("int_wip DML not skipped: %+v", s)
	}

	created := f.Created()
	if len(created) != 2 || !regexp.MustCompile(`^c360-dryrun-src-orders-[a-z0-9]{6}$`).MatchString(created[0]) ||
		!regexp.MustCompile(`^c360-dryrun-p-fct-orders-[a-z0-9]{6}$`).MatchString(created[1]) {
		t.Errorf("created %v", created)
	}
	if d := f.Deleted(); strings.Join(sorted(d), ",") != strings.Join(sorted(created), ",") || len(f.Live()) != 0 {
		t.Errorf("created %v, deleted %v, live %v", created, d, f.Live())
	}
	for _, b := range f.Bodies() {
		if !strings.HasPrefix(b.Spec.Statement, "EXPLAIN\nINSERT INTO ") {
			t.Errorf("submitted %q", b.Spec.Statement)
		}
	}

	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), want+":4:10: error: [dml] Column 'nme' not found") ||
		!strings.Contains(text.String(), "1 findings") {
		t.Errorf("text report:\n%s", text.String())
	}
	for what, out := range map[string]string{"text": text.String(), "json": js.String(), "log": log.String()} {
		if strings.Contains(out, f.Secret) {
			t.Errorf("%s output has the secret", what)
		}
	}
	if !strings.Contains(log.String(), "deleted "+created[1]) {
		t.Errorf("log:\n%s", log.String())
	}
}

// TestDryRunCleansUpOnFailure: a step that fails hard (a timeout), and a
// cancelled run, still delete every statement they created.
func TestDryRunCleansUpOnFailure(t *testing.T) {
	t.Run("timeout", func(t *testing.T) {
		f := confluenttest.New(t)
		f.PendingPolls = 1 << 30
		_, err := confluent.Run(context.Background(), fast(f), project(t), confluent.Options{StatementTimeout: 50 * time.Millisecond})
		var te *confluent.TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("error %v", err)
		}
		if len(f.Created()) != 1 || len(f.Live()) != 0 {
			t.Errorf("created %v, live %v", f.Created(), f.Live())
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		f := confluenttest.New(t)
		f.PendingPolls = 1 << 30
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := confluent.Run(ctx, fast(f), project(t), confluent.Options{})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error %v", err)
		}
		if len(f.Created()) != 1 || len(f.Live()) != 0 {
			t.Errorf("created %v, live %v", f.Created(), f.Live())
		}
	})
	t.Run("failed step", func(t *testing.T) {
		f := confluenttest.New(t)
		f.Fail = func(string) string { return "boom" }
		r, err := confluent.Run(context.Background(), fast(f), project(t), confluent.Options{})
		if err != nil || len(r.Findings) != 2 || len(f.Created()) != 2 || len(f.Live()) != 0 {
			t.Errorf("err %v, findings %d, created %v, live %v", err, len(r.Findings), f.Created(), f.Live())
		}
	})
}

// TestDryRunFlinkOut: the committed flink_out/ dry-runs clean on the fake:
// 22 tables, no finding, every statement deleted.
func TestDryRunFlinkOut(t *testing.T) {
	f := confluenttest.New(t)
	r, err := confluent.Run(context.Background(), fast(f), "../../flink_out", confluent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tables) != 22 || !r.OK() || len(f.Created()) == 0 || len(f.Live()) != 0 {
		t.Errorf("tables %d, findings %+v, created %d, live %v", len(r.Tables), r.Findings, len(f.Created()), f.Live())
	}
}

// updatingPlan is an EXPLAIN in the documented Confluent Cloud shape:
// the sink's input, [3], produces a retract changelog.
const updatingPlan = `== Physical Plan ==

StreamPhysicalSink [4]
  +- StreamPhysicalGroupAggregate [3]
    +- StreamPhysicalExchange [2]
      +- StreamPhysicalTableSourceScan [1]

== Physical Details ==

[1] StreamPhysicalTableSourceScan
Table: ` + "`dev-env`.`dev-cluster`.`orders_raw`" + `
State size: low

[3] StreamPhysicalGroupAggregate
Changelog mode: retract
Upsert key: (order_id)
State size: medium

[4] StreamPhysicalSink
Table: ` + "`dev-env`.`dev-cluster`.`src_orders`" + `
Changelog mode: retract
`

// TestDryRunChangelog: an updating query into a table declared append is
// a changelog finding; the produced kinds come from the plan.
func TestDryRunChangelog(t *testing.T) {
	f := confluenttest.New(t)
	f.PlanFor = func(string) string { return updatingPlan }
	r, err := confluent.Run(context.Background(), fast(f), project(t), confluent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr := r.Tables[0]
	if strings.Join(tr.Produced, ",") != "I,UB,UA,D" || tr.DML.OK || len(r.Findings) != 2 || r.Findings[0].Kind != "changelog" ||
		!strings.Contains(r.Findings[0].Message, "retract changelog [I,UB,UA,D] but the sink src_orders is declared append") {
		t.Errorf("table %+v, findings %+v", tr, r.Findings)
	}
}

func TestDryRunRejectsOSSProject(t *testing.T) {
	f := confluenttest.New(t)
	dir := project(t)
	p := filepath.Join(dir, "pipelines", "inventory.json")
	data, _ := os.ReadFile(p)
	write(t, dir, "pipelines/inventory.json", strings.Replace(string(data), `"profile": "confluent"`, `"profile": "oss"`, 1))
	if _, err := confluent.Run(context.Background(), fast(f), dir, confluent.Options{}); err == nil || !strings.Contains(err.Error(), "profile is oss") {
		t.Errorf("error %v", err)
	}
	if len(f.Created()) != 0 {
		t.Errorf("created %v", f.Created())
	}
	_ = dryrun.OSS
}
