package ddl

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func typ(name string, params ...string) *ast.Type { return &ast.Type{Name: name, Params: params} }

var customers = Table{
	Name: "src_c360_customers",
	Columns: []Column{
		{Name: "customer_id", Type: typ("STRING")},
		{Name: "age", Type: typ("INT")},
		{Name: "date", Type: typ("DATE")},
	},
	Key:       []string{"customer_id"},
	Changelog: "upsert",
}

func TestCreateConfluentUpsert(t *testing.T) {
	got := printer.Print(Create(customers, Options{}), printer.Config{Dialect: token.Flink})
	for _, want := range []string{
		"CREATE TABLE IF NOT EXISTS src_c360_customers",
		"customer_id STRING NOT NULL",
		"`date` DATE",
		"PRIMARY KEY (customer_id) NOT ENFORCED",
		"DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS",
		"'changelog.mode' = 'upsert'",
		"'key.format' = 'avro-registry'",
		"'value.format' = 'avro-registry'",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "connector") {
		t.Errorf("confluent DDL has a connector option:\n%s", got)
	}
	if _, errs := parser.ParseFile("ddl.sql", got, token.Flink); len(errs) > 0 {
		t.Errorf("generated DDL does not parse as Flink: %v\n%s", errs, got)
	}
}

func TestCreateOSS(t *testing.T) {
	raw := Table{Name: "customers_raw", Columns: []Column{{Name: "customer_id", Type: typ("STRING")}}, Changelog: "append", Raw: true}
	tests := []struct {
		name  string
		table Table
		want  []string
		not   []string
	}{
		{"upsert", customers, []string{"'connector' = 'upsert-kafka'", "'topic' = 'src_c360_customers'", "'properties.bootstrap.servers' = 'localhost:9092'", "'key.format' = 'json'"}, []string{"DISTRIBUTED"}},
		{"raw append with watermark", raw, []string{"'connector' = 'kafka'", "rowtime TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL", "WATERMARK FOR rowtime AS rowtime - INTERVAL '5' SECOND"}, []string{"PRIMARY KEY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := printer.Print(Create(tt.table, Options{Profile: OSS}), printer.Config{Dialect: token.Flink})
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
			if _, errs := parser.ParseFile("ddl.sql", got, token.Flink); len(errs) > 0 {
				t.Errorf("generated DDL does not parse: %v\n%s", errs, got)
			}
		})
	}
}
