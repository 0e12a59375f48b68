CREATE TABLE IF NOT EXISTS src_c360_shipments (
  shipment_id STRING,
  transaction_id STRING,
  tracking_number STRING,
  carrier STRING,
  service_level STRING,
  origin_location STRING,
  weight_kg DECIMAL(8, 3),
  ship_date DATE,
  estimated_delivery_date DATE,
  actual_delivery_date DATE,
  delivery_status STRING,
  shipping_cost DECIMAL(10, 2),
  transit_days INT,
  delivery_delay_days INT,
  is_late INT
)
DISTRIBUTED INTO 1 BUCKETS
WITH (
  'changelog.mode' = 'retract',
  'value.avro-registry.schema-context' = '.flink-dev',
  'value.format' = 'avro-registry',
  'kafka.retention.time' = '0',
  'kafka.producer.compression.type' = 'snappy',
  'scan.bounded.mode' = 'unbounded',
  'scan.startup.mode' = 'earliest-offset'
);
