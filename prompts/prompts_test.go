package prompts_test

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/prompts"
)

// sample is shaped like spark_src's int_customer_purchase_sequence: three
// OVER windows ordered by a non-time column.
func sample() *prompts.Data {
	return &prompts.Data{
		Table:   "int_c360_customer_purchase_sequence",
		Profile: "confluent",
		Residue: []prompts.Item{
			{Pos: "intermediates/int_customer_purchase_sequence.sql:9:5", Reason: "ROW_NUMBER OVER is ordered by transaction_ts, transaction_id: streaming OVER windows must be ordered by one ascending time attribute",
				Snippet: "row_number() over (partition by customer_id order by transaction_ts, transaction_id) as purchase_number,"},
			{Pos: "intermediates/int_customer_purchase_sequence.sql:12:5", Reason: "SUM OVER is ordered by transaction_ts, transaction_id",
				Snippet: "sum(total_amount) over (partition by customer_id order by transaction_ts, transaction_id rows between unbounded preceding and current row) as running_total_spend,"},
		},
		DML: `INSERT INTO int_c360_customer_purchase_sequence
WITH ordered AS (
  SELECT transaction_id, customer_id, transaction_ts, channel, total_amount,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id) AS purchase_number,
    SUM(total_amount) OVER (PARTITION BY customer_id ORDER BY transaction_ts, transaction_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total_spend
  FROM src_c360_transactions AS src_transactions
)
SELECT * FROM ordered;`,
		DDL:     "CREATE TABLE IF NOT EXISTS int_c360_customer_purchase_sequence (\n  transaction_id STRING,\n  purchase_number INT\n);",
		Columns: []prompts.Column{{Name: "transaction_id", Type: "STRING"}, {Name: "purchase_number"}},
		Inputs: []prompts.Input{{Name: "src_c360_transactions", Columns: []prompts.Column{
			{Name: "transaction_id", Type: "STRING"}, {Name: "customer_id", Type: "STRING"},
			{Name: "transaction_ts", Type: "TIMESTAMP(3)"}, {Name: "channel", Type: "STRING"},
			{Name: "total_amount", Type: "DECIMAL(12, 2)"}}, Changelog: "upsert", Key: []string{"transaction_id"}}},
		Functions: []string{"datediff -> TIMESTAMPDIFF(DAY, ...)"},
	}
}

func render(t *testing.T, name string, d *prompts.Data) string {
	t.Helper()
	out, err := prompts.Render(name, d)
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		t.Log(out)
	}
	t.Logf("%s: %d bytes, ~%d tokens", name, len(out), prompts.Tokens(out))
	if prompts.Tokens(out) > 1000 {
		t.Errorf("%s: prompt of ~%d tokens; keep it to the residue", name, prompts.Tokens(out))
	}
	return out
}

func contains(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("prompt lacks %q:\n%s", w, out)
		}
	}
}

func TestTranslate(t *testing.T) {
	out := render(t, prompts.Translate, sample())
	contains(t, out,
		"table int_c360_customer_purchase_sequence",
		`"dml": "<one INSERT INTO int_c360_customer_purchase_sequence`,
		"(confluent profile)", "`$rowtime`", "ROW_NUMBER() OVER (PARTITION BY <key>", "PRIMARY KEY", "'changelog.mode'",
		"- intermediates/int_customer_purchase_sequence.sql:9:5: ROW_NUMBER OVER is ordered",
		"  spark: row_number() over (partition by customer_id",
		"- src_c360_transactions(transaction_id STRING, customer_id STRING, transaction_ts TIMESTAMP(3), channel STRING, total_amount DECIMAL(12, 2)) upsert, key (transaction_id)\n",
		"Known Flink equivalents: datediff -> TIMESTAMPDIFF(DAY, ...)",
		"Partial Flink DML:\nINSERT INTO int_c360_customer_purchase_sequence\nWITH ordered AS (")
	if strings.Contains(out, "Previous answer") || strings.Contains(out, "Partial Flink DDL") {
		t.Errorf("translate prompt carries repair or DDL parts:\n%s", out)
	}
}

func TestRepair(t *testing.T) {
	d := sample()
	d.Previous = `{"dml": "INSERT INTO x SELECT 1", "ddl": "", "notes": ""}`
	d.Errors = []string{"dml:1:13: error: the DML must insert into int_c360_customer_purchase_sequence, not x"}
	out := render(t, prompts.Repair, d)
	contains(t, out,
		"previous answer for table int_c360_customer_purchase_sequence was rejected",
		"- dml:1:13: error: the DML must insert into int_c360_customer_purchase_sequence, not x\n",
		"Previous answer:\n{\"dml\": \"INSERT INTO x SELECT 1\"",
		"`$rowtime`", "- intermediates/int_customer_purchase_sequence.sql:12:5: SUM OVER",
		"Partial Flink DML (from the rules):\nINSERT INTO")
}

func TestDDL(t *testing.T) {
	d := sample()
	d.Profile = "oss"
	out := render(t, prompts.DDL, d)
	contains(t, out,
		"Write the Flink DDL", "(oss profile)", "WATERMARK FOR", "'upsert-kafka'",
		"Columns known so far:\n- transaction_id STRING\n- purchase_number ?\n",
		"Partial Flink DDL:\nCREATE TABLE IF NOT EXISTS int_c360_customer_purchase_sequence (",
		"Partial Flink DML:\nINSERT INTO")
	if strings.Contains(out, "$rowtime") {
		t.Errorf("oss prompt mentions $rowtime:\n%s", out)
	}
}

func TestUnknownTemplate(t *testing.T) {
	if _, err := prompts.Render("nope.tmpl", sample()); err == nil {
		t.Error("no error for an unknown template")
	}
}
