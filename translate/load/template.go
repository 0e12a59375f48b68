package load

import "strings"

// This file cuts a template into text and tags. Jinja's three delimiters
// are {{ expression }}, {% statement %} and {# comment #}; a "-" just inside
// a delimiter strips the white space on that side of the tag.

type tagKind int

const (
	tText    tagKind = iota
	tVar             // {{ ... }}
	tBlock           // {% ... %}
	tComment         // {# ... #}
)

// ttok is one piece of a template: literal text, or a tag.
type ttok struct {
	kind tagKind
	// For text, the text itself (after white-space control); for a tag, its
	// content between the delimiters and the "-" / "+" markers.
	text string
	off  int // offset of the text, or of the tag's opening "{"
	// inner is the offset of the content, for tags.
	inner int
	// lstrip and rstrip record a "-" after the opening or before the
	// closing delimiter.
	lstrip, rstrip bool
	// raw marks the {% raw %} and {% endraw %} tags, which only delimit
	// literal text.
	raw bool
}

// lexTemplate cuts src into text and tags. An unclosed tag or a string that
// does not end inside a tag is reported; the text from that point on is
// kept as literal text so that nothing is silently lost.
func lexTemplate(src string, report func(off int, msg string)) []ttok {
	// At most a tag and a text per "{", and a final text.
	toks := make([]ttok, 0, 2*strings.Count(src, "{")+1)
	textStart := 0
	i := 0
	for {
		j := indexTagOpen(src, i)
		if j < 0 {
			break
		}
		kind := tVar
		closer := byte('}')
		switch src[j+1] {
		case '%':
			kind, closer = tBlock, '%'
		case '#':
			kind, closer = tComment, '#'
		}
		k := j + 2
		lstrip := false
		if k < len(src) && (src[k] == '-' || src[k] == '+') {
			lstrip = src[k] == '-'
			k++
		}
		var end int
		if kind == tComment {
			end = strings.Index(src[k:], "#}")
			if end >= 0 {
				end += k
			}
		} else {
			var badQuote int
			end, badQuote = scanTagEnd(src, k, closer)
			if badQuote >= 0 {
				report(badQuote, "unterminated string in Jinja tag: expected a closing "+quoteName(src[badQuote]))
				break
			}
		}
		if end < 0 {
			report(j, "unclosed Jinja "+kindName(kind)+": expected "+strconvQuote(string(closer)+"}"))
			break
		}
		contentEnd := end
		rstrip := false
		if contentEnd > k && (src[contentEnd-1] == '-' || src[contentEnd-1] == '+') {
			rstrip = src[contentEnd-1] == '-'
			contentEnd--
		}
		if j > textStart {
			toks = append(toks, ttok{kind: tText, text: src[textStart:j], off: textStart})
		}
		tok := ttok{kind: kind, text: src[k:contentEnd], off: j, inner: k, lstrip: lstrip, rstrip: rstrip}
		toks = append(toks, tok)
		i = end + 2
		textStart = i
		if kind == tBlock && strings.TrimSpace(tok.text) == "raw" {
			toks[len(toks)-1].raw = true
			// Everything up to {% endraw %} is literal text.
			rs, re, inner, ls, rsEnd := findEndRaw(src, i)
			if rs < 0 {
				report(j, `unclosed {% raw %}: expected {% endraw %}`)
				break
			}
			if rs > i {
				toks = append(toks, ttok{kind: tText, text: src[i:rs], off: i})
			}
			toks = append(toks, ttok{kind: tBlock, text: "endraw", off: rs, inner: inner, lstrip: ls, rstrip: rsEnd, raw: true})
			i = re
			textStart = i
		}
	}
	if textStart < len(src) {
		toks = append(toks, ttok{kind: tText, text: src[textStart:], off: textStart})
	}
	applyWhitespaceControl(toks)
	return toks
}

