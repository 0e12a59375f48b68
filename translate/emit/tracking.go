package emit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/check"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// tracking renders tracking.md: the status first, then where the table comes
// from, the rules that fired, the key and changelog decisions, the residue,
// the streaming differences and what a reviewer must check.
func tracking(l *layout) string {
	t := l.t
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# %s\n\n", t.FlinkName)
	p("**Status: %s**\n\n", t.Status)
	switch t.Status {
	case result.Translated:
		p("Rules translated the whole table; no LLM was involved. Review the decisions below before deploying.\n\n")
	case result.LLM:
		p("> **Partly translated by the LLM.** The model's answer was parsed and validated; review it before deploying.\n\n")
	case result.NeedsLLM:
		p("> **NOT COMPLETE — the DML must not be deployed.**\n")
		p("> %s (listed under *Residue*).\n", residueSummary(t.Residue))
		p("> `%s` still holds them and is NOT a complete Flink statement;\n", dmlFile(t.FlinkName))
		p("> `make create_dml` refuses to run. Run c360-migrate with Ollama running (--model) to give the residue to the LLM loop, or translate it by hand.\n\n")
	case result.Failed:
		p("> **FAILED — nothing in this folder may be deployed.**\n")
		if t.LLM != nil {
			p("> The LLM loop rejected all %d answers of the model (the last errors are under *Provenance*);\n", t.LLM.Attempts)
			p("> `%s` holds the rules' partial output and is NOT a complete Flink statement.\n", dmlFile(t.FlinkName))
			p("> `make create_ddl` and `make create_dml` refuse to run.\n\n")
		} else {
			p("> The Spark input could not be read or modelled (see *Needs review*); `make create_ddl` and `make create_dml` refuse to run.\n\n")
		}
	default:
		p("> **Unknown status: treat this table as NOT complete.**\n\n")
	}

	p("| | |\n|---|---|\n")
	p("| Spark table | `%s` |\n", cell(t.SparkName))
	p("| Spark source | `%s` |\n", cell(sparkLocation(t)))
	p("| Flink table | `%s` |\n", cell(t.FlinkName))
	p("| Layer / product | %s / %s |\n", cell(t.Layer), cell(l.product))
	p("| Primary key | %s |\n", cell(keyText(t.Key)))
	p("| Changelog mode | %s |\n", cell(orNone(t.Changelog)))
	p("| Depends on | %s |\n", cell(listText(t.Deps)))
	p("| DDL statement | `%s` |\n", l.ddlStmt)
	p("| DML statement | `%s` |\n", l.dmlStmt)
	p("\n")

	p("## Files\n\n")
	p("- `%s`\n", ddlFile(t.FlinkName))
	if Complete(t.Status) {
		p("- `%s`\n", dmlFile(t.FlinkName))
	} else {
		p("- `%s` (**NOT complete**)\n", dmlFile(t.FlinkName))
	}
	for _, r := range t.Raw {
		p("- `%s`, `%s`: raw input `%s` (%s, %d rows)\n", rawDDLFile(r.Name), rawInsFile(r.Name), r.Name, cell(orNone(r.Path)), r.Rows)
	}
	p("\n")

	provenance(p, t)

	p("## Rules applied\n\n")
	if len(t.Rules) == 0 {
		p("None.\n\n")
	} else {
		p("| rule | times |\n|---|---:|\n")
		for _, id := range sortedKeys(t.Rules) {
			p("| `%s` | %d |\n", cell(id), t.Rules[id])
		}
		p("\n")
	}

	p("## Key and changelog mode\n\n")
	if len(t.Key) > 0 {
		p("- Primary key %s: %s\n", keyText(t.Key), cell(orText(t.KeyReason, "no reason recorded")))
	} else {
		p("- No primary key: %s\n", cell(orText(t.KeyReason, "none could be derived from the query")))
	}
	p("- Changelog mode %s: %s\n\n", orNone(t.Changelog), changelogReason(t))

	if len(t.Residue) > 0 || t.Status == result.NeedsLLM {
		p("## Residue (not translated)\n\n")
		if len(t.Residue) == 0 {
			p("The status is needs-llm but no construct was recorded: treat the whole DML as untranslated.\n\n")
		} else {
			p("| construct | position | reason |\n|---|---|---|\n")
			for _, d := range sortedFindings(t.Residue) {
				p("| %s | %s `%s` | %s |\n", cell(orText(d.Rule, "-")), positionKind(d), cell(d.Position.String()), cell(d.Msg))
			}
			p("\n")
		}
	}

	p("## Streaming differences\n\n")
	if len(t.Notes) == 0 {
		p("None found.\n\n")
	} else {
		for _, d := range sortedFindings(t.Notes) {
			p("- `%s` %s%s: %s\n", cell(d.Position.String()), d.Severity, ruleText(d), oneLine(d.Msg))
		}
		p("\n")
	}

	p("## Needs review\n\n")
	for _, item := range review(t) {
		p("- [ ] %s\n", item)
	}
	return b.String()
}

