package rules

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// FuncRules maps a lower-case Spark function name to its rule; aliases share
// one rule. It is filled from funcTable.
var FuncRules = map[string]*FuncRule{}

// funcEntry registers a rule under its Spark names.
type funcEntry struct {
	names string // space-separated lower-case Spark names
	rule  *FuncRule
}

func init() {
	for _, e := range funcTable {
		for _, n := range strings.Fields(e.names) {
			if FuncRules[n] != nil {
				panic("rules: function registered twice: " + n)
			}
			if sameInFlink[n] {
				panic("rules: function both ruled and kept: " + n)
			}
			FuncRules[n] = e.rule
		}
	}
}

// rename builds a rule that only changes the function's name (keeping
// DISTINCT, FILTER, OVER), with an optional note on a semantic difference.
func rename(id, spark, flink, note string, counts ...int) *FuncRule {
	doc := "→ " + flink + "(...)"
	if note != "" {
		doc += "; note: " + note
	}
	return &FuncRule{ID: id, Spark: spark, Doc: doc, Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
		if len(counts) > 0 && !nargs(f, counts...) {
			return c.fail(f, "unexpected number of arguments (%d)", len(f.Args))
		}
		if note != "" {
			c.note(f.Pos(), id, "%s", note)
		}
		return like(f, flink, f.Args...), true
	}}
}

// unsupported builds a rule that always leaves residue, with the reason.
func unsupported(id, spark, reason string) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "residue: " + reason, Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
		return c.fail(f, "%s", reason)
	}}
}

// castFunc builds the rule for Spark's cast functions: int(x), string(x)...
func castFunc(id, spark string, t *ast.Type) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "→ CAST(x AS " + t.Name + ")", Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
		if !nargs(f, 1) {
			return c.fail(f, "expects one argument")
		}
		tt := *t
		return castTo(f.Pos(), f.Args[0], &tt), true
	}}
}

