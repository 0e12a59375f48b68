-- The seed read as a raw input.
CREATE OR REPLACE TEMPORARY VIEW sales_raw
USING CSV
OPTIONS (path 'seeds/sales.csv', header 'true', inferSchema 'true');
