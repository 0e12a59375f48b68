INSERT INTO shipments_raw
VALUES
  ('SHP001', 'TXN001', '1Z999AA1234567890', 'UPS', 'standard', 'WH001', '123 Main St Seattle WA', 1.2E0, '25x20x10 cm', DATE '2024-05-16', DATE '2024-05-20', DATE '2024-05-19', 'delivered', 12.5E0),
  ('SHP002', 'TXN002', '9261234567891234567890', 'FedEx', 'expedited', 'ST001', '456 Oak Ave Portland OR', 0.8E0, '20x15x8 cm', DATE '2024-05-17', DATE '2024-05-18', DATE '2024-05-18', 'delivered', 18.75E0),
  ('SHP003', 'TXN003', '9400109876543210987654', 'USPS', 'standard', 'WH001', '789 Pine St San Francisco CA', 0.5E0, '15x12x5 cm', DATE '2024-05-18', DATE '2024-05-22', DATE '2024-05-21', 'delivered', 8.25E0),
  ('SHP004', 'TXN004', '1Z999AA1234567891', 'UPS', 'overnight', 'WH001', '321 Elm Dr Los Angeles CA', 1.6E0, '30x25x12 cm', DATE '2024-05-19', DATE '2024-05-20', DATE '2024-05-20', 'delivered', 35E0),
  ('SHP005', 'TXN005', '9261234567891234567891', 'FedEx', 'standard', 'ST002', '654 Maple Blvd Denver CO', 0.9E0, '22x18x8 cm', DATE '2024-05-20', DATE '2024-05-24', DATE '2024-05-23', 'delivered', 11.5E0),
  ('SHP006', 'TXN006', '1Z999AA1234567892', 'UPS', 'standard', 'WH001', '987 Cedar Ln Austin TX', 2.1E0, '35x28x15 cm', DATE '2024-05-21', DATE '2024-05-25', DATE '2024-05-24', 'delivered', 15.75E0),
  ('SHP007', 'TXN007', '9400109876543210987655', 'USPS', 'expedited', 'WH001', '147 Birch Ave Miami FL', 0.6E0, '18x14x6 cm', DATE '2024-05-22', DATE '2024-05-24', DATE '2024-05-24', 'delivered', 16.25E0),
  ('SHP008', 'TXN008', '9261234567891234567892', 'FedEx', 'standard', 'ST001', '258 Spruce St Chicago IL', 0.7E0, '20x16x7 cm', DATE '2024-05-23', DATE '2024-05-27', DATE '2024-05-26', 'delivered', 9.8E0),
  ('SHP009', 'TXN009', '1Z999AA1234567893', 'UPS', 'expedited', 'WH001', '369 Willow Rd Boston MA', 2.5E0, '40x32x18 cm', DATE '2024-05-24', DATE '2024-05-26', DATE '2024-05-25', 'delivered', 28.5E0),
  ('SHP010', 'TXN010', '9400109876543210987656', 'USPS', 'standard', 'WH001', '741 Poplar Dr Phoenix AZ', 0.8E0, '22x18x9 cm', DATE '2024-05-25', DATE '2024-05-29', DATE '2024-05-28', 'delivered', 10.75E0),
  ('SHP011', 'TXN011', '9261234567891234567893', 'FedEx', 'standard', 'ST003', '852 Ash St Las Vegas NV', 0.4E0, '15x12x4 cm', DATE '2024-05-26', DATE '2024-05-30', DATE '2024-05-29', 'delivered', 7.5E0),
  ('SHP012', 'TXN012', '1Z999AA1234567894', 'UPS', 'overnight', 'WH001', '963 Holly Ln Nashville TN', 1.8E0, '32x26x14 cm', DATE '2024-05-27', DATE '2024-05-28', DATE '2024-05-28', 'delivered', 42E0),
  ('SHP013', 'TXN013', '9400109876543210987657', 'USPS', 'expedited', 'WH001', '741 Magnolia Ave Atlanta GA', 0.5E0, '16x13x5 cm', DATE '2024-05-28', DATE '2024-05-30', DATE '2024-05-30', 'delivered', 14.25E0),
  ('SHP014', 'TXN014', '9261234567891234567894', 'FedEx', 'standard', 'ST002', '159 Dogwood Dr Detroit MI', 0.9E0, '23x19x8 cm', DATE '2024-05-29', DATE '2024-06-02', DATE '2024-06-01', 'delivered', 12E0),
  ('SHP015', 'TXN015', '1Z999AA1234567895', 'UPS', 'standard', 'WH001', '357 Sycamore Rd Portland ME', 1.3E0, '28x22x11 cm', DATE '2024-05-30', DATE '2024-06-03', DATE '2024-06-02', 'delivered', 13.75E0),
  ('SHP016', 'TXN016', '9400109876543210987658', 'USPS', 'standard', 'WH001', '123 Main St Seattle WA', 0.6E0, '18x15x6 cm', DATE '2024-06-02', DATE '2024-06-06', DATE '2024-06-05', 'delivered', 9.25E0),
  ('SHP017', 'TXN017', '9261234567891234567895', 'FedEx', 'expedited', 'WH001', '789 Pine St San Francisco CA', 1E0, '24x20x9 cm', DATE '2024-06-03', DATE '2024-06-05', DATE '2024-06-04', 'delivered', 19.5E0),
  ('SHP018', 'TXN018', '1Z999AA1234567896', 'UPS', 'standard', 'ST001', '654 Maple Blvd Denver CO', 0.8E0, '21x17x7 cm', DATE '2024-06-04', DATE '2024-06-08', DATE '2024-06-07', 'delivered', 11E0),
  ('SHP019', 'TXN019', '9400109876543210987659', 'USPS', 'expedited', 'WH001', '147 Birch Ave Miami FL', 1.4E0, '29x23x12 cm', DATE '2024-06-05', DATE '2024-06-07', DATE '2024-06-07', 'delivered', 17.75E0),
  ('SHP020', 'TXN020', '9261234567891234567896', 'FedEx', 'overnight', 'WH001', '369 Willow Rd Boston MA', 2.2E0, '38x30x16 cm', DATE '2024-06-06', DATE '2024-06-07', DATE '2024-06-07', 'delivered', 45E0)
;
