-- Comments and quoting in Flink SQL: line and block comments, comments that
-- contain ';' or quotes, '' escapes, backtick identifiers.

/* block comment; with a semicolon and an 'unmatched quote */
SELECT order_id -- trailing comment; with semicolon
     , amount   /* inline */
FROM orders_raw -- it's a comment with an apostrophe
WHERE /* before the predicate */ amount > 0;

SELECT 'a;b' AS semi, 'O''Brien' AS name, '' AS empty_string, '-- not a comment' AS dashes, '/* nor this */' AS slashes;

SELECT `order id`, `select`, `weird``name`, `$rowtime`
FROM `my catalog`.`my db`.`my table`;

--no space after the dashes
SELECT 1 AS x;--comment right after the semicolon

CREATE TABLE commented (
    id   BIGINT, -- the key
    /* the payload */ body STRING COMMENT 'body; with a semicolon and it''s quote'
) COMMENT 'table comment' WITH ('connector' = 'blackhole');

SELECT 3 AS three -- end of file without a newline