package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/c360-migrate/c360-migrate/prompts"
	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// Schema is the JSON schema every answer must follow (Ollama's format).
var Schema = json.RawMessage(`{"type":"object","properties":{"dml":{"type":"string"},"ddl":{"type":"string"},"notes":{"type":"string"}},"required":["dml","ddl","notes"],"additionalProperties":false}`)

const system = "You translate Spark SQL to Flink SQL. Answer only with JSON that follows the given schema."

// Loop finishes tables the rules left as needs-llm.
type Loop struct {
	Model       Model
	ModelName   string // for the cache key and the provenance
	MaxAttempts int    // 3 if zero
	Cache       *Cache // nil: no cache
	Profile     string // confluent (default) or oss
	// Catalog describes the tables the DML reads, for the lint; nil: built
	// from the DDL of the inputs given to Table.
	Catalog lint.Catalog
	// Source returns the text of a file named in a residue position, for
	// the snippet shown to the model; nil: no snippets.
	Source func(file string) (string, error)
	// DryRun deploys an answer that passed the parser and the lint on a
	// real Flink; nil: answers are checked by the parser and the lint only.
	DryRun DryRunner
	// Progress is told each step of each attempt; nil: silent.
	Progress func(attempt, max int, step string)
}

// Steps reported to Progress.
const (
	StepAsk    = "asking the model"
	StepReplay = "replaying the cache"
	StepCheck  = "parse and lint"
	StepDeploy = "dry run"
)

// DryRunner deploys a candidate table, with the tables it reads, on a real
// Flink without running it.
type DryRunner interface {
	// DryRun returns Flink's errors on t's DDL and DML (none: Flink
	// accepts them); err is for a Flink that could not be used.
	DryRun(ctx context.Context, t *result.Table, inputs []*result.Table) ([]string, error)
	// Flink names the Flink it deploys on, as "Flink 2.1.1".
	Flink() string
}

// Outcome is what the loop did for one table.
type Outcome struct {
	OK       bool
	Attempts int // answers checked
	Calls    int // answers asked of the model (not from the cache)
	Cached   int // answers replayed from the cache
	// PromptTokens is the size of each prompt: the model's count when it
	// reports one (Ollama's prompt_eval_count), else an estimate.
	PromptTokens []int
	Counted      int      // how many of PromptTokens the model counted
	Errors       []string // why the last answer was rejected
}

// Table runs the loop for t, whose DML reads inputs. On success t gets the
// answer's DML (and DDL if given), Status LLM and its provenance. When
// every attempt was rejected, t keeps its rules' text and residue, gets
// Status Failed and the last errors in its provenance. The error is for a
// model, cache or Flink that could not be used (or a cancelled ctx): t is
// then left as it was.
func (l *Loop) Table(ctx context.Context, t *result.Table, inputs []*result.Table) (*Outcome, error) {
	max := l.MaxAttempts
	if max <= 0 {
		max = 3
	}
	cat := l.Catalog
	if cat == nil {
		cat = lint.Catalog{}
		for _, in := range inputs {
			if in.DDL != "" {
				cat.AddSQL("ddl."+in.FlinkName+".sql", in.DDL, l.profile())
			}
		}
	}
	data := l.data(t, inputs)
	name := prompts.Translate
	if t.DDL == "" || untyped(t.Columns) {
		name = prompts.DDL
	}
	out := &Outcome{}
	for out.Attempts < max {
		user, err := prompts.Render(name, data)
		if err != nil {
			return out, err
		}
		p := Prompt{System: system, User: user, Schema: Schema}
		out.PromptTokens = append(out.PromptTokens, prompts.Tokens(system+user))
		ans, hit, err := l.ask(ctx, p, out.Attempts+1, max)
		if err != nil {
			return out, fmt.Errorf("attempt %d of %d: %w", out.Attempts+1, max, err)
		}
		if hit {
			out.Cached++
		} else {
			out.Calls++
		}
		if ans.PromptTokens > 0 {
			out.PromptTokens[len(out.PromptTokens)-1] = ans.PromptTokens
			out.Counted++
		}
		out.Attempts++
		l.progress(out.Attempts, max, StepCheck)
		r, errs := l.check(t, ans, cat)
		if len(errs) == 0 && l.DryRun != nil {
			l.progress(out.Attempts, max, StepDeploy)
			cand := *t
			cand.DML = r.dml
			if strings.TrimSpace(r.ddl) != "" {
				cand.DDL = r.ddl
			}
			errs, err = l.DryRun.DryRun(ctx, &cand, inputs)
			if err != nil {
				return out, fmt.Errorf("attempt %d of %d: dry run: %w", out.Attempts, max, err)
			}
		}
		if len(errs) == 0 {
			out.OK = true
			t.LLM = l.provenance(t, out)
			t.LLM.Notes = r.notes
			t.DML = r.dml
			if strings.TrimSpace(r.ddl) != "" {
				t.DDL = r.ddl
				t.LLM.DDL = true
			}
			t.Residue = nil
			t.Status = result.LLM
			return out, nil
		}
		out.Errors = errs
		name = prompts.Repair
		data.Previous, data.Errors = ans.Text, errs
	}
	t.LLM = l.provenance(t, out)
	t.Status = result.Failed
	return out, nil
}

