// Package report turns a translation run into what a person reads after it:
// the short summary printed at the end of every run, report.md and
// report.json (report.md embeds the Mermaid table graph), and junit.xml.
// Every output is deterministic: tables keep the run's
// (dependency) order, findings are sorted by position, rules by id (or by
// count, then id), and nothing depends on the clock or on map order.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/check"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/graph"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// statuses lists the table statuses in report order.
var statuses = []result.Status{result.Translated, result.LLM, result.NeedsLLM, result.Failed}

// totals is what the three outputs count.
type totals struct {
	tables   int
	byStatus map[result.Status]int
	rules    map[string]int // rule id → times applied, over all tables
	ruleTabs map[string]int // rule id → tables it fired in
	applied  int
	residue  int
	notes    int
	warnings int // notes of severity warning or error
	needLLM  []string
	failed   []string
}

func count(run *result.Run) *totals {
	c := &totals{byStatus: map[result.Status]int{}, rules: map[string]int{}, ruleTabs: map[string]int{}}
	for _, t := range tables(run) {
		c.tables++
		c.byStatus[t.Status]++
		for id, n := range t.Rules {
			c.rules[id] += n
			c.ruleTabs[id]++
			c.applied += n
		}
		c.residue += len(t.Residue)
		c.notes += len(t.Notes)
		for _, d := range t.Notes {
			if d != nil && d.Severity >= diag.Warning {
				c.warnings++
			}
		}
		switch t.Status {
		case result.NeedsLLM:
			c.needLLM = append(c.needLLM, t.FlinkName)
		case result.Failed:
			c.failed = append(c.failed, t.FlinkName)
		}
	}
	return c
}

// tables returns the run's tables without nil entries.
func tables(run *result.Run) []*result.Table {
	if run == nil {
		return nil
	}
	out := make([]*result.Table, 0, len(run.Tables))
	for _, t := range run.Tables {
		if t != nil {
			out = append(out, t)
		}
	}
	return out
}

