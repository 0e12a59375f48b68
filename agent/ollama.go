// Package agent is the LLM loop: it sends only the residue of a table that
// the rules could not translate to a model, checks every answer with our
// own Flink parser and the lint, and keeps an answer only when it passes.
// The model is an untrusted rule behind the Model interface; Ollama is the
// one implementation.
package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/ollama/ollama/api"
)

// Prompt is one request to a model: a system message, a user message and
// the JSON schema the answer must follow.
type Prompt struct {
	System string
	User   string
	Schema json.RawMessage
}

// Answer is what a model returned for a Prompt.
type Answer struct {
	Text      string // the raw content, expected to be JSON
	Truncated bool   // the model stopped because of a length limit
	// PromptTokens and AnswerTokens are the counts the server reported.
	PromptTokens, AnswerTokens int
}

// Model completes prompts. Its answers are untrusted text.
type Model interface {
	Complete(ctx context.Context, p Prompt) (Answer, error)
}

// DefaultOllamaURL is used when neither --ollama-url nor OLLAMA_HOST is set.
const DefaultOllamaURL = "http://localhost:11434"

// DefaultModel is the model used when --model is not given.
const DefaultModel = "qwen2.5-coder"

// OllamaURL chooses the base URL: flag, else the OLLAMA_HOST value env
// returns, else DefaultOllamaURL. A value without a scheme gets http://
// and one without a port gets :11434, as the ollama CLI does.
func OllamaURL(flag string, env func(string) string) string {
	s := strings.TrimSpace(flag)
	if s == "" && env != nil {
		s = strings.TrimSpace(env("OLLAMA_HOST"))
	}
	if s == "" {
		return DefaultOllamaURL
	}
	if !strings.Contains(s, "://") {
		hostport := s
		if _, _, err := net.SplitHostPort(hostport); err != nil {
			hostport = net.JoinHostPort(strings.Trim(hostport, "[]"), "11434")
		}
		s = "http://" + hostport
	}
	return strings.TrimRight(s, "/")
}

// OllamaConfig configures an Ollama client. Zero fields take defaults.
type OllamaConfig struct {
	URL     string        // base URL, see OllamaURL
	Model   string        // DefaultModel if empty
	Timeout time.Duration // per call, 5 minutes if zero
	// Retries is how many times a call is repeated after a transient error
	// (see transient); 2 if zero. NoRetry turns retries off.
	Retries int
	NoRetry bool
	Backoff time.Duration // first pause between retries, doubled each time; 500ms if zero
	Stream  bool          // ask for a streamed (NDJSON) answer
	Seed    int           // options.seed; 42 if zero
	HTTP    *http.Client  // nil: a client with a 10s dial timeout
}

// Ollama is a Model served by an Ollama server through /api/chat.
type Ollama struct {
	cfg    OllamaConfig
	base   *url.URL
	client *api.Client
}

// ErrUnreachable means the Ollama server could not be reached.
var ErrUnreachable = errors.New("ollama is unreachable")

// ErrModelMissing means the server does not have the model.
var ErrModelMissing = errors.New("model not found")

// NewOllama returns a client; it does not contact the server (see Check).
func NewOllama(cfg OllamaConfig) (*Ollama, error) {
	if cfg.URL == "" {
		cfg.URL = DefaultOllamaURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Minute
	}
	if cfg.NoRetry {
		cfg.Retries = 0
	} else if cfg.Retries <= 0 {
		cfg.Retries = 2
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 500 * time.Millisecond
	}
	if cfg.Seed == 0 {
		cfg.Seed = 42
	}
	if cfg.HTTP == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		tr.TLSHandshakeTimeout = 10 * time.Second
		cfg.HTTP = &http.Client{Transport: tr}
	}
	u, err := url.Parse(cfg.URL)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("ollama: bad URL %q", cfg.URL)
	}
	return &Ollama{cfg: cfg, base: u, client: api.NewClient(u, cfg.HTTP)}, nil
}

// Name is the model name, as the cache key and the provenance record it.
func (o *Ollama) Name() string { return o.cfg.Model }

// URL is the base URL of the server.
func (o *Ollama) URL() string { return o.base.String() }