// provenance records the loop's work on t before t is changed.
func (l *Loop) provenance(t *result.Table, out *Outcome) *result.LLMProvenance {
	p := &result.LLMProvenance{Model: l.ModelName, Attempts: out.Attempts, Cached: out.Calls == 0,
		Errors: out.Errors, RulesDDL: t.DDL, RulesDML: t.DML, Residue: t.Residue}
	if l.DryRun != nil {
		p.DryRun = l.DryRun.Flink()
	}
	return p
}

func (l *Loop) progress(attempt, max int, step string) {
	if l.Progress != nil {
		l.Progress(attempt, max, step)
	}
}

func (l *Loop) profile() string {
	if l.Profile == "" {
		return lint.Confluent
	}
	return l.Profile
}

func untyped(cols []result.Column) bool {
	for _, c := range cols {
		if c.Type == "" {
			return true
		}
	}
	return false
}

// ask returns the cached answer for p, or the model's (then cached).
func (l *Loop) ask(ctx context.Context, p Prompt, attempt, max int) (Answer, bool, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, false, err
	}
	var key string
	if l.Cache != nil {
		key = l.Cache.Key(l.ModelName, p)
		if a, ok := l.Cache.Get(key); ok {
			l.progress(attempt, max, StepReplay)
			return a, true, nil
		}
	}
	l.progress(attempt, max, StepAsk)
	if l.Model == nil {
		return Answer{}, false, errors.New("llm: no model and no cached answer")
	}
	a, err := l.Model.Complete(ctx, p)
	if err != nil {
		return Answer{}, false, err
	}
	if l.Cache != nil {
		if err := l.Cache.Put(key, l.ModelName, a); err != nil {
			return Answer{}, false, err
		}
	}
	return a, false, nil
}

func (l *Loop) data(t *result.Table, inputs []*result.Table) *prompts.Data {
	d := &prompts.Data{Table: t.FlinkName, Profile: l.profile(), DML: t.DML, DDL: t.DDL}
	for _, r := range t.Residue {
		msg := r.Msg
		if r.Rule != "" {
			msg = "[" + r.Rule + "] " + msg
		}
		d.Residue = append(d.Residue, prompts.Item{Pos: r.Position.String(), Reason: msg, Snippet: l.snippet(r.Position)})
	}
	for _, c := range t.Columns {
		d.Columns = append(d.Columns, prompts.Column{Name: c.Name, Type: c.Type})
	}
	for _, in := range inputs {
		pi := prompts.Input{Name: in.FlinkName, Changelog: in.Changelog, Key: in.Key}
		for _, c := range in.Columns {
			pi.Columns = append(pi.Columns, prompts.Column{Name: c.Name, Type: c.Type})
		}
		d.Inputs = append(d.Inputs, pi)
	}
	return d
}

