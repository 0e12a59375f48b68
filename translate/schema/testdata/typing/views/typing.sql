CREATE OR REPLACE TEMPORARY VIEW basic_raw
USING CSV
OPTIONS (path 'translate/schema/testdata/csv/basic.csv', header 'true', inferSchema 'true');

CREATE OR REPLACE TEMPORARY VIEW base AS
SELECT * FROM VALUES
  (1, 2L, CAST(3 AS SMALLINT), CAST(4 AS TINYINT), 1.5D, CAST(2.5 AS FLOAT), CAST(10.25 AS DECIMAL(10, 2)),
   CAST(1 AS DECIMAL(38, 10)), 'abc', DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00', TRUE,
   ARRAY(1, 2), MAP('a', 1), NAMED_STRUCT('x', 1, 'y', 'z'))
  AS base(i, l, sm, ti, d, f, dec, big, s, dt, ts, b, arr, m, st);

CREATE OR REPLACE TEMPORARY VIEW t_literals AS
SELECT 1 AS int_lit, 1L AS long_lit, 1S AS short_lit, 1Y AS byte_lit, 1.5 AS dec_lit, 1.5D AS double_lit,
  1.5F AS float_lit, 1.5BD AS bd_lit, 1e3 AS exp_lit, 'x' AS str_lit, NULL AS null_lit, TRUE AS bool_lit,
  DATE '2024-01-01' AS date_lit, TIMESTAMP '2024-01-01 10:00:00' AS ts_lit, X'CAFE' AS bin_lit,
  2147483648 AS big_int_lit, 99999999999999999999 AS huge_lit, 0.05 AS small_dec, 100.0 AS dec_100,
  INTERVAL 30 DAYS AS iv_days, INTERVAL '1-2' YEAR TO MONTH AS iv_ym, INTERVAL 1 DAY 2 HOURS AS iv_dh,
  -5 AS neg_lit, -2.50 AS neg_dec
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_arith AS
SELECT i + i AS a1, i + l AS a2, i + d AS a3, i + dec AS a4, dec + dec AS a5, dec * dec AS a6,
  dec / dec AS a7, dec % i AS a8, i / i AS a9, l / i AS a10, i / dec AS a11, dec * 100 AS a12,
  dec + 1 AS a13, i * 1.5 AS a14, s + 1 AS a15, big * big AS a16, big / big AS a17, sm + ti AS a18,
  f + i AS a19, f + d AS a20, dec + d AS a21, i DIV 2 AS a22, i % 3 AS a23, -dec AS a24,
  dt + 1 AS a25, dt - dt AS a26, ts - ts AS a27, dt + INTERVAL 1 DAY AS a28, ts + INTERVAL 1 HOUR AS a29,
  dt - 1 AS a30, (i + l) * dec AS a31, dec / 3 AS a32, big + 1 AS a33, l * 0.5 AS a34, i - 1.25 AS a35,
  dec * 1.5 AS a36, ti * ti AS a37, sm / 2 AS a38, i + NULL AS a39, i & 3 AS a40
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_conditional AS
SELECT CASE i WHEN 1 THEN 1 ELSE 2L END AS c1, CASE WHEN b THEN dec ELSE 0 END AS c2,
  CASE WHEN b THEN dec ELSE 1.5 END AS c3, CASE WHEN b THEN 'x' ELSE 1 END AS c4,
  CASE WHEN b THEN i END AS c5, COALESCE(dec, 0) AS c6, COALESCE(i, l, 0) AS c7, COALESCE(dec, d) AS c8,
  IF(b, i, d) AS c9, NVL(s, 'x') AS c10, NVL2(s, 1, 2L) AS c11, NULLIF(i, 0) AS c12,
  GREATEST(i, l, 1) AS c13, LEAST(dec, 1) AS c14, COALESCE(arr, ARRAY()) AS c15, COALESCE(ts, dt) AS c16,
  CASE WHEN b THEN CAST(1 AS DECIMAL(5, 2)) ELSE CAST(1 AS DECIMAL(10, 0)) END AS c17,
  COALESCE(CAST(1 AS DECIMAL(5, 2)), 0) AS c18, IFNULL(sm, ti) AS c19, i = 1 AS c20, i IN (1, 2) AS c21,
  s LIKE 'a%' AS c22, b AND i > 0 AS c23, i BETWEEN 1 AND 2 AS c24, s IS NULL AS c25, i <=> 1 AS c26,
  NOT b AS c27
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_functions AS
SELECT DATEDIFF(dt, dt) AS f1, DATE_ADD(dt, 1) AS f2, DATE_SUB(dt, 1) AS f3, ADD_MONTHS(dt, 1) AS f4,
  MONTHS_BETWEEN(ts, dt) AS f5, TO_DATE(s) AS f6, TO_DATE(s, 'yyyy') AS f7, TO_TIMESTAMP(s) AS f8,
  DATE_FORMAT(ts, 'yyyy') AS f9, YEAR(dt) AS f10, MONTH(ts) AS f11, DAYOFWEEK(dt) AS f12, HOUR(ts) AS f13,
  QUARTER(dt) AS f14, WEEKOFYEAR(dt) AS f15, LAST_DAY(dt) AS f16, NEXT_DAY(dt, 'Mon') AS f17,
  TRUNC(dt, 'MM') AS f18, DATE_TRUNC('MM', ts) AS f19, UNIX_TIMESTAMP(ts) AS f20, FROM_UNIXTIME(l) AS f21,
  CURRENT_DATE() AS f22, CURRENT_TIMESTAMP() AS f23, EXTRACT(YEAR FROM dt) AS f24,
  EXTRACT(SECOND FROM ts) AS f25, MAKE_DATE(2024, 1, 1) AS f26, DATE_PART('year', dt) AS f27,
  CONCAT(s, 'x') AS f28, CONCAT_WS('-', s, s) AS f29, UPPER(s) AS f30, LOWER(s) AS f31, TRIM(s) AS f32,
  SUBSTR(s, 1, 2) AS f33, SUBSTRING(s, 1, 2) AS f34, LENGTH(s) AS f35, LPAD(s, 5, '0') AS f36,
  REGEXP_REPLACE(s, 'a', 'b') AS f37, REGEXP_EXTRACT(s, 'a', 0) AS f38, SPLIT(s, ',') AS f39,
  INITCAP(s) AS f40, MD5(s) AS f41, SHA2(s, 256) AS f42, HASH(s) AS f43, XXHASH64(s) AS f44,
  INSTR(s, 'a') AS f45, LOCATE('a', s) AS f46, REPLACE(s, 'a', 'b') AS f47, FORMAT_NUMBER(d, 2) AS f48,
  s || 'x' AS f49, REVERSE(s) AS f50, REPEAT(s, 2) AS f51, LEFT(s, 1) AS f52, ASCII(s) AS f53,
  ROUND(dec, 1) AS f54, ROUND(d, 1) AS f55, ROUND(i) AS f56, ROUND(dec) AS f57, ROUND(dec, -1) AS f58,
  FLOOR(d) AS f59, FLOOR(dec) AS f60, CEIL(i) AS f61, CEIL(dec) AS f62, ABS(dec) AS f63, ABS(i) AS f64,
  POW(i, 2) AS f65, SQRT(i) AS f66, LN(d) AS f67, LOG(10, d) AS f68, EXP(i) AS f69, SIGN(i) AS f70,
  MOD(i, 2) AS f71, PMOD(dec, 3) AS f72, GREATEST(d, i) AS f73, BROUND(dec, 1) AS f74, RAND() AS f75,
  FLOOR(dec / 3) AS f76, ROUND(big / 3, 2) AS f77, CAST(s AS INT) AS f78, CAST(i AS STRING) AS f79,
  CAST(s AS DECIMAL(5, 2)) AS f80, CAST(s AS VARCHAR(10)) AS f81, CAST(d AS DECIMAL) AS f82,
  TRY_CAST(s AS INT) AS f83, INT(s) AS f84, DATE(s) AS f85, TIMESTAMP(s) AS f86, STRING(i) AS f87,
  DECIMAL(s) AS f88, CAST(ts AS DATE) AS f89, CAST(i AS BIGINT) AS f90, CAST(s AS TIMESTAMP) AS f91,
  CAST(i AS LONG) AS f92, CAST(i AS INTEGER) AS f93, CAST(d AS REAL) AS f94, CAST(s AS CHAR(3)) AS f95,
  DATEDIFF(CURRENT_DATE(), ts) AS f96, TO_TIMESTAMP(s, 'yyyy-MM-dd') AS f97, DAYOFMONTH(dt) AS f98,
  MINUTE(ts) AS f99, SECOND(ts) AS f100, DAY(dt) AS f101, NOW() AS f102, DATE_FORMAT(dt, 'MM') AS f103
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_collections AS
SELECT ARRAY(1, 2) AS k1, ARRAY(i, l) AS k2, ARRAY() AS k3, MAP('a', 1) AS k4,
  NAMED_STRUCT('a', 1, 'b', s) AS k5, STRUCT(i, s) AS k6, STRUCT(i AS x) AS k7, arr[0] AS k8,
  m['a'] AS k9, st.x AS k10, ELEMENT_AT(arr, 1) AS k11, ELEMENT_AT(m, 'a') AS k12, SIZE(arr) AS k13,
  ARRAY_CONTAINS(arr, 1) AS k14, ARRAY_SORT(arr) AS k15, SORT_ARRAY(arr) AS k16,
  ARRAY_DISTINCT(arr) AS k17, ARRAY_MAX(arr) AS k18, MAP_KEYS(m) AS k19, MAP_VALUES(m) AS k20,
  TRANSFORM(arr, x -> x * 1.5) AS k21, FILTER(arr, x -> x > 1) AS k22, EXISTS(arr, x -> x > 1) AS k23,
  AGGREGATE(arr, 0, (acc, x) -> acc + x) AS k24, CONCAT(arr, arr) AS k25, FLATTEN(ARRAY(arr, arr)) AS k26,
  ARRAYS_ZIP(arr, arr) AS k27, SEQUENCE(1, 5) AS k28, ARRAY(dec, 1) AS k29, MAP(s, dec) AS k30,
  st.y AS k31, ARRAY(st) AS k32, SIZE(m) AS k33, ARRAY_JOIN(arr, ',') AS k34, st AS k35
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_aggregates AS
SELECT s, SUM(i) AS g1, SUM(l) AS g2, SUM(dec) AS g3, SUM(d) AS g4, SUM(big) AS g5, AVG(i) AS g6,
  AVG(dec) AS g7, AVG(big) AS g8, MIN(dt) AS g9, MAX(s) AS g10, COUNT(*) AS g11, COUNT(DISTINCT s) AS g12,
  COLLECT_LIST(s) AS g13, COLLECT_SET(i) AS g14, STDDEV(d) AS g15, FIRST(ts) AS g16,
  PERCENTILE_APPROX(i, 0.5) AS g17, APPROX_COUNT_DISTINCT(s) AS g18, COUNT_IF(b) AS g19,
  BOOL_AND(b) AS g20, MAX_BY(s, i) AS g21, SUM(s) AS g22, SUM(f) AS g23, SUM(sm) AS g24,
  AVG(f) AS g25, SUM(dec * 2) AS g26, COUNT(i) AS g27, VARIANCE(i) AS g28, SUM(i) / COUNT(*) AS g29,
  CAST(AVG(dec) AS DECIMAL(10, 2)) AS g30, MAX(arr) AS g31, ANY_VALUE(s) AS g32
