package rules

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// testTypeOf gives column types by name prefix, so that rows can exercise
// the typed branches: d* DATE, ts* TIMESTAMP, i* INT, l* BIGINT, s* STRING,
// x* DOUBLE, arr* ARRAY<STRING>, m* MAP<STRING, INT>. Other names are of
// unknown type.
func testTypeOf(e ast.Expr) *ast.Type {
	n, ok := e.(*ast.Name)
	if !ok {
		return nil
	}
	name := n.Last().Name
	for _, p := range []struct{ prefix, typ string }{
		{"arr", "ARRAY<STRING>"}, {"ts", "TIMESTAMP"}, {"d", "DATE"}, {"i", "INT"}, {"l", "BIGINT"},
		{"s", "STRING"}, {"x", "DOUBLE"}, {"m", "MAP<STRING, INT>"},
	} {
		if strings.HasPrefix(name, p.prefix) {
			t, err := parser.ParseType(p.typ, token.Spark)
			if err != nil {
				panic(err)
			}
			return t
		}
	}
	return nil
}

// row is one rule's test: the Spark expression and the Flink text it must
// become. A residue row has no Flink text; it names the residue rule and the
// position the diagnostic must have. diag names a note the rule must record.
type row struct {
	id    string
	spark string
	flink string
	diag  string // a diagnostic rule id the translation must record
	pos   string // residue rows: line:col of the diagnostic
}

