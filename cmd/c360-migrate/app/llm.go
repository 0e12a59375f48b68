package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// llmFlags are the migrate flags of the LLM loop.
func llmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "no-llm", Usage: "translate with the rules only: tables with residue stay needs-llm"},
		&cli.StringFlag{Name: "model", Value: agent.DefaultModel, Usage: "Ollama `MODEL` that translates the residue"},
		&cli.StringFlag{Name: "ollama-url", Usage: "Ollama `URL` (default: $OLLAMA_HOST, else " + agent.DefaultOllamaURL + ")"},
		&cli.IntFlag{Name: "max-attempts", Value: 3, Usage: "answers asked of the model per table, each checked by the parser and the lint, `N` at the most"},
		&cli.StringFlag{Name: "llm-cache", Usage: "folder `DIR` of cached answers, so re-runs replay them without a model (default: OUT/.llm-cache)"},
	}
}

// llm gives the tables that need it to the LLM loop (agent.Loop): only
// their residue goes to the model, and an answer is kept only when our
// Flink parser and the lint accept it. Without Ollama it says so in one
// line and the deterministic output stands. Only tables to redo are given
// to it; the others keep their recorded verdict.
func (e *env) llm(c *cli.Context, run *result.Run, out string, redo func(*result.Table) bool) {
	var todo []*result.Table
	for _, t := range run.Tables {
		if t.Status == result.NeedsLLM && redo(t) {
			todo = append(todo, t)
		}
	}
	if c.Bool("no-llm") || len(todo) == 0 {
		return
	}
	ctx := c.Context
	url := agent.OllamaURL(c.String("ollama-url"), os.Getenv)
	model, err := agent.NewOllama(agent.OllamaConfig{URL: url, Model: c.String("model")})
	if err == nil {
		err = model.Check(ctx)
	}
	if err != nil {
		switch {
		case errors.Is(err, agent.ErrUnreachable):
			fmt.Fprintf(e.stdout, "LLM: Ollama is not reachable at %s (start it with `ollama serve`, or pass --no-llm); %d tables stay needs-llm\n", url, len(todo))
		default:
			fmt.Fprintf(e.stdout, "LLM: %v; %d tables stay needs-llm\n", firstLine(err.Error()), len(todo))
		}
		return
	}
	cacheDir := c.String("llm-cache")
	if cacheDir == "" {
		cacheDir = filepath.Join(out, ".llm-cache")
	}
	loop := &agent.Loop{Model: model, ModelName: c.String("model"), MaxAttempts: c.Int("max-attempts"),
		Cache: &agent.Cache{Dir: cacheDir}, Profile: run.Profile, Source: func(file string) (string, error) {
			b, err := os.ReadFile(file)
			return string(b), err
		}}
	byName := map[string]*result.Table{}
	for _, t := range run.Tables {
		byName[t.FlinkName] = t
	}
	calls, fixed := 0, 0
	for _, t := range todo {
		var inputs []*result.Table
		for _, d := range t.Deps {
			if in := byName[d]; in != nil {
				inputs = append(inputs, in)
			}
		}
		o, err := loop.Table(ctx, t, inputs)
		if err != nil {
			fmt.Fprintf(e.stdout, "LLM: %s: %v\n", t.FlinkName, firstLine(err.Error()))
			continue
		}
		calls += o.Calls
		if o.OK {
			fixed++
		}
	}
	fmt.Fprintf(e.stdout, "LLM (%s): %d of %d tables translated, %d model calls\n", c.String("model"), fixed, len(todo), calls)
}
