CREATE TABLE IF NOT EXISTS src_ddl_dml_shipments (
  shipment_id STRING NOT NULL,
  carrier STRING,
  ship_date DATE,
  delivered_date DATE,
  transit_days INT,
  cost DOUBLE,
  PRIMARY KEY (shipment_id) NOT ENFORCED
)
DISTRIBUTED BY HASH(shipment_id) INTO 1 BUCKETS
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
