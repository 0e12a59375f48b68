INSERT INTO events_raw
VALUES
  ('E1', 'U1', 'click', TIMESTAMP '2024-03-01 08:00:00', DATE '2024-03-01', 10, '"{""page"": ""home""}"', 3),
  ('E2', 'U1', 'buy', TIMESTAMP '2024-03-02 09:30:00', DATE '2024-03-02', 25, '"{""page"": ""cart""}"', 5),
  ('E3', 'U2', 'click', TIMESTAMP '2024-03-05 14:00:00', DATE '2024-03-05', CAST(NULL AS INT), CAST(NULL AS STRING), 2),
  ('E4', 'U3', 'buy', TIMESTAMP '2024-03-09 23:59:59', DATE '2024-03-09', 40, '"{""page"": ""promo""}"', 4)
;
