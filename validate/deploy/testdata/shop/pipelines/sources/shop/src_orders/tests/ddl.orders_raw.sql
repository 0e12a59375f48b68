-- A raw input: 50 generated orders, then the source ends.
CREATE TABLE IF NOT EXISTS orders_raw (
  order_id BIGINT,
  customer_id INT,
  amount DOUBLE
)
WITH (
  'connector' = 'datagen',
  'number-of-rows' = '50',
  'rows-per-second' = '1000',
  'fields.customer_id.min' = '1',
  'fields.customer_id.max' = '5',
  'fields.amount.min' = '-10',
  'fields.amount.max' = '500'
);
