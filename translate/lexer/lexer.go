// Package lexer turns Spark SQL or Flink SQL text into tokens. It never
// fails: what it cannot read becomes an Illegal token that the parser reports
// at its position. Comments and hints are tokens, so nothing is lost.
package lexer

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Lexer reads one source text.
type Lexer struct {
	src     string
	dialect token.Dialect
	off     int
	line    int
	lineOff int // offset of the first byte of the current line
	base    int // added to offsets, for text cut out of a larger file

	// the token Scan read last
	start     int // offset of its first byte in src
	startLine int
	startCol  int
	space     bool // white space before it
}

// New returns a lexer over src. Positions start at line 1, column 1.
func New(src string, d token.Dialect) *Lexer {
	return &Lexer{src: src, dialect: d, line: 1}
}

// NewAt returns a lexer whose positions start at the given position, for
// text cut out of a larger file.
func NewAt(src string, d token.Dialect, start token.Pos) *Lexer {
	l := New(src, d)
	if start.IsValid() {
		l.line = start.Line
		l.lineOff = -(start.Col - 1)
		l.base = start.Offset
	}
	return l
}

// Tokenize returns every token up to and including EOF.
func Tokenize(src string, d token.Dialect) []token.Token {
	l := New(src, d)
	toks := make([]token.Token, 0, len(src)/4+1)
	for {
		t := l.Next()
		toks = append(toks, t)
		if t.Kind == token.EOF {
			return toks
		}
	}
}

// advance moves over n bytes, keeping line and column up to date.
func (l *Lexer) advance(n int) {
	end := l.off + n
	if end > len(l.src) {
		end = len(l.src)
	}
	for i := l.off; i < end; i++ {
		if l.src[i] == '\n' {
			l.line++
			l.lineOff = i + 1
		}
	}
	l.off = end
}

func (l *Lexer) peekByte(k int) byte {
	if l.off+k < len(l.src) {
		return l.src[l.off+k]
	}
	return 0
}

// Next returns the next token, comments included.
func (l *Lexer) Next() token.Token {
	k := l.Scan()
	return token.Token{Kind: k, Pos: l.Pos(), Lit: l.Text(), SpaceBefore: l.space}
}

// Scan reads the next token, comments included, and returns its kind; Pos,
// Text and SpaceBefore describe it. It is Next without building the
// token.Token, for a caller that keeps tokens its own way.
func (l *Lexer) Scan() token.Kind {
	// White space, skipped with locals: the compiler keeps them in
	// registers, where the fields would be stored on every byte.
	src, i := l.src, l.off
	for i < len(src) && charClass[src[i]]&isSpace != 0 {
		if src[i] == '\n' {
			l.line++
			l.lineOff = i + 1
		}
		i++
	}
	l.space = i != l.off
	l.off = i
	l.start, l.startLine, l.startCol = i, l.line, i-l.lineOff+1
	if i >= len(src) {
		return token.EOF
	}
	c := src[i]
	if charClass[c]&isIdentFirst != 0 { // first: most tokens are words
		if charClass[c]&isQuotePrefix != 0 && (l.peekByte(1) == '\'' || l.peekByte(1) == '"') {
			if c == 'x' || c == 'X' || l.dialect == token.Spark {
				l.advance(1)
				if !l.quoted(l.src[l.off], c == 'r' || c == 'R') {
					return token.Illegal
				}
				return token.String
			}
		}
		i++
		for i < len(src) && charClass[src[i]]&isIdentNext != 0 {
			i++
		}
		l.off = i // a word holds no line break
		return token.Word
	}
	switch {
	case c == '-' && l.peekByte(1) == '-':
		l.lineComment()
		return token.Comment
	case c == '/' && l.peekByte(1) == '*':
		kind := token.Comment
		if l.peekByte(2) == '+' {
			kind = token.Hint
		}
		if !l.blockComment() {
			return token.Illegal
		}
		return kind
	case isDigit(c) || (c == '.' && isDigit(l.peekByte(1))):
		return l.number()
	case c == '\'' || c == '"':
		if !l.quoted(c, false) {
			return token.Illegal
		}
		return token.String
	case c == '`':
		if !l.backtick() {
			return token.Illegal
		}
		return token.QuotedIdent
	case c == '$' && l.peekByte(1) == '{':
		end := strings.IndexByte(l.src[l.off:], '}')
		if end < 0 {
			l.advance(len(l.src) - l.off)
			return token.Illegal
		}
		l.advance(end + 1)
		return token.Variable
	case c == '?':
		l.advance(1)
		return token.Param
	}
	if n := opLen(l.src[l.off:]); n > 0 {
		l.off += n // operators hold no line break
		return token.Op
	}
	// Unknown byte: consume one whole UTF-8 sequence so columns stay sane.
	n := 1
	for l.off+n < len(l.src) && l.src[l.off+n]&0xC0 == 0x80 {
		n++
	}
	l.advance(n)
	return token.Illegal
}

// Pos returns the position of the token Scan read last.
func (l *Lexer) Pos() token.Pos {
	return token.Pos{Offset: l.start + l.base, Line: l.startLine, Col: l.startCol}
}

// Text returns the text of the token Scan read last, as written.
func (l *Lexer) Text() string { return l.src[l.start:l.off] }

