package app_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// purchaseSequence is a scripted answer for int_c360_customer_purchase_sequence:
// every OVER aggregate on one window ordered by $rowtime (Flink allows one
// window per SELECT), the row number as a running COUNT(*) and the rolling
// average of three as a sum of LAGs. It passes our parser, but the lint
// rejects it: the windows read src_c360_transactions, a retract table
// (lint.over-updating).
const purchaseSequence = `INSERT INTO int_c360_customer_purchase_sequence
WITH ordered AS (
  SELECT
    transaction_id,
    customer_id,
    transaction_ts,
    channel,
    total_amount,
    CAST(COUNT(*) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INT) AS purchase_number,
    LAG(transaction_ts) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous_transaction_ts,
    LAG(channel) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous_channel,
    SUM(total_amount) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total_spend,
    LAG(total_amount, 1) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous_amount_1,
    LAG(total_amount, 2) OVER (PARTITION BY customer_id ORDER BY ` + "`$rowtime`" + ` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS previous_amount_2
  FROM src_c360_transactions AS src_transactions
)
SELECT
  transaction_id,
  customer_id,
  transaction_ts,
  channel,
  total_amount,
  purchase_number,
  CASE WHEN purchase_number = 1 THEN 1 ELSE 0 END AS is_first_purchase,
  previous_transaction_ts,
  TIMESTAMPDIFF(DAY, CAST(previous_transaction_ts AS DATE), CAST(transaction_ts AS DATE)) AS days_since_previous_purchase,
  previous_channel,
  CASE
    WHEN previous_channel IS NULL THEN 0
    WHEN previous_channel <> channel THEN 1
    ELSE 0
  END AS is_channel_switch,
  running_total_spend,
  CAST((total_amount + COALESCE(previous_amount_1, 0) + COALESCE(previous_amount_2, 0)) / LEAST(purchase_number, 3) AS DECIMAL(12, 2)) AS rolling_avg_order_value_3
FROM ordered`

// TestC360LLMFigures migrates the c360 project with a scripted model and
// logs the figures quoted in README (LLM calls per run, prompt tokens per
// call) for its one table that needs the LLM; the re-run replays the
// answers from the cache.
func TestC360LLMFigures(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	require.NoError(t, err)
	tmp := t.TempDir()
	// Run from the repository, as `make migrate` does, so that positions
	// and CSV paths are the same; write to a temporary folder.
	t.Chdir(root)
	args := []string{"migrate", "--product", "c360", "--report", filepath.Join(tmp, "report"), "--out", filepath.Join(tmp, "flink_out")}
	if testing.Short() {
		args = append(args, "--skip-dry-run")
	} else {
		args = append(args, "--gateway", flinktest.Ensure(t))
	}
	rules, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "intermediates", "c360", "int_customer_purchase_sequence", "sql-scripts", "dml.int_c360_customer_purchase_sequence.sql"))
	require.NoError(t, err)
	unchanged := regexp.MustCompile(`(?s)^.*?\nINSERT`).ReplaceAllString(string(rules), "INSERT")
	// Flink rejects a frame on LAG; the repair drops every frame (the
	// default, RANGE UNBOUNDED PRECEDING, is one window for all).
	noFrames := strings.ReplaceAll(purchaseSequence, " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "")
	o := &ollama{answers: []string{jsonAnswer(unchanged), jsonAnswer(purchaseSequence), jsonAnswer(noFrames)}}
	srv := o.serve(t)
	// Every answer keeps OVER windows on the updating src_c360_transactions,
	// which Flink rejects ("StreamPhysicalOverAggregate doesn't support
	// consuming update and delete changes"). The lint says so first
	// (lint.over-updating), so all three answers are rejected before Flink
	// is asked, with the dry run or without it, and the table ends failed.
	calls, code, status := 3, app.ExitNeedsLLM, "0 of 1 tables translated, 1 failed"
	args = append(args, "--ollama-url", srv.URL, "spark_src")

	r := run(t, "", args...)
	t.Log(r.stdout)
	require.Equal(t, code, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, fmt.Sprintf("%s; %d model calls, 0 answers replayed", status, calls))
	assert.Contains(t, r.stdout, "the last: dml.int_c360_customer_purchase_sequence.sql:9:10: error: [lint.over-updating] COUNT, LAG, SUM OVER has an updating input (reads the updating table src_c360_transactions)")
	assert.Equal(t, calls, strings.Count(r.stderr, ": "+agent.StepCheck+"\n"), r.stderr)
	assert.NotContains(t, r.stderr, ": "+agent.StepDeploy+"\n", "no answer reaches Flink")
	f := reportFigures(t, tmp)
	require.NotNil(t, f.LLM)
	assert.Equal(t, calls, f.LLM.Calls)
	assert.Len(t, f.LLM.PromptTokens, calls)

	// A re-run keeps every table with its recorded verdict: no LLM loop.
	r = run(t, "", args...)
	require.Equal(t, code, r.code, r.stdout+r.stderr)
	t.Log(r.stdout)
	assert.Contains(t, r.stdout, "22 of 22 tables kept")
	assert.Contains(t, r.stdout, "nothing written")
	assert.Equal(t, int32(calls), o.calls)

	// --force redoes every table: the model's answers are replayed from
	// the cache, no call.
	r = run(t, "", append([]string{"migrate", "--force"}, args[1:]...)...)
	require.Equal(t, code, r.code, r.stdout+r.stderr)
	t.Log(r.stdout)
	assert.Contains(t, r.stdout, fmt.Sprintf("%s; 0 model calls, %d answers replayed", status, calls))
	assert.Equal(t, int32(calls), o.calls)
}
