package token

// Kind classifies a token. Keywords are not kinds of their own: SQL has
// hundreds of non-reserved keywords, so every bare word is a Word and the
// parser matches keywords by their upper-case spelling.
type Kind int

const (
	EOF         Kind = iota
	Illegal          // a character or construct the lexer cannot read
	Word             // bare identifier or keyword: SELECT, customer_id
	QuotedIdent      // `quoted identifier` (backticks, doubled to escape)
	String           // 'text' or "text" (Spark), with its quotes and prefix as written
	Number           // 42, 1.5, 1e3, .5, with Spark suffixes 1L 1S 1Y 1.5D 1.5F 2BD
	Op               // operator or punctuation: ( ) , ; . + - <= <=> || :: -> ...
	Variable         // ${var} or ${hiveconf:var} substitution
	Param            // ? or :name parameter marker
	Comment          // -- line, # line (never), or /* block */
	Hint             // /*+ HINT(...) */
)

var kindNames = [...]string{
	EOF: "end of input", Illegal: "illegal token", Word: "word", QuotedIdent: "quoted identifier",
	String: "string", Number: "number", Op: "operator", Variable: "variable",
	Param: "parameter", Comment: "comment", Hint: "hint",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "token"
}

// Token is one lexical token. Lit is the exact source text.
type Token struct {
	Kind Kind
	Pos  Pos
	Lit  string
	// SpaceBefore reports whether white space or a comment precedes the
	// token; the parser needs it to tell `a.b` from `a . b` in rare cases.
	SpaceBefore bool
}

// Describe renders a token for an error message: found 'FROM'.
func (t Token) Describe() string {
	switch t.Kind {
	case EOF:
		return "end of input"
	case String:
		return "string " + clip(t.Lit)
	case Number:
		return "number " + t.Lit
	case Illegal:
		return "illegal " + clip(t.Lit)
	}
	return "'" + clip(t.Lit) + "'"
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}
