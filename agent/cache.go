package agent

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Cache stores answers on disk keyed by a hash of the model name and the
// rendered prompt, so a re-run replays them without a model.
type Cache struct {
	Dir string
}

// Key is sha256(model, system, user, schema) in hex.
func (c *Cache) Key(model string, p Prompt) string {
	h := sha256.New()
	for _, s := range []string{model, p.System, p.User, string(p.Schema)} {
		fmt.Fprintf(h, "%d:%s\x00", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type cached struct {
	Model     string `json:"model"`
	Text      string `json:"text"`
	Truncated bool   `json:"truncated,omitempty"`
	// The counts the server reported, so a replay reports them too.
	PromptTokens int `json:"prompt_tokens,omitempty"`
	AnswerTokens int `json:"answer_tokens,omitempty"`
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key[:2], key+".json") }

// Get returns the answer stored under key.
func (c *Cache) Get(key string) (Answer, bool) {
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return Answer{}, false
	}
	var e cached
	if json.Unmarshal(b, &e) != nil {
		return Answer{}, false
	}
	return Answer{Text: e.Text, Truncated: e.Truncated, PromptTokens: e.PromptTokens, AnswerTokens: e.AnswerTokens}, true
}

// Put stores a under key, atomically.
func (c *Cache) Put(key, model string, a Answer) error {
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	b, err := json.MarshalIndent(cached{Model: model, Text: a.Text, Truncated: a.Truncated,
		PromptTokens: a.PromptTokens, AnswerTokens: a.AnswerTokens}, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("llm cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	return nil
}