// funcTable lists every function rule. Keep it grouped by topic; each rule
// has one row in rules_test.go.
var funcTable = []funcEntry{
	// ---- dates and times
	{"datediff date_diff", &FuncRule{ID: "spark.fn.datediff", Spark: "DATEDIFF(end, start) | DATEDIFF(unit, start, end)",
		Doc:     "2 args → TIMESTAMPDIFF(DAY, CAST(start AS DATE), CAST(end AS DATE)) (Spark counts days between the dates, truncating timestamps; note the reversed order); 3 args → TIMESTAMPDIFF(unit, start, end)",
		Rewrite: ruleDatediff}},
	{"timestampdiff", &FuncRule{ID: "spark.fn.timestampdiff", Spark: "TIMESTAMPDIFF(unit, start, end)",
		Doc: "→ TIMESTAMPDIFF(unit, start, end); WEEK → DAY / 7, QUARTER → MONTH / 3", Rewrite: ruleTimestampdiff}},
	{"date_add", &FuncRule{ID: "spark.fn.date_add", Spark: "DATE_ADD(d, n) | DATE_ADD(unit, n, ts)",
		Doc:     "→ CAST(d AS DATE) + INTERVAL 'n' DAY for a literal n, else TIMESTAMPADD(DAY, n, CAST(d AS DATE)); the result stays a DATE",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) { return ruleDateAdd(c, f, false) }}},
	{"date_sub", &FuncRule{ID: "spark.fn.date_sub", Spark: "DATE_SUB(d, n)",
		Doc:     "→ CAST(d AS DATE) - INTERVAL 'n' DAY for a literal n, else TIMESTAMPADD(DAY, -n, CAST(d AS DATE))",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) { return ruleDateAdd(c, f, true) }}},
	{"dateadd timestampadd", &FuncRule{ID: "spark.fn.timestampadd", Spark: "TIMESTAMPADD(unit, n, ts) | DATEADD(unit, n, ts)",
		Doc: "→ TIMESTAMPADD(unit, n, ts)", Rewrite: ruleTimestampadd}},
	{"add_months", &FuncRule{ID: "spark.fn.add_months", Spark: "ADD_MONTHS(d, n)",
		Doc: "→ TIMESTAMPADD(MONTH, n, CAST(d AS DATE)) (both clamp to the month's last day)", Rewrite: ruleAddMonths}},
	{"months_between", &FuncRule{ID: "spark.fn.months_between", Spark: "MONTHS_BETWEEN(t1, t2[, roundOff])",
		Doc: "→ CAST(TIMESTAMPDIFF(MONTH, t2, t1) AS DOUBLE) with a warning: Flink counts whole months, Spark adds a fraction of a 31-day month", Rewrite: ruleMonthsBetween}},
	{"to_date", &FuncRule{ID: "spark.fn.to_date", Spark: "TO_DATE(x[, fmt])",
		Doc: "1 arg → CAST(x AS DATE); 2 args → TO_DATE(x, fmt) with the pattern letters translated", Rewrite: ruleToDate}},
	{"to_timestamp", &FuncRule{ID: "spark.fn.to_timestamp", Spark: "TO_TIMESTAMP(x[, fmt])",
		Doc: "1 arg → CAST(x AS TIMESTAMP(3)); 2 args → TO_TIMESTAMP(x, fmt) with the pattern letters translated", Rewrite: ruleToTimestamp}},
	{"date_format", &FuncRule{ID: "spark.fn.date_format", Spark: "DATE_FORMAT(ts, fmt)",
		Doc: "→ DATE_FORMAT(ts, fmt) with the pattern letters translated; a DATE argument is cast to TIMESTAMP(3)", Rewrite: ruleDateFormat}},
	{"from_unixtime", &FuncRule{ID: "spark.fn.from_unixtime", Spark: "FROM_UNIXTIME(n[, fmt])",
		Doc: "→ FROM_UNIXTIME(n[, fmt]) with the pattern letters translated", Rewrite: ruleFromUnixtime}},
	{"unix_timestamp to_unix_timestamp", &FuncRule{ID: "spark.fn.unix_timestamp", Spark: "UNIX_TIMESTAMP([x[, fmt]])",
		Doc: "→ UNIX_TIMESTAMP(...) (a TIMESTAMP/DATE argument goes through DATE_FORMAT); notes: no argument is evaluated per record in streaming; unparsable strings give Long.MIN_VALUE in Flink, NULL in Spark", Rewrite: ruleUnixTimestamp}},
	{"date_trunc", &FuncRule{ID: "spark.fn.date_trunc", Spark: "DATE_TRUNC(unit, ts)",
		Doc: "→ FLOOR(ts TO unit) (a DATE is cast to TIMESTAMP(3), Spark returns a TIMESTAMP); WEEK → the Monday of the week computed with DAYOFWEEK, since Spark weeks start on Monday", Rewrite: ruleDateTrunc}},
	{"trunc", &FuncRule{ID: "spark.fn.trunc", Spark: "TRUNC(d, unit)",
		Doc: "→ FLOOR(CAST(d AS DATE) TO unit), a DATE; WEEK → the Monday of the week", Rewrite: ruleTrunc}},
	{"date", castFunc("spark.fn.date", "DATE(x)", typ("DATE"))},
	{"current_date curdate", &FuncRule{ID: "spark.fn.current_date", Spark: "CURRENT_DATE()",
		Doc: "→ CURRENT_DATE; note: evaluated per record in streaming, once per query in Spark", Rewrite: ruleCurrentDate}},
	{"current_timestamp now localtimestamp", &FuncRule{ID: "spark.fn.current_timestamp", Spark: "CURRENT_TIMESTAMP() | NOW() | LOCALTIMESTAMP()",
		Doc: "→ LOCALTIMESTAMP (a TIMESTAMP(3) in the session time zone, matching Spark TIMESTAMP → TIMESTAMP(3); Flink's CURRENT_TIMESTAMP is a TIMESTAMP_LTZ(3)); note: evaluated per record in streaming", Rewrite: ruleCurrentTimestamp}},
	{"dayofweek", &FuncRule{ID: "spark.fn.dayofweek", Spark: "DAYOFWEEK(d)",
		Doc: "→ DAYOFWEEK(d) (1 = Sunday in both); a string argument is cast to DATE", Rewrite: dateArgRule("DAYOFWEEK")}},
	{"weekday", &FuncRule{ID: "spark.fn.weekday", Spark: "WEEKDAY(d)",
		Doc: "→ MOD(DAYOFWEEK(d) + 5, 7) (0 = Monday)", Rewrite: ruleWeekday}},
	{"weekofyear", &FuncRule{ID: "spark.fn.weekofyear", Spark: "WEEKOFYEAR(d)",
		Doc: "→ WEEK(d); note: Spark uses ISO-8601 weeks, check Flink's EXTRACT(WEEK) agrees around New Year", Rewrite: ruleWeekOfYear}},
	{"day", &FuncRule{ID: "spark.fn.day", Spark: "DAY(d)", Doc: "→ DAYOFMONTH(d)", Rewrite: dateArgRule("DAYOFMONTH")}},
	{"last_day", &FuncRule{ID: "spark.fn.last_day", Spark: "LAST_DAY(d)",
		Doc: "→ TIMESTAMPADD(DAY, -1, TIMESTAMPADD(MONTH, 1, FLOOR(CAST(d AS DATE) TO MONTH))) (Flink has no LAST_DAY)", Rewrite: ruleLastDay}},
	{"date_part datepart", &FuncRule{ID: "spark.fn.date_part", Spark: "DATE_PART('unit', x)",
		Doc: "→ EXTRACT(unit FROM x)", Rewrite: ruleDatePart}},
	{"timestamp_seconds timestamp_millis", &FuncRule{ID: "spark.fn.timestamp_seconds", Spark: "TIMESTAMP_SECONDS(n) | TIMESTAMP_MILLIS(n)",
		Doc: "→ CAST(TO_TIMESTAMP_LTZ(n, 0|3) AS TIMESTAMP(3)) (session time zone, as Spark shows it)", Rewrite: ruleTimestampSeconds}},
	{"next_day make_date make_timestamp make_interval from_utc_timestamp to_utc_timestamp unix_date unix_seconds unix_millis unix_micros date_from_unix_date timestamp_micros current_timezone window session_window",
		unsupported("spark.fn.unsupported_datetime", "NEXT_DAY, MAKE_DATE, MAKE_TIMESTAMP, MAKE_INTERVAL, FROM/TO_UTC_TIMESTAMP, UNIX_DATE/SECONDS/MILLIS/MICROS, WINDOW ...",
			"Flink has no built-in with the same semantics; rewrite by hand (windows: use Flink window TVFs)")},

	// ---- NULL handling and conditionals
	{"nvl ifnull", &FuncRule{ID: "spark.fn.nvl", Spark: "NVL(a, b) | IFNULL(a, b)", Doc: "→ COALESCE(a, b)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 2) {
				return c.fail(f, "expects two arguments")
			}
			return call(f.Pos(), "COALESCE", f.Args...), true
		}}},
	{"nvl2", &FuncRule{ID: "spark.fn.nvl2", Spark: "NVL2(a, b, c)", Doc: "→ CASE WHEN a IS NOT NULL THEN b ELSE c END",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 3) {
				return c.fail(f, "expects three arguments")
			}
			at := f.Pos()
			return &ast.Case{At: ast.At{At: at}, Whens: []*ast.When{{Cond: &ast.IsExpr{At: ast.At{At: at}, X: f.Args[0], Not: true, What: "NULL"}, Result: f.Args[1]}}, Else: f.Args[2]}, true
		}}},
	{"isnull", &FuncRule{ID: "spark.fn.isnull", Spark: "ISNULL(x) | ISNOTNULL(x)", Doc: "→ x IS [NOT] NULL", Rewrite: ruleIsNull}},
	{"isnotnull", &FuncRule{ID: "spark.fn.isnotnull", Spark: "ISNOTNULL(x)", Doc: "→ x IS NOT NULL", Rewrite: ruleIsNull}},
	{"greatest least", &FuncRule{ID: "spark.fn.greatest", Spark: "GREATEST(a, ...) | LEAST(a, ...)",
		Doc: "→ GREATEST/LEAST(COALESCE(a, b, ...), COALESCE(b, a, ...), ...): Spark skips NULL arguments, Flink returns NULL if any argument is NULL", Rewrite: ruleGreatest}},

	// ---- aggregates
	{"avg mean", &FuncRule{ID: "spark.fn.avg", Spark: "AVG(x) | MEAN(x)",
		Doc: "→ AVG(CAST(x AS DOUBLE)) when x is integral (Spark returns DOUBLE, Flink AVG(INT) an INT); else AVG(x), with a note when the type is unknown", Rewrite: ruleAvg}},
	{"sum", &FuncRule{ID: "spark.fn.sum", Spark: "SUM(x)",
		Doc: "→ SUM(CAST(x AS BIGINT)) when x is INT/SMALLINT/TINYINT (Spark returns BIGINT, Flink SUM(INT) an INT that can overflow); else SUM(x), with a note when the type is unknown", Rewrite: ruleSum}},
	{"stddev std stddev_samp", statRule("spark.fn.stddev", "STDDEV(x) | STD(x) | STDDEV_SAMP(x)", "STDDEV_SAMP")},
	{"stddev_pop", statRule("spark.fn.stddev_pop", "STDDEV_POP(x)", "STDDEV_POP")},
	{"variance var_samp", statRule("spark.fn.variance", "VARIANCE(x) | VAR_SAMP(x)", "VAR_SAMP")},
	{"var_pop", statRule("spark.fn.var_pop", "VAR_POP(x)", "VAR_POP")},
	{"collect_list array_agg", &FuncRule{ID: "spark.fn.collect_list", Spark: "COLLECT_LIST(x) | ARRAY_AGG(x)",
		Doc: "→ ARRAY_AGG(x IGNORE NULLS); note: element order is not guaranteed", Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) { return ruleCollect(c, f, false) }}},
	{"collect_set", &FuncRule{ID: "spark.fn.collect_set", Spark: "COLLECT_SET(x)",
		Doc: "→ ARRAY_AGG(DISTINCT x IGNORE NULLS); note: element order is not guaranteed", Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) { return ruleCollect(c, f, true) }}},
	{"approx_count_distinct", &FuncRule{ID: "spark.fn.approx_count_distinct", Spark: "APPROX_COUNT_DISTINCT(x[, rsd])",
		Doc: "→ COUNT(DISTINCT x); note: exact, and it keeps every distinct value in state", Rewrite: ruleApproxCountDistinct}},
	{"percentile", &FuncRule{ID: "spark.fn.percentile", Spark: "PERCENTILE(x, p[, freq])",
		Doc: "→ PERCENTILE(x, p[, freq]) (both exact with linear interpolation); note: keeps all values in state", Rewrite: rulePercentile}},
	{"percentile_approx approx_percentile", &FuncRule{ID: "spark.fn.percentile_approx", Spark: "PERCENTILE_APPROX(x, p[, accuracy])",
		Doc: "→ PERCENTILE(x, p) with a warning: Flink's is exact and interpolates, Spark's returns an input value", Rewrite: rulePercentileApprox}},
	{"count_if", &FuncRule{ID: "spark.fn.count_if", Spark: "COUNT_IF(cond)", Doc: "→ COUNT(CASE WHEN cond THEN 1 END)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1) {
				return c.fail(f, "expects one argument")
			}
			at := f.Pos()
			cs := &ast.Case{At: ast.At{At: at}, Whens: []*ast.When{{Cond: f.Args[0], Result: num(at, "1")}}}
			return like(f, "COUNT", cs), true
		}}},
	{"first first_value", firstLast("spark.fn.first", "FIRST(x[, ignoreNulls]) | FIRST_VALUE(x)", "FIRST_VALUE")},
	{"last last_value", firstLast("spark.fn.last", "LAST(x[, ignoreNulls]) | LAST_VALUE(x)", "LAST_VALUE")},
	{"string_agg listagg", rename("spark.fn.listagg", "LISTAGG(x[, sep]) | STRING_AGG(x[, sep])", "LISTAGG", "order of the concatenated values is not guaranteed", 1, 2)},
	{"bool_or any some bool_and every", unsupported("spark.fn.bool_agg", "BOOL_OR | ANY | SOME | BOOL_AND | EVERY", "Flink has no boolean aggregate; rewrite as MAX/MIN over CASE WHEN ... THEN 1 ELSE 0 END")},

	// ---- strings
	{"length len char_length character_length", rename("spark.fn.length", "LENGTH(s) | LEN(s) | CHAR_LENGTH(s)", "CHAR_LENGTH", "", 1)},
	{"lcase", rename("spark.fn.lcase", "LCASE(s)", "LOWER", "", 1)},
	{"ucase", rename("spark.fn.ucase", "UCASE(s)", "UPPER", "", 1)},
	{"substr substring", &FuncRule{ID: "spark.fn.substr", Spark: "SUBSTR(s, pos[, len]) | SUBSTRING(s, pos[, len])",
		Doc: "→ SUBSTR(s, pos[, len]); a negative literal pos (counted from the end in Spark) is residue", Rewrite: ruleSubstr}},
	{"ltrim", trimRule("spark.fn.ltrim", "LTRIM(s) | LTRIM(chars, s)", "LTRIM")},
	{"rtrim", trimRule("spark.fn.rtrim", "RTRIM(s) | RTRIM(chars, s)", "RTRIM")},
	{"lpad", padRule("spark.fn.lpad", "LPAD(s, n[, pad])", "LPAD")},
	{"rpad", padRule("spark.fn.rpad", "RPAD(s, n[, pad])", "RPAD")},
	{"replace", &FuncRule{ID: "spark.fn.replace", Spark: "REPLACE(s, search[, repl])", Doc: "→ REPLACE(s, search, repl) ('' when omitted)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			switch len(f.Args) {
			case 2:
				return call(f.Pos(), "REPLACE", f.Args[0], f.Args[1], str(f.Pos(), "")), true
			case 3:
				return call(f.Pos(), "REPLACE", f.Args...), true
			}
			return c.fail(f, "expects two or three arguments")
		}}},
	{"instr", rename("spark.fn.instr", "INSTR(s, sub)", "INSTR", "", 2)},
	{"locate", rename("spark.fn.locate", "LOCATE(sub, s[, pos])", "LOCATE", "", 2, 3)},
	{"position", &FuncRule{ID: "spark.fn.position", Spark: "POSITION(sub, s[, pos])", Doc: "2 args → POSITION(sub IN s); 3 args → LOCATE(sub, s, pos)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			switch len(f.Args) {
			case 2:
				return &ast.Position{At: ast.At{At: f.Pos()}, Sub: f.Args[0], X: f.Args[1]}, true
			case 3:
				return call(f.Pos(), "LOCATE", f.Args...), true
			}
			return c.fail(f, "expects two or three arguments")
		}}},
	{"contains", &FuncRule{ID: "spark.fn.contains", Spark: "CONTAINS(s, sub)", Doc: "→ POSITION(sub IN s) > 0",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 2) {
				return c.fail(f, "expects two arguments")
			}
			at := f.Pos()
			return bin(at, ">", &ast.Position{At: ast.At{At: at}, Sub: f.Args[1], X: f.Args[0]}, num(at, "0")), true
		}}},
	{"substring_index", &FuncRule{ID: "spark.fn.substring_index", Spark: "SUBSTRING_INDEX(s, delim, count)",
		Doc: "count 1 → SPLIT_INDEX(s, delim, 0); count -1 → REVERSE(SPLIT_INDEX(REVERSE(s), REVERSE(delim), 0)); other counts are residue", Rewrite: ruleSubstringIndex}},
	{"split_part", &FuncRule{ID: "spark.fn.split_part", Spark: "SPLIT_PART(s, delim, n)",
		Doc: "positive literal n → SPLIT_INDEX(s, delim, n - 1); note: out of range gives NULL in Flink, '' in Spark", Rewrite: ruleSplitPart}},
	{"initcap", rename("spark.fn.initcap", "INITCAP(s)", "INITCAP", "Flink's INITCAP starts a word after any non-alphanumeric character, Spark's only after white space", 1)},
	{"reverse", &FuncRule{ID: "spark.fn.reverse", Spark: "REVERSE(s | arr)", Doc: "→ REVERSE(s); ARRAY_REVERSE(arr) for arrays", Rewrite: ruleReverse}},
	{"regexp_extract", &FuncRule{ID: "spark.fn.regexp_extract", Spark: "REGEXP_EXTRACT(s, re[, idx])",
		Doc: "→ REGEXP_EXTRACT(s, re, idx), idx written out (Spark's default is group 1)", Rewrite: ruleRegexpExtract}},
	{"regexp_like", rename("spark.fn.regexp_like", "REGEXP_LIKE(s, re)", "REGEXP", "", 2)},
	{"regexp_replace", &FuncRule{ID: "spark.fn.regexp_replace", Spark: "REGEXP_REPLACE(s, re, repl[, pos])",
		Doc: "→ REGEXP_REPLACE(s, re, repl); a position argument other than 1 is residue", Rewrite: ruleRegexpReplace}},
	{"split", &FuncRule{ID: "spark.fn.split", Spark: "SPLIT(s, regex[, limit])",
		Doc: "→ SPLIT(s, delim) when the regex is a literal that matches one fixed string (Flink splits on a plain string); other patterns and positive limits are residue", Rewrite: ruleSplit}},
	{"concat_ws", &FuncRule{ID: "spark.fn.concat_ws", Spark: "CONCAT_WS(sep, s | arr, ...)",
		Doc: "→ CONCAT_WS(sep, ...) with each array argument joined by ARRAY_JOIN(arr, sep); a single array → ARRAY_JOIN(arr, sep)", Rewrite: ruleConcatWs}},
	{"concat", &FuncRule{ID: "spark.fn.concat", Spark: "CONCAT(a, ...)", Doc: "→ CONCAT(a, ...); ARRAY_CONCAT for arrays", Rewrite: ruleConcat}},
	{"base64", rename("spark.fn.base64", "BASE64(x)", "TO_BASE64", "", 1)},
	{"unbase64", rename("spark.fn.unbase64", "UNBASE64(s)", "FROM_BASE64", "Spark returns BINARY, Flink a STRING", 1)},
	{"printf format_string", rename("spark.fn.printf", "PRINTF(fmt, ...) | FORMAT_STRING(fmt, ...)", "PRINTF", "")},
	{"char chr", rename("spark.fn.chr", "CHR(n) | CHAR(n)", "CHR", "for n > 255 Spark takes n % 256, Flink n % 255", 1)},
	{"get_json_object", &FuncRule{ID: "spark.fn.get_json_object", Spark: "GET_JSON_OBJECT(json, path)",
		Doc: "→ JSON_VALUE(json, path); note: Spark returns objects and arrays as JSON text, JSON_VALUE returns NULL for them (use JSON_QUERY)", Rewrite: ruleGetJSONObject}},
	{"from_json", &FuncRule{ID: "spark.fn.from_json", Spark: "FROM_JSON(json, schema[, options])",
		Doc: "literal schema of STRING/INT/DOUBLE/BOOLEAN fields → CAST(ROW(JSON_VALUE(json, '$.f' RETURNING T), ...) AS ROW<...>); else residue", Rewrite: ruleFromJSON}},
	{"to_json", rename("spark.fn.to_json", "TO_JSON(x)", "JSON_STRING", "field names and formatting of the JSON text may differ from Spark's", 1)},
	{"json_tuple", unsupported("spark.fn.json_tuple", "JSON_TUPLE(json, k1, ...)", "a generator: rewrite as one JSON_VALUE per key")},

	// ---- hashes
	{"md5", rename("spark.fn.md5", "MD5(x)", "MD5", "", 1)},
	{"sha1 sha", rename("spark.fn.sha1", "SHA1(x) | SHA(x)", "SHA1", "", 1)},
	{"sha2", &FuncRule{ID: "spark.fn.sha2", Spark: "SHA2(x, bits)", Doc: "→ SHA256(x) for 256 and 0, SHA224/SHA384/SHA512 likewise, else SHA2(x, bits)", Rewrite: ruleSha2}},
	{"hash xxhash64 murmur3 crc32", unsupported("spark.fn.hash", "HASH(...) | XXHASH64(...) | CRC32(x)", "no Flink built-in computes Spark's Murmur3/xxHash64/CRC32 values; use MD5/SHA256 if the values need not match Spark's")},

	// ---- math
	{"pow power", rename("spark.fn.power", "POW(a, b) | POWER(a, b)", "POWER", "", 2)},
	{"log", rename("spark.fn.log", "LOG(base, x) | LOG(x)", "LOG", "", 1, 2)},
	{"ln", rename("spark.fn.ln", "LN(x)", "LN", "", 1)},
	{"signum sign", rename("spark.fn.sign", "SIGNUM(x) | SIGN(x)", "SIGN", "", 1)},
	{"random rand", rename("spark.fn.rand", "RAND([seed]) | RANDOM([seed])", "RAND", "", 0, 1)},
	{"ceil ceiling floor", &FuncRule{ID: "spark.fn.ceil_floor", Spark: "CEIL(x) | CEILING(x) | FLOOR(x)",
		Doc: "→ CAST(CEIL|FLOOR(x) AS BIGINT) for a DOUBLE/FLOAT x (Spark returns BIGINT, Flink a DOUBLE); kept for integral and DECIMAL x, noted when the type is unknown; the two-argument (scale) form is residue", Rewrite: ruleCeilFloor}},
	{"pmod", &FuncRule{ID: "spark.fn.pmod", Spark: "PMOD(a, b)", Doc: "→ MOD(MOD(a, b) + b, b)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 2) {
				return c.fail(f, "expects two arguments")
			}
			at := f.Pos()
			return call(at, "MOD", bin(at, "+", call(at, "MOD", f.Args[0], f.Args[1]), f.Args[1]), f.Args[1]), true
		}}},
	{"negative", &FuncRule{ID: "spark.fn.negative", Spark: "NEGATIVE(x)", Doc: "→ -x",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1) {
				return c.fail(f, "expects one argument")
			}
			return &ast.Unary{At: ast.At{At: f.Pos()}, Op: "-", X: f.Args[0]}, true
		}}},
	{"positive", &FuncRule{ID: "spark.fn.positive", Spark: "POSITIVE(x)", Doc: "→ x",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1) {
				return c.fail(f, "expects one argument")
			}
			return f.Args[0], true
		}}},
	{"bround cbrt factorial isnan nanvl bit_and bit_or bit_xor bit_count shiftleft shiftright shiftrightunsigned",
		unsupported("spark.fn.unsupported_math", "BROUND, CBRT, FACTORIAL, ISNAN, NANVL, BIT_AND/OR/XOR/COUNT, SHIFTLEFT/RIGHT", "Flink has no built-in with the same semantics (no HALF_EVEN rounding, no bitwise functions)")},

	// ---- collections
	{"size cardinality array_size", &FuncRule{ID: "spark.fn.size", Spark: "SIZE(x) | CARDINALITY(x) | ARRAY_SIZE(x)",
		Doc: "→ CARDINALITY(x); note: SIZE(NULL) is -1 in Spark with the legacy default (spark.sql.legacy.sizeOfNull), NULL in Flink", Rewrite: ruleSize}},
	{"element_at", &FuncRule{ID: "spark.fn.element_at", Spark: "ELEMENT_AT(arr, i) | ELEMENT_AT(map, k)",
		Doc: "→ x[i] (both 1-based); a negative literal index counts from the end: arr[CARDINALITY(arr) + 1 + i]", Rewrite: ruleElementAt}},
	{"get", &FuncRule{ID: "spark.fn.get", Spark: "GET(arr, i)", Doc: "→ arr[i + 1] (GET is 0-based)", Rewrite: ruleGet}},
	{"array", &FuncRule{ID: "spark.fn.array", Spark: "ARRAY(a, ...)", Doc: "→ ARRAY[a, ...]; an empty ARRAY() whose element type T is known → ARRAY_SLICE(ARRAY[CAST(NULL AS T)], 2, 1) (a slice past the end is empty), else residue",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if len(f.Args) == 0 {
				t := c.typeOf(f)
				if t == nil || !strings.EqualFold(t.Name, "ARRAY") || t.Elem == nil || strings.EqualFold(t.Elem.Name, "VOID") || FlinkType(t.Elem) == nil {
					return c.fail(f, "Flink cannot build an empty array without its element type: write CAST(ARRAY[...] AS ARRAY<T>)")
				}
				at := f.Pos()
				elem := *FlinkType(t.Elem)
				elem.NotNull = false // the NULL placeholder is sliced away
				one := &ast.ArrayCtor{At: ast.At{At: at}, Elems: []ast.Expr{castTo(at, &ast.Literal{At: ast.At{At: at}, Kind: ast.LitNull, Raw: "NULL", Value: "NULL"}, &elem)}}
				return call(at, "ARRAY_SLICE", one, num(at, "2"), num(at, "1")), true
			}
			return &ast.ArrayCtor{At: ast.At{At: f.Pos()}, Elems: f.Args}, true
		}}},
	{"map", &FuncRule{ID: "spark.fn.map", Spark: "MAP(k1, v1, ...)", Doc: "→ MAP[k1, v1, ...]; an empty MAP() is residue",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if len(f.Args) == 0 || len(f.Args)%2 != 0 {
				return c.fail(f, "expects key/value pairs")
			}
			return &ast.MapCtor{At: ast.At{At: f.Pos()}, Elems: f.Args}, true
		}}},
	{"named_struct", &FuncRule{ID: "spark.fn.named_struct", Spark: "NAMED_STRUCT('a', x, 'b', y, ...)",
		Doc: "→ CAST(ROW(x, y) AS ROW<a T, b U>) when the field types are known; else ROW(x, y) with a note (Flink names the fields EXPR$0...)", Rewrite: ruleNamedStruct}},
	{"struct", &FuncRule{ID: "spark.fn.struct", Spark: "STRUCT(x [AS a], ...)",
		Doc: "→ CAST(ROW(x, ...) AS ROW<a T, ...>) when the field types are known; else ROW(x, ...) with a note", Rewrite: ruleStruct}},
	{"array_contains", rename("spark.fn.array_contains", "ARRAY_CONTAINS(arr, v)", "ARRAY_CONTAINS", "", 2)},
	{"sort_array", &FuncRule{ID: "spark.fn.sort_array", Spark: "SORT_ARRAY(arr[, asc])", Doc: "→ ARRAY_SORT(arr[, asc]) (same NULL placement)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1, 2) {
				return c.fail(f, "expects one or two arguments")
			}
			return call(f.Pos(), "ARRAY_SORT", f.Args...), true
		}}},
	{"array_sort", &FuncRule{ID: "spark.fn.array_sort", Spark: "ARRAY_SORT(arr)", Doc: "→ ARRAY_SORT(arr, TRUE, FALSE) (Spark puts NULLs last); a comparator lambda is residue",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1) {
				return c.fail(f, "a comparator function cannot be translated (Flink has no lambdas)")
			}
			return call(f.Pos(), "ARRAY_SORT", f.Args[0], boolLit(f.Pos(), true), boolLit(f.Pos(), false)), true
		}}},
	{"slice", &FuncRule{ID: "spark.fn.slice", Spark: "SLICE(arr, start, len)", Doc: "positive literal start and len → ARRAY_SLICE(arr, start, start + len - 1); else residue", Rewrite: ruleSlice}},
	{"map_concat", rename("spark.fn.map_concat", "MAP_CONCAT(m1, ...)", "MAP_UNION", "on a duplicate key Spark fails by default, Flink keeps the last value")},
	{"explode explode_outer posexplode posexplode_outer inline inline_outer stack",
		unsupported("spark.fn.explode", "EXPLODE(x) | POSEXPLODE(x) | INLINE(x) | STACK(...) as a scalar call", "a generator used as a scalar: move it to FROM (CROSS JOIN UNNEST), the LATERAL VIEW rule handles that form")},
	{"transform filter aggregate reduce exists forall zip_with map_filter transform_keys transform_values map_zip_with",
		unsupported("spark.fn.lambda", "TRANSFORM, FILTER, AGGREGATE, REDUCE, EXISTS, FORALL, ZIP_WITH, MAP_FILTER, TRANSFORM_KEYS/VALUES", "a higher-order function with a lambda: Flink SQL has no lambdas (unnest, compute, and re-aggregate, or use a UDF)")},
	{"flatten sequence arrays_zip array_repeat shuffle array_compact array_insert",
		unsupported("spark.fn.unsupported_array", "FLATTEN, SEQUENCE, ARRAYS_ZIP, ARRAY_REPEAT, SHUFFLE, ARRAY_COMPACT, ARRAY_INSERT", "Flink has no built-in with the same semantics")},

	// ---- cast functions
	{"string", castFunc("spark.fn.cast_string", "STRING(x)", typ("STRING"))},
	{"int", castFunc("spark.fn.cast_int", "INT(x)", typ("INT"))},
	{"bigint", castFunc("spark.fn.cast_bigint", "BIGINT(x)", typ("BIGINT"))},
	{"smallint", castFunc("spark.fn.cast_smallint", "SMALLINT(x)", typ("SMALLINT"))},
	{"tinyint", castFunc("spark.fn.cast_tinyint", "TINYINT(x)", typ("TINYINT"))},
	{"double", castFunc("spark.fn.cast_double", "DOUBLE(x)", typ("DOUBLE"))},
	{"float", castFunc("spark.fn.cast_float", "FLOAT(x)", typ("FLOAT"))},
	{"boolean", castFunc("spark.fn.cast_boolean", "BOOLEAN(x)", typ("BOOLEAN"))},
	{"decimal", castFunc("spark.fn.cast_decimal", "DECIMAL(x)", typ("DECIMAL", "10", "0"))},
	{"timestamp", castFunc("spark.fn.cast_timestamp", "TIMESTAMP(x)", typ("TIMESTAMP", "3"))},
	{"binary", castFunc("spark.fn.cast_binary", "BINARY(x)", typ("BYTES"))},
}

