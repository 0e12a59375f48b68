package dryrun

import (
	"context"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
)

// Candidates dry-runs one table at a time: an answer of the LLM loop,
// deployed with the DDL of the tables it reads before it is kept.
type Candidates struct {
	Client  *gateway.Client
	Profile string // confluent (default) or oss
	// Version is the Flink version of the gateway, filled by the first
	// DryRun.
	Version string
}

// Flink names the Flink the candidates are deployed on.
func (c *Candidates) Flink() string {
	if c.Version == "" {
		return "Flink"
	}
	return "Flink " + c.Version
}

// DryRun writes a project of t and its inputs to a temporary folder and
// runs it as Run does: the inputs' tables are created but their DML is not
// planned (they are marked not complete), so every finding returned is
// about t. Findings name the files as dml.<t>.sql / ddl.<t>.sql with the
// line and column in the text of t.DML / t.DDL. err is for a gateway that
// could not be used, or a cancelled ctx.
func (c *Candidates) DryRun(ctx context.Context, t *result.Table, inputs []*result.Table) ([]string, error) {
	dir, err := os.MkdirTemp("", "c360-candidate-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	run := &result.Run{Product: t.Product, Profile: c.Profile}
	seen := map[string]bool{t.FlinkName: true}
	for _, in := range inputs {
		if in == nil || seen[in.FlinkName] {
			continue
		}
		seen[in.FlinkName] = true
		cp := *in
		// Only the input's table is needed: its own DML and raw test
		// tables are not planned.
		cp.Status, cp.Raw, cp.LLM = result.NeedsLLM, nil, nil
		run.Tables = append(run.Tables, &cp)
	}
	cand := *t
	// Complete, so the DML is written without a banner and its lines are
	// those of t.DML.
	cand.Status, cand.LLM = result.Translated, nil
	run.Tables = append(run.Tables, &cand)
	if _, err := emit.Write(run, dir, emit.Options{}); err != nil {
		return nil, fmt.Errorf("writing the candidate: %w", err)
	}
	r, err := Run(ctx, c.Client, dir, Options{Profile: c.Profile})
	if err != nil {
		return nil, err
	}
	c.Version = r.FlinkVersion
	var errs []string
	for _, f := range r.Findings {
		if f.Table != t.FlinkName {
			continue
		}
		file := path.Base(f.File)
		pos := fmt.Sprintf("%s:%d", file, f.Line)
		if f.Col > 0 {
			pos += fmt.Sprintf(":%d", f.Col)
		}
		msg := fmt.Sprintf("%s: Flink %s rejects it [%s]: %s", pos, r.FlinkVersion, f.Kind, oneLine(f.Message))
		if f.Adapted {
			msg += " (in the DDL as adapted for open-source Flink)"
		}
		errs = append(errs, msg)
	}
	return errs, nil
}

// oneLine folds Flink's message onto one line for the repair prompt.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
