package load

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestProjectGolden loads each test project and compares a readable dump
// of every file (config, refs, expanded text, statements with their
// original positions) and the diagnostics with testdata/golden/<name>.txt.
func TestProjectGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"dbt", Options{}},
		{"dbt_prod", Options{Target: "prod", Vars: map[string]string{"min_amount": "0", "currency": "usd"}}},
		{"spark", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := strings.TrimSuffix(tc.name, "_prod")
			p, errs := LoadProject(filepath.Join("testdata", dir), tc.opts)
			got := dumpProject(p, errs, tc.opts.Dialect)
			golden := filepath.Join("testdata", "golden", tc.name+".txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs (run go test -update to accept):\n%s", golden, lineDiff(string(want), got))
			}
		})
	}
}

func dumpProject(p *Project, errs diag.List, d token.Dialect) string {
	var b strings.Builder
	for _, f := range p.Files {
		fmt.Fprintf(&b, "=== %s (dbt=%v)\n", f.Path, f.IsDbt)
		if len(f.Config) > 0 {
			keys := make([]string, 0, len(f.Config))
			for k := range f.Config {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(&b, "config %s = %q\n", k, f.Config[k])
			}
		}
		for _, r := range f.Refs {
			fmt.Fprintf(&b, "%s %s at %v\n", r.Kind, strings.Join(r.Args, "."), r.Pos)
		}
		b.WriteString("--- expanded\n")
		b.WriteString(f.Expanded)
		if !strings.HasSuffix(f.Expanded, "\n") {
			b.WriteString("\n")
		}
		b.WriteString("--- statements\n")
		for _, pc := range Split(f.Expanded, d) {
			first, _, _ := strings.Cut(pc.Text, "\n")
			kind := ""
			if pc.CommentOnly {
				kind = " (comments)"
			}
			fmt.Fprintf(&b, "%v%s: %s\n", f.MapPos(pc.Start), kind, first)
		}
	}
	b.WriteString("=== diagnostics\n")
	b.WriteString(errs.String())
	return b.String()
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n-want %q\n+got  %q", i+1, wl, gl)
		}
	}
	return "(same lines)"
}

// TestProjectLayout checks which files become models.
func TestProjectLayout(t *testing.T) {
	p, _ := LoadProject(filepath.Join("testdata", "dbt"), Options{})
	var paths []string
	for _, f := range p.Files {
		paths = append(paths, f.Path)
	}
	want := []string{
		"models/broken/bad_model.sql",
		"models/marts/dim_customers.sql",
		"models/marts/fct_orders.sql",
		"models/staging/stg_customers.sql",
		"models/staging/stg_orders.sql",
	}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("models = %v, want %v", paths, want)
	}
	if p.Root != filepath.Join("testdata", "dbt") {
		t.Errorf("Root = %q", p.Root)
	}
}

// TestProjectBadFileDoesNotStopOthers checks that the broken model's
// errors are reported while the other models expand cleanly.
func TestProjectBadFileDoesNotStopOthers(t *testing.T) {
	p, errs := LoadProject(filepath.Join("testdata", "dbt"), Options{})
	if !errs.HasErrors() {
		t.Fatal("want errors from models/broken/bad_model.sql")
	}
	for _, e := range errs {
		if e.File != "models/broken/bad_model.sql" {
			t.Errorf("unexpected error outside the broken model: %v", e)
		}
		if !e.Pos.IsValid() {
			t.Errorf("error without a position: %v", e)
		}
	}
	for _, f := range p.Files {
		if f.Path != "models/broken/bad_model.sql" && strings.Contains(f.Expanded, "{{") {
			t.Errorf("%s not expanded", f.Path)
		}
	}
}

func TestProjectMissingDir(t *testing.T) {
	p, errs := LoadProject(filepath.Join("testdata", "does-not-exist"), Options{})
	if len(p.Files) != 0 || len(errs) == 0 {
		t.Fatalf("files = %d, errs = %v", len(p.Files), errs)
	}
}

// TestProjectDuplicateMacro checks that a macro defined twice in macros/
// is reported at its second definition.
func TestProjectDuplicateMacro(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("macros/a.sql", "{% macro m() %}a{% endmacro %}")
	write("macros/b.sql", "\n{% macro m() %}b{% endmacro %}{% if %}")
	write("models/x.sql", "SELECT '{{ m() }}'")
	p, errs := LoadProject(dir, Options{})
	want := "macros/b.sql:2:1: error: macro \"m\" is already defined in macros/a.sql:1:1\n" +
		"macros/b.sql:2:31: error: unclosed {% if %}: expected {% endif %}\n" +
		"macros/b.sql:2:37: error: expected an expression, found end of tag\n"
	if errs.String() != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs.String(), want)
	}
	if len(p.Files) != 1 || p.Files[0].Expanded != "SELECT 'a'" {
		t.Errorf("files = %+v", p.Files)
	}
}