// statRule: Spark's standard deviations and variances always return
// DOUBLE; Flink's keep an integral input type, so the argument is cast.
func statRule(id, spark, flink string) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "→ " + flink + "(CAST(x AS DOUBLE)) (Spark computes in DOUBLE; Flink keeps the input type)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			if !nargs(f, 1) {
				return c.fail(f, "expects one argument")
			}
			x := f.Args[0]
			if !c.typeIs(x, "DOUBLE", "FLOAT") {
				x = castTo(x.Pos(), x, typ("DOUBLE"))
			}
			return like(f, flink, x), true
		}}
}

func firstLast(id, spark, flink string) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "→ " + flink + "(x); note: which row is first/last depends on arrival order in streaming; an ignoreNulls argument is residue",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			switch len(f.Args) {
			case 1:
			case 2:
				if l, ok := f.Args[1].(*ast.Literal); !ok || l.Kind != ast.LitBool || l.Value != "FALSE" {
					return c.fail(f, "the ignoreNulls argument has no Flink counterpart")
				}
			default:
				return c.fail(f, "expects one or two arguments")
			}
			if f.IgnoreNulls != nil && *f.IgnoreNulls {
				return c.fail(f, "IGNORE NULLS has no Flink counterpart for %s", flink)
			}
			if f.Over == nil {
				c.note(f.Pos(), id, "%s as an aggregate takes the first/last row in arrival order in streaming; Spark's choice is arbitrary", flink)
			}
			return like(f, flink, f.Args[0]), true
		}}
}