// snippet is the trimmed source line at pos, at most 200 bytes.
func (l *Loop) snippet(pos token.Position) string {
	if l.Source == nil || pos.File == "" || pos.Line <= 0 {
		return ""
	}
	src, err := l.Source(pos.File)
	if err != nil {
		return ""
	}
	lines := strings.Split(src, "\n")
	if pos.Line > len(lines) {
		return ""
	}
	s := strings.TrimSpace(lines[pos.Line-1])
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

type reply struct{ dml, ddl, notes string }

// check validates an answer: strict JSON of the schema, then our Flink
// parser (exactly one INSERT INTO the table; one CREATE TABLE of it if a
// DDL is given), then the lint. It returns the errors to send back.
func (l *Loop) check(t *result.Table, a Answer, cat lint.Catalog) (reply, []string) {
	if a.Truncated {
		return reply{}, []string{"the answer was cut at the length limit; answer shorter, with only the JSON object"}
	}
	r, err := parseReply(a.Text)
	if err != nil {
		return reply{}, []string{err.Error()}
	}
	dmlFile, ddlFile := "dml."+t.FlinkName+".sql", "ddl."+t.FlinkName+".sql"
	var errs []string
	errs = append(errs, one(dmlFile, r.dml, t.FlinkName, "INSERT INTO")...)
	if strings.TrimSpace(r.ddl) != "" {
		errs = append(errs, one(ddlFile, r.ddl, t.FlinkName, "CREATE TABLE")...)
	} else if t.DDL == "" {
		errs = append(errs, "ddl: empty, but the table has no DDL yet: give one CREATE TABLE "+t.FlinkName)
	}
	if len(errs) > 0 {
		return r, errs
	}
	ddl := r.ddl
	if strings.TrimSpace(ddl) == "" {
		ddl = t.DDL
	}
	for _, d := range lint.LintTable(ddlFile, ddl, dmlFile, r.dml, l.profile(), cat) {
		if d.Severity == diag.Error {
			errs = append(errs, d.Error())
		}
	}
	return r, errs
}

// parseReply decodes the answer strictly: one JSON object with exactly the
// string fields dml, ddl and notes, dml not empty, nothing after it.
func parseReply(text string) (reply, error) {
	var v struct {
		DML   *string `json:"dml"`
		DDL   *string `json:"ddl"`
		Notes *string `json:"notes"`
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return reply{}, fmt.Errorf("the answer is not the JSON object of the schema: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return reply{}, errors.New("the answer has text after the JSON object")
	}
	switch {
	case v.DML == nil || v.DDL == nil || v.Notes == nil:
		return reply{}, errors.New(`the answer lacks one of the required fields "dml", "ddl", "notes"`)
	case strings.TrimSpace(*v.DML) == "":
		return reply{}, errors.New(`"dml" is empty`)
	}
	return reply{dml: *v.DML, ddl: *v.DDL, notes: *v.Notes}, nil
}

// one checks that src parses as Flink and holds exactly one statement of
// the wanted kind on table.
func one(file, src, table, kind string) []string {
	f, l := parser.ParseFile(file, src, token.Flink)
	var errs []string
	for _, d := range l {
		if d.Severity == diag.Error {
			errs = append(errs, d.Error())
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if len(f.Stmts) != 1 {
		return []string{fmt.Sprintf("%s: %d statements; give exactly one %s %s and nothing else", file, len(f.Stmts), kind, table)}
	}
	var name *ast.Name
	switch s := f.Stmts[0].(type) {
	case *ast.InsertStmt:
		if kind == "INSERT INTO" {
			name = s.Table
		}
	case *ast.CreateTable:
		if kind == "CREATE TABLE" {
			name = s.Name
		}
	}
	if name == nil || len(name.Parts) == 0 {
		return []string{fmt.Sprintf("%s: not a %s statement", file, kind)}
	}
	if got := name.Last().Name; !strings.EqualFold(got, table) {
		return []string{fmt.Sprintf("%s: %s %s, but the table is %s", file, kind, got, table)}
	}
	return nil
}
