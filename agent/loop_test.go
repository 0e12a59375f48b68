package agent_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

const (
	srcDDL = `CREATE TABLE src_c360_customers (
  customer_id STRING,
  name STRING,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS WITH ('changelog.mode' = 'upsert');`
	sinkDDL = `CREATE TABLE int_c360_names (
  customer_id STRING,
  name STRING,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS WITH ('changelog.mode' = 'upsert');`
	partial = "INSERT INTO int_c360_names\nSELECT customer_id, name_udf(name) AS name FROM src_c360_customers;"
	good    = "INSERT INTO int_c360_names SELECT customer_id, UPPER(name) AS name FROM src_c360_customers;"
)

func answer(dml string) string {
	b, _ := json.Marshal(map[string]string{"dml": dml, "ddl": "", "notes": "n"})
	return string(b)
}

func tables() (*result.Table, []*result.Table) {
	src := &result.Table{FlinkName: "src_c360_customers", Layer: "sources", Product: "c360", Changelog: result.Upsert, DDL: srcDDL, Status: result.Translated,
		Columns: []result.Column{{Name: "customer_id", Type: "STRING"}, {Name: "name", Type: "STRING"}}}
	t := &result.Table{FlinkName: "int_c360_names", Layer: "intermediates", Product: "c360", Changelog: result.Upsert, Deps: []string{"src_c360_customers"}, DDL: sinkDDL, DML: partial, Status: result.NeedsLLM,
		Columns: []result.Column{{Name: "customer_id", Type: "STRING"}, {Name: "name", Type: "STRING"}},
		Residue: []*diag.Diagnostic{{Position: token.Position{File: "int/names.sql", Pos: token.Pos{Line: 2, Col: 21}},
			Severity: diag.Error, Rule: "residue", Msg: "no rule for name_udf"}}}
	return t, []*result.Table{src}
}

func loop(t *testing.T, url string, cache *agent.Cache) *agent.Loop {
	t.Helper()
	o := client(t, url, true)
	return &agent.Loop{Model: o, ModelName: o.Name(), Cache: cache,
		Source: func(string) (string, error) {
			return "select\n  customer_id, name_udf(name) as name\nfrom customers", nil
		}}
}

func TestLoopRepairsAfterInvalidAnswer(t *testing.T) {
	f, s := newFake(t, reply{content: answer("INSERT INTO int_c360_names SELEC customer_id")}, reply{content: answer(good)})
	tb, in := tables()
	out, err := loop(t, s.URL, nil).Table(context.Background(), tb, in)
	if err != nil || !out.OK || out.Attempts != 2 || out.Calls != 2 {
		t.Fatalf("outcome %+v, %v", out, err)
	}
	// The fake reports prompt_eval_count 100 when it completes an answer:
	// the model's count replaces the estimate.
	if out.Counted != 2 || len(out.PromptTokens) != 2 || out.PromptTokens[0] != 100 || out.PromptTokens[1] != 100 {
		t.Errorf("prompt tokens %v (%d counted), want the model's counts", out.PromptTokens, out.Counted)
	}
	if tb.Status != result.LLM || tb.DML != good || tb.DDL != sinkDDL || tb.Residue != nil {
		t.Errorf("table not finished: %+v", tb)
	}
	if p := tb.LLM; p == nil || p.Model != "qwen2.5-coder" || p.Attempts != 2 || p.Cached || p.RulesDML != partial || len(p.Residue) != 1 {
		t.Errorf("provenance %+v", tb.LLM)
	}
	first, second := f.reqs[0].Messages[1].Content, f.reqs[1].Messages[1].Content
	if !strings.Contains(first, "int/names.sql:2:21: [residue] no rule for name_udf\n  spark: customer_id, name_udf(name) as name") ||
		!strings.Contains(first, "src_c360_customers(customer_id STRING, name STRING)") {
		t.Errorf("first prompt lacks the residue or the inputs:\n%s", first)
	}
	if !strings.Contains(second, "was rejected") || !strings.Contains(second, "SELEC customer_id") {
		t.Errorf("repair prompt lacks the previous answer and its errors:\n%s", second)
	}
}

