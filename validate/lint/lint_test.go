package lint_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// inputs are the tables the test DML reads (Confluent profile): orders is
// append-only with an event-time attribute order_ts (so $rowtime is not
// one) and a processing-time attribute pt; payments is append-only with
// $rowtime's default watermark; customers is upsert; balances and tiers are upsert with an
// event-time attribute updated_ts (tiers, keyed by customer_id, is the
// versioned table of the temporal joins).
const inputs = `CREATE TABLE orders (
  order_id STRING,
  customer_id STRING,
  amount DECIMAL(10, 2),
  order_ts TIMESTAMP(3),
  pt AS PROCTIME(),
  WATERMARK FOR order_ts AS order_ts - INTERVAL '5' SECOND
) WITH ('changelog.mode' = 'append');
CREATE TABLE customers (
  customer_id STRING,
  name STRING,
  updated_ts TIMESTAMP(3),
  PRIMARY KEY (customer_id) NOT ENFORCED
) WITH ('changelog.mode' = 'upsert');
CREATE TABLE balances (
  account_id STRING,
  customer_id STRING,
  balance DECIMAL(10, 2),
  updated_ts TIMESTAMP(3),
  PRIMARY KEY (account_id) NOT ENFORCED,
  WATERMARK FOR updated_ts AS updated_ts
) WITH ('changelog.mode' = 'upsert');
CREATE TABLE payments (
  payment_id STRING,
  customer_id STRING,
  amount DECIMAL(10, 2)
) WITH ('changelog.mode' = 'append');
CREATE TABLE tiers (
  customer_id STRING,
  tier STRING,
  updated_ts TIMESTAMP(3),
  WATERMARK FOR updated_ts AS updated_ts,
  PRIMARY KEY (customer_id) NOT ENFORCED
) WITH ('changelog.mode' = 'upsert');
`

const (
	appendSink = "CREATE TABLE s (a STRING, n BIGINT) WITH ('changelog.mode' = 'append');\n"
	upsertSink = "CREATE TABLE s (customer_id STRING, n BIGINT, PRIMARY KEY (customer_id) NOT ENFORCED) WITH ('changelog.mode' = 'upsert');\n"
	retract    = "CREATE TABLE s (a STRING, b STRING) WITH ('changelog.mode' = 'retract');\n"
	ossSink    = "CREATE TABLE s (\n  a STRING\n) WITH (\n  'connector' = 'kafka',\n  'topic' = 's',\n  'properties.bootstrap.servers' = 'localhost:9092',\n  'format' = 'json'\n);\n"
	ossRetract = "CREATE TABLE s (a STRING, b STRING) WITH ('connector' = 'kafka', 'topic' = 's', 'properties.bootstrap.servers' = 'localhost:9092', 'format' = 'debezium-json');\n"
)

type row struct {
	rule    string
	name    string
	profile string // "" is confluent
	ddl     string // the sink's DDL (file ddl.sql)
	dml     string // file dml.sql
	want    []string
}

// One row per rule at least, positive and negative; want lists the
// findings of the row's rule only, as "file:line:col severity".
var rows = []row{
	// lint.dedup-shape
	{rule: lint.DedupShape, name: "non-time ordering is a Top-N", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY amount DESC) AS rn
  FROM orders
) WHERE rn = 1;
`, want: []string{"dml.sql:3:13 warning"}},
	{rule: lint.DedupShape, name: "rn <= 1", ddl: retract, dml: `INSERT INTO s
SELECT payment_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY payment_id ORDER BY $rowtime DESC) AS rn
  FROM payments
) WHERE rn <= 1;
`, want: []string{"dml.sql:5:9 warning"}},
	{rule: lint.DedupShape, name: "2 > rn", ddl: retract, dml: `INSERT INTO s
SELECT payment_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY payment_id ORDER BY $rowtime DESC) AS rn
  FROM payments
) WHERE customer_id IS NOT NULL AND 2 > rn;
`, want: []string{"dml.sql:5:37 warning"}},
	{rule: lint.DedupShape, name: "no partition, through a CTE", ddl: retract, dml: `INSERT INTO s