// review lists what a reviewer must check before deploying the table.
func review(t *result.Table) []string {
	var out []string
	switch t.Status {
	case result.NeedsLLM:
		out = append(out, fmt.Sprintf("Translate the %d residue construct(s) above and remove the NOT COMPLETE banner from `%s`.", len(t.Residue), dmlFile(t.FlinkName)))
	case result.Failed:
		if t.LLM != nil {
			out = append(out, fmt.Sprintf("The LLM loop rejected all %d answers: translate the residue by hand, or run again with another --model or more --max-attempts.", t.LLM.Attempts))
		} else {
			out = append(out, "The translation failed: fix the Spark input or write the Flink statements by hand.")
		}
	case result.LLM:
		out = append(out, "Read the LLM-translated parts of the DML against the Spark query.")
	}
	if len(t.Key) == 0 && t.Changelog != result.Append {
		out = append(out, "The query updates its results but no primary key was derived: choose the key, or accept a retract stream.")
	} else if len(t.Key) > 0 {
		out = append(out, fmt.Sprintf("Check that %s identifies a row: an upsert table with the wrong key silently collapses rows.", keyText(t.Key)))
	}
	for _, d := range sortedFindings(t.Notes) {
		if d.Severity >= diag.Warning {
			out = append(out, fmt.Sprintf("`%s`%s: %s", cell(d.Position.String()), ruleText(d), oneLine(d.Msg)))
		}
	}
	if len(out) == 0 {
		out = append(out, "Nothing beyond the usual check of the DDL and DML.")
	}
	return out
}

// provenance says which of the rules and the LLM produced each statement
// and, for the LLM, shows what it changed in the rules' partial output.
func provenance(p func(string, ...any), t *result.Table) {
	p("## Provenance\n\n")
	p("| statement | produced by |\n|---|---|\n")
	ddl, dml := "rules", "rules"
	switch {
	case t.Status == result.LLM && t.LLM != nil:
		dml = "rules, finished by the LLM: " + llmText(t.LLM)
		if t.LLM.DDL {
			ddl = "the LLM (replacing the rules' DDL): " + llmText(t.LLM)
		}
	case t.Status == result.LLM:
		dml = "the LLM (no record of the loop)"
	case t.Status == result.NeedsLLM:
		dml = "rules, partial (NOT complete)"
	case t.Status == result.Failed && t.LLM != nil:
		dml = "rules, partial (NOT complete); the LLM's answers were all rejected: " + llmText(t.LLM)
	case t.Status == result.Failed:
		ddl, dml = "rules (failed)", "rules (failed)"
	}
	p("| DDL | %s |\n| DML | %s |\n\n", cell(ddl), cell(dml))
	l := t.LLM
	if l == nil {
		return
	}
	if t.Status == result.LLM && len(l.Residue) > 0 {
		p("The model was given this residue:\n\n")
		for _, d := range sortedFindings(l.Residue) {
			p("- %s `%s`%s: %s\n", positionKind(d), cell(d.Position.String()), ruleText(d), oneLine(d.Msg))
		}
		p("\n")
	}
	if l.Notes != "" && t.Status == result.LLM {
		p("The model's notes: %s\n\n", oneLine(l.Notes))
	}
	if len(l.Errors) > 0 {
		if t.Status == result.LLM {
			p("The last rejected answer, before the kept one, was rejected for:\n\n")
		} else {
			p("The last answer was rejected for:\n\n")
		}
		for _, e := range l.Errors {
			p("- %s\n", oneLine(e))
		}
		p("\n")
	}
	if t.Status != result.LLM {
		return
	}
	for _, d := range []struct{ kind, file, rules, final string }{
		{"DML", dmlFile(t.FlinkName), l.RulesDML, t.DML},
		{"DDL", ddlFile(t.FlinkName), l.RulesDDL, t.DDL},
	} {
		if d.kind == "DDL" && !l.DDL {
			continue
		}
		diff := check.Unified(withNewline(d.rules), withNewline(d.final), "rules/"+d.file, "final/"+d.file, 3)
		if diff == "" {
			p("The LLM left the rules' %s as it was.\n\n", d.kind)
			continue
		}
		p("What the LLM changed in the rules' %s:\n\n```diff\n%s```\n\n", d.kind, diff)
	}
}

