// Package manifest is the record a migration keeps in its output folder,
// <out>/.c360-manifest.json, so that a re-run redoes only what changed and
// never overwrites a generated file that was edited by hand.
//
// Per table it records a key and what the run concluded: the status, the
// final residue (lint and dry-run findings included), the Flink version of
// the dry run, and the LLM's provenance and text. The key is a SHA-256 over
//
//   - Translator, a constant bumped when the meaning of a recorded verdict
//     changes (not the git version of the tool: a commit that changes no
//     rule must not redo every table, nor make `make check` differ);
//   - the table's Spark input after dbt expansion (result.Table.InputHash);
//   - the rules' output for the table (DDL, DML, raw inputs, key,
//     changelog, residue, notes), so a rule change that alters a table redoes
//     it even if nobody bumped Translator, and one that alters nothing
//     redoes nothing;
//   - the options that change the output (profile, product, DDL options,
//     env, region, the lint's rule set), as one string the caller gives;
//   - the keys of the tables it reads, so a change upstream redoes every
//     table downstream.
//
// A table whose key is unchanged is kept: its recorded verdict is put back
// on the fresh translation and neither the LLM nor the dry run sees it.
//
// For every file written the manifest records the SHA-256 of its bytes. A
// file whose bytes on disk no longer match was edited by hand: the writer
// keeps it (and keeps its recorded hash, so it stays detected) unless
// forced.
//
// The manifest lives beside pipelines/, not in it: `migrate --check`
// compares pipelines/ and the reports, which are the output; the manifest
// is the run's memory. Its bytes are deterministic (sorted keys, no times).
package manifest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// FileName is the manifest's name inside the output folder.
const FileName = ".c360-manifest.json"

// Format is the version of the file's layout.
const Format = 1

// Translator is part of every table's key. Bump it when what a recorded
// verdict means changes (a new status, a change to the dry run or the LLM
// loop); changes to the rules need no bump, the rules' output is hashed.
const Translator = "c360-migrate translator 1"

// Manifest is the record of the last run into an output folder.
type Manifest struct {
	Format     int               `json:"format"`
	Translator string            `json:"translator"`
	Tables     map[string]*Table `json:"tables"` // by Flink name
	// Files maps every file the tool wrote (slash path relative to the
	// output folder) to the SHA-256 of the bytes it wrote.
	Files map[string]string `json:"files"`
	// Pending maps the files a run was about to write to the SHA-256 of
	// their new bytes. A run records it before its first write and drops
	// it with the manifest it saves after the last one, so it is only
	// found after a run that was killed or failed in between: a file
	// holding either its recorded or its pending bytes is the tool's.
	Pending map[string]string `json:"pending,omitempty"`
}

// Table is what the last run concluded about one table.
type Table struct {
	Product string `json:"product"`
	Key     string `json:"key"`
	Input   string `json:"input"` // SHA-256 of the expanded Spark text
	Rules   string `json:"rules"` // SHA-256 of the rules' output
	// Deps are the keys of the tables it reads, by Flink name.
	Deps    map[string]string `json:"deps,omitempty"`
	Status  string            `json:"status"`
	DryRun  string            `json:"dry_run,omitempty"` // "Flink 2.1.1" when dry-run
	Residue []Finding         `json:"residue,omitempty"`
	// Notes are the streaming notes and lint warnings, so a run that
	// keeps every table needs no lint either.
	Notes []Finding `json:"notes,omitempty"`
	LLM   *LLM      `json:"llm,omitempty"`
}

// Finding is a residue entry as recorded.
type Finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Offset   int    `json:"offset,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule,omitempty"`
	Msg      string `json:"msg"`
}

// LLM is the LLM loop's provenance and the text it produced.
type LLM struct {
	Model    string `json:"model"`
	Attempts int    `json:"attempts"`
	Cached   bool   `json:"cached"`
	Notes    string `json:"notes,omitempty"`
	// DDLByLLM, DryRun and Errors are result.LLMProvenance's DDL, DryRun
	// and Errors.
	DDLByLLM bool     `json:"ddl_by_llm,omitempty"`
	DryRun   string   `json:"dry_run,omitempty"`
	Errors   []string `json:"errors,omitempty"`
	// Given is the residue the model was given (the lint's findings
	// among them, which a re-run that skips the lint does not recompute).
	Given []Finding `json:"given,omitempty"`
	DDL   string    `json:"ddl"`
	DML   string    `json:"dml"`
}

// New returns an empty manifest.
func New() *Manifest {
	return &Manifest{Format: Format, Translator: Translator, Tables: map[string]*Table{}, Files: map[string]string{}}
}

// Read reads outDir's manifest. A missing one is (nil, nil): the folder was
// never written by a version that keeps one.
func Read(outDir string) (*Manifest, error) {
	name := filepath.Join(outDir, FileName)
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m := New()
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: format %d, want %d", name, m.Format, Format)
	}
	if m.Tables == nil {
		m.Tables = map[string]*Table{}
	}
	if m.Files == nil {
		m.Files = map[string]string{}
	}
	return m, nil
}