WITH ranked AS (
  SELECT order_id, customer_id, RANK() OVER (ORDER BY order_ts) AS r FROM orders
)
SELECT order_id, customer_id FROM ranked WHERE r = 1;
`, want: []string{"dml.sql:3:33 warning"}},
	{rule: lint.DedupShape, name: "ok: $rowtime DESC, = 1", ddl: retract, dml: `INSERT INTO s
SELECT payment_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY payment_id ORDER BY $rowtime DESC) AS rn
  FROM payments
) WHERE rn = 1;
`},
	{rule: lint.DedupShape, name: "ok: watermark column ASC", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_ts ASC) AS rn
  FROM orders
) WHERE rn = 1;
`},
	{rule: lint.DedupShape, name: "ok: Top-3 is not a dedup", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rn
  FROM orders
) WHERE rn <= 3;
`},

	// lint.over-order
	{rule: lint.OverOrder, name: "non-time ordering", ddl: retract, dml: `INSERT INTO s
SELECT order_id, SUM(amount) OVER (PARTITION BY customer_id ORDER BY amount) AS b FROM orders;
`, want: []string{"dml.sql:2:18 error"}},
	{rule: lint.OverOrder, name: "two keys, one finding per window", ddl: retract, dml: `INSERT INTO s
SELECT
  ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_ts, order_id) AS a,
  LAG(order_id) OVER (PARTITION BY customer_id ORDER BY order_ts, order_id) AS b
FROM orders;
`, want: []string{"dml.sql:3:3 error"}},
	{rule: lint.OverOrder, name: "unknown input: warning", ddl: retract, dml: `INSERT INTO s
SELECT a, LAG(b) OVER (PARTITION BY a ORDER BY ts) AS b FROM elsewhere;
`, want: []string{"dml.sql:2:11 warning"}},
	{rule: lint.OverOrder, name: "ok: time attribute, renamed in a CTE", ddl: retract, dml: `INSERT INTO s
