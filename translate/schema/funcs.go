package schema

import (
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// call is one function call being typed.
type call struct {
	in   *inferer
	f    *ast.Func
	args []typed
}

// fnRule computes a function's result type from its arguments' types.
type fnRule func(c *call) typed

// arg returns the i-th argument's type, or VOID when it is missing.
func (c *call) arg(i int) typed {
	if i < len(c.args) {
		return c.args[i]
	}
	return known(VoidType(), true)
}

// fixed: a function returning the given type, NULL when an argument is.
func fixed(t func() *ast.Type) fnRule {
	return func(c *call) typed { return known(t(), anyNull(c.args)) }
}

// notNull: a function returning the given type, never NULL.
func notNull(t func() *ast.Type) fnRule {
	return func(c *call) typed { return known(t(), false) }
}

// nullable: a function returning the given type, possibly NULL.
func nullable(t func() *ast.Type) fnRule {
	return func(c *call) typed { return known(t(), true) }
}

// sameAs: the type of argument i.
func sameAs(i int, null bool) fnRule {
	return func(c *call) typed {
		a := c.arg(i)
		return typed{t: a.t, null: a.null || null}
	}
}

// widest: the wider common type of the arguments from index from on.
func widest(from int, null func(args []typed) bool) fnRule {
	return func(c *call) typed {
		if len(c.args) <= from {
			return known(VoidType(), true)
		}
		t := c.in.wider(c.args[from:], c.f.Pos())
		if null != nil && !t.unk {
			t.null = null(c.args[from:])
		}
		return t
	}
}

// allNull: COALESCE is NULL only when every argument may be.
func allNull(args []typed) bool {
	for _, a := range args {
		if !a.null {
			return false
		}
	}
	return true
}

// elemOf: the element type of the array in argument i (the value type of
// a map).
func elemOf(i int) fnRule {
	return func(c *call) typed {
		a := c.arg(i)
		switch a.t.Name {
		case "ARRAY":
			return known(a.t.Elem, true)
		case "MAP":
			return known(a.t.Val, true)
		}
		return c.bad("an array or a map")
	}
}

func (c *call) bad(want string) typed {
	c.in.report(c.f.Pos(), diag.Error, RuleUnsupported, "%s needs %s", lower(c.f.Name.Last().Name), want)
	return unknownType()
}

func tinyint() *ast.Type  { return simple("TINYINT") }
func smallint() *ast.Type { return simple("SMALLINT") }
func floatT() *ast.Type   { return simple("FLOAT") }
func binaryT() *ast.Type  { return simple("BINARY") }
func ntz() *ast.Type      { return simple("TIMESTAMP_NTZ") }
func strArray() *ast.Type { return ArrayType(StringType()) }
func strMap() *ast.Type   { return MapType(StringType(), StringType()) }

// funcs maps Spark built-in functions (lower case) to their result types.
var funcs = map[string]fnRule{}

func init() {
	set := func(r fnRule, names ...string) {
		for _, n := range names {
			funcs[n] = r
		}
	}
	// strings
	set(fixed(StringType), "upper", "ucase", "lower", "lcase", "trim", "ltrim", "rtrim", "btrim",
		"initcap", "lpad", "rpad", "substr", "substring", "replace", "regexp_replace", "regexp_extract",
		"regexp_substr", "translate", "reverse_string", "repeat", "left", "right", "split_part",
		"substring_index", "overlay", "soundex", "space", "chr", "char", "format_number",
		"format_string", "printf", "date_format", "from_unixtime", "md5", "sha1", "sha", "sha2",
		"hex", "base64", "decode", "get_json_object", "to_json", "schema_of_json", "schema_of_csv",
		"to_csv", "mask", "to_char", "to_varchar", "url_encode", "url_decode", "parse_url",
		"quote", "elt", "array_join")
	set(notNull(StringType), "concat_ws", "uuid", "current_database", "current_schema",
		"current_catalog", "current_user", "user", "session_user", "version", "typeof",
		"current_timezone", "input_file_name", "spark_version")
	set(fixed(IntType), "length", "char_length", "character_length", "bit_length", "octet_length",
		"instr", "locate", "levenshtein", "ascii", "find_in_set", "datediff", "date_diff",
		"year", "month", "day", "dayofmonth", "dayofweek", "dayofyear", "weekday", "weekofyear",
		"quarter", "hour", "minute", "second", "unix_date", "bit_count", "json_array_length",
		"date_part_int", "spark_partition_id", "array_size")
	set(notNull(IntType), "hash", "size", "cardinality", "row_number", "rank", "dense_rank", "ntile")
	set(fixed(BigIntType), "unix_timestamp", "to_unix_timestamp", "unix_seconds", "unix_millis",
		"unix_micros", "crc32", "array_position", "factorial", "width_bucket", "timestampdiff",
		"shiftleft_long", "bit_get_long")
	set(notNull(BigIntType), "count", "count_if", "approx_count_distinct", "xxhash64",
		"monotonically_increasing_id", "count_min_sketch_size", "grouping_id")
	set(nullable(DoubleType), "months_between", "sqrt", "exp", "ln", "log", "log10", "log2",
		"log1p", "expm1", "pow", "power", "cbrt", "sin", "cos", "tan", "asin", "acos", "atan",
		"atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cot", "sec", "csc",
		"degrees", "radians", "hypot", "sign", "signum", "stddev", "stddev_samp", "stddev_pop",
		"std", "variance", "var_samp", "var_pop", "corr", "covar_samp", "covar_pop", "skewness",
		"kurtosis", "percentile", "median", "percent_rank", "cume_dist", "regr_slope",
		"regr_intercept", "regr_r2", "regr_avgx", "regr_avgy", "nanvl", "try_divide_double")
	set(notNull(DoubleType), "rand", "random", "randn", "pi", "e")
	set(fixed(BooleanType), "array_contains", "arrays_overlap", "startswith", "endswith",
		"contains", "rlike", "regexp", "regexp_like", "like", "ilike", "map_contains_key",
		"isnan", "in_set")
	set(notNull(BooleanType), "isnull", "isnotnull", "equal_null")
	set(nullable(BooleanType), "bool_and", "every", "bool_or", "some", "any")
	set(fixed(DateType), "to_date", "date_add", "date_sub", "add_months", "last_day", "next_day",
		"trunc", "make_date", "date_from_unix_date", "date", "try_to_date")
	set(notNull(DateType), "current_date", "curdate")
	set(fixed(TimestampType), "to_timestamp", "date_trunc", "from_utc_timestamp",
		"to_utc_timestamp", "timestamp", "make_timestamp", "timestamp_seconds",
		"timestamp_millis", "timestamp_micros", "to_timestamp_ltz", "make_timestamp_ltz",
		"try_to_timestamp", "convert_timezone_ltz")
	set(notNull(TimestampType), "current_timestamp", "now")
	set(notNull(ntz), "localtimestamp")
	set(fixed(ntz), "to_timestamp_ntz", "make_timestamp_ntz", "convert_timezone")
	set(fixed(binaryT), "unhex", "unbase64", "encode", "binary", "aes_encrypt", "aes_decrypt", "to_binary")
	set(fixed(strArray), "split", "regexp_extract_all", "sentences_flat")
	set(fixed(strMap), "str_to_map")
	set(notNull(tinyint), "grouping")

	// cast-like functions
	set(fixed(IntType), "int", "integer")
	set(fixed(BigIntType), "bigint", "long")
	set(fixed(smallint), "smallint", "short")
	set(fixed(tinyint), "tinyint", "byte")
	set(fixed(DoubleType), "double")
	set(fixed(floatT), "float", "real")
	set(fixed(StringType), "string")
	set(fixed(BooleanType), "boolean")
	funcs["decimal"] = func(c *call) typed { return known(DecimalType(10, 0), true) }

	// same type as an argument
	set(sameAs(0, false), "abs", "negative", "positive", "bitwise_not", "shiftleft", "shiftright",
		"shiftrightunsigned", "array_sort", "sort_array", "array_distinct", "array_compact",
		"array_remove", "array_union", "array_intersect", "array_except", "shuffle", "slice",
		"array_insert", "array_append", "array_prepend", "reverse", "map_concat", "filter",
		"map_filter", "timestampadd_same")
	set(sameAs(0, true), "nullif", "min", "max", "first", "last", "first_value", "last_value",
		"any_value", "nth_value", "lag", "lead", "mode", "max_by", "min_by", "bit_and", "bit_or",
		"bit_xor", "percentile_approx", "approx_percentile", "try_element_at_same", "nullifzero")
	set(widest(0, allNull), "coalesce", "nvl", "ifnull", "greatest", "least")
	funcs["zeroifnull"] = func(c *call) typed {
		t := c.in.wider([]typed{c.arg(0), known(IntType(), false)}, c.f.Pos())
		t.null = false
		return t
	}
	funcs["if"] = widest(1, nil)
	funcs["iff"] = widest(1, nil)
	funcs["nvl2"] = widest(1, nil)
	set(elemOf(0), "element_at", "try_element_at", "get", "array_max", "array_min")
	funcs["flatten"] = func(c *call) typed {
		if a := c.arg(0); a.t.Name == "ARRAY" && a.t.Elem.Name == "ARRAY" {
			return known(a.t.Elem, a.null)
		}
		return c.bad("an array of arrays")
	}
	funcs["map_keys"] = func(c *call) typed {
		if a := c.arg(0); a.t.Name == "MAP" {
			return known(ArrayType(a.t.Key), a.null)
		}
		return c.bad("a map")
	}
	funcs["map_values"] = func(c *call) typed {
		if a := c.arg(0); a.t.Name == "MAP" {
			return known(ArrayType(a.t.Val), a.null)
		}
		return c.bad("a map")
	}
	funcs["map_entries"] = func(c *call) typed {
		if a := c.arg(0); a.t.Name == "MAP" {
			return known(ArrayType(StructType([]Column{{Name: "key", Spark: a.t.Key}, {Name: "value", Spark: a.t.Val}})), a.null)
		}
		return c.bad("a map")
	}
	funcs["map_from_arrays"] = func(c *call) typed {
		a, b := c.arg(0), c.arg(1)
		if a.t.Name == "ARRAY" && b.t.Name == "ARRAY" {
			return known(MapType(a.t.Elem, b.t.Elem), a.null || b.null)
		}
		return c.bad("two arrays")
	}
	funcs["map_from_entries"] = func(c *call) typed {
		if a := c.arg(0); a.t.Name == "ARRAY" && a.t.Elem.Name == "STRUCT" && len(a.t.Elem.Fields) == 2 {
			return known(MapType(a.t.Elem.Fields[0].Type, a.t.Elem.Fields[1].Type), a.null)
		}
		return c.bad("an array of key-value structs")
	}
	funcs["array_repeat"] = func(c *call) typed { return known(ArrayType(c.arg(0).t), c.arg(1).null) }
	funcs["sequence"] = func(c *call) typed { return known(ArrayType(c.arg(0).t), anyNull(c.args)) }
	collect := func(c *call) typed { return known(ArrayType(withNotNull(c.arg(0).t, true)), false) }
	set(collect, "collect_list", "collect_set", "array_agg")
	funcs["array"] = func(c *call) typed { return c.in.arrayOf(c.args, c.f.Pos()) }
	funcs["map"] = func(c *call) typed { return c.in.mapOf(c.args, c.f.Pos()) }
	funcs["struct"] = func(c *call) typed {
		var cols []Column
		for i, a := range c.args {
			name := "col" + strconv.Itoa(i+1)
			if aa, ok := c.f.Args[i].(*ast.AliasedArg); ok {
				name = aa.Alias.Name
			} else if a.name != "" {
				name = a.name
			}
			cols = append(cols, Column{Name: name, Spark: a.t, Nullable: a.null})
		}
		return known(StructType(cols), false)
	}
	funcs["named_struct"] = func(c *call) typed {
		var cols []Column
		for i := 0; i+1 < len(c.args); i += 2 {
			name := autoName(c.f.Args[i])
			cols = append(cols, Column{Name: name, Spark: c.args[i+1].t, Nullable: c.args[i+1].null})
		}
		return known(StructType(cols), false)
	}
	funcs["arrays_zip"] = func(c *call) typed {
		var cols []Column
		for i, a := range c.args {
			if a.t.Name != "ARRAY" {
				return c.bad("arrays")
			}
			name := strconv.Itoa(i)
			if a.name != "" {
				name = a.name
			}
			cols = append(cols, Column{Name: name, Spark: a.t.Elem, Nullable: true})
		}
		return known(ArrayType(StructType(cols)), anyNull(c.args))
	}
	funcs["concat"] = func(c *call) typed {
		arrays := len(c.args) > 0
		for _, a := range c.args {
			arrays = arrays && a.t.Name == "ARRAY"
		}
		if arrays {
			return c.in.wider(c.args, c.f.Pos())
		}
		return known(StringType(), anyNull(c.args))
	}
	funcs["from_json"] = func(c *call) typed {
		if len(c.f.Args) >= 2 {
			if lit, ok := c.f.Args[1].(*ast.Literal); ok && lit.Kind == ast.LitString {
				if t := ddlSchema(lit.Value); t != nil {
					return known(t, true)
				}
			}
		}
		c.in.report(c.f.Pos(), diag.Warning, RuleUnsupported, "from_json schema is not a DDL string literal")
		return unknownType()
	}

	// aggregates with argument-dependent types
	funcs["sum"] = func(c *call) typed {
		a := c.arg(0)
		switch {
		case isIntegral(a.t):
			return known(BigIntType(), true)
		case isDecimal(a.t):
			p, s := DecimalParams(a.t)
			return known(boundedDecimal(p+10, s), true)
		case a.t.Name == "INTERVAL":
			return known(a.t, true)
		}
		return known(DoubleType(), true)
	}
	avg := func(c *call) typed {
		a := c.arg(0)
		switch {
		case isDecimal(a.t):
			p, s := DecimalParams(a.t)
			return known(boundedDecimal(p+4, s+4), true)
		case a.t.Name == "INTERVAL":
			return known(a.t, true)
		}
		return known(DoubleType(), true)
	}
	set(avg, "avg", "mean")
	funcs["try_sum"] = funcs["sum"]
	funcs["try_avg"] = avg

	// numeric functions with Spark's special result types
	round := func(c *call) typed {
		a := c.arg(0)
		if !isDecimal(a.t) {
			if isString(a.t) {
				return known(DoubleType(), true)
			}
			return typed{t: a.t, null: a.null}
		}
		scale := 0
		if len(c.f.Args) > 1 {
			if n, ok := intLiteral(c.f.Args[1]); ok {
				scale = n
			}
		}
		p, s := DecimalParams(a.t)
		intDigits := p - s + 1
		if scale < 0 {
			return known(DecimalType(min(max(intDigits, -scale+1), 38), 0), a.null)
		}
		ns := min(s, scale)
		return known(DecimalType(min(intDigits+ns, 38), ns), a.null)
	}
	set(round, "round", "bround")
	floorCeil := func(c *call) typed {
		a := c.arg(0)
		if len(c.args) > 1 {
			return round(c)
		}
		if isDecimal(a.t) {
			p, s := DecimalParams(a.t)
			return known(boundedDecimal(p-s+1, 0), a.null)
		}
		return known(BigIntType(), a.null)
	}
	set(floorCeil, "floor", "ceil", "ceiling")
	arith := func(op string) fnRule {
		return func(c *call) typed {
			t := c.in.arith(op, c.arg(0), c.arg(1), c.f.Pos())
			t.null = true
			return t
		}
	}
	funcs["mod"] = arith("%")
	funcs["pmod"] = arith("%")
	funcs["try_add"] = arith("+")
	funcs["try_subtract"] = arith("-")
	funcs["try_multiply"] = arith("*")
	funcs["try_divide"] = arith("/")
	funcs["div"] = nullable(BigIntType)
	// date functions whose type depends on the arguments
	funcs["dateadd"] = func(c *call) typed {
		if len(c.args) == 3 {
			return known(timestampOf(c.arg(2).t), anyNull(c.args))
		}
		return known(DateType(), anyNull(c.args))
	}
	funcs["timestampadd"] = func(c *call) typed { return known(timestampOf(c.arg(2).t), anyNull(c.args)) }
	funcs["datediff"] = func(c *call) typed {
		if len(c.args) == 3 {
			return known(BigIntType(), anyNull(c.args))
		}
		return known(IntType(), anyNull(c.args))
	}
	funcs["date_diff"] = funcs["datediff"]
	funcs["date_part"] = func(c *call) typed {
		if lit, ok := c.f.Args[0].(*ast.Literal); ok {
			return known(extractType(lit.Value), true)
		}
		return known(IntType(), true)
	}
	funcs["datepart"] = funcs["date_part"]
}

// timestampOf is the timestamp type timestampadd keeps: NTZ stays NTZ.
func timestampOf(t *ast.Type) *ast.Type {
	if t.Name == "TIMESTAMP_NTZ" {
		return t
	}
	return TimestampType()
}

// intLiteral reads an integer literal, possibly negative.
func intLiteral(e ast.Expr) (int, bool) {
	switch x := e.(type) {
	case *ast.Literal:
		n, err := strconv.Atoi(x.Value)
		return n, err == nil
	case *ast.Unary:
		if x.Op == "-" {
			n, ok := intLiteral(x.X)
			return -n, ok
		}
	case *ast.Paren:
		return intLiteral(x.X)
	}
	return 0, false
}

// ddlSchema parses a from_json schema string: "a INT, b STRING" or
// "STRUCT<...>" or "ARRAY<...>".
func ddlSchema(s string) *ast.Type {
	if t, err := parser.ParseType(s, token.Spark); err == nil {
		return Canon(t)
	}
	if t, err := parser.ParseType("STRUCT<"+s+">", token.Spark); err == nil {
		return Canon(t)
	}
	return nil
}

// arrayOf types array(a, b, ...): ARRAY of the wider common type; array()
// is ARRAY<VOID> as in Spark 3.
func (in *inferer) arrayOf(args []typed, pos token.Pos) typed {
	if len(args) == 0 {
		return known(ArrayType(withNotNull(VoidType(), true)), false)
	}
	t := in.wider(args, pos)
	if t.unk {
		return t
	}
	return known(ArrayType(withNotNull(t.t, !anyNull(args))), false)
}

// mapOf types map(k1, v1, ...).
func (in *inferer) mapOf(args []typed, pos token.Pos) typed {
	var ks, vs []typed
	for i := 0; i+1 < len(args); i += 2 {
		ks = append(ks, args[i])
		vs = append(vs, args[i+1])
	}
	if len(ks) == 0 {
		return known(MapType(VoidType(), VoidType()), false)
	}
	k, v := in.wider(ks, pos), in.wider(vs, pos)
	if k.unk || v.unk {
		return unknownType()
	}
	return known(MapType(k.t, v.t), false)
}

// hofs are the higher-order functions: their lambdas are typed with
// parameters bound to element types.
var hofs = map[string]bool{
	"transform": true, "filter": true, "exists": true, "forall": true, "aggregate": true,
	"reduce": true, "zip_with": true, "transform_keys": true, "transform_values": true,
	"map_filter": true, "array_sort": true, "map_zip_with": true,
}

// lambdaScope binds a lambda's parameters.
func lambdaScope(sc *scope, l *ast.Lambda, types ...typed) *scope {
	m := map[string]typed{}
	for i, p := range l.Params {
		if i < len(types) {
			m[lower(p.Name)] = types[i]
		}
	}
	return &scope{outer: sc, lambda: m}
}

// call types a function call.
func (in *inferer) call(f *ast.Func, sc *scope) typed {
	name := lower(f.Name.Last().Name)
	if f.Over != nil {
		for _, e := range f.Over.PartitionBy {
			in.expr(e, sc)
		}
		for _, o := range f.Over.OrderBy {
			in.expr(o.Expr, sc)
		}
	}
	if f.Filter != nil {
		in.expr(f.Filter, sc)
	}
	if hofs[name] && hasLambda(f) {
		return in.higherOrder(name, f, sc)
	}
	args := make([]typed, 0, len(f.Args))
	for _, a := range f.Args {
		args = append(args, in.expr(a, sc))
	}
	rule, ok := funcs[name]
	if !ok {
		if generators[name] {
			in.report(f.Pos(), diag.Warning, RuleUnsupported, "generator %s inside an expression is not typed", name)
		} else {
			in.report(f.Pos(), diag.Warning, RuleUnknownFunction, "function %s is not in the type table; typed STRING for review", nameString(f.Name))
		}
		return unknownType()
	}
	if anyUnknown(args) && name != "count" && name != "count_if" {
		return unknownType()
	}
	return rule(&call{in: in, f: f, args: args})
}

func hasLambda(f *ast.Func) bool {
	for _, a := range f.Args {
		if _, ok := a.(*ast.Lambda); ok {
			return true
		}
	}
	return false
}

// higherOrder types transform, filter, exists, aggregate and friends.
func (in *inferer) higherOrder(name string, f *ast.Func, sc *scope) typed {
	if len(f.Args) < 2 {
		in.report(f.Pos(), diag.Error, RuleUnsupported, "%s needs a collection and a lambda", name)
		return unknownType()
	}
	coll := in.expr(f.Args[0], sc)
	if coll.unk {
		return coll
	}
	lambdaAt := func(i int) *ast.Lambda {
		if i < len(f.Args) {
			if l, ok := f.Args[i].(*ast.Lambda); ok {
				return l
			}
		}
		return nil
	}
	body := func(l *ast.Lambda, types ...typed) typed {
		if l == nil {
			return unknownType()
		}
		return in.expr(l.Body, lambdaScope(sc, l, types...))
	}
	elem := known(VoidType(), true)
	var key, val typed
	switch coll.t.Name {
	case "ARRAY":
		elem = known(coll.t.Elem, true)
	case "MAP":
		key, val = known(coll.t.Key, false), known(coll.t.Val, true)
	default:
		in.report(f.Pos(), diag.Error, RuleUnsupported, "%s needs an array or a map, not %s", name, SimpleString(coll.t))
		return unknownType()
	}
	idx := known(IntType(), false)
	switch name {
	case "transform":
		b := body(lambdaAt(1), elem, idx)
		if b.unk {
			return b
		}
		return known(ArrayType(b.t), coll.null)
	case "filter", "array_sort":
		body(lambdaAt(1), elem, elem)
		return coll
	case "exists", "forall":
		body(lambdaAt(1), elem)
		return known(BooleanType(), true)
	case "aggregate", "reduce":
		init := in.expr(f.Args[1], sc)
		acc := body(lambdaAt(2), init, elem)
		if l := lambdaAt(3); l != nil {
			return body(l, acc)
		}
		if acc.unk {
			return acc
		}
		return known(init.t, true)
	case "zip_with":
		other := in.expr(f.Args[1], sc)
		oe := known(VoidType(), true)
		if other.t.Name == "ARRAY" {
			oe = known(other.t.Elem, true)
		}
		b := body(lambdaAt(2), elem, oe)
		if b.unk {
			return b
		}
		return known(ArrayType(b.t), true)
	case "transform_keys":
		b := body(lambdaAt(1), key, val)
		return known(MapType(b.t, coll.t.Val), coll.null)
	case "transform_values":
		b := body(lambdaAt(1), key, val)
		return known(MapType(coll.t.Key, b.t), coll.null)
	case "map_filter":
		body(lambdaAt(1), key, val)
		return coll
	}
	in.report(f.Pos(), diag.Warning, RuleUnsupported, "%s with a lambda is not typed", strings.ToLower(name))
	return unknownType()
}
