package lint_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/lint"
)

var update = flag.Bool("update", false, "update golden files (RULES.md, testdata/*.golden, testdata/*.sarif)")

// golden compares got with the file, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date (run go test ./validate/lint -update); got:\n%s", name, got)
	}
}

// TestRulesDoc keeps RULES.md equal to the rule registry.
func TestRulesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Lint rules\n\n")
	b.WriteString("Generated from the rule registry (validate/lint/rules.go) by\n`go test ./validate/lint -run TestRulesDoc -update`; do not edit.\n\n")
	b.WriteString("`c360-migrate lint FLINK_DIR` runs them over a migration's output; each finding\nprints as `file:line:col: severity: [rule] message; fix: hint`.\n\n")
	b.WriteString("| rule | severity | what |\n|---|---|---|\n")
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, strings.ReplaceAll(r.ID, ".", ""), r.Severity, r.Title)
	}
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "\n## %s\n\n**%s.** Default severity: %s.\n\n%s\n\n**Fix:** %s\n", r.ID, r.Title, r.Severity, r.Doc, r.Fix)
	}
	golden(t, "RULES.md", []byte(b.String()))
}

func lintTestdata(t *testing.T) *lint.Report {
	t.Helper()
	rep, err := lint.LintDir(filepath.Join("testdata", "out"), "")
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestLintDirGolden(t *testing.T) {
	rep := lintTestdata(t)
	out := filepath.ToSlash(rep.Findings.String()) + rep.Summary() + "\n"
	golden(t, filepath.Join("testdata", "out.golden"), []byte(out))
}

func TestSARIFGolden(t *testing.T) {
	rep := lintTestdata(t)
	var b bytes.Buffer
	if err := lint.WriteSARIF(&b, rep.Findings, lint.SARIFOptions{BaseDir: "."}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, b.Bytes(), len(rep.Findings))
	golden(t, filepath.Join("testdata", "out.sarif"), b.Bytes())
}

func TestSARIFUnknownRuleAndNoPosition(t *testing.T) {
	var l diag.List
	l.Add("x.sql", zeroPos, diag.Error, "", "cannot read")
	l.Add("/elsewhere/y.sql", pos(3, 4), diag.Warning, "dryrun.explain", "planner says no")
	var b bytes.Buffer
	if err := lint.WriteSARIF(&b, l, lint.SARIFOptions{BaseDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, b.Bytes(), 2)
}

// validateSARIF checks the fields SARIF 2.1.0 requires, and those GitHub
// code scanning reads, on the decoded JSON.
func validateSARIF(t *testing.T, data []byte, results int) {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	str := func(m any, path ...string) string {
		for _, p := range path {
			mm, ok := m.(map[string]any)
			if !ok {
				return ""
			}
			m = mm[p]
		}
		s, _ := m.(string)
		return s
	}
	num := func(m any, path ...string) float64 {
		for _, p := range path {
			mm, ok := m.(map[string]any)
			if !ok {
				return 0
			}
			m = mm[p]
		}
		f, _ := m.(float64)
		return f
	}
	if log["version"] != "2.1.0" || str(log, "$schema") == "" {
		t.Fatalf("version/$schema: %v %v", log["version"], log["$schema"])
	}
	runs, _ := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("want 1 run, got %d", len(runs))
	}
	run := runs[0]
	if str(run, "tool", "driver", "name") != "c360-migrate" {
		t.Errorf("tool.driver.name = %q", str(run, "tool", "driver", "name"))
	}
	driver := run.(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
	rules, _ := driver["rules"].([]any)
	ids := map[string]int{}
	for i, r := range rules {
		id := str(r, "id")
		if id == "" || str(r, "shortDescription", "text") == "" || str(r, "fullDescription", "text") == "" || str(r, "help", "text") == "" {
			t.Errorf("rule %d lacks id/shortDescription/fullDescription/help: %v", i, r)
		}
		switch str(r, "defaultConfiguration", "level") {
		case "error", "warning", "note":
		default:
			t.Errorf("rule %s: bad default level", id)
		}
		ids[id] = i
	}
	res, ok := run.(map[string]any)["results"].([]any)
	if !ok || len(res) != results {
		t.Fatalf("want %d results, got %d", results, len(res))
	}
	for i, r := range res {
		id := str(r, "ruleId")
		idx, known := ids[id]
		if !known || int(num(r, "ruleIndex")) != idx {
			t.Errorf("result %d: ruleId %q / ruleIndex %v do not match a rule", i, id, num(r, "ruleIndex"))
		}
		switch str(r, "level") {
		case "error", "warning", "note":
		default:
			t.Errorf("result %d: bad level %q", i, str(r, "level"))
		}
		if str(r, "message", "text") == "" {
			t.Errorf("result %d: no message.text", i)
		}
		locs, _ := r.(map[string]any)["locations"].([]any)
		if len(locs) != 1 {
			t.Fatalf("result %d: want 1 location", i)
		}
		pl := locs[0].(map[string]any)["physicalLocation"]
		uri := str(pl, "artifactLocation", "uri")
		if uri == "" || strings.Contains(uri, `\`) {
			t.Errorf("result %d: bad uri %q", i, uri)
		}
		if str(pl, "artifactLocation", "uriBaseId") != "" && strings.HasPrefix(uri, "/") {
			t.Errorf("result %d: uri %q with a base id must be relative", i, uri)
		}
		if region, ok := pl.(map[string]any)["region"]; ok {
			if num(region, "startLine") < 1 || num(region, "startColumn") < 1 {
				t.Errorf("result %d: region %v", i, region)
			}
		}
	}
}

var zeroPos token.Pos

func pos(line, col int) token.Pos { return token.Pos{Line: line, Col: col} }