WITH o AS (SELECT order_id, customer_id, amount, order_ts AS ts FROM orders)
SELECT order_id, CAST(SUM(amount) OVER (PARTITION BY customer_id ORDER BY ts) AS STRING) AS b FROM o;
`},
	{rule: lint.OverOrder, name: "ok: PROCTIME() column of the DDL", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(SUM(amount) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM orders;\n"},
	{rule: lint.OverOrder, name: "ok: PROCTIME() selected in a subquery", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY p) AS STRING) FROM (SELECT order_id, customer_id, PROCTIME() AS p FROM orders);\n"},
	{rule: lint.OverOrder, name: "PROCTIME() under DESC", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY pt DESC) AS STRING) FROM orders;\n", want: []string{"dml.sql:1:37 error"}},

	// lint.over-updating: one line per case; TestOverUpdatingAgreesWithFlink
	// plans each of them on Flink. Windows are ordered by a time attribute
	// Flink keeps (PROCTIME() selected above a join or an aggregation), so the
	// updating input is the only thing Flink can object to.
	{rule: lint.OverUpdating, name: "ok: append table", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_ts) AS STRING) FROM orders;\n"},
	{rule: lint.OverUpdating, name: "ok: PROCTIME() over a dedup keeping the first row", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_ts) AS rn FROM orders) WHERE rn = 1;\n"},
	{rule: lint.OverUpdating, name: "ok: inner join of append tables", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM (SELECT o.order_id, o.customer_id, PROCTIME() AS pt FROM orders o JOIN orders r ON o.order_id = r.order_id);\n"},
	{rule: lint.OverUpdating, name: "ok: dedup of an upsert table (Flink's Rank accepts updates)", ddl: retract, dml: "INSERT INTO s SELECT account_id, customer_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_ts DESC) AS rn FROM balances) WHERE rn = 1;\n"},
	{rule: lint.OverUpdating, name: "ok: Top-N over a GROUP BY subquery", ddl: retract, dml: "INSERT INTO s SELECT customer_id, CAST(total AS STRING) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY total DESC) AS rn FROM (SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id)) WHERE rn <= 3;\n"},
	{rule: lint.OverUpdating, name: "GROUP BY subquery", ddl: retract, dml: "INSERT INTO s SELECT customer_id, CAST(SUM(total) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM (SELECT customer_id, SUM(amount) AS total, PROCTIME() AS pt FROM orders GROUP BY customer_id);\n", want: []string{"dml.sql:1:40 error"}},
	{rule: lint.OverUpdating, name: "upsert table", ddl: retract, dml: "INSERT INTO s SELECT account_id, CAST(AVG(balance) OVER (PARTITION BY customer_id ORDER BY updated_ts) AS STRING) FROM balances;\n", want: []string{"dml.sql:1:39 error"}},
	{rule: lint.OverUpdating, name: "upsert-kafka table (oss)", profile: lint.OSS, ddl: ossRetract, dml: "INSERT INTO s SELECT account_id, CAST(LAG(balance) OVER (PARTITION BY customer_id ORDER BY updated_ts) AS STRING) FROM balances;\n", want: []string{"dml.sql:1:39 error"}},
	{rule: lint.OverUpdating, name: "LEFT JOIN", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM (SELECT o.order_id, o.customer_id, PROCTIME() AS pt FROM orders o LEFT JOIN orders r ON o.order_id = r.order_id);\n", want: []string{"dml.sql:1:37 error"}},
	{rule: lint.OverUpdating, name: "dedup keeping the last row", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_ts) AS STRING) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_ts DESC) AS rn FROM orders) WHERE rn = 1;\n", want: []string{"dml.sql:1:37 error"}},
	{rule: lint.OverUpdating, name: "NOT EXISTS", ddl: retract, dml: "INSERT INTO s SELECT order_id, CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY pt) AS STRING) FROM (SELECT order_id, customer_id, PROCTIME() AS pt FROM orders o WHERE NOT EXISTS (SELECT 1 FROM orders r WHERE r.customer_id = o.customer_id AND r.amount > o.amount));\n", want: []string{"dml.sql:1:37 error"}},
	{rule: lint.OverUpdating, name: "ROW_NUMBER without a rank filter, in a CTE", ddl: retract, dml: "INSERT INTO s WITH b AS (SELECT account_id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY updated_ts) AS n FROM balances) SELECT account_id, CAST(n AS STRING) FROM b;\n", want: []string{"dml.sql:1:45 error"}},

	// lint.append-sink-updating
	{rule: lint.AppendSink, name: "aggregate into append", ddl: appendSink, dml: `INSERT INTO s
SELECT customer_id AS a, COUNT(*) AS n FROM orders GROUP BY customer_id;
`, want: []string{"dml.sql:1:1 error"}},
	{rule: lint.AppendSink, name: "kafka connector is append (oss)", profile: lint.OSS, ddl: ossSink, dml: `INSERT INTO s
SELECT DISTINCT customer_id AS a FROM orders;
`, want: []string{"dml.sql:1:1 error"}},
	{rule: lint.AppendSink, name: "ok: filter into append", ddl: appendSink, dml: `INSERT INTO s
SELECT order_id AS a, 1 AS n FROM orders WHERE amount > 0;
`},
	{rule: lint.AppendSink, name: "ok: window aggregate into append", ddl: appendSink, dml: `INSERT INTO s
SELECT customer_id AS a, COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, customer_id;
`},
	{rule: lint.AppendSink, name: "ok: temporal join of an upsert table into append", ddl: appendSink, dml: `INSERT INTO s
SELECT t.tier AS a, 1 AS n
FROM orders o
LEFT JOIN tiers FOR SYSTEM_TIME AS OF o.order_ts AS t ON o.customer_id = t.customer_id;
`},
	{rule: lint.AppendSink, name: "ok: left interval join into append", ddl: appendSink, dml: `INSERT INTO s
