package rules

import "strings"

// sameInFlink lists Spark functions that Flink 2.x has with the same name,
// arguments and meaning (checked against Flink's docs/data/sql_functions.yml
// and Spark's function reference). They are kept, with the name in upper
// case. A Spark function in neither this list nor FuncRules is residue.
var sameInFlink = setOf(`
	upper lower trim btrim repeat left right ascii translate overlay
	regexp_count regexp_extract_all regexp_instr regexp_substr
	parse_url str_to_map elt startswith endswith encode decode hex unhex bin uuid
	abs sqrt exp log10 log2 round mod
	sin cos tan cot asin acos atan atan2 sinh cosh tanh degrees radians pi e
	coalesce nullif if
	count min max
	row_number rank dense_rank ntile percent_rank cume_dist lag lead grouping grouping_id
	year quarter month dayofmonth dayofyear hour minute second
	array_distinct array_position array_remove array_union array_intersect array_except
	array_max array_min array_join array_append array_prepend
	map_keys map_values map_entries map_from_arrays
`)

// flinkBuiltins lists the Flink 2.x built-in functions (and the niladic
// keywords used as values) that rules may emit, from Flink's
// docs/data/sql_functions.yml. A test checks that every function a rule
// emits is in this list.
var flinkBuiltins = setOf(`
	abs acos ascii asin atan atan2 avg bin btrim cardinality ceil ceiling char_length character_length chr
	coalesce concat concat_ws convert_tz cos cosh cot count cume_dist current_database current_date
	current_row_timestamp current_time current_timestamp current_watermark date_format dayofmonth dayofweek
	dayofyear decode degrees dense_rank e element elt encode endswith exp extract first_value floor
	from_base64 from_unixtime greatest grouping grouping_id group_id hex hour if ifnull initcap instr
	is_alpha is_decimal is_digit json_array json_arrayagg json_exists json_object json_objectagg json_query
	json_quote json_string json_unquote json_value lag last_value lead least left listagg ln localtime
	localtimestamp locate log log10 log2 lower lpad ltrim max md5 min minute mod month now ntile nullif
	overlay parse_url percent_rank percentile pi position power printf quarter radians rand rand_integer
	rank regexp regexp_count regexp_extract regexp_extract_all regexp_instr regexp_replace regexp_substr
	repeat replace reverse right round row_number rpad rtrim second sha1 sha2 sha224 sha256 sha384 sha512
	sign sin sinh split split_index sqrt startswith stddev_pop stddev_samp str_to_map substr substring sum
	tan tanh timestampadd timestampdiff to_base64 to_date to_timestamp to_timestamp_ltz translate trim
	truncate try_cast typeof unhex unix_timestamp upper url_decode url_encode uuid var_pop var_samp variance
	week year collect
	array_agg array_append array_concat array_contains array_distinct array_except array_intersect
	array_join array_max array_min array_position array_prepend array_remove array_reverse array_slice
	array_sort array_union map_entries map_from_arrays map_keys map_union map_values
`)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
