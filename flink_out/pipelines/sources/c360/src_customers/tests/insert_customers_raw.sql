INSERT INTO customers_raw
VALUES
  ('CUST001', 'Sarah', 'Johnson', 'sarah.johnson@email.com', '+1-555-0101', DATE '1985-03-15', 'F', TIMESTAMP '2020-01-15 10:30:00', 'Premium', 'online', '123 Main St', 'Seattle', 'WA', 98101, 'USA'),
  ('CUST002', 'Michael', 'Chen', 'michael.chen@email.com', '+1-555-0102', DATE '1990-07-22', 'M', TIMESTAMP '2019-05-20 14:15:00', 'Standard', 'store', '456 Oak Ave', 'Portland', 'OR', 97201, 'USA'),
  ('CUST003', 'Emily', 'Rodriguez', 'emily.rodriguez@email.com', '+1-555-0103', DATE '1988-12-03', 'F', TIMESTAMP '2021-03-10 09:45:00', 'Premium', 'mobile', '789 Pine St', 'San Francisco', 'CA', 94102, 'USA'),
  ('CUST004', 'David', 'Thompson', 'david.thompson@email.com', '+1-555-0104', DATE '1975-11-18', 'M', TIMESTAMP '2018-08-05 16:20:00', 'Basic', 'online', '321 Elm Dr', 'Los Angeles', 'CA', 90210, 'USA'),
  ('CUST005', 'Jessica', 'Williams', 'jessica.williams@email.com', '+1-555-0105', DATE '1992-04-28', 'F', TIMESTAMP '2022-01-12 11:00:00', 'Standard', 'store', '654 Maple Blvd', 'Denver', 'CO', 80202, 'USA'),
  ('CUST006', 'Robert', 'Davis', 'robert.davis@email.com', '+1-555-0106', DATE '1983-09-14', 'M', TIMESTAMP '2019-11-30 13:25:00', 'Premium', 'online', '987 Cedar Ln', 'Austin', 'TX', 73301, 'USA'),
  ('CUST007', 'Amanda', 'Miller', 'amanda.miller@email.com', '+1-555-0107', DATE '1987-06-07', 'F', TIMESTAMP '2020-09-18 15:40:00', 'Standard', 'mobile', '147 Birch Ave', 'Miami', 'FL', 33101, 'USA'),
  ('CUST008', 'James', 'Wilson', 'james.wilson@email.com', '+1-555-0108', DATE '1979-01-25', 'M', TIMESTAMP '2018-12-22 08:55:00', 'Basic', 'store', '258 Spruce St', 'Chicago', 'IL', 60601, 'USA'),
  ('CUST009', 'Lisa', 'Anderson', 'lisa.anderson@email.com', '+1-555-0109', DATE '1991-08-11', 'F', TIMESTAMP '2021-07-03 12:10:00', 'Premium', 'online', '369 Willow Rd', 'Boston', 'MA', 2101, 'USA'),
  ('CUST010', 'Christopher', 'Taylor', 'chris.taylor@email.com', '+1-555-0110', DATE '1986-05-30', 'M', TIMESTAMP '2020-04-14 17:30:00', 'Standard', 'mobile', '741 Poplar Dr', 'Phoenix', 'AZ', 85001, 'USA'),
  ('CUST011', 'Maria', 'Garcia', 'maria.garcia@email.com', '+1-555-0111', DATE '1994-02-17', 'F', TIMESTAMP '2022-06-08 10:15:00', 'Basic', 'store', '852 Ash St', 'Las Vegas', 'NV', 89101, 'USA'),
  ('CUST012', 'Daniel', 'Brown', 'daniel.brown@email.com', '+1-555-0112', DATE '1982-10-09', 'M', TIMESTAMP '2019-02-28 14:45:00', 'Premium', 'online', '963 Holly Ln', 'Nashville', 'TN', 37201, 'USA'),
  ('CUST013', 'Nicole', 'Jones', 'nicole.jones@email.com', '+1-555-0113', DATE '1989-12-21', 'F', TIMESTAMP '2020-12-05 09:20:00', 'Standard', 'mobile', '741 Magnolia Ave', 'Atlanta', 'GA', 30301, 'USA'),
  ('CUST014', 'Kevin', 'Lee', 'kevin.lee@email.com', '+1-555-0114', DATE '1977-07-04', 'M', TIMESTAMP '2018-06-15 16:05:00', 'Basic', 'store', '159 Dogwood Dr', 'Detroit', 'MI', 48201, 'USA'),
  ('CUST015', 'Stephanie', 'White', 'stephanie.white@email.com', '+1-555-0115', DATE '1993-03-26', 'F', TIMESTAMP '2021-11-20 11:50:00', 'Premium', 'online', '357 Sycamore Rd', 'Portland', 'ME', 4101, 'USA')
;
