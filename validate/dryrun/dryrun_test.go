package dryrun_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// knownFailures is what Flink currently rejects in the committed
// flink_out/: table, kind and the first line of Flink's message. The
// translator is not changed here; when it is fixed, remove the entry.
var knownFailures = []string{}

// TestFlinkOut dry-runs the committed flink_out/ on a real Flink: every
// translated table must create and plan, except the known failures.
func TestFlinkOut(t *testing.T) {
	url := flinktest.Ensure(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	r, err := dryrun.Run(ctx, gateway.New(url, nil), "../../flink_out", dryrun.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	r.WriteText(&text)
	t.Logf("%s", text.String())

	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Table+" "+f.Kind+" "+strings.SplitN(f.Message, "\n", 2)[0])
	}
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(knownFailures, "\n") {
		t.Errorf("findings changed:\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(knownFailures, "\n  "))
	}
	inv := readInventory(t, "../../flink_out")
	for _, tr := range r.Tables {
		e := inv.Tables[tr.Table]
		if !tr.DDL.OK {
			t.Errorf("%s: DDL rejected: %v", tr.Table, tr.DDL.Error)
		}
		if e.Status == "translated" && tr.DML.Skipped != "" {
			t.Errorf("%s: translated but its DML was skipped: %s", tr.Table, tr.DML.Skipped)
		}
		if e.Status == "translated" && tr.DML.OK && len(tr.Produced) == 0 {
			t.Errorf("%s: no changelog found in the plan", tr.Table)
		}
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil || !json.Valid(js.Bytes()) {
		t.Errorf("JSON report: %v", err)
	}
}

func readInventory(t *testing.T, dir string) *emit.Inventory {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "pipelines", "inventory.json"))
	if err != nil {
		t.Fatal(err)
	}
	var inv emit.Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		t.Fatal(err)
	}
	return &inv
}

