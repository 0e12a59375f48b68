package schema

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/project"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// sparkSrcModel loads, parses and models spark_src as the CLI does.
func sparkSrcModel(t testing.TB) *project.Model {
	t.Helper()
	root := repoRoot(t)
	proj, errs := load.LoadProject(filepath.Join(root, "spark_src"), load.Options{})
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
// compares names and types with the schemas real Spark gives the same
// project (cached in testdata/spark_table_schemas.json).
func TestSparkSrcSchemasMatchSpark(t *testing.T) {
	raw := sparkAnswer(t, "spark_table_schemas.json", func() []byte {
		return runPython(t, "table_schemas.py", filepath.Join(repoRoot(t), "spark_src"))
	})
	var want sparkSchemas
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	m := sparkSrcModel(t)
	got, errs := InferModel(m, repoRoot(t))
	for _, d := range errs {
		if d.Severity >= diag.Warning {
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
		var g, w []string
		for i, wc := range wcols {
			w = append(w, fmt.Sprintf("%v:%v", wc[0], wc[1]))
			cols++
			if i < len(gcols) {
				if fmt.Sprintf("%s:%s", gcols[i].Name, SimpleString(gcols[i].Spark)) == w[i] {
					colsOK++
				}
				if gcols[i].Nullable == wc[2] {
					nullOK++
				}
			}
		}
		for _, gc := range gcols {
			g = append(g, fmt.Sprintf("%s:%s", gc.Name, SimpleString(gc.Spark)))
		}
		if strings.Join(g, ", ") == strings.Join(w, ", ") {
			tablesOK++
			continue
		}
		for i := 0; i < max(len(g), len(w)); i++ {
			gs, ws := "-", "-"
			if i < len(g) {
				gs = g[i]
			}
			if i < len(w) {
				ws = w[i]
			}
			if gs != ws {
				t.Errorf("%s column %d: got %s, Spark %s", n, i+1, gs, ws)
			}
		}
	}
	t.Logf("Spark %s: %d/%d tables, %d/%d columns match by name and type; nullability agrees on %d/%d",
		want.Version, tablesOK, tables, colsOK, cols, nullOK, cols)
}
