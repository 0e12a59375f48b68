-- Comments in every position: line comments, block comments, nested block
-- comments, comments holding ';' and quotes, comments next to hints.
-- A comment line may contain a semicolon; it must not split the statement.

/* A block comment before a statement.
   It spans lines; ' unmatched quote inside is fine; so is ; */
SELECT customer_id -- trailing comment; with semicolon
     , email        /* inline block */
FROM dim.customers  -- where's the filter? (apostrophe in a comment)
WHERE /* before predicate */ is_active = true;

SELECT 1 /* nested /* block */ comment */ AS one;

--no space after the dashes
SELECT 2 AS two;--comment right after the semicolon

SELECT a,
       -- a commented-out column, b,
       c
FROM t;

SELECT /* not a hint */ a FROM t;

SELECT /*+ BROADCAST(d) */ /* a comment after the hint */ f.a
FROM f JOIN d ON d.k = f.k;

SELECT '-- not a comment' AS s1, '/* not a comment */' AS s2, "--" AS s3;

/**
 * Doc-style comment block
 * on an INSERT.
 */
INSERT INTO rpt.summary -- target
SELECT COUNT(*) -- the count
FROM fct.orders; /* trailing block after the semicolon */

-- comments between clauses of a CTE
WITH
    -- first CTE
    a AS (SELECT 1 AS x),
    /* second CTE */
    b AS (SELECT 2 AS x)
SELECT x FROM a
UNION ALL -- keep duplicates
SELECT x FROM b;

CREATE TABLE tmp.commented (
    id   BIGINT, -- the key
    /* the payload */ body STRING
) USING parquet;

SELECT
    CASE -- comment after CASE
        WHEN a > 0 THEN 'pos' -- positive
        ELSE 'neg'            /* everything else */
    END AS sign
FROM t;

SELECT 3 AS three -- a comment at end of file without newline