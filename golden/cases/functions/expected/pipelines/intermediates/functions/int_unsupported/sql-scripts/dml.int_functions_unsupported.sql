-- ============================================================================
-- NOT COMPLETE: status needs-llm.
-- 3 Spark constructs have no translation rule; the statement below
-- still holds them and is NOT a complete Flink statement. Do NOT deploy it.
-- Run c360-migrate with Ollama running (--model) for the LLM loop, or translate the residue by hand.
-- Residue (position, construct, reason):
--   cases/functions/spark/intermediates/int_unsupported.sql:5:3 [residue.function] TRANSFORM: a higher-order function with a lambda: Flink SQL has no lambdas (unnest, compute, and re-aggregate, or use a UDF)
--   cases/functions/spark/intermediates/int_unsupported.sql:7:3 [residue.function] XXHASH64: no Flink built-in computes Spark's Murmur3/xxHash64/CRC32 values; use MD5/SHA256 if the values need not match Spark's
--   pipelines/intermediates/functions/int_unsupported/sql-scripts/dml.int_functions_unsupported.sql:4:29 [syntax.spark-only] a lambda (x -> ...) is Spark SQL, not Flink SQL: rewrite without higher-order functions or with a UDF
-- See tracking.md.
-- ============================================================================
INSERT INTO int_functions_unsupported
SELECT
  event_id,
  TRANSFORM(ARRAY[1, 2, 3], x -> x * 2) AS doubled,
  CAST(ROW(JSON_VALUE(payload, '$.page')) AS ROW<page STRING>) AS parsed,
  XXHASH64(event_id) AS id_hash
FROM src_functions_events AS src_events;
