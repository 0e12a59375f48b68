-- =============================================================================
-- products_without_stock
-- Layer : view (merchandising exception report)
-- Grain : one row per active product_id with no stock position anywhere
-- Input : src_products, src_inventory
--
-- Active catalogue products that no warehouse or store holds a stock record
-- for (LEFT ANTI join), so they cannot be fulfilled.
-- =============================================================================

CREATE OR REPLACE TEMPORARY VIEW products_without_stock AS
SELECT
  p.product_id,
  p.product_name,
  p.category,
  p.category_group,
  p.brand,
  p.price,
  p.price_segment
FROM src_products p
LEFT ANTI JOIN src_inventory i
  ON p.product_id = i.product_id;