SELECT a.order_id AS a, 1 AS n
FROM orders a
LEFT JOIN orders b ON a.customer_id = b.customer_id AND b.order_ts BETWEEN a.order_ts AND a.order_ts + INTERVAL '1' HOUR;
`},
	{rule: lint.AppendSink, name: "regular left join into append", ddl: appendSink, dml: `INSERT INTO s
SELECT c.name AS a, 1 AS n
FROM orders o
LEFT JOIN customers c ON o.customer_id = c.customer_id;
`, want: []string{"dml.sql:1:1 error"}},

	// lint.temporal-join: TestTemporalJoinAgreesWithFlink plans each row.
	{rule: lint.TemporalJoin, name: "ok: versioned table, AS OF the left's watermark column", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, t.tier
FROM orders o
JOIN tiers FOR SYSTEM_TIME AS OF o.order_ts AS t ON o.customer_id = t.customer_id;
`},
	{rule: lint.TemporalJoin, name: "no primary key", ddl: retract, dml: `INSERT INTO s
SELECT a.order_id, b.customer_id
FROM orders a
JOIN orders FOR SYSTEM_TIME AS OF a.order_ts AS b ON a.order_id = b.order_id;
`, want: []string{"dml.sql:4:6 error"}},
	{rule: lint.TemporalJoin, name: "no event-time attribute (oss)", profile: lint.OSS, ddl: ossSink, dml: `INSERT INTO s
SELECT c.name
FROM orders o
JOIN customers FOR SYSTEM_TIME AS OF o.order_ts AS c ON o.customer_id = c.customer_id;
`, want: []string{"dml.sql:4:6 error"}},
	{rule: lint.TemporalJoin, name: "AS OF an expression", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, t.tier
FROM orders o
JOIN tiers FOR SYSTEM_TIME AS OF o.order_ts - INTERVAL '1' HOUR AS t ON o.customer_id = t.customer_id;
`, want: []string{"dml.sql:4:34 error"}},
	{rule: lint.TemporalJoin, name: "AS OF a column that is not a time attribute", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, t.tier
FROM orders o
JOIN tiers FOR SYSTEM_TIME AS OF o.$rowtime AS t ON o.customer_id = t.customer_id;
`, want: []string{"dml.sql:4:34 error"}},
	{rule: lint.TemporalJoin, name: "AS OF PROCTIME() selected under a name", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, t.tier
FROM (SELECT order_id, customer_id, PROCTIME() AS at_time FROM orders) o
JOIN tiers FOR SYSTEM_TIME AS OF o.at_time AS t ON o.customer_id = t.customer_id;
`, want: []string{"dml.sql:4:34 error"}},
	{rule: lint.TemporalJoin, name: "AS OF a processing-time attribute", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, t.tier
FROM orders o
JOIN tiers FOR SYSTEM_TIME AS OF o.pt AS t ON o.customer_id = t.customer_id;
`, want: []string{"dml.sql:4:34 error"}},

	// lint.upsert-key
	{rule: lint.UpsertKey, name: "primary key is not the GROUP BY key", ddl: upsertSink, dml: `INSERT INTO s
SELECT customer_id, order_id, COUNT(*) AS n FROM orders GROUP BY customer_id, order_id;
`, want: []string{"dml.sql:1:1 error"}},
	{rule: lint.UpsertKey, name: "upsert without key", ddl: "CREATE TABLE s (a STRING) WITH ('changelog.mode' = 'upsert');\n", dml: `INSERT INTO s
SELECT DISTINCT customer_id FROM orders;
`, want: []string{"dml.sql:1:1 error"}},
	{rule: lint.UpsertKey, name: "no derivable key", ddl: upsertSink, dml: `INSERT INTO s
SELECT o.customer_id, 1 AS n FROM orders o LEFT JOIN customers c ON o.customer_id = c.customer_id;
`, want: []string{"dml.sql:1:1 warning"}},
	{rule: lint.UpsertKey, name: "ok: GROUP BY the key", ddl: upsertSink, dml: `INSERT INTO s
SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id;
`},

	// lint.current-time
	{rule: lint.CurrentTime, name: "in an aggregation", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, CAST(CURRENT_DATE AS STRING), NOW() FROM orders GROUP BY customer_id;
`, want: []string{"dml.sql:2:26 warning", "dml.sql:2:51 warning"}},
	{rule: lint.CurrentTime, name: "ok: append-only query", ddl: appendSink, dml: `INSERT INTO s
SELECT order_id, CAST(CURRENT_TIMESTAMP AS STRING) FROM orders;
`},

	// lint.order-limit
	{rule: lint.OrderLimit, name: "ORDER BY a non-time column", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM orders
ORDER BY amount DESC;
`, want: []string{"dml.sql:3:10 error"}},
	{rule: lint.OrderLimit, name: "Top-N", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM orders ORDER BY amount LIMIT 10;
`, want: []string{"dml.sql:2:51 warning"}},
	{rule: lint.OrderLimit, name: "LIMIT alone", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM orders LIMIT 10;
`, want: []string{"dml.sql:2:48 warning"}},
	{rule: lint.OrderLimit, name: "ORDER BY the time attribute", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM orders ORDER BY order_ts;
`, want: []string{"dml.sql:2:51 warning"}},
	{rule: lint.OrderLimit, name: "ok: ORDER BY inside an OVER", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM (SELECT * FROM orders ORDER BY order_ts LIMIT 3) AS t;
`},

	// lint.join-state-ttl
	{rule: lint.JoinTTL, name: "regular join", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, c.name
FROM orders o
JOIN customers c ON o.customer_id = c.customer_id;
`, want: []string{"dml.sql:4:1 warning"}},
	{rule: lint.JoinTTL, name: "EXISTS", ddl: retract, dml: `INSERT INTO s
SELECT c.customer_id, c.name FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id);
`, want: []string{"dml.sql:3:7 warning"}},
	{rule: lint.JoinTTL, name: "ok: temporal join", ddl: retract, dml: `INSERT INTO s
