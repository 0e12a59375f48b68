package agent_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/agent"
)

func client(t *testing.T, url string, stream bool) *agent.Ollama {
	t.Helper()
	o, err := agent.NewOllama(agent.OllamaConfig{URL: url, Stream: stream, Timeout: 2 * time.Second, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestOllamaURL(t *testing.T) {
	env := func(v string) func(string) string { return func(string) string { return v } }
	for _, c := range []struct{ flag, env, want string }{
		{"", "", "http://localhost:11434"},
		{"", "0.0.0.0", "http://0.0.0.0:11434"},
		{"", "gpu:8080", "http://gpu:8080"},
		{"", "https://llm.example.com/", "https://llm.example.com"},
		{"http://h:1", "gpu:8080", "http://h:1"},
	} {
		if got := agent.OllamaURL(c.flag, env(c.env)); got != c.want {
			t.Errorf("OllamaURL(%q, OLLAMA_HOST=%q) = %q, want %q", c.flag, c.env, got, c.want)
		}
	}
}

func TestCompleteStreamedAndNot(t *testing.T) {
	for _, stream := range []bool{true, false} {
		f, s := newFake(t, reply{content: `{"dml": "INSERT INTO t SELECT 1", "ddl": "", "notes": "ok"}`})
		a, err := client(t, s.URL, stream).Complete(context.Background(), agent.Prompt{User: "hi", Schema: agent.Schema})
		if err != nil {
			t.Fatalf("stream=%v: %v", stream, err)
		}
		if a.Text != `{"dml": "INSERT INTO t SELECT 1", "ddl": "", "notes": "ok"}` || a.Truncated {
			t.Errorf("stream=%v: answer %+v", stream, a)
		}
		req := f.reqs[0]
		if *req.Stream != stream || string(req.Format) != string(agent.Schema) || req.Model != "qwen2.5-coder" {
			t.Errorf("stream=%v: request %+v", stream, req)
		}
		if req.Options["temperature"] != float64(0) || req.Options["seed"] != float64(42) {
			t.Errorf("options %v, want temperature 0 and seed 42", req.Options)
		}
	}
}

func TestCompleteTruncated(t *testing.T) {
	_, s := newFake(t, reply{content: `{"dml": "INSERT INTO t SEL`, doneReason: "length"})
	a, err := client(t, s.URL, true).Complete(context.Background(), agent.Prompt{User: "hi"})
	if err != nil || !a.Truncated {
		t.Fatalf("got %+v, %v; want a truncated answer", a, err)
	}
}

func TestCompleteRetriesTransient(t *testing.T) {
	// A 503 and a stream cut before done are retried; the third answer counts.
	f, s := newFake(t, reply{status: http.StatusServiceUnavailable}, reply{content: `{"a"`, cut: true}, reply{content: "{}"})
	a, err := client(t, s.URL, true).Complete(context.Background(), agent.Prompt{User: "hi"})
	if err != nil || a.Text != "{}" || f.count() != 3 {
		t.Fatalf("got %+v, %v after %d calls", a, err, f.count())
	}
	// Bounded: three failures in a row give up.
	f, s = newFake(t, reply{status: 500}, reply{status: 500}, reply{status: 500}, reply{content: "{}"})
	if _, err := client(t, s.URL, true).Complete(context.Background(), agent.Prompt{User: "hi"}); err == nil || f.count() != 3 {
		t.Fatalf("err %v after %d calls; want an error after 3", err, f.count())
	}
	// A 400 is not retried.
	f, s = newFake(t, reply{status: 400}, reply{content: "{}"})
	if _, err := client(t, s.URL, true).Complete(context.Background(), agent.Prompt{User: "hi"}); err == nil || f.count() != 1 {
		t.Fatalf("err %v after %d calls; want an error after 1", err, f.count())
	}
}

func TestCompleteTimeout(t *testing.T) {
	f, s := newFake(t, reply{content: "{}", delay: 2 * time.Second})
	o, _ := agent.NewOllama(agent.OllamaConfig{URL: s.URL, Timeout: 100 * time.Millisecond})
	start := time.Now()
	_, err := o.Complete(context.Background(), agent.Prompt{User: "hi"})
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer within 100ms") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > time.Second || f.count() != 1 {
		t.Fatalf("took %s and %d calls; a timeout is not retried", d, f.count())
	}
}

func TestCheck(t *testing.T) {
	_, s := newFake(t)
	if err := client(t, s.URL, true).Check(context.Background()); err != nil {
		t.Fatalf("qwen2.5-coder matches qwen2.5-coder:latest: %v", err)
	}
	o, _ := agent.NewOllama(agent.OllamaConfig{URL: s.URL, Model: "llama3.1:8b"})
	err := o.Check(context.Background())
	if !errors.Is(err, agent.ErrModelMissing) || !strings.Contains(err.Error(), "run `ollama pull llama3.1:8b`") {
		t.Fatalf("err = %v, want the ollama pull hint", err)
	}
	s.Close()
	o, _ = agent.NewOllama(agent.OllamaConfig{URL: s.URL, Backoff: time.Millisecond})
	err = o.Check(context.Background())
	if !errors.Is(err, agent.ErrUnreachable) || !strings.Contains(err.Error(), "ollama serve") {
		t.Fatalf("err = %v, want unreachable with how to start it", err)
	}
}
