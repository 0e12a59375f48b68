// Package result holds what the translation of a project produces, table by
// table: the Flink statements, the decisions taken (key, changelog mode),
// the rules that fired, what is left untranslated, and the streaming notes.
// The writer, the report and the validators read it; nothing here computes.
package result

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Status is the state of one table's translation.
type Status string

const (
	// Translated: rules produced complete DDL and DML.
	Translated Status = "translated"
	// NeedsLLM: some construct had no rule; the residue lists them.
	NeedsLLM Status = "needs-llm"
	// Failed: the Spark input could not be read or modelled, or the LLM
	// loop rejected every answer of the model (LLM says why).
	Failed Status = "failed"
	// LLM: the residue was translated by the model and validated.
	LLM Status = "llm"
)

// Changelog modes of a Flink table.
const (
	Append  = "append"
	Upsert  = "upsert"
	Retract = "retract"
)

// Column is one column of a Flink table.
type Column struct {
	Name     string `json:"name"`
	Type     string `json:"type"` // Flink type as printed: STRING, TIMESTAMP(3), DECIMAL(10, 2)
	Nullable bool   `json:"nullable"`
}

// RawInput is a raw input read by a source table: the Kafka table that
// replaces the Spark CSV view, and its test rows.
type RawInput struct {
	Name    string   `json:"name"`    // e.g. customers_raw
	Path    string   `json:"path"`    // the CSV path as written in Spark
	Columns []Column `json:"columns"` // inferred the way Spark's inferSchema does
	DDL     string   `json:"-"`       // tests/ddl.<raw>.sql
	Insert  string   `json:"-"`       // tests/insert_<raw>.sql
	Rows    int      `json:"rows"`
}

// Finding is a diagnostic kept with the table it belongs to.
type Finding = diag.Diagnostic

// The steps that put a finding in a table's residue.
const (
	ByTranslator = "translator" // a Spark construct no rule translates (residue.*, syntax.*)
	ByLint       = "lint"       // the streaming-semantics lint (lint.*)
	ByDryRun     = "dry run"    // Flink rejected it in the dry run (dryrun.*)
)

// FoundBy names the step that produced f, by its rule id.
func FoundBy(f *Finding) string {
	switch {
	case strings.HasPrefix(f.Rule, "lint."):
		return ByLint
	case strings.HasPrefix(f.Rule, "dryrun."):
		return ByDryRun
	}
	return ByTranslator
}

// Table is the translation of one Spark table.
type Table struct {
	SparkName string    `json:"spark_name"`
	FlinkName string    `json:"flink_name"`
	Layer     string    `json:"layer"`
	Product   string    `json:"product"`
	SparkFile string    `json:"spark_file"`
	SparkPos  token.Pos `json:"-"`
	// InputHash is the SHA-256 of the expanded Spark text the table was
	// translated from (its file after dbt expansion).
	InputHash string         `json:"-"`
	Status    Status         `json:"status"`
	Columns   []Column       `json:"columns"`
	Key       []string       `json:"primary_key,omitempty"`
	KeyReason string         `json:"key_reason,omitempty"` // how the key was derived
	Changelog string         `json:"changelog_mode"`
	Deps      []string       `json:"depends_on"` // Flink names of the tables it reads
	DDL       string         `json:"-"`          // sql-scripts/ddl.<table>.sql
	DML       string         `json:"-"`          // sql-scripts/dml.<table>.sql
	Raw       []*RawInput    `json:"raw_inputs,omitempty"`
	Rules     map[string]int `json:"rules_applied"` // rule id -> times applied
	// Residue lists the constructs no rule could translate, at their Spark
	// positions; non-empty means Status NeedsLLM.
	Residue []*Finding `json:"-"`
	// Notes are streaming differences and decisions a reviewer must see
	// (ORDER BY dropped, per-record CURRENT_DATE, regular join state...).
	Notes []*Finding `json:"-"`
	// LLM is set when the LLM loop worked on the table: Status LLM when an
	// answer was kept, Failed when every answer was rejected.
	LLM *LLMProvenance `json:"llm,omitempty"`
}

// LLMProvenance records how the LLM loop produced a table's final text, or
// why it could not.
type LLMProvenance struct {
	Model    string `json:"model"`
	Attempts int    `json:"attempts"` // answers validated, the accepted one included
	Cached   bool   `json:"cached"`   // every answer was replayed from the cache
	Notes    string `json:"notes,omitempty"`
	// DDL is true when the kept answer replaced the rules' DDL; the DML
	// always comes from the answer.
	DDL bool `json:"ddl_by_llm"`
	// DryRun names the Flink the answers were deployed on inside the loop
	// ("Flink 2.1.1"); "" when they were checked by the parser and the
	// lint only.
	DryRun string `json:"dry_run,omitempty"`
	// Errors are the validators' errors on the last rejected answer: why
	// the table failed (Status Failed), or what the accepted answer fixed.
	Errors []string `json:"errors,omitempty"`
	// The rules' partial output and the residue the model was given, kept
	// for the report's diff.
	RulesDDL string     `json:"-"`
	RulesDML string     `json:"-"`
	Residue  []*Finding `json:"-"`
}

// LLMRun counts what the LLM loop cost in one run.
type LLMRun struct {
	Model  string `json:"model"`
	Tables int    `json:"tables"` // tables given to the loop
	Calls  int    `json:"calls"`  // answers asked of the model
	Cached int    `json:"cached"` // answers replayed from the cache
	// PromptTokens is the estimated size of each prompt, in the order
	// sent (cached ones included).
	PromptTokens []int `json:"prompt_tokens"`
	// Counted is how many of PromptTokens the model itself reported
	// (Ollama's prompt_eval_count); the others are estimates (about 4
	// bytes a token).
	Counted int `json:"prompt_tokens_counted"`
	// Checks says how answers were validated: "parser, lint, dry run on
	// Flink 2.1.1" or "parser, lint".
	Checks string `json:"checks"`
}

// Run is the translation of a whole project.
type Run struct {
	Product string    `json:"product"`
	Profile string    `json:"profile"`
	Tables  []*Table  `json:"tables"` // in dependency order
	Diags   diag.List `json:"-"`      // project-level problems (parse errors, cycles)
	// DryRun names the Flink the tables were dry-run on ("Flink 2.1.1"),
	// "" when the dry run did not run; its findings are residue with rule
	// ids dryrun.*.
	DryRun string `json:"-"`
	// LLM is set when the LLM loop ran (nil: no table needed it, or
	// --no-llm, or no model was reachable).
	LLM *LLMRun `json:"-"`
	// HandEdited lists the generated files (paths below the output
	// folder) found edited by hand since they were written, and kept.
	HandEdited []string `json:"-"`
}