SELECT o.order_id, c.name
FROM orders o
JOIN customers FOR SYSTEM_TIME AS OF o.order_ts AS c ON o.customer_id = c.customer_id;
`},
	{rule: lint.JoinTTL, name: "ok: interval join", ddl: retract, dml: `INSERT INTO s
SELECT a.order_id, b.order_id
FROM orders a
JOIN orders b ON a.customer_id = b.customer_id AND b.order_ts BETWEEN a.order_ts - INTERVAL '1' HOUR AND a.order_ts;
`},
	{rule: lint.JoinTTL, name: "ok: STATE_TTL hint", ddl: retract, dml: `INSERT INTO s
SELECT /*+ STATE_TTL('o' = '1d', 'c' = '7d') */ o.order_id, c.name
FROM orders o
JOIN customers c ON o.customer_id = c.customer_id;
`},
	{rule: lint.JoinTTL, name: "ok: SET sql.state-ttl", ddl: retract, dml: `SET 'sql.state-ttl' = '7 d';
INSERT INTO s
SELECT o.order_id, c.name
FROM orders o
JOIN customers c ON o.customer_id = c.customer_id;
`},

	// lint.time-bucket-group-by
	{rule: lint.TimeBucket, name: "FLOOR on the event time", ddl: retract, dml: `INSERT INTO s
SELECT CAST(FLOOR(order_ts TO HOUR) AS STRING), CAST(COUNT(*) AS STRING)
FROM orders
GROUP BY FLOOR(order_ts TO HOUR);
`, want: []string{"dml.sql:4:10 warning"}},
	{rule: lint.TimeBucket, name: "DATE_FORMAT on a plain timestamp", ddl: retract, dml: `INSERT INTO s
