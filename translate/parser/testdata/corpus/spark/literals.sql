-- Literals: strings (single and double quotes, escapes, adjacent strings),
-- typed literals, numbers with suffixes, booleans, NULL, binary,
-- backtick identifiers.

SELECT 'plain'                     AS s1,
       "double quoted"             AS s2,
       'it\'s escaped'             AS s3,
       'it''s doubled'             AS s4,
       "say \"hi\""                AS s5,
       'tab\there\nnewline'        AS s6,
       'back\\slash'               AS s7,
       'unicode \u00e9'            AS s8,
       'semi;colon -- not a comment /* nor this */' AS s9,
       'adjacent ' 'strings'       AS s10,
       r'raw \d+ string'           AS s11,
       ''                          AS empty_string;

SELECT DATE '2024-01-31'                          AS d,
       TIMESTAMP '2024-01-31 23:59:59.999'         AS ts,
       TIMESTAMP_NTZ '2024-01-31 12:00:00'         AS ts_ntz,
       TIMESTAMP_LTZ '2024-01-31 12:00:00'         AS ts_ltz,
       X'0A0B0C'                                   AS bin,
       x'ff'                                       AS bin_lower,
       TRUE AS t, FALSE AS f, NULL AS n;

SELECT 1Y    AS tiny,
       7S    AS small,
       42    AS int_lit,
       42L   AS big,
       1.5   AS dec_lit,
       1.5D  AS dbl,
       2.5F  AS flt,
       2BD   AS big_dec,
       10.25BD AS big_dec2,
       1e10  AS sci,
       1.5E-3 AS sci_neg,
       .5    AS leading_dot,
       -17   AS negative,
       +3    AS positive,
       1E3D  AS sci_double,
       123456789012345678901234567890 AS huge;

SELECT `order id`,
       `select`,
       `weird``name`,
       `db`.`table`.`col`,
       `2024_revenue` AS `revenue 2024`
FROM `raw`.`legacy orders`;

SELECT * FROM raw.customers WHERE note = 'multi
line string literal';

-- typed literals in predicates
SELECT *
FROM raw.orders
WHERE order_ts >= TIMESTAMP '2024-01-01 00:00:00'
  AND order_ts <  TIMESTAMP '2024-02-01 00:00:00'
  AND order_date <> DATE'2024-01-15';

-- complex literal constructors
SELECT array(1, 2, 3)                               AS arr,
       array('a', NULL)                              AS arr_null,
       map('k1', 1, 'k2', 2)                         AS m,
       map_from_arrays(array('a', 'b'), array(1, 2)) AS m2,
       struct(1 AS id, 'x' AS name)                  AS st,
       named_struct('id', 1, 'tags', array('a'))     AS ns,
       array(struct(1, 'a'), struct(2, 'b'))         AS arr_of_struct;

SELECT 'a' AS a, "b" AS b, 'c' || "d" AS cd, 'O\'Brien' AS name;
