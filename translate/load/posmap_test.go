package load

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// TestMapPos maps positions of the expanded text back to the original:
// each row names a needle in Expanded (its nth occurrence) and the line
// and column it must map to in Original.
func TestMapPos(t *testing.T) {
	src := "{{ config(materialized='table') }}\n" + // line 1
		"SELECT id,\n" + // line 2
		"  {{ cols(['a', 'b']) }}\n" + // line 3
		"FROM {{ ref('orders') }} o\n" + // line 4
		"{%- for r in ['x', 'y'] %}\n" + // line 5
		"JOIN {{ r }} USING (id)\n" + // line 6
		"{%- endfor %}\n" + // line 7
		"WHERE d > {{ var('d', '2024') }}\n" + // line 8
		"{% macro cols(cs) %}{{ cs | join(', ') }}{% endmacro %}"
	f, errs := Expand("m.sql", src, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	wantExpanded := "\nSELECT id,\n  a, b\nFROM orders o\nJOIN x USING (id)\nJOIN y USING (id)\nWHERE d > 2024\n"
	if f.Expanded != wantExpanded {
		t.Fatalf("Expanded = %q", f.Expanded)
	}
	tests := []struct {
		needle    string
		nth       int
		line, col int
	}{
		{"SELECT", 0, 2, 1},
		{"id,", 0, 2, 8},
		{"a, b", 0, 3, 3},   // macro output: the {{ of the call
		{", b", 0, 3, 3},    // inside the macro output too
		{"FROM", 0, 4, 1},   // copied
		{"orders", 0, 4, 6}, // ref: the {{
		{" o\n", 0, 4, 25},  // copied, after the expansion
		{"JOIN", 0, 6, 1},   // loop body, first iteration
		{"JOIN", 1, 6, 1},   // loop body, second iteration
		{"x", 0, 6, 6},
		{"y", 0, 6, 6},
		{"USING", 1, 6, 14},
		{"WHERE", 0, 8, 1},
		{"2024", 0, 8, 11},
	}
	for _, tt := range tests {
		off := nthIndex(f.Expanded, tt.needle, tt.nth)
		if off < 0 {
			t.Fatalf("%q not in Expanded", tt.needle)
		}
		got := f.MapPos(posAt(f.Expanded, off))
		if got.Line != tt.line || got.Col != tt.col {
			t.Errorf("MapPos(%q #%d) = %v, want %d:%d", tt.needle, tt.nth, got, tt.line, tt.col)
		}
		if want := posAt(src, got.Offset); want != got {
			t.Errorf("MapPos(%q) = %+v, inconsistent with its offset (%+v)", tt.needle, got, want)
		}
	}
	checkCopiedBytes(t, f)
}

// checkCopiedBytes checks that every byte of a copied segment equals the
// original byte it maps to, and that expansions map onto a "{".
func checkCopiedBytes(t *testing.T, f *SourceFile) {
	t.Helper()
	for i, s := range f.segs {
		end := len(f.Expanded)
		if i+1 < len(f.segs) {
			end = f.segs[i+1].out
		}
		for off := s.out; off < end; off++ {
			p := f.MapPos(token.Pos{Offset: off, Line: 1, Col: 1})
			if s.copy && f.Original[p.Offset] != f.Expanded[off] {
				t.Fatalf("copied byte %d (%q) maps to %d (%q)", off, f.Expanded[off], p.Offset, f.Original[p.Offset])
			}
			if !s.copy && f.Original[p.Offset] != '{' {
				t.Fatalf("expanded byte %d maps to %d (%q), not to a tag", off, p.Offset, f.Original[p.Offset])
			}
		}
	}
}

func nthIndex(s, sub string, n int) int {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if n == 0 {
			return off + i
		}
		n--
		off += i + 1
	}
}

func posAt(s string, off int) token.Pos { return newLineIndex(s).pos(off) }

func TestMapPosIdentityWithoutJinja(t *testing.T) {
	src := "SELECT 1;\nSELECT {x} FROM t"
	f, errs := Expand("plain.sql", src, Options{})
	if len(errs) > 0 || f.IsDbt || f.Expanded != src {
		t.Fatalf("IsDbt = %v, Expanded = %q, errs = %v", f.IsDbt, f.Expanded, errs)
	}
	for _, p := range []token.Pos{{}, {Offset: 0, Line: 1, Col: 1}, {Offset: 17, Line: 2, Col: 8}} {
		if got := f.MapPos(p); got != p {
			t.Errorf("MapPos(%v) = %v", p, got)
		}
	}
}

func TestMapPosEdges(t *testing.T) {
	f, _ := Expand("m.sql", "{{ 'ab' }}\ncd", Options{})
	tests := []struct {
		in   token.Pos
		want token.Pos
	}{
		{token.Pos{}, token.Pos{}}, // unknown stays unknown
		{token.Pos{Offset: 0, Line: 1, Col: 1}, posAt(f.Original, 0)},
		{token.Pos{Offset: 3, Line: 2, Col: 1}, posAt(f.Original, 11)},  // "c"
		{token.Pos{Offset: 5, Line: 2, Col: 3}, posAt(f.Original, 13)},  // end of text
		{token.Pos{Offset: 99, Line: 9, Col: 9}, posAt(f.Original, 13)}, // clamped
		{token.Pos{Offset: -5, Line: 1, Col: 1}, posAt(f.Original, 0)},
	}
	for _, tt := range tests {
		if got := f.MapPos(tt.in); got != tt.want {
			t.Errorf("MapPos(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	empty, _ := Expand("e.sql", "{# only a comment #}", Options{})
	if got := empty.MapPos(token.Pos{Offset: 0, Line: 1, Col: 1}); got != (token.Pos{Offset: 0, Line: 1, Col: 1}) {
		t.Errorf("empty expansion: MapPos = %+v", got)
	}
	var zero SourceFile
	if got := zero.MapPos(token.Pos{Offset: 3, Line: 1, Col: 4}); got.Col != 4 {
		t.Errorf("zero SourceFile: MapPos = %+v", got)
	}
}

// TestMapPosWhitespaceControl checks that text after a stripping tag maps
// to where it is written.
func TestMapPosWhitespaceControl(t *testing.T) {
	src := "a  \n  {%- if true -%}  \n  b\n{%- endif %}"
	f, _ := Expand("m.sql", src, Options{})
	if f.Expanded != "ab" {
		t.Fatalf("Expanded = %q", f.Expanded)
	}
	if got := f.MapPos(posAt(f.Expanded, 1)); got.Line != 3 || got.Col != 3 {
		t.Errorf("MapPos(b) = %v, want 3:3", got)
	}
	checkCopiedBytes(t, f)
}
