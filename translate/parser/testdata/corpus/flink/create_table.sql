-- CREATE TABLE: physical, computed and metadata columns, watermarks, primary
-- keys, DISTRIBUTED BY / INTO, PARTITIONED BY, WITH options, LIKE.

-- open-source Flink: a Kafka source with metadata and a declared watermark
CREATE TABLE IF NOT EXISTS customers_raw (
    customer_id   BIGINT,
    email         STRING,
    first_name    STRING,
    last_name     STRING,
    country       STRING,
    updated_ts    TIMESTAMP(3),
    event_time    TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
    kafka_offset  BIGINT METADATA FROM 'offset' VIRTUAL,
    kafka_part    INT METADATA FROM 'partition' VIRTUAL,
    headers       MAP<STRING, BYTES> METADATA,
    full_name AS CONCAT(first_name, ' ', last_name),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'customers_raw',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'c360',
    'scan.startup.mode' = 'earliest-offset',
    'format' = 'json',
    'json.ignore-parse-errors' = 'true'
);

-- upsert sink with a primary key
CREATE TABLE src_c360_customers (
    customer_id  BIGINT NOT NULL,
    email        STRING,
    full_name    STRING,
    country_code CHAR(2),
    updated_ts   TIMESTAMP(3),
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'src_c360_customers',
    'properties.bootstrap.servers' = 'localhost:9092',
    'key.format' = 'json',
    'value.format' = 'json'
);

-- Confluent Cloud: $rowtime is a system column, no connector option
CREATE TABLE c360_dim_customers (
    customer_id    BIGINT NOT NULL COMMENT 'surrogate key',
    email          STRING,
    lifecycle      STRING,
    lifetime_value DECIMAL(18, 2),
    loaded_at      TIMESTAMP_LTZ(3),
    PRIMARY KEY (customer_id) NOT ENFORCED
)
COMMENT 'customer dimension'
DISTRIBUTED BY HASH(customer_id) INTO 6 BUCKETS
WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'avro-registry',
    'value.format' = 'avro-registry',
    'kafka.retention.time' = '0',
    'kafka.cleanup-policy' = 'compact',
    'value.fields-include' = 'all'
);

CREATE TABLE c360_fct_orders (
    order_id     STRING NOT NULL,
    customer_id  BIGINT,
    amount       DECIMAL(10, 2),
    order_ts     TIMESTAMP_LTZ(3),
    PRIMARY KEY (order_id) NOT ENFORCED
) DISTRIBUTED BY (order_id) INTO 4 BUCKETS
WITH ('changelog.mode' = 'append', 'value.format' = 'json-registry');

CREATE TABLE events_range (
    event_id BIGINT,
    ts       TIMESTAMP(3)
) DISTRIBUTED BY RANGE(event_id) INTO 8 BUCKETS WITH ('connector' = 'datagen');

CREATE TABLE events_hash_only (event_id BIGINT, payload STRING)
DISTRIBUTED BY HASH(event_id)
WITH ('connector' = 'datagen');

CREATE TABLE events_buckets_only (event_id BIGINT, payload STRING)
DISTRIBUTED INTO 3 BUCKETS
WITH ('connector' = 'datagen');

-- Confluent: watermark on the system column
CREATE TABLE clicks (
    user_id STRING,
    url     STRING,
    WATERMARK FOR `$rowtime` AS `$rowtime` - INTERVAL '10' SECOND
) DISTRIBUTED BY HASH(user_id) INTO 2 BUCKETS WITH ('value.format' = 'avro-registry');

-- filesystem sink partitioned by date, with computed columns
CREATE TABLE fs_orders (
    order_id    STRING,
    amount      DOUBLE,
    order_ts    TIMESTAMP(3),
    dt          STRING,
    hr          STRING,
    amount_cents AS CAST(amount * 100 AS BIGINT) COMMENT 'derived'
) PARTITIONED BY (dt, hr) WITH (
    'connector' = 'filesystem',
    'path' = 'file:///tmp/orders',
    'format' = 'parquet',
    'sink.partition-commit.policy.kind' = 'success-file'
);

CREATE TABLE part_and_dist (
    k  BIGINT,
    dt STRING,
    v  STRING
) DISTRIBUTED BY HASH(k) INTO 4 BUCKETS
PARTITIONED BY (dt)
WITH ('connector' = 'filesystem', 'path' = '/tmp/pd', 'format' = 'csv');

-- processing-time attribute and a watermark over a computed column
CREATE TABLE orders_raw (
    order_id     STRING,
    customer_id  BIGINT,
    amount       DECIMAL(10, 2),
    ts_millis    BIGINT,
    order_time AS TO_TIMESTAMP_LTZ(ts_millis, 3),
    proc_time AS PROCTIME(),
    WATERMARK FOR order_time AS order_time - INTERVAL '2' MINUTE
) WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'avro-confluent',
        'avro-confluent.url' = 'http://localhost:8081',
        'properties.bootstrap.servers' = 'localhost:9092');

-- compound primary key declared as a table constraint with a name
CREATE TABLE order_lines (
    order_id STRING,
    line_no  INT,
    sku      STRING,
    qty      INT,
    CONSTRAINT pk_order_lines PRIMARY KEY (order_id, line_no) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'topic' = 'order_lines',
        'properties.bootstrap.servers' = 'localhost:9092',
        'key.format' = 'json', 'value.format' = 'json');

-- column-level primary key
CREATE TABLE products (
    product_id STRING PRIMARY KEY NOT ENFORCED,
    name       STRING,
    category   STRING,
    price      DECIMAL(10, 2)
) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://localhost:5432/shop', 'table-name' = 'products',
        'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '10000');

-- LIKE: copy schema and options, override some
CREATE TABLE customers_replay
WITH (
    'scan.startup.mode' = 'timestamp',
    'scan.startup.timestamp-millis' = '1704067200000'
)
LIKE customers_raw (
    EXCLUDING OPTIONS
    INCLUDING WATERMARKS
    INCLUDING METADATA
);

CREATE TABLE orders_copy (
    extra_note STRING
) WITH ('topic' = 'orders_copy')
LIKE orders_raw (INCLUDING ALL OVERWRITING OPTIONS EXCLUDING PARTITIONS);

CREATE TEMPORARY TABLE datagen_orders (
    order_id STRING,
    amount   DOUBLE,
    ts       TIMESTAMP(3),
    WATERMARK FOR ts AS ts
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '10',
    'fields.amount.min' = '1',
    'fields.amount.max' = '500'
);

CREATE TABLE `c360-catalog`.`c360-db`.`raw events` (
    `event id` STRING,
    `user` STRING,
    `timestamp` TIMESTAMP_LTZ(3)
) WITH ('connector' = 'blackhole');