SELECT DATE_FORMAT(updated_ts, 'yyyy-MM'), CAST(COUNT(*) AS STRING)
FROM customers
GROUP BY DATE_FORMAT(updated_ts, 'yyyy-MM');
`, want: []string{"dml.sql:4:10 info"}},
	{rule: lint.TimeBucket, name: "legacy TUMBLE", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, CAST(COUNT(*) AS STRING)
FROM orders
GROUP BY TUMBLE(order_ts, INTERVAL '1' HOUR), customer_id;
`, want: []string{"dml.sql:4:10 warning"}},
	{rule: lint.TimeBucket, name: "ok: window TVF", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, CAST(COUNT(*) AS STRING)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end, customer_id;
`},

	// lint.confluent-only
	{rule: lint.ConfluentOnly, name: "Confluent DDL in oss", profile: lint.OSS, ddl: `CREATE TABLE s (
  a STRING
)
DISTRIBUTED BY HASH(a) INTO 4 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.format' = 'avro-registry'
);
`, want: []string{"ddl.sql:1:14 error", "ddl.sql:4:1 error", "ddl.sql:6:3 error", "ddl.sql:7:3 error"}},
	{rule: lint.ConfluentOnly, name: "$rowtime and sql.* in oss", profile: lint.OSS, ddl: ossSink, dml: `SET 'sql.state-ttl' = '1 d';
INSERT INTO s
SELECT order_id FROM orders WHERE $rowtime > TIMESTAMP '2024-01-01 00:00:00';
`, want: []string{"dml.sql:1:1 error", "dml.sql:3:35 error"}},
	{rule: lint.ConfluentOnly, name: "ok: kafka table in oss", profile: lint.OSS, ddl: ossSink, dml: `INSERT INTO s
SELECT order_id FROM orders;
`},

	// lint.oss-only
	{rule: lint.OSSOnly, name: "connector options in confluent", ddl: `CREATE TABLE s (
  a STRING
) WITH (
  'connector' = 'kafka',
  'properties.bootstrap.servers' = 'localhost:9092',
  'value.format' = 'avro-confluent'
);
`, want: []string{"ddl.sql:4:3 error", "ddl.sql:5:3 error", "ddl.sql:6:3 error"}},
	{rule: lint.OSSOnly, name: "watermark on a metadata timestamp, table.exec setting", ddl: `CREATE TABLE s (
  a STRING,
  ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
);
`, dml: `SET 'table.exec.state.ttl' = '1 d';
INSERT INTO s SELECT order_id FROM orders;
`, want: []string{"ddl.sql:4:3 info", "dml.sql:1:1 warning"}},
	{rule: lint.OSSOnly, name: "ok: confluent table", ddl: upsertSink},

	// lint.select-star
	{rule: lint.SelectStar, name: "top-level star", ddl: retract, dml: `INSERT INTO s
SELECT * FROM orders;
`, want: []string{"dml.sql:2:8 warning"}},
	{rule: lint.SelectStar, name: "ok: star in a subquery", ddl: retract, dml: `INSERT INTO s
