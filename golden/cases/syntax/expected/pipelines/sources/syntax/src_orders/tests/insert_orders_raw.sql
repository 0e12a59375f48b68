INSERT INTO orders_raw
VALUES
  ('O1', 'C1', 'web', 120.5E0, TIMESTAMP '2024-05-01 10:00:00', 'gift;promo'),
  ('O2', 'C1', 'store', 35E0, TIMESTAMP '2024-05-03 12:30:00', CAST(NULL AS STRING)),
  ('O3', 'C2', 'web', 80.25E0, TIMESTAMP '2024-05-04 09:15:00', 'promo'),
  ('O4', 'C3', 'store', 15.75E0, TIMESTAMP '2024-05-06 18:45:00', 'clearance;promo'),
  ('O5', 'C2', 'mobile', 60E0, TIMESTAMP '2024-05-07 20:00:00', 'gift')
;
