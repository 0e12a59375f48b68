// Package emittest holds a small hand-built translation result shared by the
// tests of the writer and the report: a source table with a raw input, a
// dimension that still needs the LLM, and a view with streaming notes.
package emittest

import (
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func pos(line, col int) token.Pos { return token.Pos{Line: line, Col: col} }

func finding(file string, line, col int, sev diag.Severity, rule, msg string) *diag.Diagnostic {
	return &diag.Diagnostic{Position: token.Position{File: file, Pos: pos(line, col)}, Severity: sev, Rule: rule, Msg: msg}
}

// Run returns a fresh copy of the sample run.
func Run() *result.Run {
	customers := &result.Table{
		SparkName: "src_customers",
		FlinkName: "src_c360_customers",
		Layer:     "sources",
		Product:   "c360",
		SparkFile: "sources/src_customers.sql",
		SparkPos:  pos(3, 1),
		Status:    result.Translated,
		Columns: []result.Column{
			{Name: "customer_id", Type: "STRING"},
			{Name: "email", Type: "STRING", Nullable: true},
			{Name: "signup_date", Type: "DATE", Nullable: true},
		},
		Key:       []string{"customer_id"},
		KeyReason: "deduplication partition key (ROW_NUMBER() OVER (PARTITION BY customer_id ...) = 1) at sources/src_customers.sql:9:5",
		Changelog: result.Upsert,
		Deps:      []string{"customers_raw"},
		DDL: `CREATE TABLE IF NOT EXISTS src_c360_customers (
  customer_id STRING NOT NULL,
  email STRING,
  signup_date DATE,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert',
  'key.format' = 'avro-registry',
  'value.format' = 'avro-registry'
);`,
		DML: `INSERT INTO src_c360_customers
SELECT customer_id, email, signup_date
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY $rowtime DESC) AS row_num
  FROM customers_raw
)
WHERE row_num = 1;`,
		Raw: []*result.RawInput{{
			Name:    "customers_raw",
			Path:    "data/customers.csv",
			Columns: []result.Column{{Name: "customer_id", Type: "STRING", Nullable: true}, {Name: "email", Type: "STRING", Nullable: true}, {Name: "signup_date", Type: "DATE", Nullable: true}},
			DDL: `CREATE TABLE IF NOT EXISTS customers_raw (
  customer_id STRING,
  email STRING,
  signup_date DATE
) DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.format' = 'avro-registry'
);`,
			Insert: `INSERT INTO customers_raw VALUES
  ('C001', 'ana@example.com', DATE '2024-01-05'),
  ('C002', 'bo@example.com', DATE '2024-02-11');`,
			Rows: 2,
		}},
		Rules: map[string]int{"dedup.source": 1, "raw.csv-view": 1, "type.string": 2},
		Notes: []*diag.Diagnostic{
			finding("sources/src_customers.sql", 11, 3, diag.Info, "dedup.source", "deduplication ordered by $rowtime DESC: keeps the latest record per customer_id"),
		},
	}
	dim := &result.Table{
		SparkName: "dim_customers",
		FlinkName: "c360_dim_customers",
		Layer:     "dimensions",
		Product:   "c360",
		SparkFile: "dimensions/dim_customers.sql",
		SparkPos:  pos(1, 1),
		Status:    result.NeedsLLM,
		Columns: []result.Column{
			{Name: "customer_id", Type: "STRING"},
			{Name: "tenure_days", Type: "INT", Nullable: true},
			{Name: "segments", Type: "ARRAY<STRING>", Nullable: true},
		},
		Key:       []string{"customer_id"},
		KeyReason: "GROUP BY key at dimensions/dim_customers.sql:14:10",
		Changelog: result.Upsert,
		Deps:      []string{"src_c360_customers"},
		DDL: `CREATE TABLE IF NOT EXISTS c360_dim_customers (
  customer_id STRING NOT NULL,
  tenure_days INT,
  segments ARRAY<STRING>,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert'
);`,
		DML: `INSERT INTO c360_dim_customers
SELECT
  customer_id,
  TIMESTAMPDIFF(DAY, MIN(signup_date), CURRENT_DATE) AS tenure_days,
  /* UNTRANSLATED [func.transform] */ TRANSFORM(COLLECT_LIST(segment), s -> UPPER(s)) AS segments
FROM src_c360_customers
GROUP BY customer_id;`,
		Rules: map[string]int{"func.datediff": 1, "func.current-date": 1},
		Residue: []*diag.Diagnostic{
			finding("dimensions/dim_customers.sql", 7, 3, diag.Error, "func.transform", "TRANSFORM with a lambda has no Flink equivalent"),
			finding("dimensions/dim_customers.sql", 7, 13, diag.Error, "func.collect_list", "COLLECT_LIST inside TRANSFORM: element order is not guaranteed in Flink"),
		},
		Notes: []*diag.Diagnostic{
			finding("dimensions/dim_customers.sql", 6, 41, diag.Warning, "func.current-date", "CURRENT_DATE is evaluated per record in streaming, not once per batch"),
		},
	}
	view := &result.Table{
		SparkName: "customer_analytics_c360",
		FlinkName: "customer_analytics_c360",
		Layer:     "views",
		Product:   "c360",
		SparkFile: "views/customer_analytics_c360.sql",
		SparkPos:  pos(2, 1),
		Status:    result.Translated,
		Columns: []result.Column{
			{Name: "customer_id", Type: "STRING"},
			{Name: "email", Type: "STRING", Nullable: true},
			{Name: "tenure_days", Type: "INT", Nullable: true},
		},
		Changelog: result.Retract,
		KeyReason: "a regular join of two updating tables carries no unique key",
		Deps:      []string{"c360_dim_customers", "src_c360_customers"},
		DDL: `CREATE TABLE IF NOT EXISTS customer_analytics_c360 (
  customer_id STRING NOT NULL,
  email STRING,
  tenure_days INT
) WITH (
  'changelog.mode' = 'retract'
);`,
		DML: `INSERT INTO customer_analytics_c360
SELECT c.customer_id, c.email, d.tenure_days
FROM src_c360_customers c
JOIN c360_dim_customers d ON c.customer_id = d.customer_id;`,
		Rules: map[string]int{"syntax.order-by": 1},
		Notes: []*diag.Diagnostic{
			finding("views/customer_analytics_c360.sql", 9, 1, diag.Warning, "syntax.order-by", "final ORDER BY tenure_days DESC dropped: it has no meaning on an unbounded stream"),
			finding("views/customer_analytics_c360.sql", 6, 1, diag.Warning, "stream.regular-join", "regular join keeps both sides in state forever; consider a state TTL | a temporal join"),
		},
	}
	run := &result.Run{Product: "c360", Profile: "confluent", Tables: []*result.Table{customers, dim, view}}
	run.Diags.Add("views/customer_analytics_c360.sql", pos(1, 1), diag.Warning, "", "comment block at top of file ignored")
	return run
}

// LLMRun returns the sample run after the LLM loop: the dimension finished
// by the model on its second attempt (the first was rejected by the dry
// run), and the view failed after three rejected answers.
func LLMRun() *result.Run {
	r := Run()
	dim, view := r.Tables[1], r.Tables[2]
	dim.LLM = &result.LLMProvenance{
		Model: "qwen2.5-coder", Attempts: 2, DryRun: "Flink 2.1.1",
		Notes:    "COLLECT_LIST became ARRAY_AGG; the element order is not guaranteed",
		Errors:   []string{"dml.c360_dim_customers.sql:5:3: Flink 2.1.1 rejects it [dml]: No match found for function signature TRANSFORM(<RecordType>, <LAMBDA>)"},
		RulesDDL: dim.DDL, RulesDML: dim.DML, Residue: dim.Residue,
	}
	dim.DML = `INSERT INTO c360_dim_customers
SELECT
  customer_id,
  TIMESTAMPDIFF(DAY, MIN(signup_date), CURRENT_DATE) AS tenure_days,
  ARRAY_AGG(UPPER(segment)) AS segments
FROM src_c360_customers
GROUP BY customer_id;`
	dim.Residue = nil
	dim.Status = result.LLM

	view.Residue = append(view.Residue, finding("pipelines/views/c360/customer_analytics_c360/sql-scripts/dml.customer_analytics_c360.sql", 2, 8,
		diag.Error, "dryrun.dml", "Flink rejects it: Column 'email' is ambiguous"))
	view.LLM = &result.LLMProvenance{
		Model: "qwen2.5-coder", Attempts: 3, Cached: true,
		Errors:   []string{"dml.customer_analytics_c360.sql: 2 statements; give exactly one INSERT INTO customer_analytics_c360 and nothing else"},
		RulesDDL: view.DDL, RulesDML: view.DML, Residue: view.Residue,
	}
	view.Status = result.Failed
	r.LLM = &result.LLMRun{Model: "qwen2.5-coder", Tables: 2, Calls: 2, Cached: 3,
		PromptTokens: []int{412, 530, 388, 401, 405}, Checks: "parser, lint"}
	return r
}
