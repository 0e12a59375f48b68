-- Constructs no rule translates: they are reported as residue.
CREATE OR REPLACE TEMPORARY VIEW int_unsupported AS
SELECT
  event_id,
  TRANSFORM(ARRAY(1, 2, 3), x -> x * 2)                 AS doubled,
  FROM_JSON(payload, 'page STRING')                      AS parsed,
  XXHASH64(event_id)                                     AS id_hash
FROM src_events;