var rows = []row{
	// ---- functions: dates and times
	{id: "spark.fn.datediff", spark: "datediff(d_end, ts_start)", flink: "TIMESTAMPDIFF(DAY, CAST(ts_start AS DATE), d_end)"},
	{id: "spark.fn.datediff", spark: "datediff(HOUR, ts_a, ts_b)", flink: "TIMESTAMPDIFF(HOUR, ts_a, ts_b)"},
	{id: "spark.fn.timestampdiff", spark: "timestampdiff(WEEK, ts_a, ts_b)", flink: "TIMESTAMPDIFF(DAY, ts_a, ts_b) / 7"},
	{id: "spark.fn.date_add", spark: "date_add(d, 7)", flink: "d + INTERVAL '7' DAY"},
	{id: "spark.fn.date_add", spark: "date_add(ts, n)", flink: "TIMESTAMPADD(DAY, n, CAST(ts AS DATE))"},
	{id: "spark.fn.date_add", spark: "date_add(d, 365)", flink: "d + INTERVAL '365' DAY(3)"},
	{id: "spark.fn.date_sub", spark: "date_sub(d, 30)", flink: "d - INTERVAL '30' DAY"},
	{id: "spark.fn.date_sub", spark: "date_sub(d, n + 1)", flink: "TIMESTAMPADD(DAY, -(n + 1), d)"},
	{id: "spark.fn.timestampadd", spark: "dateadd(HOUR, 2, ts)", flink: "TIMESTAMPADD(HOUR, 2, ts)"},
	{id: "spark.fn.add_months", spark: "add_months(d, 3)", flink: "TIMESTAMPADD(MONTH, 3, d)"},
	{id: "spark.fn.months_between", spark: "months_between(d_a, d_b)", flink: "CAST(TIMESTAMPDIFF(MONTH, d_b, d_a) AS DOUBLE)", diag: "spark.fn.months_between"},
	{id: "spark.fn.to_date", spark: "to_date(s_day)", flink: "CAST(s_day AS DATE)", diag: "spark.fn.to_date"},
	{id: "spark.fn.to_date", spark: "to_date(s_day, 'dd/MM/yyyy')", flink: "TO_DATE(s_day, 'dd/MM/yyyy')"},
	{id: "spark.fn.to_date", spark: "to_date(s_day, 'yyyy-QQ')", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.to_timestamp", spark: "to_timestamp(s_at, 'yyyy-MM-dd HH:mm:ss.SSS')", flink: "TO_TIMESTAMP(s_at, 'yyyy-MM-dd HH:mm:ss.SSS')"},
	{id: "spark.fn.to_timestamp", spark: "to_timestamp(d)", flink: "CAST(d AS TIMESTAMP(3))"},
	{id: "spark.fn.date_format", spark: "date_format(d, 'yyyy-LL')", flink: "DATE_FORMAT(CAST(d AS TIMESTAMP(3)), 'yyyy-MM')"},
	{id: "spark.fn.date_format", spark: "date_format(ts, col_fmt)", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.from_unixtime", spark: "from_unixtime(l_epoch, 'yyyy-MM-dd')", flink: "FROM_UNIXTIME(l_epoch, 'yyyy-MM-dd')"},
	{id: "spark.fn.unix_timestamp", spark: "unix_timestamp(ts)", flink: "UNIX_TIMESTAMP(DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss'))"},
	{id: "spark.fn.unix_timestamp", spark: "unix_timestamp(s_at, 'yyyy/MM/dd')", flink: "UNIX_TIMESTAMP(s_at, 'yyyy/MM/dd')", diag: "spark.fn.unix_timestamp"},
	{id: "spark.fn.date_trunc", spark: "date_trunc('MM', ts)", flink: "FLOOR(ts TO MONTH)"},
	{id: "spark.fn.date_trunc", spark: "date_trunc('week', ts)", flink: "CAST(TIMESTAMPADD(DAY, -MOD(DAYOFWEEK(CAST(ts AS DATE)) + 5, 7), CAST(ts AS DATE)) AS TIMESTAMP(3))"},
	{id: "spark.fn.trunc", spark: "trunc(d, 'year')", flink: "FLOOR(d TO YEAR)"},
	{id: "spark.fn.date", spark: "date(ts)", flink: "CAST(ts AS DATE)"},
	{id: "spark.fn.current_date", spark: "current_date()", flink: "CURRENT_DATE", diag: "spark.fn.current_date"},
	{id: "spark.fn.current_timestamp", spark: "now()", flink: "LOCALTIMESTAMP", diag: "spark.fn.current_timestamp"},
	{id: "spark.fn.dayofweek", spark: "dayofweek(s_day)", flink: "CAST(DAYOFWEEK(CAST(s_day AS DATE)) AS INT)"},
	{id: "spark.fn.weekday", spark: "weekday(d)", flink: "MOD(DAYOFWEEK(d) + 5, 7)"},
	{id: "spark.fn.weekofyear", spark: "weekofyear(d)", flink: "CAST(WEEK(d) AS INT)", diag: "spark.fn.weekofyear"},
	{id: "spark.fn.day", spark: "day(d)", flink: "CAST(DAYOFMONTH(d) AS INT)"},
	{id: "spark.fn.last_day", spark: "last_day(ts)", flink: "TIMESTAMPADD(DAY, -1, TIMESTAMPADD(MONTH, 1, FLOOR(CAST(ts AS DATE) TO MONTH)))"},
	{id: "spark.fn.date_part", spark: "date_part('doy', d)", flink: "CAST(EXTRACT(DOY FROM d) AS INT)"},
	{id: "spark.fn.timestamp_seconds", spark: "timestamp_millis(l_ms)", flink: "CAST(TO_TIMESTAMP_LTZ(l_ms, 3) AS TIMESTAMP(3))"},
	{id: "spark.fn.unsupported_datetime", spark: "next_day(d, 'MO')", pos: "1:1", diag: ResidueFunction},

	// ---- functions: NULLs and conditionals
	{id: "spark.fn.nvl", spark: "nvl(a, 0)", flink: "COALESCE(a, 0)"},
	{id: "spark.fn.nvl", spark: "ifnull(a, 'x')", flink: "COALESCE(a, 'x')"},
	{id: "spark.fn.nvl2", spark: "nvl2(a, 1, 0)", flink: "CASE WHEN a IS NOT NULL THEN 1 ELSE 0 END"},
	{id: "spark.fn.isnull", spark: "isnull(a)", flink: "a IS NULL"},
	{id: "spark.fn.isnotnull", spark: "isnotnull(a)", flink: "a IS NOT NULL"},
	{id: "spark.fn.greatest", spark: "greatest(a, b)", flink: "GREATEST(COALESCE(a, b), COALESCE(b, a))"},

	// ---- functions: aggregates
	{id: "spark.fn.avg", spark: "avg(i_qty)", flink: "AVG(CAST(i_qty AS DOUBLE))"},
	{id: "spark.fn.avg", spark: "avg(amount)", flink: "AVG(amount)", diag: "spark.fn.avg"},
	{id: "spark.fn.sum", spark: "sum(i_qty) OVER (PARTITION BY k)", flink: "SUM(CAST(i_qty AS BIGINT)) OVER (PARTITION BY k)"},
	{id: "spark.fn.stddev", spark: "stddev(i_qty)", flink: "STDDEV_SAMP(CAST(i_qty AS DOUBLE))"},
	{id: "spark.fn.stddev_pop", spark: "stddev_pop(x_amount)", flink: "STDDEV_POP(x_amount)"},
	{id: "spark.fn.variance", spark: "variance(DISTINCT v)", flink: "VAR_SAMP(DISTINCT CAST(v AS DOUBLE))"},
	{id: "spark.fn.var_pop", spark: "var_pop(v)", flink: "VAR_POP(CAST(v AS DOUBLE))"},
	{id: "spark.fn.collect_list", spark: "collect_list(v)", flink: "ARRAY_AGG(v IGNORE NULLS)", diag: "spark.fn.collect_list"},
	{id: "spark.fn.collect_set", spark: "collect_set(v)", flink: "ARRAY_AGG(DISTINCT v IGNORE NULLS)", diag: "spark.fn.collect_set"},
	{id: "spark.fn.approx_count_distinct", spark: "approx_count_distinct(v, 0.01)", flink: "COUNT(DISTINCT v)", diag: "spark.fn.approx_count_distinct"},
	{id: "spark.fn.percentile", spark: "percentile(v, 0.5)", flink: "PERCENTILE(v, 0.5)", diag: "spark.fn.percentile"},
	{id: "spark.fn.percentile_approx", spark: "percentile_approx(v, 0.9, 100)", flink: "PERCENTILE(v, 0.9)", diag: "spark.fn.percentile_approx"},
	{id: "spark.fn.count_if", spark: "count_if(v > 0)", flink: "COUNT(CASE WHEN v > 0 THEN 1 END)"},
	{id: "spark.fn.first", spark: "first(v) OVER (ORDER BY ts)", flink: "FIRST_VALUE(v) OVER (ORDER BY ts)"},
	{id: "spark.fn.last", spark: "last(v, true)", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.listagg", spark: "string_agg(v, ',')", flink: "LISTAGG(v, ',')", diag: "spark.fn.listagg"},
	{id: "spark.fn.bool_agg", spark: "bool_or(v)", pos: "1:1", diag: ResidueFunction},

	// ---- functions: strings
	{id: "spark.fn.length", spark: "length(v)", flink: "CHAR_LENGTH(v)"},
	{id: "spark.fn.lcase", spark: "lcase(v)", flink: "LOWER(v)"},
	{id: "spark.fn.ucase", spark: "ucase(v)", flink: "UPPER(v)"},
	{id: "spark.fn.substr", spark: "substring(v, 2, 3)", flink: "SUBSTR(v, 2, 3)"},
	{id: "spark.fn.substr", spark: "substr(v, -3)", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.ltrim", spark: "ltrim('x', v)", flink: "LTRIM(v, 'x')"},
	{id: "spark.fn.rtrim", spark: "rtrim(v)", flink: "RTRIM(v)"},
	{id: "spark.fn.lpad", spark: "lpad(v, 5)", flink: "LPAD(v, 5, ' ')"},
	{id: "spark.fn.rpad", spark: "rpad(v, 5, '0')", flink: "RPAD(v, 5, '0')"},
	{id: "spark.fn.replace", spark: "replace(v, '-')", flink: "REPLACE(v, '-', '')"},
	{id: "spark.fn.instr", spark: "instr(v, '@')", flink: "INSTR(v, '@')"},
	{id: "spark.fn.locate", spark: "locate('@', v, 2)", flink: "LOCATE('@', v, 2)"},
	{id: "spark.fn.position", spark: "position('@', v)", flink: "POSITION('@' IN v)"},
	{id: "spark.fn.contains", spark: "contains(v, 'x')", flink: "POSITION('x' IN v) > 0"},
	{id: "spark.fn.substring_index", spark: "substring_index(email, '@', -1)", flink: "REVERSE(SPLIT_INDEX(REVERSE(email), REVERSE('@'), 0))"},
	{id: "spark.fn.split_part", spark: "split_part(v, ',', 2)", flink: "SPLIT_INDEX(v, ',', 1)", diag: "spark.fn.split_part"},
	{id: "spark.fn.initcap", spark: "initcap(v)", flink: "INITCAP(v)", diag: "spark.fn.initcap"},
	{id: "spark.fn.reverse", spark: "reverse(arr_tags)", flink: "ARRAY_REVERSE(arr_tags)"},
	{id: "spark.fn.regexp_extract", spark: "regexp_extract(v, '([0-9]+)')", flink: "REGEXP_EXTRACT(v, '([0-9]+)', 1)"},
	{id: "spark.fn.regexp_like", spark: "regexp_like(v, '^a')", flink: "REGEXP(v, '^a')"},
	{id: "spark.fn.regexp_replace", spark: "regexp_replace(v, '\\\\s+', ' ')", flink: `REGEXP_REPLACE(v, '\s+', ' ')`},
	{id: "spark.fn.split", spark: "split(v, '\\\\|')", flink: "SPLIT(v, '|')"},
	{id: "spark.fn.split", spark: "split(v, '[,;]')", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.concat_ws", spark: "concat_ws(',', arr_tags)", flink: "ARRAY_JOIN(arr_tags, ',')"},
	{id: "spark.fn.concat_ws", spark: "concat_ws('-', a, b)", flink: "CONCAT_WS('-', a, b)"},
	{id: "spark.fn.concat", spark: "concat(arr_a, arr_b)", flink: "ARRAY_CONCAT(arr_a, arr_b)"},
	{id: "spark.fn.base64", spark: "base64(v)", flink: "TO_BASE64(v)"},
	{id: "spark.fn.unbase64", spark: "unbase64(v)", flink: "FROM_BASE64(v)", diag: "spark.fn.unbase64"},
	{id: "spark.fn.printf", spark: "format_string('%05d', v)", flink: "PRINTF('%05d', v)"},
	{id: "spark.fn.chr", spark: "char(65)", flink: "CHR(65)", diag: "spark.fn.chr"},
	{id: "spark.fn.get_json_object", spark: "get_json_object(payload, '$.user.id')", flink: "JSON_VALUE(payload, '$.user.id')", diag: "spark.fn.get_json_object"},
	{id: "spark.fn.from_json", spark: "from_json(payload, 'id INT, name STRING')", flink: "CAST(ROW(JSON_VALUE(payload, '$.id' RETURNING INTEGER), JSON_VALUE(payload, '$.name')) AS ROW<id INT, name STRING>)", diag: "spark.fn.from_json"},
	{id: "spark.fn.from_json", spark: "from_json(payload, 'tags ARRAY<STRING>')", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.to_json", spark: "to_json(v)", flink: "JSON_STRING(v)", diag: "spark.fn.to_json"},
	{id: "spark.fn.json_tuple", spark: "json_tuple(payload, 'a')", pos: "1:1", diag: ResidueFunction},

	// ---- functions: hashes and math
	{id: "spark.fn.md5", spark: "md5(v)", flink: "MD5(v)"},
	{id: "spark.fn.sha1", spark: "sha(v)", flink: "SHA1(v)"},
	{id: "spark.fn.sha2", spark: "sha2(v, 256)", flink: "SHA256(v)"},
	{id: "spark.fn.hash", spark: "xxhash64(a, b)", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.power", spark: "pow(a, 2)", flink: "POWER(a, 2)"},
	{id: "spark.fn.log", spark: "log(10, v)", flink: "LOG(10, v)"},
	{id: "spark.fn.ln", spark: "ln(v)", flink: "LN(v)"},
	{id: "spark.fn.sign", spark: "signum(v)", flink: "SIGN(v)"},
	{id: "spark.fn.rand", spark: "random()", flink: "RAND()"},
	{id: "spark.fn.ceil_floor", spark: "ceil(x_amount)", flink: "CAST(CEIL(x_amount) AS BIGINT)"},
	{id: "spark.fn.ceil_floor", spark: "floor(v)", flink: "FLOOR(v)", diag: "spark.fn.ceil_floor"},
	{id: "spark.fn.pmod", spark: "pmod(a, 7)", flink: "MOD(MOD(a, 7) + 7, 7)"},
	{id: "spark.fn.negative", spark: "negative(a)", flink: "-a"},
	{id: "spark.fn.positive", spark: "positive(a)", flink: "a"},
	{id: "spark.fn.unsupported_math", spark: "bround(v, 2)", pos: "1:1", diag: ResidueFunction},

	// ---- functions: collections
	{id: "spark.fn.size", spark: "size(arr_tags)", flink: "CARDINALITY(arr_tags)", diag: "spark.fn.size"},
	{id: "spark.fn.element_at", spark: "element_at(arr_tags, -1)", flink: "arr_tags[CARDINALITY(arr_tags)]"},
	{id: "spark.fn.element_at", spark: "element_at(m_attrs, 'k')", flink: "m_attrs['k']"},
	{id: "spark.fn.get", spark: "get(arr_tags, 0)", flink: "arr_tags[1]"},
	{id: "spark.fn.array", spark: "array(1, 2)", flink: "ARRAY[1, 2]"},
	{id: "spark.fn.array", spark: "array()", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.map", spark: "map('a', 1)", flink: "MAP['a', 1]"},
	{id: "spark.fn.named_struct", spark: "named_struct('id', i_id, 'name', s_name)", flink: "CAST(ROW(i_id, s_name) AS ROW<id INT, name STRING>)"},
	{id: "spark.fn.named_struct", spark: "named_struct('id', v)", flink: "ROW(v)", diag: "spark.fn.named_struct"},
	{id: "spark.fn.struct", spark: "struct(i_id, s_name AS name)", flink: "CAST(ROW(i_id, s_name) AS ROW<i_id INT, name STRING>)"},
	{id: "spark.fn.array_contains", spark: "array_contains(arr_tags, 'vip')", flink: "ARRAY_CONTAINS(arr_tags, 'vip')"},
	{id: "spark.fn.sort_array", spark: "sort_array(arr_tags, false)", flink: "ARRAY_SORT(arr_tags, FALSE)"},
	{id: "spark.fn.array_sort", spark: "array_sort(arr_tags)", flink: "ARRAY_SORT(arr_tags, TRUE, FALSE)"},
	{id: "spark.fn.slice", spark: "slice(arr_tags, 2, 3)", flink: "ARRAY_SLICE(arr_tags, 2, 4)"},
	{id: "spark.fn.map_concat", spark: "map_concat(m_a, m_b)", flink: "MAP_UNION(m_a, m_b)", diag: "spark.fn.map_concat"},
	{id: "spark.fn.explode", spark: "explode(arr_tags)", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.lambda", spark: "transform(arr_tags, t -> upper(t))", pos: "1:1", diag: ResidueFunction},
	{id: "spark.fn.unsupported_array", spark: "flatten(v)", pos: "1:1", diag: ResidueFunction},

	// ---- functions: casts
	{id: "spark.fn.cast_string", spark: "string(i_id)", flink: "CAST(i_id AS STRING)"},
	{id: "spark.fn.cast_int", spark: "int(v)", flink: "CAST(v AS INT)"},
	{id: "spark.fn.cast_bigint", spark: "bigint(v)", flink: "CAST(v AS BIGINT)"},
	{id: "spark.fn.cast_smallint", spark: "smallint(v)", flink: "CAST(v AS SMALLINT)"},
	{id: "spark.fn.cast_tinyint", spark: "tinyint(v)", flink: "CAST(v AS TINYINT)"},
	{id: "spark.fn.cast_double", spark: "double(v)", flink: "CAST(v AS DOUBLE)"},
	{id: "spark.fn.cast_float", spark: "float(v)", flink: "CAST(v AS FLOAT)"},
	{id: "spark.fn.cast_boolean", spark: "boolean(v)", flink: "CAST(v AS BOOLEAN)"},
	{id: "spark.fn.cast_decimal", spark: "decimal(v)", flink: "CAST(v AS DECIMAL(10, 0))"},
	{id: "spark.fn.cast_timestamp", spark: "timestamp(v)", flink: "CAST(v AS TIMESTAMP(3))"},
	{id: "spark.fn.cast_binary", spark: "binary(v)", flink: "CAST(v AS BYTES)"},

	// ---- types (inside CAST)
	{id: "spark.type.string", spark: "CAST(v AS STRING)", flink: "CAST(v AS STRING)"},
	{id: "spark.type.varchar", spark: "CAST(v AS VARCHAR(10))", flink: "CAST(v AS VARCHAR(10))"},
	{id: "spark.type.char", spark: "CAST(v AS CHAR(3))", flink: "CAST(v AS CHAR(3))"},
	{id: "spark.type.tinyint", spark: "CAST(v AS BYTE)", flink: "CAST(v AS TINYINT)"},
	{id: "spark.type.smallint", spark: "CAST(v AS SHORT)", flink: "CAST(v AS SMALLINT)"},
	{id: "spark.type.int", spark: "CAST(v AS INTEGER)", flink: "CAST(v AS INT)"},
	{id: "spark.type.bigint", spark: "CAST(v AS LONG)", flink: "CAST(v AS BIGINT)"},
	{id: "spark.type.float", spark: "CAST(v AS REAL)", flink: "CAST(v AS FLOAT)"},
	{id: "spark.type.double", spark: "CAST(v AS DOUBLE)", flink: "CAST(v AS DOUBLE)"},
	{id: "spark.type.decimal", spark: "CAST(v AS DEC)", flink: "CAST(v AS DECIMAL(10, 0))"},
	{id: "spark.type.boolean", spark: "CAST(v AS BOOLEAN)", flink: "CAST(v AS BOOLEAN)"},
	{id: "spark.type.date", spark: "CAST(ts AS DATE)", flink: "CAST(ts AS DATE)"},
	{id: "spark.type.timestamp", spark: "CAST(v AS TIMESTAMP)", flink: "CAST(v AS TIMESTAMP(3))"},
	{id: "spark.type.timestamp_ltz", spark: "CAST(v AS TIMESTAMP_LTZ)", flink: "CAST(v AS TIMESTAMP(3))"},
	{id: "spark.type.binary", spark: "CAST(v AS BINARY)", flink: "CAST(v AS BYTES)"},
	{id: "spark.type.array", spark: "CAST(v AS ARRAY<LONG>)", flink: "CAST(v AS ARRAY<BIGINT>)"},
	{id: "spark.type.map", spark: "CAST(v AS MAP<STRING, LONG>)", flink: "CAST(v AS MAP<STRING, BIGINT>)"},
	{id: "spark.type.struct", spark: "CAST(v AS STRUCT<a: LONG, b: STRING>)", flink: "CAST(v AS ROW<a BIGINT, b STRING>)"},

	// ---- literals, intervals, casts, operators
	{id: "spark.literal.suffix", spark: "1L + 2", flink: "CAST(1 AS BIGINT) + 2"},
	{id: "spark.literal.suffix", spark: "1.5D", flink: "CAST(1.5 AS DOUBLE)"},
	{id: "spark.literal.suffix", spark: "2BD", flink: "CAST(2 AS DECIMAL(1, 0))"},
	{id: "spark.literal.string", spark: `"it's"`, flink: "'it''s'"},
	{id: "spark.literal.string", spark: `'a\tb\u0041'`, flink: "'a\tbA'"},
	{id: "spark.literal.typed", spark: "DATE '2024-1-5'", flink: "DATE '2024-01-05'"},
	{id: "spark.interval", spark: "INTERVAL 30 DAYS", flink: "INTERVAL '30' DAY"},
	{id: "spark.interval", spark: "INTERVAL 1 DAY 2 HOURS", flink: "(INTERVAL '1' DAY + INTERVAL '2' HOUR)"},
	{id: "spark.interval", spark: "INTERVAL '2 weeks'", flink: "INTERVAL '14' DAY"},
	{id: "spark.interval", spark: "INTERVAL 1500 MILLISECONDS", flink: "INTERVAL '1.5' SECOND"},
	{id: "spark.cast.colons", spark: "v::int", flink: "CAST(v AS INT)"},
	{id: "spark.cast.lenient", spark: "CAST(s_qty AS INT)", flink: "TRY_CAST(s_qty AS INT)", diag: "spark.cast.lenient"},
	{id: "spark.cast.timestamp_string", spark: "CAST(ts AS STRING)", flink: "CAST(ts AS STRING)", diag: "spark.cast.timestamp_string"},
	{id: "spark.op.not", spark: "!flag", flink: "NOT flag"},
	{id: "spark.op.eq", spark: "a == b", flink: "a = b"},
	{id: "spark.fn.datepart_int", spark: "hour(ts_x)", flink: "CAST(HOUR(ts_x) AS INT)"},
	{id: "spark.fn.datepart_int", spark: "extract(month FROM d_x)", flink: "CAST(EXTRACT(MONTH FROM d_x) AS INT)"},
	{id: "spark.op.divide", spark: "i_num / l_den", flink: "CAST(i_num AS DOUBLE) / l_den"},
	{id: "spark.op.ne", spark: "a != b", flink: "a <> b"},
	{id: "spark.op.and", spark: "a && b", flink: "a AND b"},
	{id: "spark.op.null_safe_eq", spark: "a <=> b", flink: "a IS NOT DISTINCT FROM b"},
	{id: "spark.op.concat_array", spark: "arr_a || arr_b", flink: "ARRAY_CONCAT(arr_a, arr_b)"},
	{id: "spark.op.rlike", spark: "v NOT RLIKE '^[0-9]+$'", flink: "NOT REGEXP(v, '^[0-9]+$')"},
	{id: "spark.op.ilike", spark: "v ILIKE 'a%'", flink: "LOWER(v) LIKE LOWER('a%')"},
	{id: "spark.op.like_any", spark: "v LIKE ANY ('a%', 'b%')", flink: "(v LIKE 'a%' OR v LIKE 'b%')"},
	{id: "spark.subscript", spark: "arr_tags[0]", flink: "arr_tags[1]"},
	{id: "spark.subscript", spark: "split(v, ',')[i]", flink: "SPLIT(v, ',')[i + 1]"},
	{id: "spark.subscript", spark: "v[2]", flink: "v[3]", diag: "spark.subscript"},
	{id: "spark.compare.date_string", spark: "d >= '2024-01-01'", flink: "d >= DATE '2024-01-01'"},
	{id: "spark.compare.date_string", spark: "ts BETWEEN '2024-01-01' AND '2024-02-01 12:00'", flink: "ts BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-02-01 12:00:00'"},
	{id: "spark.current_time", spark: "current_timestamp", flink: "LOCALTIMESTAMP", diag: "spark.current_time"},

	// ---- residue
	{id: ResidueFunction, spark: "a + my_udf(b)", pos: "1:5"},
	{id: ResidueFunction, spark: "db.my_udf(b)", pos: "1:1"},
	{id: ResidueOperator, spark: "a & 3", pos: "1:1"},
	{id: ResidueType, spark: "CAST(v AS INTERVAL DAY)", pos: "1:1"},
	{id: ResidueLiteral, spark: "INTERVAL '3 decades'", pos: "1:1"},
}

// translate parses a Spark expression, runs the rules and prints the
// result in the Flink dialect.
func translate(t *testing.T, src string) (string, ast.Expr, *Context) {
	t.Helper()
	e, err := parser.ParseExpr(src, token.Spark)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	c := &Context{File: "t.sql", Diags: &diag.List{}, Applied: map[string]int{}, TypeOf: testTypeOf}
	out := TranslateExpr(c, e)
	return printer.Print(out, printer.Config{Dialect: token.Flink}), out, c
}

func TestRules(t *testing.T) {
	for _, r := range rows {
		t.Run(r.id+"/"+r.spark, func(t *testing.T) {
			got, _, c := translate(t, r.spark)
			residue := r.flink == ""
			if !residue {
				if got != r.flink {
					t.Errorf("%s\n got: %s\nwant: %s", r.spark, got, r.flink)
				}
				if c.Applied[r.id] == 0 {
					t.Errorf("rule %s did not count itself: applied %v", r.id, c.Applied)
				}
				if c.Diags.HasErrors() {
					t.Errorf("unexpected residue:\n%s", c.Diags)
				}
				if _, err := parser.ParseExpr(got, token.Flink); err != nil {
					t.Errorf("output does not parse as Flink: %s: %v", got, err)
				}
			}
			want := r.diag
			if residue && want == "" {
				want = r.id
			}
			if want != "" && !hasDiag(*c.Diags, want, r.pos) {
				t.Errorf("want a [%s] diagnostic at %q, got:\n%s", want, r.pos, c.Diags)
			}
		})
	}
}

func hasDiag(l diag.List, rule, pos string) bool {
	for _, d := range l {
		if d.Rule == rule && (pos == "" || d.Pos.String() == pos) {
			return true
		}
	}
	return false
}

// TestEveryRuleHasARow fails when a registered rule id has no test row, or
// a row names a rule that does not exist.
func TestEveryRuleHasARow(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range FuncRules {
		ids[r.ID] = true
	}
	for _, r := range TypeRules {
		ids[r.ID] = true
	}
	for _, r := range ExprRules {
		ids[r.ID] = true
	}
	for _, id := range ResidueRules {
		ids[id] = true
	}
	tested := map[string]bool{}
	for _, r := range rows {
		tested[r.id] = true
		if !ids[r.id] {
			t.Errorf("row for unknown rule %s", r.id)
		}
	}
	var missing []string
	for id := range ids {
		if !tested[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	for _, id := range missing {
		t.Errorf("rule %s has no test row", id)
	}
}

// TestEmittedFunctionsAreFlinkBuiltins checks every function name a rule
// writes against the Flink built-in list.
func TestEmittedFunctionsAreFlinkBuiltins(t *testing.T) {
	for _, r := range rows {
		if r.flink == "" {
			continue
		}
		_, out, _ := translate(t, r.spark)
		ast.Inspect(out, func(n ast.Node) bool {
			if f, ok := n.(*ast.Func); ok {
				if name := strings.ToLower(nameString(f.Name)); !flinkBuiltins[name] {
					t.Errorf("%s: emits %s, not a Flink built-in", r.id, name)
				}
			}
			return true
		})
	}
	for name := range sameInFlink {
		if !flinkBuiltins[name] {
			t.Errorf("%s is kept as the same in Flink but is not in flinkBuiltins", name)
		}
	}
}

// TestDatePattern pins the pattern-letter translation.
func TestDatePattern(t *testing.T) {
	for _, tc := range []struct{ in, out, bad string }{
		{"yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", ""},
		{"dd/LL/yy 'at' h a", "dd/MM/yy 'at' h a", ""},
		{"EEE, d MMM yyyy", "EEE, d MMM yyyy", ""},
		{"yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", ""},
		{"yyyy-QQ", "", "letter 'Q'"},
		{"HH:mm:ss.SSSSSS", "", "fraction of second"},
		{"YYYY", "", "letter 'Y'"},
	} {
		out, bad := FlinkDatePattern(tc.in)
		if out != tc.out || !strings.Contains(bad, tc.bad) || (tc.bad == "") != (bad == "") {
			t.Errorf("FlinkDatePattern(%q) = %q, %q; want %q, %q", tc.in, out, bad, tc.out, tc.bad)
		}
	}
}

// TestStatement runs the rules over a whole statement.
func TestStatement(t *testing.T) {
	f, errs := parser.ParseFile("t.sql", "SELECT nvl(a, 0) AS a, date_add(d, 1) AS n FROM t WHERE d >= '2024-01-01' AND s RLIKE 'x'", token.Spark)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	c := &Context{File: "t.sql", TypeOf: testTypeOf}
	TranslateExprs(c, f.Stmts[0])
	got := printer.Print(f.Stmts[0], printer.Config{Dialect: token.Flink})
	for _, want := range []string{"COALESCE(a, 0) AS a", "d + INTERVAL '1' DAY AS n", "d >= DATE '2024-01-01'", "REGEXP(s, 'x')"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if fmt.Sprint(c.Applied["spark.fn.nvl"]) != "1" {
		t.Errorf("applied: %v", c.Applied)
	}
}

// TestEmptyArrayNeedsItsType: ARRAY() becomes a typed empty array only
// when Spark's type of it is known (inside COALESCE the caller supplies
// it); otherwise it stays residue.
func TestEmptyArrayNeedsItsType(t *testing.T) {
	e, err := parser.ParseExpr("array()", token.Spark)
	if err != nil {
		t.Fatal(err)
	}
	elem, _ := parser.ParseType("ARRAY<STRING>", token.Spark)
	c := &Context{File: "t.sql", TypeOf: func(x ast.Expr) *ast.Type {
		if x == e {
			return elem
		}
		return nil
	}}
	got := printer.Print(TranslateExpr(c, e), printer.Config{Dialect: token.Flink})
	if got != "ARRAY_SLICE(ARRAY[CAST(NULL AS STRING)], 2, 1)" {
		t.Errorf("typed empty array = %s", got)
	}
	c = &Context{File: "t.sql"}
	TranslateExpr(c, e)
	if len(*c.Diags) != 1 || (*c.Diags)[0].Rule != ResidueFunction {
		t.Errorf("untyped empty array: %v", *c.Diags)
	}
}
