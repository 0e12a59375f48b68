package schema

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// sparkSrcModel loads, parses and models spark_src as the CLI does.
func sparkSrcModel(t testing.TB) *project.Model {
	return loadModel(t, filepath.Join(repoRoot(t), "spark_src"))
}

// loadModel loads, parses and models a project folder.
func loadModel(t testing.TB, dir string) *project.Model {
	t.Helper()
	proj, errs := load.LoadProject(dir, load.Options{})
	if errs.HasErrors() {
		t.Fatalf("load: %v", errs)
	}
	var files []*project.File
	for _, sf := range proj.Files {
		f, perrs := parser.ParseFile(sf.Path, sf.Expanded, token.Spark)
		if perrs.HasErrors() {
			t.Fatalf("parse: %v", perrs)
		}
		files = append(files, &project.File{Path: sf.Path, Stmts: f.Stmts, Config: sf.Config, IsDbt: sf.IsDbt})
	}
	m, merrs := project.Build(files, project.Options{Product: "c360"})
	if merrs.HasErrors() {
		t.Fatalf("model: %v", merrs)
	}
	return m
}

// sparkSchemas is table_schemas.py's answer.
type sparkSchemas struct {
	Version string             `json:"spark_version"`
	Tables  map[string][][]any `json:"tables"`
}

// TestSparkSrcSchemasMatchSpark infers every table of spark_src and
// compares names, types and nullability with the schemas real Spark gives
// the same project (cached in testdata/spark_table_schemas.json).
func TestSparkSrcSchemasMatchSpark(t *testing.T) {
	checkProject(t, "spark_src", "spark_table_schemas.json", nil)
}

// TestTypingMatchesSpark does the same on testdata/typing, a project of
// views written to exercise Spark's typing rules one expression per column.
func TestTypingMatchesSpark(t *testing.T) {
	checkProject(t, "translate/schema/testdata/typing", "spark_typing_schemas.json", map[string]bool{RuleUnnamed: true})
}

// checkProject infers the tables of a project (dir relative to the
// repository root) and compares them with table_schemas.py's answer.
// Diagnostics other than the allowed rules fail the test.
func checkProject(t *testing.T, dir, answer string, allowed map[string]bool) {
	root := repoRoot(t)
	raw := sparkAnswer(t, answer, func() []byte {
		return runPython(t, "table_schemas.py", filepath.Join(root, dir))
	})
	var want sparkSchemas
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	m := loadModel(t, filepath.Join(root, dir))
	got, errs := InferModel(m, root)
	for _, d := range errs {
		if d.Severity >= diag.Warning && !allowed[d.Rule] {
			t.Errorf("diagnostic: %v", d)
		}
	}
	names := make([]string, 0, len(want.Tables))
	for n := range want.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	var tables, tablesOK, cols, colsOK, nullOK int
	for _, n := range names {
		tables++
		wcols := want.Tables[n]
		gcols, ok := got.Tables[n]
		if !ok {
			t.Errorf("%s: not inferred", n)
			continue
		}
		same := len(gcols) == len(wcols)
		for i, wc := range wcols {
			cols++
			w := fmt.Sprintf("%v:%v", wc[0], wc[1])
			g := "-"
			if i < len(gcols) {
				g = fmt.Sprintf("%s:%s", gcols[i].Name, SimpleString(gcols[i].Spark))
				if gcols[i].Nullable == wc[2] {
					nullOK++
				} else {
					t.Logf("%s.%s: nullable %v, Spark %v", n, gcols[i].Name, gcols[i].Nullable, wc[2])
				}
			}
			if g == w {
				colsOK++
				continue
			}
			same = false
			t.Errorf("%s column %d: got %s, Spark %s", n, i+1, g, w)
		}
		for i := len(wcols); i < len(gcols); i++ {
			t.Errorf("%s column %d: got %s:%s, Spark has none", n, i+1, gcols[i].Name, SimpleString(gcols[i].Spark))
		}
		if same {
			tablesOK++
		}
	}
	t.Logf("Spark %s: %d/%d tables, %d/%d columns match by name and type; nullability agrees on %d/%d",
		want.Version, tablesOK, tables, colsOK, cols, nullOK, cols)
}
