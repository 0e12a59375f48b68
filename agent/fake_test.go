package agent_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ollama/ollama/api"
)

// reply is one scripted answer of the fake server.
type reply struct {
	content    string
	doneReason string        // "length" for a truncated answer
	cut        bool          // stream ends without done
	status     int           // HTTP error status instead of an answer
	delay      time.Duration // before answering
}

// fake is an Ollama server speaking /api/tags and /api/chat (streamed
// NDJSON or a single JSON object, as the request asks).
type fake struct {
	t       *testing.T
	models  []string
	mu      sync.Mutex
	replies []reply
	calls   int
	reqs    []api.ChatRequest
}

func newFake(t *testing.T, replies ...reply) (*fake, *httptest.Server) {
	f := &fake{t: t, models: []string{"qwen2.5-coder:latest"}, replies: replies}
	s := httptest.NewServer(f)
	t.Cleanup(s.Close)
	return f, s
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/api/tags":
		var list api.ListResponse
		for _, m := range f.models {
			list.Models = append(list.Models, api.ListModelResponse{Name: m, Model: m})
		}
		json.NewEncoder(w).Encode(list)
	case "/api/chat":
		var req api.ChatRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.calls++
		f.reqs = append(f.reqs, req)
		if len(f.replies) == 0 {
			f.mu.Unlock()
			http.Error(w, `{"error":"no more scripted answers"}`, http.StatusInternalServerError)
			return
		}
		rp := f.replies[0]
		f.replies = f.replies[1:]
		f.mu.Unlock()
		if rp.delay > 0 {
			select {
			case <-time.After(rp.delay):
			case <-r.Context().Done():
				return
			}
		}
		if rp.status != 0 {
			w.WriteHeader(rp.status)
			fmt.Fprintf(w, `{"error":"scripted %d"}`, rp.status)
			return
		}
		stream := req.Stream == nil || *req.Stream
		if !stream {
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(api.ChatResponse{Model: req.Model, Message: api.Message{Role: "assistant", Content: rp.content},
				Done: !rp.cut, DoneReason: orStop(rp.doneReason)})
			return
		}
		w.Header().Set("Content-Type", "application/x-ndjson")
		enc := json.NewEncoder(w)
		c := rp.content
		for len(c) > 0 { // chunks of 7 bytes, as tokens arrive
			n := min(7, len(c))
			enc.Encode(api.ChatResponse{Model: req.Model, Message: api.Message{Role: "assistant", Content: c[:n]}})
			w.(http.Flusher).Flush()
			c = c[n:]
		}
		if !rp.cut {
			enc.Encode(api.ChatResponse{Model: req.Model, Done: true, DoneReason: orStop(rp.doneReason),
				Metrics: api.Metrics{PromptEvalCount: 100, EvalCount: 20}})
		}
	default:
		http.NotFound(w, r)
	}
}

func orStop(s string) string {
	if s == "" {
		return "stop"
	}
	return s
}

func (f *fake) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}
