INSERT INTO transactions_raw
VALUES
  ('TXN001', 'CUST001', TIMESTAMP '2024-05-15 14:30:00', 'online', CAST(NULL AS STRING), 'credit_card', 299.99E0, 24E0, 30E0, 293.99E0, 'USD', 'completed'),
  ('TXN002', 'CUST002', TIMESTAMP '2024-05-16 10:15:00', 'store', 'ST001', 'debit_card', 149.5E0, 11.96E0, 0E0, 161.46E0, 'USD', 'completed'),
  ('TXN003', 'CUST003', TIMESTAMP '2024-05-17 16:45:00', 'mobile', CAST(NULL AS STRING), 'paypal', 89.99E0, 7.2E0, 9E0, 88.19E0, 'USD', 'completed'),
  ('TXN004', 'CUST004', TIMESTAMP '2024-05-18 11:20:00', 'online', CAST(NULL AS STRING), 'credit_card', 199.99E0, 16E0, 0E0, 215.99E0, 'USD', 'completed'),
  ('TXN005', 'CUST005', TIMESTAMP '2024-05-19 13:30:00', 'store', 'ST002', 'cash', 75E0, 6E0, 7.5E0, 73.5E0, 'USD', 'completed'),
  ('TXN006', 'CUST006', TIMESTAMP '2024-05-20 09:45:00', 'online', CAST(NULL AS STRING), 'credit_card', 450E0, 36E0, 45E0, 441E0, 'USD', 'completed'),
  ('TXN007', 'CUST007', TIMESTAMP '2024-05-21 15:10:00', 'mobile', CAST(NULL AS STRING), 'apple_pay', 125.99E0, 10.08E0, 0E0, 136.07E0, 'USD', 'completed'),
  ('TXN008', 'CUST008', TIMESTAMP '2024-05-22 12:25:00', 'store', 'ST001', 'debit_card', 69.99E0, 5.6E0, 7E0, 68.59E0, 'USD', 'completed'),
  ('TXN009', 'CUST009', TIMESTAMP '2024-05-23 17:40:00', 'online', CAST(NULL AS STRING), 'credit_card', 599.99E0, 48E0, 60E0, 587.99E0, 'USD', 'completed'),
  ('TXN010', 'CUST010', TIMESTAMP '2024-05-24 14:15:00', 'mobile', CAST(NULL AS STRING), 'google_pay', 179.99E0, 14.4E0, 0E0, 194.39E0, 'USD', 'completed'),
  ('TXN011', 'CUST011', TIMESTAMP '2024-05-25 10:50:00', 'store', 'ST003', 'cash', 39.99E0, 3.2E0, 4E0, 39.19E0, 'USD', 'completed'),
  ('TXN012', 'CUST012', TIMESTAMP '2024-05-26 16:30:00', 'online', CAST(NULL AS STRING), 'credit_card', 329.99E0, 26.4E0, 33E0, 323.39E0, 'USD', 'completed'),
  ('TXN013', 'CUST013', TIMESTAMP '2024-05-27 11:05:00', 'mobile', CAST(NULL AS STRING), 'paypal', 89.99E0, 7.2E0, 0E0, 97.19E0, 'USD', 'completed'),
  ('TXN014', 'CUST014', TIMESTAMP '2024-05-28 13:45:00', 'store', 'ST002', 'debit_card', 159.99E0, 12.8E0, 16E0, 156.79E0, 'USD', 'completed'),
  ('TXN015', 'CUST015', TIMESTAMP '2024-05-29 15:20:00', 'online', CAST(NULL AS STRING), 'credit_card', 249.99E0, 20E0, 25E0, 244.99E0, 'USD', 'completed'),
  ('TXN016', 'CUST001', TIMESTAMP '2024-06-01 09:30:00', 'mobile', CAST(NULL AS STRING), 'apple_pay', 119.99E0, 9.6E0, 12E0, 117.59E0, 'USD', 'completed'),
  ('TXN017', 'CUST003', TIMESTAMP '2024-06-02 14:40:00', 'online', CAST(NULL AS STRING), 'credit_card', 189.99E0, 15.2E0, 0E0, 205.19E0, 'USD', 'completed'),
  ('TXN018', 'CUST005', TIMESTAMP '2024-06-03 12:10:00', 'store', 'ST001', 'cash', 95E0, 7.6E0, 9.5E0, 93.1E0, 'USD', 'completed'),
  ('TXN019', 'CUST007', TIMESTAMP '2024-06-04 16:25:00', 'mobile', CAST(NULL AS STRING), 'google_pay', 279.99E0, 22.4E0, 28E0, 274.39E0, 'USD', 'completed'),
  ('TXN020', 'CUST009', TIMESTAMP '2024-06-05 11:15:00', 'online', CAST(NULL AS STRING), 'credit_card', 399.99E0, 32E0, 0E0, 431.99E0, 'USD', 'completed')
;