// llmText is "model qwen2.5-coder, 2 attempts, answers from the model,
// checked by the parser, the lint and a dry run on Flink 2.1.1".
func llmText(l *result.LLMProvenance) string {
	s := fmt.Sprintf("model `%s`, %d %s, ", l.Model, l.Attempts, plural(l.Attempts, "attempt", "attempts"))
	if l.Cached {
		s += "answers replayed from the cache, "
	} else {
		s += "answers from the model, "
	}
	if l.DryRun != "" {
		return s + "checked by the parser, the lint and a dry run on " + l.DryRun
	}
	return s + "checked by the parser and the lint (no dry run)"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// positionKind says whose position a finding carries: the Spark source, or
// the generated Flink file the lint and the dry run read.
func positionKind(d *diag.Diagnostic) string {
	if strings.HasPrefix(d.File, Pipelines+"/") {
		return "generated"
	}
	return "Spark"
}

func changelogReason(t *result.Table) string {
	switch t.Changelog {
	case result.Append:
		return "the query is insert-only, so every row is appended"
	case result.Upsert:
		if len(t.Key) > 0 {
			return "the query updates its results, and each update replaces the row with the same " + keyText(t.Key)
		}
		return "the query updates its results (upsert without a derived key: review)"
	case result.Retract:
		return "the query updates its results and no key was derived, so the sink receives retractions"
	case "":
		return "not decided"
	}
	return "as decided by the translator"
}

func sparkLocation(t *result.Table) string {
	return token.Position{File: t.SparkFile, Pos: t.SparkPos}.String()
}

func ruleText(d *diag.Diagnostic) string {
	if d.Rule == "" {
		return ""
	}
	return " [" + d.Rule + "]"
}

func keyText(k []string) string {
	if len(k) == 0 {
		return "none"
	}
	return "`" + strings.Join(k, ", ") + "`"
}

func listText(s []string) string {
	if len(s) == 0 {
		return "nothing"
	}
	return "`" + strings.Join(s, "`, `") + "`"
}

func orNone(s string) string { return orText(s, "none") }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// cell makes s safe inside a Markdown table cell: one line, no bare pipe.
func cell(s string) string {
	return strings.ReplaceAll(oneLine(s), "|", `\|`)
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// residueSummary says what a residue holds, by the step that found it:
// the translator's Spark constructs without a rule, the lint's and the dry
// run's findings on the Flink text.
func residueSummary(residue []*diag.Diagnostic) string {
	n := map[string]int{}
	for _, d := range residue {
		n[result.FoundBy(d)]++
	}
	count := func(k int, one, many string) string { return fmt.Sprintf("%d %s", k, plural(k, one, many)) }
	if n[result.ByLint] == 0 && n[result.ByDryRun] == 0 {
		return count(len(residue), "Spark construct has", "Spark constructs have") + " no translation rule"
	}
	var parts []string
	if k := n[result.ByTranslator]; k > 0 {
		parts = append(parts, count(k, "Spark construct", "Spark constructs")+" with no translation rule")
	}
	if k := n[result.ByLint]; k > 0 {
		parts = append(parts, count(k, "streaming-lint error", "streaming-lint errors")+" in the Flink text")
	}
	if k := n[result.ByDryRun]; k > 0 {
		parts = append(parts, count(k, "error", "errors")+" of the dry run on Flink")
	}
	return count(len(residue), "problem remains", "problems remain") + ": " + strings.Join(parts, ", ")
}
