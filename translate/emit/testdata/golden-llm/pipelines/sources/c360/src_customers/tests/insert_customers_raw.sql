INSERT INTO customers_raw VALUES
  ('C001', 'ana@example.com', DATE '2024-01-05'),
  ('C002', 'bo@example.com', DATE '2024-02-11');
