package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// Inventory is pipelines/inventory.json: every table with its layer,
// product, folder and files. Paths are relative to the output directory.
type Inventory struct {
	Product string `json:"product"`
	Profile string `json:"profile"`
	// Order lists the Flink tables in dependency order: deploy in this order.
	Order  []string                   `json:"deploy_order"`
	Tables map[string]*InventoryEntry `json:"tables"` // by Flink name
}

// InventoryEntry is one table of the inventory.
type InventoryEntry struct {
	SparkName  string   `json:"spark_name"`
	SparkFile  string   `json:"spark_file"`
	Layer      string   `json:"layer"`
	Product    string   `json:"product"`
	Folder     string   `json:"folder"`
	Status     string   `json:"status"`
	Complete   bool     `json:"complete"` // false: the DML must not be deployed
	Changelog  string   `json:"changelog_mode"`
	Key        []string `json:"primary_key"`
	DependsOn  []string `json:"depends_on"`
	DDL        string   `json:"ddl"`
	DML        string   `json:"dml"`
	Makefile   string   `json:"makefile"`
	Tracking   string   `json:"tracking"`
	Tests      []string `json:"tests"`
	Statements struct {
		DDL string `json:"ddl"`
		DML string `json:"dml"`
	} `json:"statements"`
	Residue int `json:"residue"`
	Notes   int `json:"notes"`
	// LLM is how the LLM loop produced the table, or why it failed.
	LLM *result.LLMProvenance `json:"llm,omitempty"`
}

func inventoryJSON(run *result.Run, ls []*layout, o Options) ([]byte, error) {
	inv := &Inventory{Product: run.Product, Profile: run.Profile, Order: []string{}, Tables: map[string]*InventoryEntry{}}
	for _, l := range ls {
		t := l.t
		e := &InventoryEntry{
			SparkName: t.SparkName,
			SparkFile: t.SparkFile,
			Layer:     t.Layer,
			Product:   l.product,
			Folder:    l.folder,
			Status:    string(t.Status),
			Complete:  Complete(t.Status),
			Changelog: t.Changelog,
			Key:       nonNil(t.Key),
			DependsOn: nonNil(t.Deps),
			DDL:       path.Join(l.folder, ddlFile(t.FlinkName)),
			DML:       path.Join(l.folder, dmlFile(t.FlinkName)),
			Makefile:  path.Join(l.folder, makefileName),
			Tracking:  path.Join(l.folder, trackingName),
			Tests:     []string{},
			Residue:   len(t.Residue),
			Notes:     len(t.Notes),
			LLM:       t.LLM,
		}
		for _, r := range t.Raw {
			e.Tests = append(e.Tests, path.Join(l.folder, rawDDLFile(r.Name)), path.Join(l.folder, rawInsFile(r.Name)))
		}
		e.Statements.DDL, e.Statements.DML = l.ddlStmt, l.dmlStmt
		inv.Tables[t.FlinkName] = e
		inv.Order = append(inv.Order, t.FlinkName)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(inv); err != nil { // maps are encoded with sorted keys
		return nil, err
	}
	return b.Bytes(), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// previousFolders returns the table folders listed by an earlier
// inventory.json, keeping only paths that lie inside pipelines/. A missing
// or unreadable inventory lists none.
func previousFolders(fsys FS, name string) []string {
	data, err := fsys.ReadFile(name)
	if err != nil {
		return nil
	}
	var inv Inventory
	if json.Unmarshal(data, &inv) != nil {
		return nil
	}
	var out []string
	for _, e := range inv.Tables {
		f := e.Folder
		if f == "" || path.Clean(f) != f || !strings.HasPrefix(f, Pipelines+"/") || strings.Contains(f, "..") {
			continue
		}
		if len(strings.Split(f, "/")) != 4 { // pipelines/<layer>/<product>/<folder>
			continue
		}
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// sortedFindings returns a copy of ds ordered by file and position.
func sortedFindings(ds []*diag.Diagnostic) []*diag.Diagnostic {
	out := make(diag.List, 0, len(ds))
	for _, d := range ds {
		if d != nil {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// findingText prints a finding as "file:line:col [rule] message".
func findingText(d *diag.Diagnostic) string {
	s := d.Position.String()
	if d.Rule != "" {
		s += " [" + d.Rule + "]"
	}
	return s + " " + d.Msg
}

// ReadInventory reads outDir/pipelines/inventory.json, the map of a
// generated project that every later stage (lint, dry run, plan, deploy)
// starts from.
func ReadInventory(outDir string) (*Inventory, error) {
	name := filepath.Join(outDir, Pipelines, "inventory.json")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s is not a c360-migrate Flink project: %w", outDir, err)
	}
	var inv Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(inv.Tables) == 0 {
		return nil, fmt.Errorf("%s: no tables", name)
	}
	return &inv, nil
}

// DeployOrder is the inventory's deploy order, then any table it does not
// list, by name.
func (inv *Inventory) DeployOrder() []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range inv.Order {
		if _, ok := inv.Tables[n]; ok && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	var rest []string
	for n := range inv.Tables {
		if !seen[n] {
			rest = append(rest, n)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