// Check asks /api/tags whether the model is present. It returns an error
// wrapping ErrUnreachable (with how to start Ollama) or ErrModelMissing
// (with the `ollama pull` to run).
func (o *Ollama) Check(ctx context.Context) error {
	var list *api.ListResponse
	err := o.retry(ctx, func(ctx context.Context) error {
		var err error
		list, err = o.client.List(ctx)
		return err
	})
	if err != nil {
		if isStatus(err) {
			return fmt.Errorf("ollama at %s: /api/tags: %w", o.URL(), err)
		}
		return fmt.Errorf("%w at %s (%v); start it with `ollama serve` or set --ollama-url / OLLAMA_HOST", ErrUnreachable, o.URL(), err)
	}
	for _, m := range list.Models {
		if sameModel(m.Name, o.cfg.Model) || sameModel(m.Model, o.cfg.Model) {
			return nil
		}
	}
	return fmt.Errorf("ollama at %s: %w: %s; run `ollama pull %s`", o.URL(), ErrModelMissing, o.cfg.Model, o.cfg.Model)
}

// sameModel compares names with the implicit ":latest" tag.
func sameModel(have, want string) bool {
	norm := func(s string) string {
		if !strings.Contains(s, ":") {
			s += ":latest"
		}
		return s
	}
	return have != "" && norm(have) == norm(want)
}

// Complete sends p to /api/chat with p.Schema as the format, temperature 0
// and a fixed seed, and returns the content of the answer.
func (o *Ollama) Complete(ctx context.Context, p Prompt) (Answer, error) {
	stream := o.cfg.Stream
	req := &api.ChatRequest{
		Model:  o.cfg.Model,
		Stream: &stream,
		Format: p.Schema,
		Options: map[string]any{
			"temperature": 0,
			"seed":        o.cfg.Seed,
		},
	}
	if p.System != "" {
		req.Messages = append(req.Messages, api.Message{Role: "system", Content: p.System})
	}
	req.Messages = append(req.Messages, api.Message{Role: "user", Content: p.User})

	var ans Answer
	err := o.retry(ctx, func(ctx context.Context) error {
		ans = Answer{}
		var b strings.Builder
		done := false
		err := o.client.Chat(ctx, req, func(r api.ChatResponse) error {
			b.WriteString(r.Message.Content)
			if r.Done {
				done = true
				ans.Truncated = r.DoneReason == "length"
				ans.PromptTokens, ans.AnswerTokens = r.PromptEvalCount, r.EvalCount
			}
			return nil
		})
		if err != nil {
			return err
		}
		if !done {
			return errCut
		}
		ans.Text = b.String()
		return nil
	})
	if err != nil {
		return Answer{}, fmt.Errorf("ollama %s at %s: %w", o.cfg.Model, o.URL(), err)
	}
	return ans, nil
}

// errCut is a response that ended before the server said done.
var errCut = errors.New("the answer ended before done (connection cut)")

// retry runs call with a per-call timeout, repeating it after transient
// errors at most cfg.Retries times.
func (o *Ollama) retry(ctx context.Context, call func(context.Context) error) error {
	pause := o.cfg.Backoff
	var err error
	for try := 0; ; try++ {
		cctx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
		err = call(cctx)
		timedOut := cctx.Err() == context.DeadlineExceeded
		cancel()
		if err == nil {
			return nil
		}
		if timedOut && ctx.Err() == nil {
			err = fmt.Errorf("no answer within %s: %w", o.cfg.Timeout, context.DeadlineExceeded)
		}
		if ctx.Err() != nil || try >= o.cfg.Retries || !transient(err) {
			if try > 0 {
				err = fmt.Errorf("%w (after %d attempts)", err, try+1)
			}
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
		pause *= 2
	}
}

func isStatus(err error) bool {
	var se api.StatusError
	var ae api.AuthorizationError
	return errors.As(err, &se) || errors.As(err, &ae)
}

// transient reports whether err is worth a retry: a refused or reset
// connection, a body cut short, 429 or 5xx. A timeout is not retried: a
// model too slow once is slow again.
func transient(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var se api.StatusError
	if errors.As(err, &se) {
		return se.StatusCode == http.StatusTooManyRequests || se.StatusCode >= 500
	}
	var ne net.Error
	return errors.Is(err, errCut) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.As(err, &ne)
}
