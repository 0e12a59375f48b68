package app_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// ollama is a fake Ollama server: /api/tags lists one model, /api/chat
// replays the scripted answers in order (the last one again when they run
// out), as one JSON object (the client asks for no stream).
type ollama struct {
	answers []string
	delay   time.Duration // before each answer
	onChat  func(n int32) // called on the n-th chat request (1-based)
	calls   int32         // chat requests
	tags    int32         // /api/tags requests
	// promptTokens, when set, is reported as the prompt's size
	// (prompt_eval_count), as a real Ollama does.
	promptTokens int
}

func (o *ollama) serve(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/tags":
			atomic.AddInt32(&o.tags, 1)
			json.NewEncoder(w).Encode(map[string]any{"models": []map[string]string{{"name": "qwen2.5-coder:latest", "model": "qwen2.5-coder:latest"}}})
		case "/api/chat":
			n := atomic.AddInt32(&o.calls, 1)
			if o.onChat != nil {
				o.onChat(n)
			}
			var req map[string]any
			json.NewDecoder(r.Body).Decode(&req)
			if o.delay > 0 {
				select {
				case <-time.After(o.delay):
				case <-r.Context().Done():
					return
				}
			}
			answer := o.answers[min(int(n), len(o.answers))-1]
			msg := map[string]any{"model": req["model"], "message": map[string]string{"role": "assistant", "content": answer}, "done": true, "done_reason": "stop"}
			if o.promptTokens > 0 {
				msg["prompt_eval_count"], msg["eval_count"] = o.promptTokens, 42
			}
			json.NewEncoder(w).Encode(msg)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func jsonAnswer(dml string) string {
	b, _ := json.Marshal(map[string]string{"dml": dml, "ddl": "", "notes": "HASH_CODE is not xxhash64: values differ"})
	return string(b)
}

// llmProject is a project whose view v needs the LLM (xxhash64 has no
// rule); goodDML is a valid translation, badDML one Flink rejects.
func llmProject(t *testing.T) {
	project(t, map[string]string{
		"spark/data/t.csv": "id,xs\n1,a\n",
		"spark/sources/src_t.sql": "CREATE OR REPLACE TEMPORARY VIEW t_raw USING CSV OPTIONS (path 'data/t.csv', header 'true', inferSchema 'true');\n" +
			"CREATE OR REPLACE TEMPORARY VIEW src_t AS SELECT id, xs FROM t_raw;\n",
		"spark/views/v.sql": "CREATE VIEW v AS SELECT id, xxhash64(xs) AS h FROM src_t",
	})
}

const (
	goodDML = "INSERT INTO v SELECT id, CAST(HASH_CODE(xs) AS BIGINT) AS h FROM src_spark_t AS src_t"
	// Parses and passes the lint, but Flink finds no column ys.
	badDML = "INSERT INTO v SELECT id, CAST(HASH_CODE(ys) AS BIGINT) AS h FROM src_spark_t AS src_t"
)

var vFolder = filepath.Join("flink_out", "pipelines", "views", "spark", "v")

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

type llmFigures struct {
	LLM *struct {
		Calls        int   `json:"calls"`
		Cached       int   `json:"cached"`
		PromptTokens []int `json:"prompt_tokens"`
		Counted      int   `json:"prompt_tokens_counted"`
	} `json:"llm"`
}

func reportFigures(t *testing.T, dir ...string) llmFigures {
	t.Helper()
	var r llmFigures
	require.NoError(t, json.Unmarshal([]byte(readFile(t, filepath.Join(append(dir, "report", "report.json")...))), &r))
	return r
}

// TestMigrateLLM: a table the rules cannot finish goes to the model; the
// answer passes our parser and the lint, the table is kept as llm with its
// provenance, and a re-run replays the cached answer without calling the
// model (zero calls, in the summary and report.json).
func TestMigrateLLM(t *testing.T) {
	llmProject(t)
	o := &ollama{answers: []string{jsonAnswer(goodDML)}, promptTokens: 321}
	srv := o.serve(t)

	r := run(t, "", "migrate", "--skip-dry-run", "--report", "report", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 of 1 tables translated, 0 failed; 1 model call, 0 answers replayed")
	assert.Contains(t, r.stdout, "LLM: answers are checked by the parser and the lint only, not dry-run on Flink (--skip-dry-run)")
	assert.Regexp(t, `llm \(qwen2.5-coder\): 1 table, 1 model call, 0 answers replayed from the cache; prompt tokens per call: 321 \(counted by the model\); checked by parser, lint`, r.stdout)
	assert.Contains(t, readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql")), "HASH_CODE(xs)")
	track := readFile(t, filepath.Join(vFolder, "tracking.md"))
	assert.Contains(t, track, "| DML | rules, finished by the LLM: model `qwen2.5-coder`, 1 attempt, answers from the model, checked by the parser and the lint (no dry run) |")
	assert.Contains(t, track, "```diff\n--- rules/sql-scripts/dml.v.sql\n+++ final/sql-scripts/dml.v.sql\n")
	assert.Contains(t, track, "+INSERT INTO v SELECT id, CAST(HASH_CODE(xs) AS BIGINT)")
	f := reportFigures(t)
	require.NotNil(t, f.LLM)
	assert.Equal(t, 1, f.LLM.Calls)
	assert.Equal(t, []int{321}, f.LLM.PromptTokens, "the model's own count")
	assert.Equal(t, 1, f.LLM.Counted)
	assert.Equal(t, int32(1), atomic.LoadInt32(&o.calls))
	// Progress goes to stderr as timestamped lines (it is not a terminal).
	assert.Regexp(t, `(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ LLM 0/1 tables done · v: attempt 1/3: asking the model$`, r.stderr)
	assert.Regexp(t, `(?m)^\S+ LLM 1/1 tables done · v: llm$`, r.stderr)

	// A re-run keeps the recorded verdict: no LLM loop at all.
	r = run(t, "", "migrate", "--skip-dry-run", "--report", "report", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "2 of 2 tables kept")
	assert.Contains(t, r.stdout, "2 tables: 1 translated, 1 llm")
	assert.Contains(t, r.stdout, "nothing written")
	assert.Equal(t, int32(1), atomic.LoadInt32(&o.calls))
	assert.Contains(t, readFile(t, filepath.Join(vFolder, "tracking.md")), "1 attempt, answers from the model")

	// --force redoes the table: the cached answer is replayed, no call.
	r = run(t, "", "migrate", "--skip-dry-run", "--force", "--report", "report", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 of 1 tables translated, 0 failed; 0 model calls, 1 answer replayed")
	f = reportFigures(t)
	assert.Equal(t, 0, f.LLM.Calls)
	assert.Equal(t, 1, f.LLM.Cached)
	assert.Equal(t, []int{321}, f.LLM.PromptTokens, "the count is replayed from the cache")
	assert.Equal(t, int32(1), atomic.LoadInt32(&o.calls), "the cached answer is replayed")
	assert.Contains(t, readFile(t, filepath.Join(vFolder, "tracking.md")), "1 attempt, answers replayed from the cache")
}

// TestMigrateLLMNotNeeded: when the rules cover everything the model is not
// even contacted, and no LLM figures are reported.
func TestMigrateLLMNotNeeded(t *testing.T) {
	llmProject(t)
	require.NoError(t, os.WriteFile(filepath.Join("spark", "views", "v.sql"), []byte("CREATE VIEW v AS SELECT id, upper(xs) AS h FROM src_t"), 0o644))
	o := &ollama{answers: []string{jsonAnswer(goodDML)}}
	srv := o.serve(t)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "report", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout, "LLM")
	assert.NotContains(t, r.stdout, "llm (")
	assert.Nil(t, reportFigures(t).LLM)
	assert.Equal(t, int32(0), atomic.LoadInt32(&o.calls)+atomic.LoadInt32(&o.tags))
}

// TestMigrateLLMFailed: every answer is rejected (a smuggled DROP TABLE,
// then non-JSON, then a truncated object): the table ends failed, its DML
// keeps the rules' text under a NOT COMPLETE banner, the Makefile refuses
// it, tracking.md and the report say why, and the exit code is 3.
func TestMigrateLLMFailed(t *testing.T) {
	llmProject(t)
	o := &ollama{answers: []string{
		jsonAnswer(goodDML + ";\nDROP TABLE src_spark_t;"),
		"Sure! Here is the Flink SQL: " + goodDML,
		`{"dml": "INSERT INTO v SELECT`,
	}}
	srv := o.serve(t)
	r := run(t, "", "migrate", "--skip-dry-run", "--report", "report", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "LLM: v: failed, 3 answers rejected; the last: the answer is not the JSON object of the schema")
	assert.Contains(t, r.stdout, "0 of 1 tables translated, 1 failed; 3 model calls")
	assert.Equal(t, int32(3), atomic.LoadInt32(&o.calls))

	dml := readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql"))
	assert.Contains(t, dml, "-- NOT COMPLETE: status failed.")
	assert.Contains(t, dml, "xxhash64", "the rules' partial text is kept")
	assert.NotContains(t, dml, "HASH_CODE")
	assert.NotContains(t, dml, "DROP TABLE")
	assert.Contains(t, readFile(t, filepath.Join(vFolder, "Makefile")), "DML_REFUSED := failed")
	track := readFile(t, filepath.Join(vFolder, "tracking.md"))
	assert.Contains(t, track, "**Status: failed**")
	assert.Contains(t, track, "The LLM loop rejected all 3 answers")
	assert.Contains(t, track, "The last answer was rejected for:\n\n- the answer is not the JSON object of the schema")
	rep := readFile(t, filepath.Join("report", "report.json"))
	assert.Contains(t, rep, `"failed": [
      "v"
    ]`)
	inv := readFile(t, filepath.Join("flink_out", "pipelines", "inventory.json"))
	assert.Contains(t, inv, `"status": "failed",
      "complete": false,`)
}

// TestMigrateLLMSlowServer: a model slower than --llm-timeout fails its
// attempt with a clear message; the run still finishes, fast, with the
// table needs-llm and exit code 3.
func TestMigrateLLMSlowServer(t *testing.T) {
	llmProject(t)
	o := &ollama{answers: []string{jsonAnswer(goodDML)}, delay: 5 * time.Second}
	srv := o.serve(t)
	start := time.Now()
	r := run(t, "", "migrate", "--skip-dry-run", "--llm-timeout", "200ms", "--ollama-url", srv.URL, "spark")
	assert.Less(t, time.Since(start), 4*time.Second)
	require.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "LLM: v: attempt 1 of 3: ollama qwen2.5-coder at "+srv.URL+": no answer within 200ms")
	assert.Contains(t, r.stdout, "it stays needs-llm")
	assert.Contains(t, readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql")), "-- NOT COMPLETE: status needs-llm.")
}

// TestMigrateLLMInterrupted: Ctrl-C during a model call stops the run with
// exit code 130 and writes no table folder; an earlier output is left as
// it was.
func TestMigrateLLMInterrupted(t *testing.T) {
	llmProject(t)
	r := run(t, "", "migrate", "--skip-dry-run", "--no-llm", "spark")
	require.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	before := readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql"))
	require.NoError(t, os.RemoveAll(filepath.Join("flink_out", "pipelines", "sources")))

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := &ollama{answers: []string{jsonAnswer(goodDML)}, delay: 10 * time.Second, onChat: func(int32) { cancel() }}
	srv := o.serve(t)
	start := time.Now()
	r = runCtx(t, ctx, "", "migrate", "--skip-dry-run", "--ollama-url", srv.URL, "spark")
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.Equal(t, app.ExitInterrupted, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stderr, "interrupted")
	assert.Equal(t, before, readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql")))
	assert.NoDirExists(t, filepath.Join("flink_out", "pipelines", "sources"), "nothing was written")
	entries, _ := filepath.Glob(filepath.Join("flink_out", "pipelines", "*", "*", ".*"))
	assert.Empty(t, entries, "no temporary folder is left")
}

// TestMigrateLLMDryRun runs the loop with the real local Flink: the first
// answer passes the parser and the lint but Flink rejects it; its error
// goes back to the model and the repair is kept.
func TestMigrateLLMDryRun(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the local Flink SQL Gateway")
	}
	url := flinktest.Ensure(t)
	llmProject(t)
	o := &ollama{answers: []string{jsonAnswer(badDML), jsonAnswer(goodDML)}}
	srv := o.serve(t)
	r := run(t, "", "migrate", "--gateway", url, "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 of 1 tables translated, 0 failed; 2 model calls")
	assert.NotContains(t, r.stdout, "not dry-run")
	track := readFile(t, filepath.Join(vFolder, "tracking.md"))
	assert.Regexp(t, "2 attempts, answers from the model, checked by the parser, the lint and a dry run on Flink 2", track)
	assert.Regexp(t, "- dml.v.sql:1:\\d+: Flink 2\\S+ rejects it \\[dml\\]: Column 'ys' not found", track)
	assert.True(t, strings.Contains(readFile(t, filepath.Join(vFolder, "sql-scripts", "dml.v.sql")), "HASH_CODE(xs)"))
}

// TestMigrateWithoutOllama: one clear line, the deterministic output is
// written and the exit code says tables still need the LLM.
func TestMigrateWithoutOllama(t *testing.T) {
	project(t, map[string]string{"spark/views/v.sql": "CREATE VIEW v AS SELECT transform(xs, x -> x + 1) AS ys FROM undefined_input"})

	r := run(t, "", "migrate", "--skip-dry-run", "--ollama-url", "http://127.0.0.1:1", "spark")
	assert.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "LLM: Ollama is not reachable at http://127.0.0.1:1 (start it with `ollama serve`, or pass --no-llm); 1 table stays needs-llm")
	assert.FileExists(t, filepath.Join("flink_out", "pipelines", "views", "spark", "v", "sql-scripts", "dml.v.sql"))

	r = run(t, "", "migrate", "--skip-dry-run", "--no-llm", "spark")
	assert.Equal(t, app.ExitNeedsLLM, r.code)
	assert.NotContains(t, r.stdout, "LLM:")
}

// TestMigrateInterruptedInDryRun: Ctrl-C while the dry run talks to the
// gateway stops migrate with exit 130, writes nothing and does not call
// it a skipped dry run.
func TestMigrateInterruptedInDryRun(t *testing.T) {
	llmProject(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cancel()
		<-r.Context().Done()
	}))
	t.Cleanup(gw.Close)
	r := runCtx(t, ctx, "", "migrate", "--no-llm", "--gateway", gw.URL, "spark")
	assert.Equal(t, app.ExitInterrupted, r.code, r.stdout+r.stderr)
	assert.NotContains(t, r.stdout, "dry run skipped")
	assert.NoDirExists(t, "flink_out")
}