// Marshal returns the manifest's bytes: indented JSON, keys sorted.
func (m *Manifest) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Hash returns the hex SHA-256 of data.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// RulesHash hashes what the rules produced for t. Call it on the fresh
// translation, before the lint, the LLM or the dry run change the table.
func RulesHash(t *result.Table) string {
	h := sha256.New()
	field := func(s string) {
		fmt.Fprintf(h, "%d:%s\n", len(s), s)
	}
	field(t.FlinkName)
	field(t.Layer)
	field(t.Product)
	field(t.SparkFile)
	field(string(t.Status))
	field(t.DDL)
	field(t.DML)
	field(t.Changelog)
	field(strings.Join(t.Key, ","))
	field(strings.Join(t.Deps, ","))
	for _, r := range t.Raw {
		field(r.Name)
		field(r.DDL)
		field(r.Insert)
	}
	for _, ds := range [][]*diag.Diagnostic{t.Residue, t.Notes} {
		field("--")
		for _, d := range ds {
			field(d.Error())
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Keys computes every table's key (see the package doc) in the run's
// order; options is the caller's canonical form of the options that
// change the output. Call it on the fresh translation.
func Keys(run *result.Run, options string) map[string]*Table {
	out := map[string]*Table{}
	for _, t := range run.Tables {
		rec := &Table{Product: t.Product, Input: t.InputHash, Rules: RulesHash(t)}
		h := sha256.New()
		fmt.Fprintf(h, "%s\n%s\n%s\n%s\n", Translator, options, rec.Input, rec.Rules)
		for _, d := range t.Deps {
			k := ""
			if dt := out[d]; dt != nil {
				k = dt.Key
			}
			if rec.Deps == nil {
				rec.Deps = map[string]string{}
			}
			rec.Deps[d] = k
			fmt.Fprintf(h, "dep %s %s\n", d, k)
		}
		rec.Key = hex.EncodeToString(h.Sum(nil))
		out[t.FlinkName] = rec
	}
	return out
}

// Kept returns the names of the tables whose key is the one recorded in
// prev, in the run's order: their recorded verdict still holds. A nil prev
// keeps none.
func Kept(prev *Manifest, run *result.Run, keys map[string]*Table) []string {
	if prev == nil || prev.Translator != Translator {
		return nil
	}
	var out []string
	for _, t := range run.Tables {
		if old, k := prev.Tables[t.FlinkName], keys[t.FlinkName]; old != nil && k != nil && old.Key == k.Key {
			out = append(out, t.FlinkName)
		}
	}
	return out
}

// Restore puts rec's verdict back on t, the fresh translation of a kept
// table: status, final residue and notes, and the LLM's text and
// provenance.
func Restore(t *result.Table, rec *Table) {
	rulesDDL, rulesDML, rulesResidue := t.DDL, t.DML, t.Residue
	t.Status = result.Status(rec.Status)
	t.Residue = findings(rec.Residue)
	t.Notes = findings(rec.Notes)
	if rec.LLM != nil {
		t.DDL, t.DML = rec.LLM.DDL, rec.LLM.DML
		t.LLM = &result.LLMProvenance{Model: rec.LLM.Model, Attempts: rec.LLM.Attempts, Cached: rec.LLM.Cached,
			Notes: rec.LLM.Notes, DDL: rec.LLM.DDLByLLM, DryRun: rec.LLM.DryRun, Errors: rec.LLM.Errors,
			RulesDDL: rulesDDL, RulesDML: rulesDML, Residue: rulesResidue}
		if rec.LLM.Given != nil {
			t.LLM.Residue = findings(rec.LLM.Given)
		}
	}
}

// Record completes key, the table's key from Keys, with t's final verdict;
// dryRun is the Flink the table was dry-run on ("" if it was not).
func Record(key *Table, t *result.Table, dryRun string) *Table {
	rec := *key
	rec.Status = string(t.Status)
	rec.DryRun = dryRun
	rec.Residue = record(t.Residue)
	rec.Notes = record(t.Notes)
	if t.LLM != nil {
		rec.LLM = &LLM{Model: t.LLM.Model, Attempts: t.LLM.Attempts, Cached: t.LLM.Cached, Notes: t.LLM.Notes,
			DDLByLLM: t.LLM.DDL, DryRun: t.LLM.DryRun, Errors: t.LLM.Errors, Given: record(t.LLM.Residue),
			DDL: t.DDL, DML: t.DML}
	}
	return &rec
}

func record(ds []*diag.Diagnostic) []Finding {
	var out []Finding
	for _, d := range ds {
		out = append(out, Finding{File: d.File, Line: d.Line, Col: d.Col, Offset: d.Offset,
			Severity: d.Severity.String(), Rule: d.Rule, Msg: d.Msg})
	}
	return out
}

func findings(fs []Finding) []*diag.Diagnostic {
	var out []*diag.Diagnostic
	for _, f := range fs {
		out = append(out, &diag.Diagnostic{
			Position: token.Position{File: f.File, Pos: token.Pos{Offset: f.Offset, Line: f.Line, Col: f.Col}},
			Severity: parseSeverity(f.Severity), Rule: f.Rule, Msg: f.Msg,
		})
	}
	return out
}

func parseSeverity(s string) diag.Severity {
	switch s {
	case "error":
		return diag.Error
	case "warning":
		return diag.Warning
	}
	return diag.Info
}

// HandEdited reports whether the file rel (slash path relative to the
// output folder), holding data, differs from what the tool wrote there
// (or was about to write, see Pending): edited by hand, or created by hand
// where no file was recorded. A nil manifest knows of no hand edits.
func (m *Manifest) HandEdited(rel string, data []byte) bool {
	if m == nil {
		return false
	}
	h := Hash(data)
	return m.Files[rel] != h && m.Pending[rel] != h
}

// Products returns the products of the recorded tables, sorted.
func (m *Manifest) Products() []string {
	seen := map[string]bool{}
	for _, t := range m.Tables {
		seen[t.Product] = true
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
