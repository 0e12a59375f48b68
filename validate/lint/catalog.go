package lint

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/streaming"
	"github.com/c360-migrate/c360-migrate/validate/syntax"
)

// Profiles.
const (
	Confluent = "confluent"
	OSS       = "oss"
)

// Table is what the lint knows about a table from its CREATE TABLE.
type Table struct {
	Name      string
	Columns   []string          // lower case, in order
	Types     map[string]string // column -> type name (upper case), "" for computed columns
	Key       []string          // PRIMARY KEY columns, lower case
	Changelog string            // append, upsert or retract
	// TimeAttrs are the columns that are time attributes: the WATERMARK
	// column, PROCTIME() columns, and $rowtime on Confluent Cloud.
	TimeAttrs map[string]bool
	// Proctime are the PROCTIME() columns among TimeAttrs; the others are
	// event-time attributes.
	Proctime map[string]bool
	DDL      *ast.CreateTable
}

// Catalog maps lower-case table names to what is known of them.
type Catalog map[string]*Table

// Add records the tables created in f.
func (c Catalog) Add(f *ast.File, profile string) {
	for _, s := range f.Stmts {
		if ct, ok := s.(*ast.CreateTable); ok && ct.Name != nil {
			t := TableOf(ct, profile)
			c[t.Name] = t
		}
	}
}

// env adapts the catalog to translate/streaming.
func (c Catalog) env(name string) (streaming.Input, bool) {
	t, ok := c[strings.ToLower(name)]
	if !ok {
		return streaming.Input{}, false
	}
	var attrs []string
	for a := range t.TimeAttrs {
		attrs = append(attrs, a)
	}
	return streaming.Input{Key: t.Key, Updating: t.Changelog != "append", Columns: t.Columns, TimeAttrs: attrs}, true
}

// TableOf describes a CREATE TABLE. On Confluent Cloud a table without a
// 'changelog.mode' is upsert with a primary key and append without; for
// open-source Flink the connector decides (upsert-kafka is upsert).
func TableOf(ct *ast.CreateTable, profile string) *Table {
	t := &Table{Name: strings.ToLower(ct.Name.Last().Name), Types: map[string]string{}, TimeAttrs: map[string]bool{}, Proctime: map[string]bool{}, DDL: ct}
	for _, c := range ct.Columns {
		n := strings.ToLower(c.Name.Name)
		t.Columns = append(t.Columns, n)
		if c.Type != nil {
			t.Types[n] = c.Type.Name
		} else {
			t.Types[n] = ""
		}
		if c.PrimaryKey {
			t.Key = append(t.Key, n)
		}
		if streaming.IsProctime(c.Computed) {
			t.TimeAttrs[n] = true
			t.Proctime[n] = true
		}
	}
	if ct.PrimaryKey != nil {
		t.Key = nil
		for _, id := range ct.PrimaryKey.Columns {
			t.Key = append(t.Key, strings.ToLower(id.Name))
		}
	}
	if ct.Watermark != nil && ct.Watermark.Column != nil {
		t.TimeAttrs[strings.ToLower(ct.Watermark.Column.Last().Name)] = true
	}
	// On Confluent Cloud the default watermark is on $rowtime; a table has
	// one watermark, so a declared one on another column replaces it.
	if profile != OSS && ct.Watermark == nil {
		t.TimeAttrs["$rowtime"] = true
	}
	mode := strings.ToLower(option(ct.With, "changelog.mode"))
	switch connector := strings.ToLower(option(ct.With, "connector")); {
	case mode != "":
		t.Changelog = mode
	case connector == "upsert-kafka":
		t.Changelog = "upsert"
	case connector != "":
		t.Changelog = "append"
	case len(t.Key) > 0:
		t.Changelog = "upsert"
	default:
		t.Changelog = "append"
	}
	return t
}

// option returns the value of a WITH option, "" when absent.
func option(props []*ast.Property, key string) string {
	if p := property(props, key); p != nil {
		if lit, ok := p.Value.(*ast.Literal); ok {
			return lit.Value
		}
	}
	return ""
}

func property(props []*ast.Property, key string) *ast.Property {
	for _, p := range props {
		if propKey(p) == key {
			return p
		}
	}
	return nil
}

func propKey(p *ast.Property) string {
	switch {
	case p.Key != nil:
		return strings.ToLower(p.Key.Value)
	case p.Name != nil:
		var parts []string
		for _, id := range p.Name.Parts {
			parts = append(parts, id.Name)
		}
		return strings.ToLower(strings.Join(parts, "."))
	}
	return ""
}

// AddSQL parses src (Flink SQL) and records the tables it creates. It
// returns the syntax findings of src.
func (c Catalog) AddSQL(file, src, profile string) diag.List {
	f, l := syntax.Parse(file, src)
	c.Add(f, profile)
	return l
}
