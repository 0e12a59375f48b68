CREATE TABLE IF NOT EXISTS ddl_dml_dim_carriers (
  carrier STRING NOT NULL,
  shipments BIGINT,
  total_cost DOUBLE,
  PRIMARY KEY (carrier) NOT ENFORCED
)
DISTRIBUTED BY HASH(carrier) INTO 1 BUCKETS
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
