package load

import (
	"os"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// seedSources returns the SQL files of the test projects, for fuzz seeds
// and benchmarks.
func seedSources(tb testing.TB) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(p)] = string(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// fuzzEnv is an env with small limits, so that each fuzz input runs fast,
// and the test project's macros.
func fuzzEnv(tb testing.TB) *env {
	e := newEnv(Options{Vars: testVars})
	e.limits = limits{maxOutput: 1 << 16, maxItems: 1 << 12, maxSteps: 20_000, maxCallDepth: 20, maxErrors: 20}
	for path, src := range seedSources(tb) {
		if strings.Contains(path, "/macros/") {
			var l diag.List
			e.addMacros(path, src, &l)
		}
	}
	return e
}

// FuzzExpand checks that no input makes the expander panic or hang, that
// every error has a position inside the file, and that the position map
// is consistent: copied bytes map to equal bytes, expansions to a tag.
func FuzzExpand(f *testing.F) {
	for _, src := range seedSources(f) {
		f.Add(src)
	}
	f.Add("{% for a, b in [(1, 2)] %}{{ a ~ b | upper }}{% endfor %}")
	f.Add("{% macro m(x='{{') %}{{ x }}{% endmacro %}{{ m() }}{{ m(x=[1,{'a':2}]) }}")
	f.Add("{%- if x is defined -%}{{ x | default('d') }}{% elif 1 %}{% else %}{% endif %}")
	f.Add("{% raw %}{{ x }}{% endraw %}{# c #}{{ 'a' if true else 'b' }}")
	e := fuzzEnv(f)
	f.Fuzz(func(t *testing.T, src string) {
		var errs diag.List
		file := e.expand("models/fuzz.sql", src, &errs)
		for _, d := range errs {
			if !d.Pos.IsValid() || d.Pos.Offset > len(src) {
				if d.File == "models/fuzz.sql" {
					t.Fatalf("error with a bad position: %v", d)
				}
			}
		}
		if !file.IsDbt {
			if file.Expanded != src || file.segs != nil {
				t.Fatal("file without Jinja changed")
			}
			return
		}
		checkCopiedBytes(t, file)
	})
}

// FuzzSplit checks that Split never panics, that every piece is the slice
// of the input its Start names, and that pieces come in order without
// overlapping.
func FuzzSplit(f *testing.F) {
	for _, src := range seedSources(f) {
		f.Add(src, false)
	}
	f.Add("SELECT 'a;b' /* ; /* ; */ */; `x;y`; {{ ';' }} {# ; #}; -- ;\n", false)
	f.Add("SELECT 'a''b'; \"c\"; r'\\'; x", true)
	f.Fuzz(func(t *testing.T, src string, flink bool) {
		d := token.Spark
		if flink {
			d = token.Flink
		}
		end := 0
		for i, p := range Split(src, d) {
			o := p.Start.Offset
			if o < end || o+len(p.Text) > len(src) || src[o:o+len(p.Text)] != p.Text {
				t.Fatalf("piece %d %q at %v is not the input's text there", i, p.Text, p.Start)
			}
			if p.Text == "" || strings.Trim(p.Text, " \t\r\n\f\v") != p.Text { // SQL white space is ASCII
				t.Fatalf("piece %d %q is empty or not trimmed", i, p.Text)
			}
			if want := posAt(src, o); want != p.Start {
				t.Fatalf("piece %d Start = %+v, want %+v", i, p.Start, want)
			}
			end = o + len(p.Text)
		}
	})
}

// BenchmarkExpand measures expansion throughput on the test projects'
// models, with their macros.
func BenchmarkExpand(b *testing.B) {
	e := newEnv(Options{})
	models := map[string]string{}
	total := 0
	for path, src := range seedSources(b) {
		if strings.Contains(path, "/macros/") {
			var l diag.List
			e.addMacros(path, src, &l)
			continue
		}
		models[path] = src
		total += len(src)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		for path, src := range models {
			var l diag.List
			e.expand(path, src, &l)
		}
	}
}

// BenchmarkExpandLarge measures one large generated model: many ref()s,
// loops and macro calls.
func BenchmarkExpandLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{% macro col(c, p='t.') %}{{ p }}{{ c | lower }}{% endmacro %}\n")
	for i := 0; i < 500; i++ {
		sb.WriteString("SELECT {% for c in ['A', 'B', 'C'] %}{{ col(c) }}{% if not loop.last %}, {% endif %}{% endfor %}\n")
		sb.WriteString("FROM {{ ref('model_x') }} t WHERE d > '{{ var('d', '2024-01-01') }}'; -- plain text line\n")
	}
	src := sb.String()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Expand("models/large.sql", src, Options{})
	}
}

// BenchmarkSplit measures statement splitting.
func BenchmarkSplit(b *testing.B) {
	src := strings.Repeat("SELECT 'a;b', `c` FROM t /* x; */ WHERE y = 1; -- c\n", 2000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Split(src, token.Spark)
	}
}