// SpaceBefore reports whether white space preceded the token Scan read last.
func (l *Lexer) SpaceBefore() bool { return l.space }

func (l *Lexer) lineComment() {
	end := strings.IndexByte(l.src[l.off:], '\n')
	if end < 0 {
		end = len(l.src) - l.off
	}
	if end > 0 && l.src[l.off+end-1] == '\r' {
		end--
	}
	l.advance(end)
}

// blockComment consumes /* ... */; Spark nests them, Flink does not.
func (l *Lexer) blockComment() bool {
	depth := 0
	i := l.off
	for i < len(l.src) {
		if l.src[i] == '/' && i+1 < len(l.src) && l.src[i+1] == '*' {
			if depth == 0 || l.dialect == token.Spark {
				depth++
			}
			i += 2
			continue
		}
		if l.src[i] == '*' && i+1 < len(l.src) && l.src[i+1] == '/' {
			depth--
			i += 2
			if depth == 0 {
				l.advance(i - l.off)
				return true
			}
			continue
		}
		i++
	}
	l.advance(len(l.src) - l.off)
	return false
}

// number reads a numeric literal. Spark lets an identifier start with a
// digit (2023_sales), so digits followed by letters that are not a numeric
// suffix make a Word.
func (l *Lexer) number() token.Kind {
	s := l.src
	i := l.off
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' && !(i+1 < len(s) && s[i+1] == '.') {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	// Suffixes: L S Y D F BD (Spark), case-insensitive.
	j := i
	for j < len(s) && isIdentPart(s[j]) {
		j++
	}
	if j > i {
		suffix := strings.ToUpper(s[i:j])
		isInt := !strings.ContainsAny(s[l.off:i], ".eE")
		switch {
		case suffix == "D" || suffix == "F" || suffix == "BD":
			i = j
		case isInt && (suffix == "L" || suffix == "S" || suffix == "Y"):
			i = j
		case isInt && !strings.ContainsAny(s[l.off:i], "."):
			// 2023_sales, 1st: an identifier.
			l.off = j
			return token.Word
		}
	}
	l.off = i // a number holds no line break
	return token.Number
}

// quoted reads a string in quote q. Spark strings take backslash escapes
// unless raw; Flink strings double the quote to escape it.
func (l *Lexer) quoted(q byte, raw bool) bool {
	i := l.off + 1
	backslash := l.dialect == token.Spark && !raw
	for i < len(l.src) {
		c := l.src[i]
		if backslash && c == '\\' {
			i += 2
			continue
		}
		if c == q {
			if i+1 < len(l.src) && l.src[i+1] == q {
				i += 2
				continue
			}
			l.advance(i + 1 - l.off)
			return true
		}
		i++
	}
	l.advance(len(l.src) - l.off)
	return false
}

func (l *Lexer) backtick() bool {
	i := l.off + 1
	for i < len(l.src) {
		if l.src[i] == '`' {
			if i+1 < len(l.src) && l.src[i+1] == '`' {
				i += 2
				continue
			}
			l.advance(i + 1 - l.off)
			return true
		}
		i++
	}
	l.advance(len(l.src) - l.off)
	return false
}

// opLen returns the length of the operator at the start of s, or 0.
// Angle brackets never join into shifts, so ARRAY<ARRAY<INT>> lexes.
func opLen(s string) int {
	var n byte
	if len(s) > 1 {
		n = s[1]
	}
	switch s[0] {
	case '<':
		if n == '=' && len(s) > 2 && s[2] == '>' {
			return 3
		}
		if n == '>' || n == '=' {
			return 2
		}
		return 1
	case '>', '=':
		if n == '=' || (s[0] == '=' && n == '>') {
			return 2
		}
		return 1
	case '!':
		if n == '=' {
			return 2
		}
		return 1
	case '|':
		if n == '|' || n == '>' {
			return 2
		}
		return 1
	case '&':
		if n == '&' {
			return 2
		}
		return 1
	case ':':
		if n == ':' {
			return 2
		}
		return 1
	case '-':
		if n == '>' {
			return 2
		}
		return 1
	case '(', ')', '[', ']', '{', '}', ',', ';', '.', '+', '*', '/', '%', '^', '~', '@', '$':
		return 1
	}
	return 0
}

// Character classes, looked up in charClass: a table lookup is cheaper than
// the comparisons for every byte of every word.
const (
	isSpace       uint8 = 1 << iota // ' ' \t \n \r \f \v
	isDigitClass                    // 0-9
	isIdentFirst                    // a letter, '_' or a byte of a multi-byte UTF-8 sequence
	isIdentNext                     // isIdentFirst, a digit, or '$'
	isQuotePrefix                   // x X r R b B: X'..', r'..', b'..' are strings
)

var charClass = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[i] = isSpace
		case c >= '0' && c <= '9':
			t[i] = isDigitClass | isIdentNext
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80:
			t[i] = isIdentFirst | isIdentNext
			if strings.IndexByte("xXrRbB", c) >= 0 {
				t[i] |= isQuotePrefix
			}
		case c == '$':
			t[i] = isIdentNext
		}
	}
	return t
}()

func isDigit(c byte) bool { return charClass[c]&isDigitClass != 0 }

func isIdentPart(c byte) bool { return charClass[c]&isIdentNext != 0 }
