package report

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/graph"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// PROptions are what the pull-request description needs beyond the run.
type PROptions struct {
	// Command is the command line that produced the run, shown under
	// "Reproduce"; empty leaves that section out.
	Command string
	// Out is the Flink project folder, relative to the repository root
	// ("" or "." for the root), used to name the files a reviewer opens.
	Out string
}

// PullRequest renders the description of a pull request that proposes the
// run's output: a title line, the counts by status, one row per table in
// deploy order, the review points (residue of incomplete tables, tables the
// LLM wrote, streaming warnings, upsert keys to confirm), the Mermaid
// pipeline picture and the command that reproduces the output. It is
// deterministic, like the other reports.
func PullRequest(run *result.Run, o PROptions) string {
	c := count(run)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	product, profile, dry := "", "", ""
	if run != nil {
		product, profile, dry = run.Product, run.Profile, run.DryRun
	}
	p("# Migrate %s from Spark SQL to Flink SQL (%s)\n\n", oneLine(orText(product, "(no product)")), oneLine(orText(profile, "no profile")))
	p("%s. Rules applied: %d. Residue: %d. Streaming notes: %d", c.statusLine(), c.applied, c.residue, c.notes)
	if c.warnings > 0 {
		p(" (%s)", plural(c.warnings, "warning", "warnings"))
	}
	p(".\n")
	if dry != "" {
		p("Dry run: every table's DDL created and every complete INSERT explained on %s.\n", cell(dry))
	} else {
		p("Dry run: not run; run `c360-migrate validate %s` before merging.\n", outDir(o.Out))
	}
	p("\n")
	if n := len(c.needLLM) + len(c.failed); n > 0 {
		p("> **Do not deploy %s: %s.** %s not complete; see the review points.\n\n",
			pluralWord(n, "this table", "these tables"), codeList(append(append([]string{}, c.needLLM...), c.failed...)),
			pluralWord(n, "Its DML is", "Their DML is"))
	}

	p("## Tables\n\n")
	p("Deploy order; one commit per table.\n\n")
	p("| # | layer | Flink table | status | changelog | rules | LLM | lint / dry run | residue | notes |\n")
	p("|---:|---|---|---|---|---:|---|---|---:|---:|\n")
	for i, t := range tables(run) {
		applied := 0
		for _, n := range t.Rules {
			applied += n
		}
		p("| %d | %s | %s | %s | %s | %d | %s | %s | %d | %d |\n",
			i+1, cell(t.Layer), cell(t.FlinkName), cell(statusCell(t.Status)), cell(orText(t.Changelog, "none")),
			applied, cell(llmCell(t)), cell(validationCell(t)), len(t.Residue), len(t.Notes))
	}
	p("\n")

	p("## Review points\n\n")
	points := 0
	for _, t := range tables(run) {
		if len(t.Residue) == 0 {
			continue
		}
		points++
		p("### %s: %s\n\n", t.FlinkName, t.Status)
		p("Not translated (Spark or generated `file:line:col`):\n\n")
		for _, d := range findings(t.Residue) {
			p("- `%s`%s %s\n", o.position(d), ruleSuffix(d), oneLine(d.Msg))
		}
		p("\n")
		if t.Status == result.Failed && t.LLM != nil {
			p("The LLM loop (%s) rejected every answer; the last one for:\n\n", llmCell(t))
			for _, e := range t.LLM.Errors {
				p("- %s\n", oneLine(e))
			}
			p("\n")
		}
	}
	for _, t := range tables(run) {
		if t.Status != result.LLM || t.LLM == nil {
			continue
		}
		points++
		p("### %s: written by the LLM\n\n", t.FlinkName)
		checks := "our parser and the lint accept it"
		if t.LLM.DryRun != "" {
			checks = "our parser, the lint and a dry run on " + t.LLM.DryRun + " accept it"
		}
		p("%s produced the part no rule translated; %s. Check its meaning against the Spark query (`%s`).\n\n",
			llmCell(t), checks, sparkPosition(t))
	}
	var warned []*result.Table
	for _, t := range tables(run) {
		for _, d := range t.Notes {
			if d != nil && d.Severity >= diag.Warning {
				warned = append(warned, t)
				break
			}
		}
	}
	if len(warned) > 0 {
		points++
		p("### Streaming differences to confirm\n\n")
		p("Each is a place where the streaming query may not mean what the batch query meant:\n\n")
		for _, t := range warned {
			for _, d := range findings(t.Notes) {
				if d.Severity < diag.Warning {
					continue
				}
				p("- [ ] %s `%s`%s %s\n", t.FlinkName, o.position(d), ruleSuffix(d), oneLine(d.Msg))
			}
		}
		p("\n")
	}
	var keyed []*result.Table
	for _, t := range tables(run) {
		if t.Changelog == result.Upsert || t.Changelog == result.Retract {
			keyed = append(keyed, t)
		}
	}
	if len(keyed) > 0 {
		points++
		p("### Primary keys to confirm\n\n")
		p("An upsert table whose key is wrong silently collapses rows; a retract table has no key:\n\n")
		for _, t := range keyed {
			key := "no key"
			if len(t.Key) > 0 {
				key = "key (" + strings.Join(t.Key, ", ") + ")"
			}
			p("- [ ] %s: %s, %s", t.FlinkName, t.Changelog, key)
			if t.KeyReason != "" {
				p(": %s", oneLine(t.KeyReason))
			}
			p("\n")
		}
		p("\n")
	}
	if run != nil && len(run.Diags) > 0 {
		points++
		p("### Project diagnostics\n\n")
		for _, d := range findings(run.Diags) {
			p("- `%s` %s%s: %s\n", d.Position.String(), d.Severity, ruleSuffix(d), oneLine(d.Msg))
		}
		p("\n")
	}
	if points == 0 {
		p("None: every table is complete, with no streaming warning and no key to confirm.\n\n")
	}
	if c.notes > 0 {
		p("Every table's `tracking.md` lists all its decisions and notes.\n\n")
	}

	if c.tables > 0 {
		p("## Pipeline\n\n```mermaid\n%s```\n\n", graph.Mermaid(graph.FromRun(run)))
	}

	if o.Command != "" {
		p("## Reproduce\n\n```\n%s\n```\n", o.Command)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// position is d's file:line:col; a generated file (pipelines/…, relative
// to the output folder) is named from the repository root, as a reviewer
// finds it in the pull request.
func (o PROptions) position(d *diag.Diagnostic) string {
	pos := d.Position
	if o.Out != "" && o.Out != "." && strings.HasPrefix(pos.File, "pipelines/") {
		pos.File = strings.TrimSuffix(o.Out, "/") + "/" + pos.File
	}
	return pos.String()
}

// llmCell says whether and how the LLM wrote part of a table.
func llmCell(t *result.Table) string {
	if t.LLM == nil {
		return "no"
	}
	s := orText(t.LLM.Model, "a model") + ", " + plural(t.LLM.Attempts, "attempt", "attempts")
	if t.LLM.Cached {
		s += " (cached)"
	}
	return s
}

// validationCell counts the lint's and the dry run's findings of a table:
// errors are residue, warnings notes.
func validationCell(t *result.Table) string {
	lint, dry := 0, 0
	for _, ds := range [][]*diag.Diagnostic{t.Residue, t.Notes} {
		for _, d := range ds {
			if d == nil {
				continue
			}
			switch result.FoundBy(d) {
			case result.ByLint:
				lint++
			case result.ByDryRun:
				dry++
			}
		}
	}
	if lint == 0 && dry == 0 {
		return "clean"
	}
	var parts []string
	if lint > 0 {
		parts = append(parts, plural(lint, "lint finding", "lint findings"))
	}
	if dry > 0 {
		parts = append(parts, plural(dry, "dry-run finding", "dry-run findings"))
	}
	return strings.Join(parts, ", ")
}

func sparkPosition(t *result.Table) string {
	return token.Position{File: t.SparkFile, Pos: t.SparkPos}.String()
}

func outDir(out string) string {
	if out == "" {
		return "."
	}
	return out
}
