package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/agent/progress"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// llmFlags are the migrate flags of the LLM loop.
func llmFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "no-llm", Usage: "translate with the rules only: tables with residue stay needs-llm"},
		&cli.StringFlag{Name: "model", Value: agent.DefaultModel, Usage: "Ollama `MODEL` that translates the residue"},
		&cli.StringFlag{Name: "ollama-url", Usage: "Ollama `URL` (default: $OLLAMA_HOST, else " + agent.DefaultOllamaURL + ")"},
		&cli.IntFlag{Name: "max-attempts", Value: 3, Usage: "answers asked of the model per table, each checked by the parser, the lint and the dry run, `N` at the most"},
		&cli.DurationFlag{Name: "llm-timeout", Value: 5 * time.Minute, Usage: "give up on one answer of the model after `DURATION` (the table stays needs-llm)"},
		&cli.StringFlag{Name: "llm-cache", Usage: "folder `DIR` of cached answers, so re-runs replay them without a model (default: OUT/.llm-cache)"},
	}
}

// llm gives the tables that need it to the LLM loop (agent.Loop): only
// their residue goes to the model, and an answer is kept only when our
// Flink parser, the lint and (when gw has a gateway) a dry run on Flink
// accept it. Without Ollama it says so in one line and the deterministic
// output stands. Only tables to redo are given to it; the others keep
// their recorded verdict. It returns an error only when ctx was cancelled.
func (e *env) llm(c *cli.Context, run *result.Run, out string, gw *lazyGateway, redo func(*result.Table) bool) error {
	var todo []*result.Table
	for _, t := range run.Tables {
		if t.Status == result.NeedsLLM && redo(t) {
			todo = append(todo, t)
		}
	}
	if c.Bool("no-llm") || len(todo) == 0 {
		return nil
	}
	ctx := c.Context
	url := agent.OllamaURL(c.String("ollama-url"), os.Getenv)
	name := c.String("model")
	model, err := agent.NewOllama(agent.OllamaConfig{URL: url, Model: name, Timeout: c.Duration("llm-timeout")})
	if err == nil {
		err = model.Check(ctx)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		switch {
		case errors.Is(err, agent.ErrUnreachable):
			fmt.Fprintf(e.stdout, "LLM: Ollama is not reachable at %s (start it with `ollama serve`, or pass --no-llm); %s needs-llm\n", url, stay(len(todo)))
		default:
			fmt.Fprintf(e.stdout, "LLM: %v; %s needs-llm\n", firstLine(err.Error()), stay(len(todo)))
		}
		return nil
	}
	cacheDir := c.String("llm-cache")
	if cacheDir == "" {
		cacheDir = filepath.Join(out, ".llm-cache")
	}
	loop := &agent.Loop{Model: model, ModelName: name, MaxAttempts: c.Int("max-attempts"),
		Cache: &agent.Cache{Dir: cacheDir}, Profile: run.Profile, Source: func(file string) (string, error) {
			b, err := os.ReadFile(file)
			return string(b), err
		}}
	stats := &result.LLMRun{Model: name, Tables: len(todo), PromptTokens: []int{}, Checks: "parser, lint"}
	if why := e.candidateGateway(ctx, c, run, gw, loop); why != "" {
		fmt.Fprintf(e.stdout, "LLM: answers are checked by the parser and the lint only, not dry-run on Flink (%s)\n", why)
	} else {
		stats.Checks = "parser, lint, dry run"
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	byName := map[string]*result.Table{}
	for _, t := range run.Tables {
		byName[t.FlinkName] = t
	}
	prog := progress.New(e.stderr, progress.IsTerminal(e.stderr))
	loop.Progress = prog.Step
	prog.Start(len(todo))
	fixed, failed := 0, 0
	for _, t := range todo {
		var inputs []*result.Table
		for _, d := range t.Deps {
			if in := byName[d]; in != nil {
				inputs = append(inputs, in)
			}
		}
		prog.Table(t.FlinkName)
		o, err := loop.Table(ctx, t, inputs)
		stats.Calls += o.Calls
		stats.Cached += o.Cached
		stats.PromptTokens = append(stats.PromptTokens, o.PromptTokens...)
		stats.Counted += o.Counted
		if ctx.Err() != nil {
			prog.Clear()
			return ctx.Err()
		}
		switch {
		case err != nil:
			prog.Done(string(t.Status))
			prog.Clear()
			fmt.Fprintf(e.stdout, "LLM: %s: %v; it stays %s\n", t.FlinkName, firstLine(err.Error()), t.Status)
		case o.OK:
			fixed++
			prog.Done(string(t.Status))
		default:
			failed++
			prog.Done(string(t.Status))
			prog.Clear()
			fmt.Fprintf(e.stdout, "LLM: %s: failed, %d answers rejected; the last: %s\n", t.FlinkName, o.Attempts, firstLine(strings.Join(o.Errors, "; ")))
		}
	}
	prog.Clear()
	if stats.Checks != "parser, lint" && run.DryRun == "" {
		run.DryRun = loop.DryRun.Flink()
	}
	run.LLM = stats
	fmt.Fprintf(e.stdout, "LLM (%s): %d of %d tables translated, %d failed; %d %s, %d %s replayed from %s\n",
		name, fixed, len(todo), failed, stats.Calls, pluralWord(stats.Calls, "model call", "model calls"),
		stats.Cached, pluralWord(stats.Cached, "answer", "answers"), cacheDir)
	return nil
}

// stay says that n tables stay (as they are).
func stay(n int) string {
	return fmt.Sprintf("%d %s", n, pluralWord(n, "table stays", "tables stay"))
}

// candidateGateway sets loop.DryRun when a gateway can be had, and else
// returns why not.
func (e *env) candidateGateway(ctx context.Context, c *cli.Context, run *result.Run, gw *lazyGateway, loop *agent.Loop) string {
	if gw == nil {
		return "--skip-dry-run"
	}
	url, err := gw.get(ctx)
	if err != nil {
		return "no Flink SQL Gateway: " + firstLine(err.Error())
	}
	loop.DryRun = &dryrun.Candidates{Client: gateway.New(url, nil), Profile: run.Profile}
	return ""
}

// lazyGateway obtains the Flink SQL Gateway of --gateway on first use
// (starting the local one if needed) and remembers it, or why it failed,
// for the dry run and the LLM loop of one migrate run.
type lazyGateway struct {
	e    *env
	flag string // --gateway: a URL or "local"
	done bool
	url  string
	stop func()
	err  error
}

func (g *lazyGateway) get(ctx context.Context) (string, error) {
	if !g.done {
		g.done = true
		if g.flag == "local" {
			g.url, g.stop, g.err = localGateway(ctx, g.e)
		} else {
			g.url = g.flag
		}
	}
	return g.url, g.err
}

// close stops a local gateway this run started.
func (g *lazyGateway) close() {
	if g != nil && g.stop != nil {
		g.stop()
	}
}
