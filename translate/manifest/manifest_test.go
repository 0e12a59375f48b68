package manifest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/emit/emittest"
	"github.com/c360-migrate/c360-migrate/translate/manifest"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// TestKeys: what a table's key depends on, and what it does not.
func TestKeys(t *testing.T) {
	const opts = "profile=confluent"
	base := manifest.Keys(emittest.Run(), opts)
	cases := []struct {
		name    string
		change  func(*result.Run)
		options string
		redo    []string // tables whose key changes
	}{
		{name: "nothing changed"},
		{name: "input of the source changed: it and everything downstream",
			change: func(r *result.Run) { r.Tables[0].InputHash = "other" },
			redo:   []string{"src_c360_customers", "c360_dim_customers", "customer_analytics_c360"}},
		{name: "rules output of the view changed: only the view",
			change: func(r *result.Run) { r.Tables[2].DML += "-- x\n" },
			redo:   []string{"customer_analytics_c360"}},
		{name: "a new note changes the rules' output",
			change: func(r *result.Run) {
				r.Tables[1].Notes = append(r.Tables[1].Notes, &diag.Diagnostic{Msg: "new"})
			},
			redo: []string{"c360_dim_customers", "customer_analytics_c360"}},
		{name: "options changed: everything", options: "profile=oss",
			redo: []string{"src_c360_customers", "c360_dim_customers", "customer_analytics_c360"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			run := emittest.Run()
			if tc.change != nil {
				tc.change(run)
			}
			o := opts
			if tc.options != "" {
				o = tc.options
			}
			keys := manifest.Keys(run, o)
			var redo []string
			for _, tb := range run.Tables {
				if keys[tb.FlinkName].Key != base[tb.FlinkName].Key {
					redo = append(redo, tb.FlinkName)
				}
			}
			if !reflect.DeepEqual(redo, tc.redo) {
				t.Errorf("redone %v, want %v", redo, tc.redo)
			}
			prev := manifest.New()
			for n, k := range base {
				prev.Tables[n] = k
			}
			if kept := manifest.Kept(prev, run, keys); len(kept)+len(redo) != len(run.Tables) {
				t.Errorf("kept %v and redone %v do not cover the %d tables", kept, redo, len(run.Tables))
			}
		})
	}
}

// TestRecordRestore: a kept table gets back the verdict recorded, the
// LLM's text and provenance included, through the file's bytes.
func TestRecordRestore(t *testing.T) {
	run := emittest.Run()
	keys := manifest.Keys(run, "")
	done := run.Tables[1]
	rulesDML := done.DML
	done.Status = result.LLM
	done.DML = "INSERT INTO x SELECT 1;\n"
	done.LLM = &result.LLMProvenance{Model: "qwen", Attempts: 2, DryRun: "Flink 2.1.1", Errors: []string{"dml.x.sql:1:8: Flink 2.1.1 rejects it"},
		Residue: []*result.Finding{{Severity: diag.Error, Rule: "lint.over-order", Msg: "ordered by a data column"}}}
	done.Residue = nil
	view := run.Tables[2]
	view.Residue = append(view.Residue, &diag.Diagnostic{Severity: diag.Error, Rule: "dryrun.plan", Msg: "Flink rejects it"})
	view.Status = result.NeedsLLM

	m := manifest.New()
	for _, tb := range run.Tables {
		m.Tables[tb.FlinkName] = manifest.Record(keys[tb.FlinkName], tb, "Flink 2.1.1")
	}
	m.Files["pipelines/common.mk"] = manifest.Hash([]byte("x"))
	dir := t.TempDir()
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := m.Marshal()
	if !bytes.Equal(data, again) {
		t.Fatal("Marshal is not deterministic")
	}
	if err := os.WriteFile(filepath.Join(dir, manifest.FileName), data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := manifest.Read(dir)
	if err != nil {
		t.Fatal(err)
	}

	fresh := emittest.Run() // what the rules give again
	for _, tb := range fresh.Tables {
		manifest.Restore(tb, got.Tables[tb.FlinkName])
	}
	if d := fresh.Tables[1]; d.Status != result.LLM || d.DML != "INSERT INTO x SELECT 1;\n" || d.LLM == nil ||
		d.LLM.Model != "qwen" || d.LLM.Attempts != 2 || d.LLM.DryRun != "Flink 2.1.1" || len(d.LLM.Errors) != 1 || d.LLM.RulesDML != rulesDML ||
		len(d.LLM.Residue) != 1 || d.LLM.Residue[0].Rule != "lint.over-order" || len(d.Residue) != 0 {
		t.Errorf("LLM table restored as %+v", d)
	}
	v := fresh.Tables[2]
	if v.Status != result.NeedsLLM || len(v.Residue) != len(view.Residue) || v.Residue[len(v.Residue)-1].Error() != view.Residue[len(view.Residue)-1].Error() {
		t.Errorf("dry-run verdict not restored: %s %v", v.Status, v.Residue)
	}
	if got.Tables["c360_dim_customers"].DryRun != "Flink 2.1.1" {
		t.Errorf("dry run not recorded")
	}
}

// TestReadMissing: a folder without a manifest has none, and no error.
func TestReadMissing(t *testing.T) {
	m, err := manifest.Read(t.TempDir())
	if m != nil || err != nil {
		t.Errorf("Read = %v, %v; want nil, nil", m, err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, manifest.FileName), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := manifest.Read(dir); err == nil {
		t.Error("a broken manifest reads without error")
	}
}

// TestHandEdited: a file is the tool's when it holds its recorded bytes or
// the bytes an interrupted run was about to write (Pending); anything else,
// and a file where none was recorded, is the user's.
func TestHandEdited(t *testing.T) {
	m := manifest.New()
	m.Files["a.sql"] = manifest.Hash([]byte("old"))
	m.Pending = map[string]string{"a.sql": manifest.Hash([]byte("new"))}
	tests := []struct {
		rel, data string
		want      bool
	}{
		{"a.sql", "old", false},
		{"a.sql", "new", false},
		{"a.sql", "edited", true},
		{"NOTES.md", "mine", true},
	}
	for _, tt := range tests {
		if got := m.HandEdited(tt.rel, []byte(tt.data)); got != tt.want {
			t.Errorf("HandEdited(%s, %q) = %v, want %v", tt.rel, tt.data, got, tt.want)
		}
	}
	var none *manifest.Manifest
	if none.HandEdited("a.sql", []byte("edited")) {
		t.Error("a nil manifest knows of no hand edits")
	}
}
