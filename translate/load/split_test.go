package load

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

func TestSplit(t *testing.T) {
	type piece struct {
		text      string
		line, col int
	}
	tests := []struct {
		name    string
		src     string
		dialect token.Dialect
		want    []piece
	}{
		{"empty", "", token.Spark, nil},
		{"only white space", " \n\t;; ;\n", token.Spark, nil},
		{"one without semicolon", "SELECT 1", token.Spark, []piece{{"SELECT 1", 1, 1}}},
		{"two", "SELECT 1;\n  SELECT 2;\n", token.Spark, []piece{{"SELECT 1", 1, 1}, {"SELECT 2", 2, 3}}},
		{"semicolon in single quotes", "SELECT ';' ; x", token.Spark, []piece{{"SELECT ';'", 1, 1}, {"x", 1, 14}}},
		{"semicolon in double quotes", `SELECT ";"; x`, token.Spark, []piece{{`SELECT ";"`, 1, 1}, {"x", 1, 13}}},
		{"spark backslash escape", `SELECT 'a\';b'; x`, token.Spark, []piece{{`SELECT 'a\';b'`, 1, 1}, {"x", 1, 17}}},
		{"spark raw string", `SELECT r'a\'; x`, token.Spark, []piece{{`SELECT r'a\'`, 1, 1}, {"x", 1, 15}}},
		{"flink no backslash escape", `SELECT 'a\'; x`, token.Flink, []piece{{`SELECT 'a\'`, 1, 1}, {"x", 1, 14}}},
		{"doubled quote", "SELECT 'it''s;'; x", token.Flink, []piece{{"SELECT 'it''s;'", 1, 1}, {"x", 1, 18}}},
		{"backtick", "SELECT `a;b` FROM t; x", token.Spark, []piece{{"SELECT `a;b` FROM t", 1, 1}, {"x", 1, 22}}},
		{"line comment", "SELECT 1 -- not; an end\n; x", token.Spark, []piece{{"SELECT 1 -- not; an end", 1, 1}, {"x", 2, 3}}},
		{"block comment", "SELECT /* ; */ 1; x", token.Spark, []piece{{"SELECT /* ; */ 1", 1, 1}, {"x", 1, 19}}},
		{"nested block comment spark", "SELECT /* /* ; */ ; */ 1; x", token.Spark, []piece{{"SELECT /* /* ; */ ; */ 1", 1, 1}, {"x", 1, 27}}},
		{"block comment flink does not nest", "SELECT /* /* */ 1; x", token.Flink, []piece{{"SELECT /* /* */ 1", 1, 1}, {"x", 1, 20}}},
		{"leading comment belongs to statement", "-- first\nSELECT 1;\n/* second */ SELECT 2;", token.Spark, []piece{{"-- first\nSELECT 1", 1, 1}, {"/* second */ SELECT 2", 3, 1}}},
		{"jinja expression", "SELECT {{ ';' }}; x", token.Spark, []piece{{"SELECT {{ ';' }}", 1, 1}, {"x", 1, 19}}},
		{"jinja tag", "{% set x = ';' %}SELECT 1; x", token.Spark, []piece{{"{% set x = ';' %}SELECT 1", 1, 1}, {"x", 1, 28}}},
		{"jinja comment", "{# ; it's #}SELECT 1; x", token.Spark, []piece{{"{# ; it's #}SELECT 1", 1, 1}, {"x", 1, 23}}},
		{"jinja comment alone is a comment", "SELECT 1; {# c #} ; x", token.Spark, []piece{{"SELECT 1", 1, 1}, {"x", 1, 21}}},
		{"comment-only middle piece dropped", "SELECT 1; -- c\n; x", token.Spark, []piece{{"SELECT 1", 1, 1}, {"x", 2, 3}}},
		{"trailing comment kept", "SELECT 1;\n-- the end\n", token.Spark, []piece{{"SELECT 1", 1, 1}, {"-- the end", 2, 1}}},
		{"unclosed string runs to end", "SELECT 'a; b", token.Spark, []piece{{"SELECT 'a; b", 1, 1}}},
		{"unclosed comment runs to end", "SELECT 1 /* ; ", token.Spark, []piece{{"SELECT 1 /* ;", 1, 1}}},
		{"unclosed jinja runs to end", "SELECT {{ a; b", token.Spark, []piece{{"SELECT {{ a; b", 1, 1}}},
		{"crlf", "SELECT 1;\r\nSELECT 2\r\n", token.Spark, []piece{{"SELECT 1", 1, 1}, {"SELECT 2", 2, 1}}},
		{"multi-byte", "SELECT 'é';é", token.Spark, []piece{{"SELECT 'é'", 1, 1}, {"é", 1, 13}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.src, tt.dialect)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d pieces %+v, want %d", len(got), got, len(tt.want))
			}
			for i, p := range got {
				w := tt.want[i]
				if p.Text != w.text || p.Start.Line != w.line || p.Start.Col != w.col {
					t.Errorf("piece %d = %q at %v, want %q at %d:%d", i, p.Text, p.Start, w.text, w.line, w.col)
				}
				if tt.src[p.Start.Offset:p.Start.Offset+len(p.Text)] != p.Text {
					t.Errorf("piece %d: Start.Offset %d does not point at its text", i, p.Start.Offset)
				}
				if p.CommentOnly != (tt.name == "trailing comment kept" && i == 1) {
					t.Errorf("piece %d: CommentOnly = %v", i, p.CommentOnly)
				}
			}
		})
	}
}

// TestSplitExpandedMapsBack checks the intended pipeline: expand, split the
// expanded text, map each statement's start back to the original.
func TestSplitExpandedMapsBack(t *testing.T) {
	src := "{{ config(materialized='view') }}\n" +
		"CREATE VIEW a AS SELECT * FROM {{ ref('b') }};\n" +
		"{% for t in ['x', 'y'] %}\n" +
		"INSERT INTO {{ t }} SELECT 1;\n" +
		"{% endfor %}"
	f, errs := Expand("m.sql", src, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pieces := Split(f.Expanded, token.Spark)
	var got []string
	for _, p := range pieces {
		got = append(got, p.Text+" @"+f.MapPos(p.Start).String())
	}
	want := []string{
		"CREATE VIEW a AS SELECT * FROM b @2:1",
		"INSERT INTO x SELECT 1 @4:1",
		"INSERT INTO y SELECT 1 @4:1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