// project writes a small Confluent-profile project: a raw append table
// orders_raw read by src_orders (upsert), and one more table per case.
func project(t *testing.T, tables map[string][2]string, changelog map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	inv := &emit.Inventory{Product: "p", Profile: "confluent", Tables: map[string]*emit.InventoryEntry{}}
	names := []string{"src_orders"}
	for n := range tables {
		if n != "src_orders" {
			names = append(names, n)
		}
	}
	sort.Strings(names[1:])
	for _, n := range names {
		folder := "pipelines/facts/p/" + n
		e := &emit.InventoryEntry{
			SparkName: n, SparkFile: "facts/" + n + ".sql", Layer: "facts", Product: "p", Folder: folder,
			Status: "translated", Complete: true, Changelog: changelog[n],
			DDL: folder + "/sql-scripts/ddl." + n + ".sql", DML: folder + "/sql-scripts/dml." + n + ".sql",
			Tests: []string{}, DependsOn: []string{},
		}
		if n == "src_orders" {
			e.Tests = []string{folder + "/tests/ddl.orders_raw.sql"}
			write(t, dir, e.Tests[0], "CREATE TABLE IF NOT EXISTS orders_raw (\n  order_id STRING,\n  amount DOUBLE,\n  qty INT\n)\nDISTRIBUTED INTO 1 BUCKETS\nWITH (\n  'changelog.mode' = 'append',\n  'value.format' = 'avro-registry'\n);\n")
		} else {
			e.DependsOn = []string{"src_orders"}
		}
		write(t, dir, e.DDL, tables[n][0])
		write(t, dir, e.DML, tables[n][1])
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

const srcOrdersDDL = "CREATE TABLE IF NOT EXISTS src_orders (\n  order_id STRING NOT NULL,\n  amount DOUBLE,\n  qty INT,\n  PRIMARY KEY (order_id) NOT ENFORCED\n)\nDISTRIBUTED BY HASH(order_id) INTO 1 BUCKETS\nWITH (\n  'changelog.mode' = 'upsert',\n  'key.format' = 'avro-registry',\n  'value.format' = 'avro-registry'\n);\n"

const srcOrdersDML = "-- dedup on arrival time\nINSERT INTO src_orders\nSELECT order_id, amount, qty FROM (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY `$rowtime` DESC) AS rn\n  FROM orders_raw\n) WHERE rn = 1;\n"

// TestRejected: Flink rejects each broken INSERT, and the finding names
// the generated file and the line of the offending text.
func TestRejected(t *testing.T) {
	url := flinktest.Ensure(t)
	cases := []struct {
		name      string
		changelog string
		ddl, dml  string
		kind      string
		line, col int
		msg       string
	}{
		{
			name:      "unknown column",
			changelog: "upsert",
			ddl:       "CREATE TABLE IF NOT EXISTS fct_a (\n  order_id STRING NOT NULL,\n  total DOUBLE,\n  PRIMARY KEY (order_id) NOT ENFORCED\n)\nWITH (\n  'changelog.mode' = 'upsert'\n);\n",
			dml:       "-- total per order\n\nINSERT INTO fct_a\nSELECT\n  order_id,\n  SUM(amount_usd) AS total\nFROM src_orders\nGROUP BY order_id;\n",
			kind:      "dml", line: 6, col: 7,
			msg: "Column 'amount_usd' not found in any table",
		},
		{
			name:      "type mismatch",
			changelog: "upsert",
			ddl:       "CREATE TABLE IF NOT EXISTS fct_b (\n  order_id STRING NOT NULL,\n  qty_label INT,\n  PRIMARY KEY (order_id) NOT ENFORCED\n)\nWITH (\n  'changelog.mode' = 'upsert'\n);\n",
			dml:       "INSERT INTO fct_b\nSELECT order_id, CONCAT('qty ', CAST(qty AS STRING)) AS qty_label\nFROM src_orders;\n",
			kind:      "dml", line: 1,
			msg: "Column types of query result and sink for 'default_catalog.default_database.fct_b' do not match.",
		},
		{
			name:      "updating query into an append-only table",
			changelog: "append",
			ddl:       "CREATE TABLE IF NOT EXISTS fct_c (\n  order_id STRING,\n  n BIGINT\n)\nWITH (\n  'changelog.mode' = 'append'\n);\n",
			dml:       "\nINSERT INTO fct_c\nSELECT order_id, COUNT(*) AS n\nFROM src_orders\nGROUP BY order_id;\n",
			kind:      "dml", line: 2,
			msg: "Table sink 'default_catalog.default_database.fct_c' doesn't support consuming update",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			table := strings.TrimPrefix(strings.SplitN(tc.ddl, " (", 2)[0], "CREATE TABLE IF NOT EXISTS ")
			dir := project(t, map[string][2]string{
				"src_orders": {srcOrdersDDL, srcOrdersDML},
				table:        {tc.ddl, tc.dml},
			}, map[string]string{"src_orders": "upsert", table: tc.changelog})
			r, err := dryrun.Run(context.Background(), gateway.New(url, nil), dir, dryrun.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Findings) != 1 {
				var b bytes.Buffer
				r.WriteText(&b)
				t.Fatalf("want one finding, got %d:\n%s", len(r.Findings), b.String())
			}
			f := r.Findings[0]
			wantFile := "pipelines/facts/p/" + table + "/sql-scripts/dml." + table + ".sql"
			if f.Table != table || f.Kind != tc.kind || f.File != wantFile || f.Line != tc.line || f.Col != tc.col {
				t.Errorf("finding at %s %s %s:%d:%d, want %s %s %s:%d:%d", f.Table, f.Kind, f.File, f.Line, f.Col, table, tc.kind, wantFile, tc.line, tc.col)
			}
			if !strings.HasPrefix(f.Message, tc.msg) {
				t.Errorf("message = %q, want prefix %q", f.Message, tc.msg)
			}
			if f.Spark != "facts/"+table+".sql" {
				t.Errorf("spark file = %q", f.Spark)
			}
			if !strings.HasPrefix(f.String(), wantFile+":") {
				t.Errorf("String() = %q does not start with the file", f.String())
			}
		})
	}
}
