CREATE TABLE IF NOT EXISTS c360_fct_daily_channel_sales (
  channel STRING NOT NULL,
  channel_group STRING NOT NULL,
  transactions BIGINT,
  customers BIGINT,
  items_sold BIGINT,
  gross_sales DECIMAL(14, 2),
  discounts DECIMAL(14, 2),
  net_sales DECIMAL(14, 2),
  avg_order_value DECIMAL(12, 2),
  sale_date DATE NOT NULL,
  PRIMARY KEY (channel, channel_group, sale_date) NOT ENFORCED
)
DISTRIBUTED BY HASH(channel, channel_group, sale_date) INTO 1 BUCKETS
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