// indexTagOpen returns the offset of the next "{{", "{%" or "{#" at or
// after from, or -1.
func indexTagOpen(src string, from int) int {
	for from < len(src) {
		i := strings.IndexByte(src[from:], '{')
		if i < 0 || from+i+1 >= len(src) {
			return -1
		}
		j := from + i
		switch src[j+1] {
		case '{', '%', '#':
			return j
		}
		from = j + 1
	}
	return -1
}

// scanTagEnd finds the closing "}}" (closer '}') or "%}" (closer '%') of a
// tag whose content starts at from. Quoted strings are skipped, and inside
// {{ }} a "}}" closes the tag only outside dict braces. It returns the
// offset of the closing delimiter, or -1; badQuote is the offset of a quote
// whose string never ends, or -1.
func scanTagEnd(src string, from int, closer byte) (end, badQuote int) {
	braces := 0
	for i := from; i < len(src); i++ {
		switch c := src[i]; c {
		case '\'', '"':
			j := skipJinjaString(src, i)
			if j < 0 {
				return -1, i
			}
			i = j - 1
		case '{':
			braces++
		case '}':
			if closer == '}' && braces == 0 && i+1 < len(src) && src[i+1] == '}' {
				return i, -1
			}
			if braces > 0 {
				braces--
			}
		case '%':
			if closer == '%' && i+1 < len(src) && src[i+1] == '}' {
				return i, -1
			}
		}
	}
	return -1, -1
}

// skipJinjaString returns the offset just past the string literal that
// starts at src[i], or -1 if it does not end. Backslash escapes.
func skipJinjaString(src string, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j + 1
		}
	}
	return -1
}

// findEndRaw finds "{% endraw %}" (with optional "-" markers) at or after
// from. It returns the tag's start and end offsets, the content offset and
// its white-space markers, or rs == -1.
func findEndRaw(src string, from int) (rs, re, inner int, lstrip, rstrip bool) {
	for {
		j := strings.Index(src[from:], "{%")
		if j < 0 {
			return -1, 0, 0, false, false
		}
		j += from
		k := j + 2
		ls := false
		if k < len(src) && (src[k] == '-' || src[k] == '+') {
			ls = src[k] == '-'
			k++
		}
		m := k
		for m < len(src) && isSpace(src[m]) {
			m++
		}
		if strings.HasPrefix(src[m:], "endraw") {
			n := m + len("endraw")
			for n < len(src) && isSpace(src[n]) {
				n++
			}
			rs := false
			if n < len(src) && (src[n] == '-' || src[n] == '+') {
				rs = src[n] == '-'
				n++
			}
			if strings.HasPrefix(src[n:], "%}") {
				return j, n + 2, k, ls, rs
			}
		}
		from = j + 2
	}
}

// applyWhitespaceControl strips the white space next to tags marked with
// "-": before a tag with lstrip, after a tag with rstrip.
func applyWhitespaceControl(toks []ttok) {
	for i := range toks {
		t := &toks[i]
		if t.kind == tText {
			continue
		}
		if t.lstrip && i > 0 && toks[i-1].kind == tText {
			toks[i-1].text = strings.TrimRight(toks[i-1].text, " \t\r\n\f\v")
		}
		if t.rstrip && i+1 < len(toks) && toks[i+1].kind == tText {
			n := toks[i+1]
			trimmed := strings.TrimLeft(n.text, " \t\r\n\f\v")
			toks[i+1].off += len(n.text) - len(trimmed)
			toks[i+1].text = trimmed
		}
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func kindName(k tagKind) string {
	switch k {
	case tVar:
		return "expression {{ ... }}"
	case tBlock:
		return "tag {% ... %}"
	}
	return "comment {# ... #}"
}

func quoteName(q byte) string {
	if q == '"' {
		return `'"'`
	}
	return `"'"`
}

// strconvQuote quotes s with double quotes; s never needs escapes here.
func strconvQuote(s string) string { return `"` + s + `"` }
