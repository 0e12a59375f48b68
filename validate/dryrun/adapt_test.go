package dryrun

import (
	"reflect"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func TestAdapt(t *testing.T) {
	src := "CREATE TABLE IF NOT EXISTS t (\n  id STRING NOT NULL,\n  v INT,\n  PRIMARY KEY (id) NOT ENFORCED\n)\nDISTRIBUTED BY HASH(id) INTO 2 BUCKETS\nWITH (\n  'changelog.mode' = 'upsert',\n  'kafka.retention.time' = '0',\n  'value.format' = 'avro-registry'\n);\n"
	f, diags := parser.ParseFile("t.sql", src, token.Flink)
	if diags.HasErrors() {
		t.Fatal(diags.Err())
	}
	ct := f.Stmts[0].(*ast.CreateTable)
	changes := adapt(ct, adaptation{rowtime: true})
	got := printer.Print(ct, printer.Config{Dialect: token.Flink})
	for _, want := range []string{"'connector' = 'upsert-kafka'", "'key.format' = 'json'", "`$rowtime` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL", "WATERMARK FOR `$rowtime` AS `$rowtime`", "PRIMARY KEY (id) NOT ENFORCED"} {
		if !strings.Contains(got, want) {
			t.Errorf("adapted DDL lacks %q:\n%s", want, got)
		}
	}
	for _, gone := range []string{"DISTRIBUTED", "changelog.mode", "kafka.retention.time", "avro-registry"} {
		if strings.Contains(got, gone) {
			t.Errorf("adapted DDL still has %q:\n%s", gone, got)
		}
	}
	if len(changes) != 4 {
		t.Errorf("changes = %q", changes)
	}
	// An oss table with a connector and no bucketing is left alone.
	oss := "CREATE TABLE t (id STRING) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json')"
	f, _ = parser.ParseFile("t.sql", oss, token.Flink)
	if ch := adapt(f.Stmts[0].(*ast.CreateTable), adaptation{}); len(ch) != 0 {
		t.Errorf("oss table adapted: %q", ch)
	}
}

func TestSinkInputChangelog(t *testing.T) {
	plan := "== Abstract Syntax Tree ==\nLogicalSink(table=[x])\n\n== Optimized Physical Plan ==\nSink(table=[default_catalog.default_database.r], fields=[id, EXPR$1], changelogMode=[NONE])\n+- GroupAggregate(groupBy=[id], select=[id, MAX(v) AS EXPR$1], changelogMode=[I,UB,UA])\n   +- Exchange(distribution=[hash[id]], changelogMode=[I])\n\n== Optimized Execution Plan ==\n"
	got := sinkInputChangelog(plan)
	if !reflect.DeepEqual(got, []string{"I", "UB", "UA"}) {
		t.Errorf("got %q", got)
	}
	if e := extraKinds(got, "upsert"); !reflect.DeepEqual(e, []string{"UB"}) {
		t.Errorf("extra for upsert = %q", e)
	}
	if e := extraKinds(got, "append"); !reflect.DeepEqual(e, []string{"UA", "UB"}) {
		t.Errorf("extra for append = %q", e)
	}
	if e := extraKinds(got, "retract"); len(e) != 0 {
		t.Errorf("extra for retract = %q", e)
	}
}
