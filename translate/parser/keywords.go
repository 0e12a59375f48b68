package parser

import "strings"

// Keyword lookups run for most words of the source, so they avoid
// allocating: strings.ToUpper allocates for every word written in lower
// case, identifiers first among them.

// wordSet is a set of upper-case keywords in which a word of the source is
// looked up in any case: has(w) is m[strings.ToUpper(w)] for the map m it
// was made from, without the allocation.
type wordSet struct {
	m map[string]bool
	// shapes[n] has bit firstBit(c) set when the set holds a word of n
	// bytes that starts with c; most identifiers fail this test and are
	// not hashed at all.
	shapes [maxSetWord + 1]uint32
}

// maxSetWord bounds the length of the words looked up without allocating.
const maxSetWord = 31

// newWordSet returns the set of the keys of m whose value is true.
func newWordSet(m map[string]bool) *wordSet {
	s := &wordSet{m: m}
	for w, ok := range m {
		if ok && len(w) <= maxSetWord {
			s.shapes[len(w)] |= firstBit(w[0])
		}
	}
	return s
}

// firstBit maps the upper-case first byte of a keyword to a bit: one per
// letter, one shared by all else.
func firstBit(c byte) uint32 {
	if c >= 'A' && c <= 'Z' {
		return 1 << (c - 'A')
	}
	return 1 << 26
}

// upperASCII upper-cases an ASCII letter and returns any other byte as is.
func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		c -= 'a' - 'A'
	}
	return c
}

func (s *wordSet) has(w string) bool {
	n := len(w)
	if n == 0 || n > maxSetWord || w[0] >= 0x80 {
		return s.m[strings.ToUpper(w)]
	}
	var buf [maxSetWord]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if c >= 0x80 {
			// strings.ToUpper maps some non-ASCII letters to ASCII
			// ones (U+017F, long s, to S): leave such words to it.
			return s.m[strings.ToUpper(w)]
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	if s.shapes[n]&firstBit(buf[0]) == 0 {
		return false
	}
	return s.m[string(buf[:n])] // no allocation: the compiler looks up the bytes
}

// spellsKeyword reports whether w, a word as the lexer reads it, is kw (in
// upper case, of letters, digits and '_') in any case. Setting bit 0x20
// lower-cases a letter; a word holds only letters, digits, '_', '$' and
// bytes >= 0x80, and no other pair of those and the bytes of kw becomes
// equal with it.
func spellsKeyword(w, kw string) bool {
	if len(w) != len(kw) {
		return false
	}
	for i := 0; i < len(kw); i++ {
		if w[i]|0x20 != kw[i]|0x20 {
			return false
		}
	}
	return true
}

// isComparisonOp reports whether op is a comparison operator.
func isComparisonOp(op string) bool {
	switch op {
	case "=", "==", "<>", "!=", "<", "<=", ">", ">=", "<=>":
		return true
	}
	return false
}
