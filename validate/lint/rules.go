package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/validate/syntax"
)

// Rule ids. They are stable: reports, SARIF consumers and suppressions
// refer to them.
const (
	DedupShape      = "lint.dedup-shape"
	OverOrder       = "lint.over-order"
	OverUpdating    = "lint.over-updating"
	TemporalJoin    = "lint.temporal-join"
	AppendSink      = "lint.append-sink-updating"
	UpsertKey       = "lint.upsert-key"
	CurrentTime     = "lint.current-time"
	OrderLimit      = "lint.order-limit"
	JoinTTL         = "lint.join-state-ttl"
	TimeBucket      = "lint.time-bucket-group-by"
	ConfluentOnly   = "lint.confluent-only"
	OSSOnly         = "lint.oss-only"
	SelectStar      = "lint.select-star"
	UnorderedAgg    = "lint.unordered-collect"
	CountDistinct   = "lint.count-distinct-state"
	MissingSinkDDL  = "lint.sink-ddl"
	SyntaxParse     = syntax.RuleParse
	SyntaxSparkOnly = syntax.RuleSparkOnly
)

// Rule documents one check: its id, default severity, a one-line title,
// a paragraph explaining why it matters in streaming, and how to fix it.
// A finding may be more or less severe than its rule's default when the
// evidence is stronger or weaker (see each Doc).
type Rule struct {
	ID       string
	Severity diag.Severity
	Title    string
	Doc      string
	Fix      string
}