FROM base
GROUP BY s;

CREATE OR REPLACE TEMPORARY VIEW t_windows AS
SELECT ROW_NUMBER() OVER w AS w1, RANK() OVER w AS w2, DENSE_RANK() OVER w AS w3, NTILE(4) OVER w AS w4,
  PERCENT_RANK() OVER w AS w5, CUME_DIST() OVER w AS w6, LAG(dec) OVER w AS w7, LEAD(s, 1, 'x') OVER w AS w8,
  SUM(dec) OVER (PARTITION BY s) AS w9, AVG(i) OVER (PARTITION BY s ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS w10,
  FIRST_VALUE(ts) OVER w AS w11, COUNT(*) OVER (PARTITION BY s) AS w12, LAG(i, 1, 0) OVER w AS w13,
  SUM(i) OVER w AS w14, MAX(dt) OVER w AS w15
FROM base
WINDOW w AS (PARTITION BY s ORDER BY ts);

CREATE OR REPLACE TEMPORARY VIEW t_generators AS
SELECT i, e, p, e2, k, v
FROM base
LATERAL VIEW EXPLODE(arr) t1 AS e
LATERAL VIEW POSEXPLODE(arr) t2 AS p, e2
LATERAL VIEW OUTER EXPLODE(m) t3 AS k, v;

CREATE OR REPLACE TEMPORARY VIEW t_explode_select AS
SELECT EXPLODE(arr) FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_posexplode_select AS
SELECT s, POSEXPLODE(arr) AS (pos_a, val_a) FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_explode_map AS
SELECT EXPLODE(m) FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_posexplode_default AS
SELECT POSEXPLODE(arr) FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_inline AS
SELECT INLINE(ARRAY(NAMED_STRUCT('a', 1, 'b', 'x'))) FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_lv_default AS
SELECT * FROM base LATERAL VIEW EXPLODE(arr) t;

CREATE OR REPLACE TEMPORARY VIEW t_join_using AS
SELECT * FROM (SELECT i, s, d FROM base) a JOIN (SELECT s, l, i FROM base) c USING (i, s);

CREATE OR REPLACE TEMPORARY VIEW t_join_natural AS
SELECT * FROM (SELECT i, s, d FROM base) a NATURAL JOIN (SELECT i, l, s FROM base) c;

CREATE OR REPLACE TEMPORARY VIEW t_join_full_using AS
SELECT * FROM (SELECT i, s FROM base) a FULL OUTER JOIN (SELECT l AS i, d FROM base) c USING (i);

CREATE OR REPLACE TEMPORARY VIEW t_join_qualified AS
SELECT a.*, c.d AS cd FROM base a LEFT JOIN base c ON a.i = c.i;

CREATE OR REPLACE TEMPORARY VIEW t_semi AS
SELECT * FROM (SELECT i, s FROM base) a LEFT SEMI JOIN base c ON a.i = c.i;

CREATE OR REPLACE TEMPORARY VIEW t_right AS
SELECT a.i AS ai, c.s AS cs FROM base a RIGHT JOIN base c ON a.i = c.i;

CREATE OR REPLACE TEMPORARY VIEW t_union AS
SELECT i, dec, s, dt FROM base
UNION ALL
SELECT l, 1.5, 1, ts FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_union_dec AS
SELECT dec AS x, i AS y FROM base
UNION
SELECT CAST(1 AS DECIMAL(20, 5)), d FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_intersect AS
SELECT i, s FROM base INTERSECT SELECT i, s FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_except AS
SELECT i, s FROM base EXCEPT SELECT ti, s FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_pivot_one AS
SELECT * FROM (SELECT s, i, dec FROM base)
PIVOT (SUM(dec) FOR i IN (1, 2 AS two));

CREATE OR REPLACE TEMPORARY VIEW t_pivot_many AS
SELECT * FROM (SELECT s, i, dec, d FROM base)
PIVOT (SUM(dec) AS total, AVG(d) FOR i IN (1 AS one, 2));

CREATE OR REPLACE TEMPORARY VIEW t_pivot_string AS
SELECT * FROM (SELECT s, dt, l FROM base)
PIVOT (MAX(l) FOR s IN ('abc', 'def' AS d));

CREATE OR REPLACE TEMPORARY VIEW t_subqueries AS
SELECT (SELECT MAX(i) FROM base) AS q1, i IN (SELECT i FROM base) AS q2,
  EXISTS (SELECT 1 FROM base) AS q3, (SELECT AVG(dec) FROM base) AS q4
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_cte AS
WITH c(x, y) AS (SELECT i, s FROM base), c2 AS (SELECT x + 1 AS z, y FROM c)
SELECT c2.*, c.x FROM c2 JOIN c ON c2.y = c.y;

CREATE OR REPLACE TEMPORARY VIEW t_values AS
SELECT * FROM VALUES (1, 'a', 1.5), (2, NULL, 2) AS v(a, b, c);

CREATE OR REPLACE TEMPORARY VIEW t_values_default AS
SELECT * FROM VALUES (1, 2.5), (2L, 3);

CREATE OR REPLACE TEMPORARY VIEW t_range AS
SELECT * FROM range(5);

CREATE OR REPLACE TEMPORARY VIEW t_lateral_alias AS
SELECT i + 1 AS a, a * 2 AS b, a * dec AS c FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_rollup AS
SELECT s, dt, SUM(i) AS total FROM base GROUP BY ROLLUP (s, dt);

CREATE OR REPLACE TEMPORARY VIEW t_names AS
SELECT i, base.s, i + 1, UPPER(s), CAST(l AS STRING), st.x, -i, 'lit', 10, 1.5,
  dec * 2, ROUND(d, 2), NOT b, CURRENT_DATE(), COALESCE(s, 'x'), i = 1
FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_struct_star AS
SELECT st.*, i FROM base;

CREATE OR REPLACE TEMPORARY VIEW t_names_agg AS
SELECT s, COUNT(*), SUM(i), COUNT(DISTINCT i), MAX(dt) FROM base GROUP BY s;

CREATE OR REPLACE TEMPORARY VIEW t_csv AS
SELECT id, name, amount, when_d, when_ts, flag, note, amount * 2 AS amount2, DATEDIFF(when_d, when_d) AS dd
FROM basic_raw;