func trimRule(id, spark, flink string) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "→ " + flink + "(s[, chars]) (argument order swapped for the two-argument form)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			switch len(f.Args) {
			case 1:
				return call(f.Pos(), flink, f.Args[0]), true
			case 2:
				return call(f.Pos(), flink, f.Args[1], f.Args[0]), true
			}
			return c.fail(f, "expects one or two arguments")
		}}
}

func padRule(id, spark, flink string) *FuncRule {
	return &FuncRule{ID: id, Spark: spark, Doc: "→ " + flink + "(s, n, pad) (pad ' ' written out: Flink requires it)",
		Rewrite: func(c *Context, f *ast.Func) (ast.Expr, bool) {
			switch len(f.Args) {
			case 2:
				return call(f.Pos(), flink, f.Args[0], f.Args[1], str(f.Pos(), " ")), true
			case 3:
				return call(f.Pos(), flink, f.Args...), true
			}
			return c.fail(f, "expects two or three arguments")
		}}
}

// dateArgRule keeps a one-argument date function, casting a string
// argument to DATE as Spark does implicitly.
func dateArgRule(flink string) func(c *Context, f *ast.Func) (ast.Expr, bool) {
	return func(c *Context, f *ast.Func) (ast.Expr, bool) {
		if !nargs(f, 1) {
			return c.fail(f, "expects one argument")
		}
		x := f.Args[0]
		if c.isString(x) || isStringLit(x) {
			x = castTo(x.Pos(), x, typ("DATE"))
		}
		return call(f.Pos(), flink, x), true
	}
}

func isStringLit(e ast.Expr) bool {
	_, ok := strLit(e)
	return ok
}