SELECT order_id, customer_id FROM (SELECT * FROM orders);
`},

	// lint.unordered-collect
	{rule: lint.UnorderedAgg, name: "ARRAY_AGG", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, ARRAY_AGG(order_id) FROM orders GROUP BY customer_id;
`, want: []string{"dml.sql:2:21 warning"}},
	{rule: lint.UnorderedAgg, name: "ok: sorted", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, ARRAY_SORT(ARRAY_AGG(order_id)) FROM orders GROUP BY customer_id;
`},

	// lint.count-distinct-state
	{rule: lint.CountDistinct, name: "unbounded", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, COUNT(DISTINCT order_id) FROM orders GROUP BY customer_id;
`, want: []string{"dml.sql:2:21 info"}},
	{rule: lint.CountDistinct, name: "ok: windowed", ddl: retract, dml: `INSERT INTO s
SELECT customer_id, COUNT(DISTINCT order_id)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_ts), INTERVAL '1' DAY))
GROUP BY window_start, window_end, customer_id;
`},

	// lint.sink-ddl
	{rule: lint.MissingSinkDDL, name: "no DDL", dml: `INSERT INTO nowhere
SELECT order_id FROM orders;
`, want: []string{"dml.sql:1:13 warning"}},
	{rule: lint.MissingSinkDDL, name: "ok: DDL", ddl: appendSink, dml: `INSERT INTO s SELECT order_id AS a, 1 AS n FROM orders;
`},

	// syntax.parse and syntax.spark-only, through LintTable
	{rule: lint.SyntaxParse, name: "does not parse", ddl: retract, dml: `INSERT INTO s
SELECT a, FROM orders;
`, want: []string{"dml.sql:2:11 error"}},
	{rule: lint.SyntaxSparkOnly, name: "LATERAL VIEW", ddl: retract, dml: `INSERT INTO s
SELECT a, x FROM orders LATERAL VIEW explode(arr) t AS x;
`, want: []string{"dml.sql:2:25 error"}},
	{rule: lint.SyntaxSparkOnly, name: "ok: UNNEST", ddl: retract, dml: `INSERT INTO s
SELECT a, x FROM orders CROSS JOIN UNNEST(arr) AS t(x);
`},
}

func lintRow(t *testing.T, r row) diag.List {
	t.Helper()
	profile := r.profile
	if profile == "" {
		profile = lint.Confluent
	}
	in := inputs
	if profile == lint.OSS {
		in = strings.ReplaceAll(in, "'changelog.mode' = 'append'", "'connector' = 'kafka'")
		in = strings.ReplaceAll(in, "'changelog.mode' = 'upsert'", "'connector' = 'upsert-kafka'")
	}
	cat := lint.Catalog{}
	if l := cat.AddSQL("inputs.sql", in, profile); len(l) > 0 {
		t.Fatalf("inputs: %s", l)
	}
	// $rowtime is quoted in Flink SQL; the rows write it bare to stay raw strings.
	q := func(s string) string { return strings.ReplaceAll(s, "$rowtime", "`$rowtime`") }
	return lint.LintTable("ddl.sql", q(r.ddl), "dml.sql", q(r.dml), profile, cat)
}

func TestRules(t *testing.T) {
	for _, r := range rows {
		t.Run(r.rule+"/"+r.name, func(t *testing.T) {
			all := lintRow(t, r)
			got := []string{}
			for _, d := range all {
				if d.Rule == r.rule {
					got = append(got, fmt.Sprintf("%s:%d:%d %s", d.File, d.Line, d.Col, d.Severity))
				}
			}
			want := r.want
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(got, want) {
				t.Errorf("findings of %s:\n got %q\nwant %q\nall findings:\n%s", r.rule, got, want, all.String())
			}
			for _, d := range all {
				if d.Rule == r.rule && strings.HasPrefix(d.Rule, "lint.") && !strings.Contains(d.Msg, "; fix: ") {
					t.Errorf("message without a fix hint: %s", d)
				}
			}
		})
	}
}

// TestEveryRuleHasRows: each registered rule has a positive and a negative row.
func TestEveryRuleHasRows(t *testing.T) {
	pos, neg := map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		if len(r.want) > 0 {
			pos[r.rule] = true
		} else {
			neg[r.rule] = true
		}
		if lint.RuleByID(r.rule) == nil {
			t.Errorf("row %q: rule %s is not registered", r.name, r.rule)
		}
	}
	for _, r := range lint.Rules() {
		if !pos[r.ID] {
			t.Errorf("rule %s has no positive row", r.ID)
		}
		if !neg[r.ID] && r.ID != lint.SyntaxParse {
			t.Errorf("rule %s has no negative row", r.ID)
		}
		if r.Title == "" || r.Doc == "" || r.Fix == "" {
			t.Errorf("rule %s: title, doc and fix are required", r.ID)
		}
	}
}
