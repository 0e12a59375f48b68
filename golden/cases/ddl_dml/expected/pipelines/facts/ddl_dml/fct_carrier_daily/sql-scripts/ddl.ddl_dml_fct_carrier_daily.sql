CREATE TABLE IF NOT EXISTS ddl_dml_fct_carrier_daily (
  carrier STRING NOT NULL,
  shipments BIGINT,
  avg_transit_days DOUBLE,
  ship_date DATE NOT NULL,
  PRIMARY KEY (carrier, ship_date) NOT ENFORCED
)
DISTRIBUTED BY HASH(carrier, ship_date) INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'upsert',
  'key.avro-registry.schema-context' = '.flink-dev',
  'key.format' = 'avro-registry',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset',
  'value.fields-include' = 'all'
);
