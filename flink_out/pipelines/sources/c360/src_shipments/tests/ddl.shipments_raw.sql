CREATE TABLE IF NOT EXISTS shipments_raw (
  shipment_id STRING,
  transaction_id STRING,
  tracking_number STRING,
  carrier STRING,
  service_level STRING,
  origin_location STRING,
  destination_address STRING,
  weight_kg DOUBLE,
  dimensions STRING,
  ship_date DATE,
  estimated_delivery DATE,
  actual_delivery DATE,
  delivery_status STRING,
  shipping_cost DOUBLE
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'append',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
