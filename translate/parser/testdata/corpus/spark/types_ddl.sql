-- Data types in column definitions and casts: primitives, DECIMAL(p, s),
-- VARCHAR(n) / CHAR(n), TIMESTAMP_NTZ, intervals, ARRAY, MAP, STRUCT (both
-- STRUCT<a: T> and STRUCT<a T>), nested, with NOT NULL and COMMENT in fields.

CREATE TABLE stg.all_types (
    c_tinyint   TINYINT,
    c_byte      BYTE,
    c_smallint  SMALLINT,
    c_short     SHORT,
    c_int       INT,
    c_integer   INTEGER,
    c_bigint    BIGINT,
    c_long      LONG,
    c_float     FLOAT,
    c_real      REAL,
    c_double    DOUBLE,
    c_decimal   DECIMAL(38, 10),
    c_dec       DEC(10, 2),
    c_numeric   NUMERIC(5),
    c_decimal0  DECIMAL,
    c_string    STRING,
    c_varchar   VARCHAR(255),
    c_char      CHAR(2),
    c_binary    BINARY,
    c_boolean   BOOLEAN,
    c_date      DATE,
    c_timestamp TIMESTAMP,
    c_ts_ntz    TIMESTAMP_NTZ,
    c_ts_ltz    TIMESTAMP_LTZ,
    c_interval_ym INTERVAL YEAR TO MONTH,
    c_interval_ds INTERVAL DAY TO SECOND
) USING parquet;

CREATE TABLE stg.nested_types (
    id        BIGINT NOT NULL,
    tags      ARRAY<STRING>,
    scores    ARRAY<DOUBLE>,
    props     MAP<STRING, STRING>,
    counters  MAP<STRING, BIGINT>,
    address   STRUCT<street: STRING, city: STRING, zip: STRING>,
    device    STRUCT<os STRING, version STRING COMMENT 'semantic version'>,
    lines     ARRAY<STRUCT<sku: STRING, qty: INT NOT NULL, price: DECIMAL(10, 2)>>,
    matrix    ARRAY<ARRAY<INT>>,
    tag_index MAP<STRING, ARRAY<STRUCT<pos: INT, weight: DOUBLE>>>
) USING delta;

SELECT CAST(raw AS STRUCT<id: BIGINT, name: STRING>)          AS s1,
       CAST(raw_arr AS ARRAY<STRUCT<k: STRING, v: INT>>)      AS s2,
       CAST(m AS MAP<STRING, DECIMAL(12, 4)>)                  AS s3,
       CAST(x AS VARCHAR(10))                                  AS s4,
       CAST(d AS INTERVAL DAY)                                 AS s5,
       CAST(ts AS TIMESTAMP_NTZ)                               AS s6
FROM stg.raw_types;

ALTER TABLE stg.nested_types ADD COLUMNS (
    loyalty STRUCT<tier: STRING, points: BIGINT> COMMENT 'loyalty snapshot',
    consents MAP<STRING, BOOLEAN>
);

ALTER TABLE stg.nested_types ALTER COLUMN scores COMMENT 'model scores, 0..1';

ALTER TABLE stg.nested_types ALTER COLUMN id SET NOT NULL;

ALTER TABLE stg.all_types ALTER COLUMN c_int TYPE BIGINT;

ALTER TABLE stg.all_types CHANGE COLUMN c_string c_string STRING COMMENT 'free text';

ALTER TABLE stg.nested_types REPLACE COLUMNS (id BIGINT, tags ARRAY<STRING>);

ALTER TABLE stg.nested_types RENAME COLUMN tags TO labels;

ALTER TABLE stg.nested_types DROP COLUMN matrix;

ALTER TABLE stg.nested_types DROP COLUMNS (tag_index, counters);