// rejected runs the loop with answers that must all fail and checks the
// table is left untouched.
func rejected(t *testing.T, want string, replies ...reply) {
	t.Helper()
	_, s := newFake(t, replies...)
	tb, in := tables()
	out, err := loop(t, s.URL, nil).Table(context.Background(), tb, in)
	if err != nil {
		t.Fatal(err)
	}
	// The table fails: its DML stays the rules' partial text with its
	// residue, and the provenance says why.
	if out.OK || out.Attempts != 3 || tb.Status != result.Failed || tb.DML != partial || len(tb.Residue) != 1 {
		t.Fatalf("outcome %+v; table %+v", out, tb)
	}
	if tb.LLM == nil || tb.LLM.Attempts != 3 || strings.Join(tb.LLM.Errors, "\n") != strings.Join(out.Errors, "\n") {
		t.Errorf("provenance of the failed table %+v", tb.LLM)
	}
	if !strings.Contains(strings.Join(out.Errors, "\n"), want) {
		t.Errorf("errors %q lack %q", out.Errors, want)
	}
}

func TestLoopAllInvalid(t *testing.T) {
	bad := reply{content: answer("INSERT INTO other_table SELECT 1;")}
	rejected(t, "INSERT INTO other_table, but the table is int_c360_names", bad, bad, bad, reply{content: answer(good)})
}

func TestLoopNonJSONAndTruncated(t *testing.T) {
	rejected(t, "not the JSON object",
		reply{content: "Sure! Here is the SQL: INSERT INTO int_c360_names ..."},
		reply{content: `{"dml": "INSERT INTO int_c360_names SELECT`, doneReason: "length"},
		reply{content: `{"dml": "INSERT INTO int_c360_names SELECT`})
	rejected(t, "required fields",
		reply{content: `{"dml": "x", "ddl": "", "notes": "", "extra": 1}`},
		reply{content: `{"dml": "x", "ddl": ""} trailing`},
		reply{content: `{"dml": "` + good + `", "ddl": ""}`})
}

func TestLoopRejectsSmuggledDrop(t *testing.T) {
	smuggle := reply{content: answer(good + "\nDROP TABLE src_c360_customers;")}
	ddl, _ := json.Marshal(map[string]string{"dml": good, "ddl": "DROP TABLE int_c360_names;", "notes": ""})
	rejected(t, "2 statements; give exactly one INSERT INTO", smuggle, smuggle, smuggle)
	rejected(t, "not a CREATE TABLE statement", reply{content: string(ddl)}, reply{content: string(ddl)}, reply{content: string(ddl)})
}

func TestLoopTimeoutIsAnError(t *testing.T) {
	_, s := newFake(t, reply{content: answer(good), delay: 2 * time.Second})
	o, _ := agent.NewOllama(agent.OllamaConfig{URL: s.URL, Timeout: 50 * time.Millisecond})
	tb, in := tables()
	if _, err := (&agent.Loop{Model: o, ModelName: o.Name()}).Table(context.Background(), tb, in); err == nil {
		t.Fatal("no error from a server slower than the timeout")
	}
	if tb.Status != result.NeedsLLM || tb.DML != partial {
		t.Errorf("table changed: %+v", tb)
	}
}

func TestLoopCachedRerunMakesNoCalls(t *testing.T) {
	dir := t.TempDir()
	f, s := newFake(t, reply{content: answer("INSERT INTO int_c360_names SELEC")}, reply{content: answer(good)})
	tb, in := tables()
	if out, err := loop(t, s.URL, &agent.Cache{Dir: dir}).Table(context.Background(), tb, in); err != nil || !out.OK {
		t.Fatalf("%+v %v", out, err)
	}
	n, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if f.count() != 2 || len(n) != 2 {
		t.Fatalf("%d calls, %d cached answers; want 2 and 2", f.count(), len(n))
	}
	// Replay with no model at all.
	tb2, in2 := tables()
	out, err := (&agent.Loop{ModelName: "qwen2.5-coder", Cache: &agent.Cache{Dir: dir},
		Source: loop(t, s.URL, nil).Source}).Table(context.Background(), tb2, in2)
	if err != nil || !out.OK || out.Calls != 0 || out.Attempts != 2 || !tb2.LLM.Cached || tb2.DML != good {
		t.Fatalf("replay: %+v %v %+v", out, err, tb2.LLM)
	}
	if out.Counted != 2 || out.PromptTokens[0] != 100 {
		t.Errorf("replayed prompt tokens %v (%d counted): the cache keeps the model's counts", out.PromptTokens, out.Counted)
	}
	if f.count() != 2 {
		t.Errorf("the replay called the server")
	}
	// Another model name misses the cache.
	tb3, in3 := tables()
	if _, err := (&agent.Loop{ModelName: "llama3", Cache: &agent.Cache{Dir: dir}}).Table(context.Background(), tb3, in3); err == nil {
		t.Error("a different model replayed another model's answers")
	}
}
