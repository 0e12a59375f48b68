package lexer

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

func kinds(toks []token.Token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.Kind == token.EOF {
			break
		}
		b.WriteString(t.Kind.String())
		b.WriteString("(" + t.Lit + ") ")
	}
	return strings.TrimSpace(b.String())
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, src string
		d         token.Dialect
		want      string
	}{
		{"words and ops", "SELECT a,b FROM t", token.Spark, "word(SELECT) word(a) operator(,) word(b) word(FROM) word(t)"},
		{"backtick", "`my col`", token.Spark, "quoted identifier(`my col`)"},
		{"backtick doubled", "`a``b`", token.Flink, "quoted identifier(`a``b`)"},
		{"spark string backslash", `'it\'s'`, token.Spark, `string('it\'s')`},
		{"flink string doubled", `'it''s'`, token.Flink, `string('it''s')`},
		{"flink backslash is plain", `'a\' x`, token.Flink, `string('a\') word(x)`},
		{"double quoted string", `"abc"`, token.Spark, `string("abc")`},
		{"hex literal", `X'CAFE'`, token.Spark, `string(X'CAFE')`},
		{"raw string", `r'\d+'`, token.Spark, `string(r'\d+')`},
		{"number suffixes", "1L 2S 3Y 1.5D 2BD 1e10 .5 7F", token.Spark, "number(1L) number(2S) number(3Y) number(1.5D) number(2BD) number(1e10) number(.5) number(7F)"},
		{"identifier starting with digit", "2023_sales", token.Spark, "word(2023_sales)"},
		{"line comment", "a -- note\nb", token.Spark, "word(a) comment(-- note) word(b)"},
		{"block comment", "a /* x */ b", token.Spark, "word(a) comment(/* x */) word(b)"},
		{"nested block comment spark", "a /* x /* y */ z */ b", token.Spark, "word(a) comment(/* x /* y */ z */) word(b)"},
		{"hint", "SELECT /*+ BROADCAST(t) */ a", token.Spark, "word(SELECT) hint(/*+ BROADCAST(t) */) word(a)"},
		{"multi-char ops", "a<=>b<>c!=d||e::f->g=>h", token.Spark, "word(a) operator(<=>) word(b) operator(<>) word(c) operator(!=) word(d) operator(||) word(e) operator(::) word(f) operator(->) word(g) operator(=>) word(h)"},
		{"angle brackets never join", "ARRAY<ARRAY<INT>>", token.Flink, "word(ARRAY) operator(<) word(ARRAY) operator(<) word(INT) operator(>) operator(>)"},
		{"variable", "${env}.t", token.Spark, "variable(${env}) operator(.) word(t)"},
		{"dollar column", "`$rowtime`", token.Flink, "quoted identifier(`$rowtime`)"},
		{"unterminated string", "'abc", token.Spark, "illegal token('abc)"},
		{"unterminated comment", "/* abc", token.Spark, "illegal token(/* abc)"},
		{"semicolon inside string", "'a;b';", token.Spark, "string('a;b') operator(;)"},
		{"param", "a = ?", token.Spark, "word(a) operator(=) parameter(?)"},
		{"unicode", "é", token.Spark, "word(é)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := kinds(Tokenize(tt.src, tt.d))
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got  %s\n want %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	toks := Tokenize("SELECT\n  a,\n\tb", token.Spark)
	want := []token.Pos{{Offset: 0, Line: 1, Col: 1}, {Offset: 9, Line: 2, Col: 3}, {Offset: 10, Line: 2, Col: 4}, {Offset: 13, Line: 3, Col: 2}}
	for i, w := range want {
		if toks[i].Pos != w {
			t.Errorf("token %d (%s) at %+v, want %+v", i, toks[i].Lit, toks[i].Pos, w)
		}
	}
}

func TestNewAtOffsetsPositions(t *testing.T) {
	l := NewAt("a\nb", token.Spark, token.Pos{Offset: 100, Line: 7, Col: 5})
	a, b := l.Next(), l.Next()
	if a.Pos != (token.Pos{Offset: 100, Line: 7, Col: 5}) || b.Pos != (token.Pos{Offset: 102, Line: 8, Col: 1}) {
		t.Fatalf("positions %+v %+v", a.Pos, b.Pos)
	}
	if a.Lit != "a" || b.Lit != "b" {
		t.Fatalf("literals %q %q", a.Lit, b.Lit)
	}
}

// FuzzLexer checks that the lexer always terminates, never panics, covers
// the input exactly once, and keeps positions increasing.
func FuzzLexer(f *testing.F) {
	for _, s := range []string{"SELECT 1", "'a\\'b'", "/* /* */", "`x``y`", "1.5BD", "${a", "X'", "--x\n", "é€"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, src string, flink bool) {
		d := token.Spark
		if flink {
			d = token.Flink
		}
		l := New(src, d)
		last := -1
		for i := 0; ; i++ {
			if i > len(src)+1 {
				t.Fatalf("lexer did not terminate on %q", src)
			}
			tok := l.Next()
			if tok.Pos.Offset <= last && tok.Kind != token.EOF {
				t.Fatalf("offset did not advance at %d: %+v", i, tok)
			}
			if tok.Kind == token.EOF {
				if tok.Pos.Offset != len(src) {
					t.Fatalf("EOF at %d, want %d", tok.Pos.Offset, len(src))
				}
				return
			}
			if src[tok.Pos.Offset:tok.Pos.Offset+len(tok.Lit)] != tok.Lit {
				t.Fatalf("literal %q does not match source at %d", tok.Lit, tok.Pos.Offset)
			}
			last = tok.Pos.Offset
		}
	})
}

func BenchmarkLexer(b *testing.B) {
	src := strings.Repeat("SELECT a.id, sum(x * 2) AS total, 'text' FROM t JOIN u ON t.id = u.id -- note\nWHERE d >= DATE '2024-01-01';\n", 200)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Tokenize(src, token.Spark)
	}
}