var registry = []*Rule{
	{
		ID: SyntaxParse, Severity: diag.Error,
		Title: "The generated file does not parse as Flink SQL",
		Doc:   "Every generated statement is parsed with the Flink-dialect parser. A statement that does not parse cannot be deployed, and the other rules cannot look at it.",
		Fix:   "Correct the statement at the reported line; when it comes from the translator, report the Spark construct that produced it.",
	},
	{
		ID: SyntaxSparkOnly, Severity: diag.Error,
		Title: "A Spark-only construct in generated Flink SQL",
		Doc:   "The parser reads one AST for both dialects, so a Spark construct (LATERAL VIEW, QUALIFY, PIVOT, x::t, LEFT SEMI JOIN, MERGE, SELECT * EXCEPT...) parses, but Flink rejects it.",
		Fix:   "Rewrite it in Flink SQL as the message says.",
	},
	{
		ID: DedupShape, Severity: diag.Warning,
		Title: "Deduplication not in the shape Flink recognises",
		Doc: "Flink plans a deduplication (one row of state per key) only for ROW_NUMBER() OVER (PARTITION BY k ORDER BY <time attribute> ASC|DESC) " +
			"filtered by rn = 1 in the query level right above it. Ordering by a column that is not a time attribute, ordering by several columns, " +
			"RANK or DENSE_RANK, or a filter written rn <= 1 or rn < 2 make it a Top-N, which keeps a sorted list of rows per key and emits updates; " +
			"without PARTITION BY all rows go through one task.",
		Fix: "Write ROW_NUMBER() OVER (PARTITION BY <key> ORDER BY $rowtime ASC|DESC) AS rn in a subquery and WHERE rn = 1 in the query right above it.",
	},
	{
		ID: OverOrder, Severity: diag.Error,
		Title: "OVER window not ordered by one ascending time attribute",
		Doc: "In streaming, Flink computes OVER aggregates (SUM/AVG/LAG/ROW_NUMBER ... OVER) only when the window is ordered by a single time attribute, ascending; " +
			"any other ordering is rejected by the planner. A time attribute is an event-time column with a WATERMARK ($rowtime on Confluent Cloud) or a processing-time " +
			"column (AS PROCTIME() in the DDL, or PROCTIME() AS name in a query), selected as it is or renamed. " +
			"A ROW_NUMBER followed by a rank filter is a Top-N or a deduplication instead (see lint.dedup-shape). " +
			"The finding is an error when the ordering is certainly not a time attribute (several columns, DESC, an expression, or a column of a known table " +
			"without a watermark), a warning when the tables read are unknown.",
		Fix: "Order the window by the event-time attribute ($rowtime, or a column with a WATERMARK), or compute the sequence with a rank filter (Top-N).",
	},
	{
		ID: OverUpdating, Severity: diag.Error,
		Title: "OVER aggregate over an updating input",
		Doc: "Flink computes an OVER aggregate (SUM/AVG/COUNT/LAG/LEAD/ROW_NUMBER ... OVER (PARTITION BY ... ORDER BY <time attribute>)) only on rows that are appended: " +
			"its planner rejects an input with updates or deletes (\"StreamPhysicalOverAggregate doesn't support consuming update and delete changes\"). " +
			"The rows a SELECT block reads update when it reads an upsert or retract table, a subquery with a GROUP BY, an aggregate or DISTINCT, an outer join, " +
			"a join with an updating table, a NOT EXISTS or NOT IN subquery, or a deduplication that keeps the last row (translate/streaming works this out; the message says why). " +
			"A ROW_NUMBER, RANK or DENSE_RANK filtered by a rank filter in the query above is a Top-N or a deduplication, which Flink's Rank operator computes on updating input too: it is not reported.",
		Fix: "Compute the window on append-only rows: read the append-only table upstream of the aggregation, join or upsert table (the raw topic, or a deduplication keeping the first row), " +
			"or express it with what accepts updates: a GROUP BY aggregation, or a ROW_NUMBER with a rank filter (Top-N).",
	},
	{
		ID: TemporalJoin, Severity: diag.Error,
		Title: "Temporal join Flink cannot plan",
		Doc: "JOIN t FOR SYSTEM_TIME AS OF l.ts reads the version of t's row valid at l.ts: t must be a versioned table, with a PRIMARY KEY (which the ON clause equates) " +
			"and an event-time attribute (a WATERMARK column; on Confluent Cloud every table has $rowtime), and l.ts must be a time attribute of the left side, " +
			"as it is, not an expression of it. Flink's planner rejects any other form. A processing-time attribute after AS OF makes a lookup join, which needs " +
			"a connector that supports lookups (JDBC, HBase...), not a Kafka table.",
		Fix: "Declare the right table with PRIMARY KEY (...) NOT ENFORCED and a WATERMARK, and write AS OF <left alias>.<event-time attribute> ($rowtime, or the left table's WATERMARK column).",
	},
	{
		ID: AppendSink, Severity: diag.Error,
		Title: "Updating query written into an append-only table",
		Doc: "A query with an aggregation, an outer join, a deduplication that keeps the last row, a Top-N... produces updates and retractions. " +
			"A table declared 'changelog.mode' = 'append' (or with the kafka connector, or on Confluent Cloud without a primary key) accepts only inserts: " +
			"the INSERT fails at planning time, or every update is appended as a new row.",
		Fix: "Declare the sink as an upsert table with the query's key as PRIMARY KEY ('changelog.mode' = 'upsert', or the upsert-kafka connector), or make the query append-only (window TVF, interval or temporal join).",
	},
	{
		ID: UpsertKey, Severity: diag.Error,
		Title: "Upsert table whose primary key is not a key of the query",
		Doc: "An upsert table keeps one row per primary key: when the query produces several rows with the same primary key value, they overwrite each other " +
			"and rows silently disappear. The key of the query follows from its GROUP BY, deduplication or join keys (translate/streaming). " +
			"Error when the derived key is not contained in the primary key, or an upsert table has no primary key; warning when no key can be derived for an updating query.",
		Fix: "Make the PRIMARY KEY the query's key (the GROUP BY or PARTITION BY columns), or add the key columns to the query.",
	},
	{
		ID: CurrentTime, Severity: diag.Warning,
		Title: "CURRENT_DATE / CURRENT_TIMESTAMP / NOW in an updating query",
		Doc: "In streaming, CURRENT_DATE, CURRENT_TIMESTAMP, NOW(), LOCALTIMESTAMP are evaluated per record, when the record is processed, not once per batch run. " +
			"In an updating query, a retraction is recomputed later with another value, so it no longer matches the row it should retract, and results drift.",
		Fix: "Use the record's event time ($rowtime or an event-time column) instead of the wall clock, or compute the value downstream at query time.",
	},
	{
		ID: OrderLimit, Severity: diag.Warning,
		Title: "Top-level ORDER BY or LIMIT in an INSERT",
		Doc: "A stream has no final order. Flink rejects a top-level ORDER BY that is not on an ascending time attribute (error); " +
			"ORDER BY ... LIMIT n is a global Top-N that runs in one task and emits updates; LIMIT alone keeps the first n rows that arrive and then stops.",
		Fix: "Remove the ORDER BY/LIMIT (order when reading the sink), or write a per-key Top-N with ROW_NUMBER.",
	},
	{
		ID: JoinTTL, Severity: diag.Warning,
		Title: "Regular join of unbounded streams without state TTL",
		Doc: "A regular join (or an IN/EXISTS subquery) keeps every row of both sides in state forever, since a matching row may arrive at any time. " +
			"On Kafka-backed tables the state grows without bound. The batch query often meant the version of the dimension valid at the event time, or a bounded time range.",
		Fix: "Use a temporal join (JOIN dim FOR SYSTEM_TIME AS OF t.$rowtime), an interval join (ON ... AND a.ts BETWEEN b.ts - INTERVAL ... AND b.ts), " +
			"or bound the state with a /*+ STATE_TTL('alias' = '7d') */ hint or SET 'sql.state-ttl' (Confluent) / 'table.exec.state.ttl' (Flink).",
	},
	{
		ID: TimeBucket, Severity: diag.Warning,
		Title: "GROUP BY on a time bucket that a window table function would express",
		Doc: "Grouping by DATE_FORMAT(ts, ...), FLOOR(ts TO HOUR), CAST(ts AS DATE) or a legacy TUMBLE(...) group window is an unbounded aggregation: " +
			"every bucket stays in state and is updated forever. A window table-valued function on an event-time attribute closes each window " +
			"at the watermark and emits one final, append-only row per window. Warning when the column is a time attribute; info otherwise (it needs a watermark first).",
		Fix: "Write FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR($rowtime), INTERVAL '1' HOUR)) ... GROUP BY window_start, window_end, ...",
	},
	{
		ID: ConfluentOnly, Severity: diag.Error,
		Title: "Confluent-only feature in the oss profile",
		Doc: "Open-source Apache Flink has no 'changelog.mode' option, no $rowtime system column, no avro-registry format, no 'kafka.*' table options " +
			"and no 'sql.*' settings, and its Kafka connectors do not support DISTRIBUTED BY ... INTO n BUCKETS; every table needs a 'connector' option.",
		Fix: "Use 'connector' = 'kafka' (append) or 'upsert-kafka' (upsert) with 'topic' and 'properties.bootstrap.servers', 'avro-confluent' formats, " +
			"a metadata timestamp column with a WATERMARK instead of $rowtime, and 'table.exec.*' settings.",
	},
	{
		ID: OSSOnly, Severity: diag.Error,
		Title: "Open-source-only feature in the confluent profile",
		Doc: "Confluent Cloud for Apache Flink manages its tables itself: a 'connector' option other than 'confluent', 'topic', 'properties.*' and the " +
			"avro-confluent format are rejected, and 'table.exec.*' settings are not available. A WATERMARK on a metadata timestamp column (info) duplicates the " +
			"$rowtime system column, which already carries the Kafka timestamp and a default watermark.",
		Fix: "Drop the connector options (the table maps to the topic of the same name), use 'avro-registry' formats, 'sql.*' settings, and $rowtime.",
	},
	{
		ID: SelectStar, Severity: diag.Warning,
		Title: "SELECT * into a sink",
		Doc: "The columns of SELECT * follow the source table: when the source gains, loses or reorders a column, the INSERT no longer matches the sink's " +
			"schema, and a running statement cannot pick up the change.",
		Fix: "List the columns explicitly in the order of the sink's DDL.",
	},
	{
		ID: UnorderedAgg, Severity: diag.Warning,
		Title: "ARRAY_AGG / LISTAGG without an order guarantee",
		Doc: "Flink's ARRAY_AGG and LISTAGG (Spark's COLLECT_LIST, CONCAT_WS over a list) give their elements in arrival order, which changes from run to run " +
			"and after each retraction; COLLECT gives a MULTISET with no order at all.",
		Fix: "Wrap the result in ARRAY_SORT(...), or do not depend on the order of the elements.",
	},
	{
		ID: CountDistinct, Severity: diag.Info,
		Title: "COUNT(DISTINCT) keeps every distinct value in state",
		Doc:   "An unbounded COUNT(DISTINCT x) keeps each distinct value of x for each group in state for ever. This is correct but grows with the data.",
		Fix:   "Consider a window TVF, a state TTL, or APPROX_COUNT_DISTINCT where an estimate is enough.",
	},
	{
		ID: MissingSinkDDL, Severity: diag.Warning,
		Title: "INSERT into a table without a DDL",
		Doc:   "The sink of an INSERT is declared in the table's ddl file. Without it the rules on the sink (changelog mode, primary key) cannot run, and the deployment fails.",
		Fix:   "Write the CREATE TABLE of the sink in its ddl file.",
	},
}

// Rules returns every rule, in documentation order.
func Rules() []*Rule { return append([]*Rule(nil), registry...) }

// RuleByID returns the rule with the given id, or nil.
func RuleByID(id string) *Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Version is part of every table's incremental key, with the rule ids and
// severities (Fingerprint): a re-run keeps a table's recorded findings only
// while the rules that produced them are the same. Adding a rule or
// changing a severity changes the fingerprint by itself; bump Version when
// an existing rule starts finding more, less or other things.
const Version = 2

// Fingerprint names the rule set: Version and every rule's id and default
// severity, in documentation order.
func Fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "lint %d\n", Version)
	for _, r := range registry {
		fmt.Fprintf(h, "%s %s\n", r.ID, r.Severity)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
