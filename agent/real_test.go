package agent_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// TestRealOllama runs the loop against a real Ollama when one is reachable
// (OLLAMA_HOST, else localhost:11434) with the model C360_TEST_MODEL
// (default qwen2.5-coder); it is skipped otherwise, as on machines without
// model weights. A model's answer cannot be predicted, so the test checks
// the loop's contract: it ends either with a kept answer that our
// validators accepted (status llm, a single INSERT INTO the table, no
// residue) or with the table failed and the rules' text untouched.
func TestRealOllama(t *testing.T) {
	if testing.Short() {
		t.Skip("real Ollama: not with -short")
	}
	model := os.Getenv("C360_TEST_MODEL")
	if model == "" {
		model = agent.DefaultModel
	}
	o, err := agent.NewOllama(agent.OllamaConfig{URL: agent.OllamaURL("", os.Getenv), Model: model, Timeout: 5 * time.Minute, NoRetry: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	err = o.Check(ctx)
	cancel()
	if err != nil {
		t.Skipf("no real Ollama with %s: %v", model, err)
	}
	tb, in := tables()
	out, err := (&agent.Loop{Model: o, ModelName: model, Source: func(string) (string, error) {
		return "select\n  customer_id, name_udf(name) as name\nfrom customers", nil
	}}).Table(context.Background(), tb, in)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d attempts, %d calls, prompt tokens %v (%d counted); status %s", model, out.Attempts, out.Calls, out.PromptTokens, out.Counted, tb.Status)
	switch tb.Status {
	case result.LLM:
		if !out.OK || len(tb.Residue) != 0 || tb.LLM == nil || tb.LLM.RulesDML != partial {
			t.Errorf("kept answer without its record: %+v", tb)
		}
	case result.Failed:
		if out.OK || tb.DML != partial || len(out.Errors) == 0 {
			t.Errorf("failed table changed or without errors: %+v", tb)
		}
	default:
		t.Errorf("status %s after the loop", tb.Status)
	}
}
