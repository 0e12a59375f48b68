// Package prompts holds the LLM prompt templates (text files embedded in
// the binary) and renders them from a Data value. One template per task:
// translate the residue, repair after validator errors, write the DDL when
// a column type could not be inferred.
package prompts

import (
	"embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var files embed.FS

// Template names.
const (
	Translate = "translate.tmpl"
	Repair    = "repair.tmpl"
	DDL       = "ddl.tmpl"
)

var tmpl = template.Must(template.New("").Option("missingkey=error").ParseFS(files, "*.tmpl"))

// Item is one residue entry: a construct no rule translated.
type Item struct {
	Pos     string // file:line:col
	Reason  string
	Snippet string // the source line, trimmed; may be empty
}

// Column is a column name with its Flink type ("" when unknown).
type Column struct {
	Name, Type string
}

// Input is a table the statement reads.
type Input struct {
	Name    string
	Columns []Column
	// Changelog is its changelog mode (append, upsert, retract; "" when
	// unknown) and Key its primary key: an OVER aggregate, for one, reads
	// only appended rows.
	Changelog string
	Key       []string
}

// Conventions are the target profile's rules the model must follow.
type Conventions struct {
	TimeAttr  string
	Dedup     string
	Key       string
	Changelog string
}

// Data is what a template renders.
type Data struct {
	Table       string // the Flink table
	Profile     string // confluent or oss
	Conventions Conventions
	Residue     []Item
	DML, DDL    string   // the partial Flink SQL from the rules
	Columns     []Column // the table's own columns (ddl.tmpl)
	Inputs      []Input
	Functions   []string // "spark_fn -> FLINK_FN" pairs known near the residue
	// Repair only.
	Previous string
	Errors   []string
}

// ConventionsFor returns the conventions of a profile ("oss" or, for
// anything else, "confluent").
func ConventionsFor(profile string) Conventions {
	c := Conventions{
		Dedup: "only ROW_NUMBER() OVER (PARTITION BY <key> ORDER BY <time attribute> ASC|DESC) filtered by = 1; another ORDER BY is a costly Top-N.",
		Key:   "PRIMARY KEY (k) NOT ENFORCED follows the query: GROUP BY keys, dedup keys or join keys; a wrong key collapses rows.",
	}
	if profile == "oss" {
		c.TimeAttr = "a column with WATERMARK FOR col AS col - INTERVAL 'n' SECOND (or PROCTIME())"
		c.Changelog = "connector 'kafka' is append-only; an updating query needs 'upsert-kafka' with a PRIMARY KEY."
		return c
	}
	c.TimeAttr = "`$rowtime` (system column of every table; order OVER windows and dedups by it)"
	c.Changelog = "'changelog.mode' is 'append' for insert-only results, 'upsert' with a PRIMARY KEY, else 'retract'; DISTRIBUTED BY HASH(key) INTO n BUCKETS."
	return c
}

// Render renders the template name (Translate, Repair or DDL) with d.
func Render(name string, d *Data) (string, error) {
	if d.Conventions == (Conventions{}) {
		dd := *d
		dd.Conventions = ConventionsFor(d.Profile)
		d = &dd
	}
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, name, d); err != nil {
		return "", fmt.Errorf("prompts: %w", err)
	}
	return b.String(), nil
}

// Tokens estimates the token count of a prompt (about 4 bytes a token).
func Tokens(s string) int { return (len(s) + 3) / 4 }
