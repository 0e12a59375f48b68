CREATE TABLE IF NOT EXISTS c360_fct_carrier_delivery_performance (
  carrier STRING NOT NULL,
  delivered_shipments BIGINT,
  avg_transit_days DECIMAL(6, 2),
  avg_delay_days DECIMAL(6, 2),
  max_delay_days INT,
  late_shipments BIGINT,
  on_time_rate DOUBLE,
  total_shipping_cost DECIMAL(20, 2),
  cost_per_kg DECIMAL(10, 2),
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
