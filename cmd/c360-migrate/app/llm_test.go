package app_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// fakeOllama answers /api/tags with one model and /api/chat with a fixed
// JSON answer (non-streamed or as a one-chunk stream), counting the calls.
func fakeOllama(t *testing.T, answer string, calls *int32) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/tags":
			json.NewEncoder(w).Encode(map[string]any{"models": []map[string]string{{"name": "qwen2.5-coder:latest", "model": "qwen2.5-coder:latest"}}})
		case "/api/chat":
			atomic.AddInt32(calls, 1)
			var req map[string]any
			json.NewDecoder(r.Body).Decode(&req)
			msg := map[string]any{"model": req["model"], "message": map[string]string{"role": "assistant", "content": answer}, "done": true, "done_reason": "stop"}
			json.NewEncoder(w).Encode(msg)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestMigrateLLM: a table the rules cannot finish goes to the model; the
// answer passes our parser and the lint, the table is kept as llm; a
// re-run keeps the recorded verdict without the LLM loop, and --force
// replays the cached answer without calling the model.
func TestMigrateLLM(t *testing.T) {
	project(t, map[string]string{
		"spark/data/t.csv": "id,xs\n1,a\n",
		"spark/sources/src_t.sql": "CREATE OR REPLACE TEMPORARY VIEW t_raw USING CSV OPTIONS (path 'data/t.csv', header 'true', inferSchema 'true');\n" +
			"CREATE OR REPLACE TEMPORARY VIEW src_t AS SELECT id, xs FROM t_raw;\n",
		"spark/views/v.sql": "CREATE VIEW v AS SELECT id, xxhash64(xs) AS h FROM src_t",
	})
	var calls int32
	srv := fakeOllama(t, `{"dml": "INSERT INTO v SELECT id, CAST(HASH_CODE(xs) AS BIGINT) AS h FROM src_spark_t AS src_t", "ddl": "", "notes": "HASH_CODE is not xxhash64: values differ"}`, &calls)

	r := run(t, "", "migrate", "--skip-dry-run", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "1 of 1 tables translated, 1 model calls")
	dml, err := os.ReadFile(filepath.Join("flink_out", "pipelines", "views", "spark", "v", "sql-scripts", "dml.v.sql"))
	require.NoError(t, err)
	assert.Contains(t, string(dml), "HASH_CODE(xs)")
	assert.Equal(t, int32(1), atomic.LoadInt32(&calls))

	r = run(t, "", "migrate", "--skip-dry-run", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "2 of 2 tables kept")
	assert.Contains(t, r.stdout, "2 tables: 1 translated, 1 llm")
	assert.Contains(t, r.stdout, "nothing written")

	r = run(t, "", "migrate", "--skip-dry-run", "--force", "--ollama-url", srv.URL, "spark")
	require.Equal(t, app.ExitOK, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "0 model calls")
	assert.Equal(t, int32(1), atomic.LoadInt32(&calls), "the cached answer is replayed")
}

// TestMigrateWithoutOllama: one clear line, the deterministic output is
// written and the exit code says tables still need the LLM.
func TestMigrateWithoutOllama(t *testing.T) {
	project(t, map[string]string{"spark/views/v.sql": "CREATE VIEW v AS SELECT transform(xs, x -> x + 1) AS ys FROM undefined_input"})

	r := run(t, "", "migrate", "--skip-dry-run", "--ollama-url", "http://127.0.0.1:1", "spark")
	assert.Equal(t, app.ExitNeedsLLM, r.code, r.stdout+r.stderr)
	assert.Contains(t, r.stdout, "LLM: Ollama is not reachable at http://127.0.0.1:1 (start it with `ollama serve`, or pass --no-llm); 1 tables stay needs-llm")
	assert.FileExists(t, filepath.Join("flink_out", "pipelines", "views", "spark", "v", "sql-scripts", "dml.v.sql"))

	r = run(t, "", "migrate", "--skip-dry-run", "--no-llm", "spark")
	assert.Equal(t, app.ExitNeedsLLM, r.code)
	assert.NotContains(t, r.stdout, "LLM:")
}
