package load

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Piece is one statement of a text cut by Split.
type Piece struct {
	// Text is the statement without its terminating semicolon and without
	// the white space around it. Comments before the statement belong to
	// it.
	Text  string
	Start token.Pos // position of Text's first byte in the text given to Split
	// CommentOnly marks the text after the last semicolon when it holds
	// comments and no statement (see Split).
	CommentOnly bool
}

// Split cuts src into statements at top-level semicolons. A semicolon is
// not a statement end inside a string ('...' or "...", with the dialect's
// escapes), a backtick identifier, a comment (-- to end of line, /* */,
// nested in Spark), or a Jinja expression, tag or comment ({{ }}, {% %},
// {# #}); an unclosed one of these runs to the end of the text.
//
// Pieces that hold only white space are dropped, and so are pieces that
// hold only comments between two semicolons (";; -- x ;"). Comments after
// the last statement are kept as a final piece of their own with
// CommentOnly set, so that no trailing comment is lost and every piece's
// text stays one contiguous slice of src.
//
// Jinja blocks are protected one tag at a time: a semicolon between
// {% if %} and {% endif %} is a statement end, so Split is meant for
// expanded text (SourceFile.Expanded).
func Split(src string, d token.Dialect) []Piece {
	var pieces []Piece
	var lines lineIndex
	emit := func(from, to int, code, last bool) {
		text := src[from:to]
		trimmed := strings.TrimLeft(text, " \t\r\n\f\v")
		start := from + len(text) - len(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t\r\n\f\v")
		if trimmed == "" || (!code && !last) {
			return
		}
		if lines == nil {
			lines = newLineIndex(src)
		}
		pieces = append(pieces, Piece{Text: trimmed, Start: lines.pos(start), CommentOnly: !code})
	}
	from := 0
	code := false // the current piece holds something other than comments
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case isSpace(c):
			i++
		case c == '-' && i+1 < len(src) && src[i+1] == '-':
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				j = len(src) - i
			}
			i += j
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i, d)
		case c == '\'' || c == '"':
			i = skipSQLString(src, i, d)
			code = true
		case c == '`':
			i = skipQuoted(src, i, '`', false)
			code = true
		case c == '{' && i+1 < len(src) && (src[i+1] == '{' || src[i+1] == '%' || src[i+1] == '#'):
			if src[i+1] != '#' { // a Jinja comment is a comment
				code = true
			}
			i = skipJinja(src, i)
		case c == ';':
			emit(from, i, code, false)
			i++
			from, code = i, false
		default:
			i++
			code = true
		}
	}
	emit(from, len(src), code, true)
	return pieces
}

// skipBlockComment returns the offset after the /* */ comment at i.
func skipBlockComment(src string, i int, d token.Dialect) int {
	depth := 0
	for i < len(src) {
		if src[i] == '/' && i+1 < len(src) && src[i+1] == '*' {
			if depth == 0 || d == token.Spark {
				depth++
			}
			i += 2
			continue
		}
		if src[i] == '*' && i+1 < len(src) && src[i+1] == '/' {
			depth--
			i += 2
			if depth == 0 {
				return i
			}
			continue
		}
		i++
	}
	return len(src)
}

// skipSQLString returns the offset after the string literal at i. Spark
// strings take backslash escapes unless raw (r'...'); both dialects double
// the quote to escape it.
func skipSQLString(src string, i int, d token.Dialect) int {
	raw := i > 0 && (src[i-1] == 'r' || src[i-1] == 'R') && (i < 2 || !isWordByte(src[i-2]))
	return skipQuoted(src, i, src[i], d == token.Spark && !raw)
}

func skipQuoted(src string, i int, q byte, backslash bool) int {
	for j := i + 1; j < len(src); j++ {
		c := src[j]
		if backslash && c == '\\' {
			j++
			continue
		}
		if c == q {
			if j+1 < len(src) && src[j+1] == q {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(src)
}

func isWordByte(c byte) bool { return c == '_' || isLetter(c) || isDigitByte(c) || c >= 0x80 }

// skipJinja returns the offset after the Jinja tag that opens at i.
func skipJinja(src string, i int) int {
	k := i + 2
	if src[i+1] == '#' {
		j := strings.Index(src[k:], "#}")
		if j < 0 {
			return len(src)
		}
		return k + j + 2
	}
	closer := byte('}')
	if src[i+1] == '%' {
		closer = '%'
	}
	end, _ := scanTagEnd(src, k, closer)
	if end < 0 {
		return len(src)
	}
	return end + 2
}