// statusLine prints "3 tables: 2 translated, 1 needs-llm". Statuses the
// report does not know are listed after the known ones, sorted.
func (c *totals) statusLine() string {
	var parts []string
	seen := map[result.Status]bool{}
	for _, s := range statuses {
		seen[s] = true
		if n := c.byStatus[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	var other []string
	for s, n := range c.byStatus {
		if !seen[s] && n > 0 {
			other = append(other, fmt.Sprintf("%d %s", n, orText(string(s), "no status")))
		}
	}
	sort.Strings(other)
	parts = append(parts, other...)
	s := plural(c.tables, "table", "tables")
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// topRules returns rule ids by times applied (most first), then by id.
func topRules(rules map[string]int) []string {
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if rules[ids[i]] != rules[ids[j]] {
			return rules[ids[i]] > rules[ids[j]]
		}
		return ids[i] < ids[j]
	})
	return ids
}

func sortedIDs(m map[string]int) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// findings returns a sorted copy of ds without nil entries.
func findings(ds []*diag.Diagnostic) []*diag.Diagnostic {
	out := make(diag.List, 0, len(ds))
	for _, d := range ds {
		if d != nil {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// tableFinding is a finding with the table it belongs to.
type tableFinding struct {
	table string
	d     *diag.Diagnostic
}

// allResidue lists every table's residue in table order, each table's
// sorted by position.
func allResidue(run *result.Run) []tableFinding {
	var out []tableFinding
	for _, t := range tables(run) {
		for _, d := range findings(t.Residue) {
			out = append(out, tableFinding{t.FlinkName, d})
		}
	}
	return out
}

// Summary is the short text printed at the end of every run.
func Summary(run *result.Run) string {
	c := count(run)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("%s\n", c.statusLine())

	if c.applied == 0 {
		p("rules applied: none\n")
	} else {
		const top = 5
		ids := topRules(c.rules)
		var parts []string
		for i, id := range ids {
			if i == top {
				parts = append(parts, fmt.Sprintf("and %d more", len(ids)-top))
				break
			}
			parts = append(parts, fmt.Sprintf("%s ×%d", id, c.rules[id]))
		}
		p("rules applied: %s by %s: %s\n", plural(c.applied, "rewrite", "rewrites"), plural(len(ids), "rule", "rules"), strings.Join(parts, ", "))
	}

	if c.residue == 0 {
		p("residue: none\n")
	} else {
		const first = 3
		res := allResidue(run)
		var parts []string
		for i, f := range res {
			if i == first {
				parts = append(parts, fmt.Sprintf("and %d more", len(res)-first))
				break
			}
			parts = append(parts, f.d.Position.String()+ruleSuffix(f.d))
		}
		p("residue: %s: %s\n", plural(c.residue, "finding", "findings"), strings.Join(parts, ", "))
	}

	p("streaming notes: %d", c.notes)
	if c.warnings > 0 {
		p(" (%s)", plural(c.warnings, "warning", "warnings"))
	}
	p("\n")

	if run != nil && len(run.Diags) > 0 {
		p("project diagnostics: %d (%s)\n", len(run.Diags), plural(run.Diags.Count(diag.Error), "error", "errors"))
	}
	if run != nil && run.LLM != nil {
		p("%s\n", llmLine(run.LLM))
	}
	if n := len(c.needLLM); n > 0 {
		p("hint: %s the LLM (%s): start Ollama and run again (the LLM loop takes the residue listed in %s), or translate it by hand\n",
			plural(n, "table needs", "tables need"), listNames(c.needLLM, 3), pluralWord(n, "its tracking.md", "their tracking.md"))
	}
	if n := len(c.failed); n > 0 {
		p("failed: %s (%s); see the report and tracking.md\n", plural(n, "table", "tables"), listNames(c.failed, 3))
	}
	return b.String()
}

// Markdown renders report.md: one row per table, then the rules, the
// residue, the streaming notes and the project's own diagnostics, each with
// its Spark file:line:col.
func Markdown(run *result.Run) string {
	c := count(run)
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	product, profile := "", ""
	if run != nil {
		product, profile = run.Product, run.Profile
	}
	p("# Migration report: %s\n\n", cell(orText(product, "(no product)")))
	p("Profile: %s. %s. Rules applied: %d. Residue: %d. Streaming notes: %d.\n\n",
		cell(orText(profile, "none")), c.statusLine(), c.applied, c.residue, c.notes)
	if n := len(c.needLLM); n > 0 {
		p("> **%s the LLM: %s.** %s NOT complete and must not be deployed; start Ollama and run again (the LLM loop takes the residue below), or translate it by hand.\n\n",
			plural(n, "table needs", "tables need"), codeList(c.needLLM), pluralWord(n, "Its DML is", "Their DML is"))
	}
	if n := len(c.failed); n > 0 {
		p("> **%s failed: %s.** Nothing of %s may be deployed.\n\n", plural(n, "table", "tables"), codeList(c.failed), pluralWord(n, "it", "them"))
	}

	if run != nil && len(run.HandEdited) > 0 {
		p("> **%s edited by hand since %s written, kept** (`--force` overwrites): %s.\n\n",
			plural(len(run.HandEdited), "generated file", "generated files"), pluralWord(len(run.HandEdited), "it was", "they were"), codeList(run.HandEdited))
	}

	p("## Tables\n\n")
	p("| layer | Spark table | Flink table | status | key | changelog | rules applied | residue | notes |\n")
	p("|---|---|---|---|---|---|---|---:|---:|\n")
	for _, t := range tables(run) {
		var rules []string
		for _, id := range sortedIDs(t.Rules) {
			rules = append(rules, fmt.Sprintf("%s ×%d", id, t.Rules[id]))
		}
		p("| %s | %s | %s | %s | %s | %s | %s | %d | %d |\n",
			cell(t.Layer), cell(t.SparkName), cell(t.FlinkName), cell(statusCell(t.Status)),
			cell(orText(strings.Join(t.Key, ", "), "none")), cell(orText(t.Changelog, "none")),
			cell(orText(strings.Join(rules, ", "), "none")), len(t.Residue), len(t.Notes))
	}
	p("\n")

	if c.tables > 0 {
		p("## Pipeline\n\n```mermaid\n%s```\n\n", graph.Mermaid(graph.FromRun(run)))
	}

	if len(c.rules) > 0 {
		p("## Rules applied\n\n| rule | times | tables |\n|---|---:|---:|\n")
		for _, id := range topRules(c.rules) {
			p("| %s | %d | %d |\n", cell(id), c.rules[id], c.ruleTabs[id])
		}
		p("\n")
	}

	llmSection(p, run)

	p("## Residue\n\n")
	if c.residue == 0 {
		p("None: every construct was translated.\n\n")
	} else {
		for _, t := range tables(run) {
			if len(t.Residue) == 0 {
				continue
			}
			p("### %s (%s)\n\n", t.FlinkName, t.Status)
			for _, d := range findings(t.Residue) {
				p("- `%s`%s %s\n", d.Position.String(), ruleSuffix(d), oneLine(d.Msg))
			}
			p("\n")
		}
	}

	p("## Streaming notes\n\n")
	if c.notes == 0 {
		p("None.\n\n")
	} else {
		for _, t := range tables(run) {
			if len(t.Notes) == 0 {
				continue
			}
			p("### %s\n\n", t.FlinkName)
			for _, d := range findings(t.Notes) {
				p("- `%s` %s%s: %s\n", d.Position.String(), d.Severity, ruleSuffix(d), oneLine(d.Msg))
			}
			p("\n")
		}
	}

	if run != nil && len(run.Diags) > 0 {
		p("## Project diagnostics\n\n")
		for _, d := range findings(run.Diags) {
			p("- `%s` %s%s: %s\n", d.Position.String(), d.Severity, ruleSuffix(d), oneLine(d.Msg))
		}
		p("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// JSONReport is the document JSON returns.
type JSONReport struct {
	Product     string         `json:"product"`
	Profile     string         `json:"profile"`
	Totals      JSONTotals     `json:"totals"`
	Rules       map[string]int `json:"rules_applied"` // rule id → times, over all tables
	Tables      []JSONTable    `json:"tables"`        // in dependency order
	Diagnostics []JSONFinding  `json:"diagnostics"`   // project-level
	// LLM counts the LLM loop's work: model calls, cached answers and the
	// prompt size of each call; null when the loop did not run.
	LLM *result.LLMRun `json:"llm"`
	// HandEdited lists the generated files found edited by hand and kept.
	HandEdited []string `json:"hand_edited,omitempty"`
}

// JSONTotals counts the run.
type JSONTotals struct {
	Tables       int            `json:"tables"`
	ByStatus     map[string]int `json:"by_status"`
	RulesApplied int            `json:"rules_applied"`
	Residue      int            `json:"residue"`
	Notes        int            `json:"notes"`
	NeedsLLM     []string       `json:"needs_llm"`
	Failed       []string       `json:"failed"`
}

// JSONTable is one table of the report.
type JSONTable struct {
	SparkName string         `json:"spark_name"`
	FlinkName string         `json:"flink_name"`
	Layer     string         `json:"layer"`
	Product   string         `json:"product"`
	Spark     string         `json:"spark"` // file:line:col of the defining statement
	Status    string         `json:"status"`
	Complete  bool           `json:"complete"`
	Key       []string       `json:"primary_key"`
	KeyReason string         `json:"key_reason"`
	Changelog string         `json:"changelog_mode"`
	DependsOn []string       `json:"depends_on"`
	Rules     map[string]int `json:"rules_applied"`
	Residue   []JSONFinding  `json:"residue"`
	Notes     []JSONFinding  `json:"notes"`
	// Provenance says which of the rules and the LLM produced each
	// statement.
	Provenance JSONProvenance `json:"provenance"`
}

// JSONProvenance is who produced a table's statements: "rules" or "llm"
// for each, with the LLM loop's record and the diffs from the rules'
// partial output to the final text.
type JSONProvenance struct {
	DDL     string                `json:"ddl"`
	DML     string                `json:"dml"`
	LLM     *result.LLMProvenance `json:"llm,omitempty"`
	DiffDDL string                `json:"diff_ddl,omitempty"`
	DiffDML string                `json:"diff_dml,omitempty"`
}

// JSONFinding is one finding at its Spark position.
type JSONFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Rule     string `json:"rule,omitempty"`
	Message  string `json:"message"`
}

// JSON renders report.json (indented, ending with a newline).
func JSON(run *result.Run) ([]byte, error) {
	c := count(run)
	r := JSONReport{
		Rules:       c.rules,
		Tables:      []JSONTable{},
		Diagnostics: []JSONFinding{},
		Totals: JSONTotals{
			Tables: c.tables, ByStatus: map[string]int{}, RulesApplied: c.applied,
			Residue: c.residue, Notes: c.notes, NeedsLLM: nonNil(c.needLLM), Failed: nonNil(c.failed),
		},
	}
	for _, s := range statuses {
		r.Totals.ByStatus[string(s)] = 0
	}
	for s, n := range c.byStatus {
		r.Totals.ByStatus[string(s)] = n
	}
	if run != nil {
		r.Product, r.Profile = run.Product, run.Profile
		r.Diagnostics = jsonFindings(run.Diags)
		r.LLM = run.LLM
		r.HandEdited = run.HandEdited
	}
	for _, t := range tables(run) {
		rules := map[string]int{}
		for id, n := range t.Rules {
			rules[id] = n
		}
		r.Tables = append(r.Tables, JSONTable{
			SparkName: t.SparkName, FlinkName: t.FlinkName, Layer: t.Layer, Product: t.Product,
			Spark:  token.Position{File: t.SparkFile, Pos: t.SparkPos}.String(),
			Status: string(t.Status), Complete: t.Status == result.Translated || t.Status == result.LLM,
			Key: nonNil(t.Key), KeyReason: t.KeyReason, Changelog: t.Changelog, DependsOn: nonNil(t.Deps),
			Rules: rules, Residue: jsonFindings(t.Residue), Notes: jsonFindings(t.Notes),
			Provenance: provenance(t),
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func provenance(t *result.Table) JSONProvenance {
	pv := JSONProvenance{DDL: "rules", DML: "rules", LLM: t.LLM}
	if t.Status != result.LLM {
		return pv
	}
	pv.DML = "llm"
	if t.LLM == nil {
		return pv
	}
	pv.DiffDML = diff(t.LLM.RulesDML, t.DML, "dml."+t.FlinkName+".sql")
	if t.LLM.DDL {
		pv.DDL = "llm"
		pv.DiffDDL = diff(t.LLM.RulesDDL, t.DDL, "ddl."+t.FlinkName+".sql")
	}
	return pv
}

// diff is the unified diff from the rules' text to the final one.
func diff(rules, final, file string) string {
	nl := func(s string) string { return strings.TrimRight(s, "\n") + "\n" }
	return check.Unified(nl(rules), nl(final), "rules/"+file, "final/"+file, 3)
}

// llmLine is the summary's line of LLM figures.
func llmLine(l *result.LLMRun) string {
	toks := make([]string, len(l.PromptTokens))
	for i, n := range l.PromptTokens {
		toks[i] = fmt.Sprint(n)
	}
	s := fmt.Sprintf("llm (%s): %s, %s, %s replayed from the cache", l.Model, plural(l.Tables, "table", "tables"),
		plural(l.Calls, "model call", "model calls"), plural(l.Cached, "answer", "answers"))
	if len(toks) > 0 {
		s += "; prompt tokens per call: " + strings.Join(toks, ", ")
		switch l.Counted {
		case len(toks):
			s += " (counted by the model)"
		case 0:
			s += " (estimated)"
		default:
			s += fmt.Sprintf(" (%d counted by the model, the others estimated)", l.Counted)
		}
	}
	return s + "; checked by " + orText(l.Checks, "nothing")
}

// llmSection lists, in report.md, each table the LLM loop worked on: who
// produced each statement, the errors of the last rejected answer, and
// the diff from the rules' partial output.
func llmSection(p func(string, ...any), run *result.Run) {
	var worked []*result.Table
	for _, t := range tables(run) {
		if t.LLM != nil {
			worked = append(worked, t)
		}
	}
	if run == nil || (run.LLM == nil && len(worked) == 0) {
		return
	}
	p("## LLM\n\n")
	if run.LLM != nil {
		p("%s.\n\n", llmLine(run.LLM))
	}
	for _, t := range worked {
		l := t.LLM
		pv := provenance(t)
		how := fmt.Sprintf("model `%s`, %s, ", cell(l.Model), plural(l.Attempts, "attempt", "attempts"))
		if l.Cached {
			how += "replayed from the cache"
		} else {
			how += "answers from the model"
		}
		if l.DryRun != "" {
			how += ", dry-run on " + l.DryRun
		}
		p("### %s (%s)\n\n", t.FlinkName, t.Status)
		if t.Status == result.LLM {
			p("DDL by %s, DML by %s; %s.\n\n", pv.DDL, pv.DML, how)
		} else {
			p("Every answer was rejected: the DDL and the partial (NOT complete) DML are the rules'; %s.\n\n", how)
		}
		for _, e := range l.Errors {
			p("- last rejected answer: %s\n", oneLine(e))
		}
		if len(l.Errors) > 0 {
			p("\n")
		}
		for _, d := range []string{pv.DiffDML, pv.DiffDDL} {
			if d != "" {
				p("```diff\n%s```\n\n", d)
			}
		}
	}
}

func jsonFindings(ds []*diag.Diagnostic) []JSONFinding {
	out := []JSONFinding{}
	for _, d := range findings(ds) {
		out = append(out, JSONFinding{File: d.File, Line: d.Line, Col: d.Col, Severity: d.Severity.String(), Rule: d.Rule, Message: d.Msg})
	}
	return out
}

func statusCell(s result.Status) string {
	switch s {
	case result.NeedsLLM:
		return "**needs-llm** (DML NOT complete)"
	case result.Failed:
		return "**failed**"
	}
	return orText(string(s), "no status")
}

func ruleSuffix(d *diag.Diagnostic) string {
	if d.Rule == "" {
		return ""
	}
	return " [" + d.Rule + "]"
}

func plural(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, pluralWord(n, one, many))
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// listNames joins up to max names and says how many more there are.
func listNames(names []string, max int) string {
	if len(names) <= max {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:max], ", ") + fmt.Sprintf(" and %d more", len(names)-max)
}

func codeList(names []string) string {
	return "`" + strings.Join(names, "`, `") + "`"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cell makes s safe inside a Markdown table cell.
func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }
