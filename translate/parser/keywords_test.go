package parser

import (
	"strings"
	"testing"
)

// TestWordSetIsMapOfToUpper checks that wordSet.has(w) is
// m[strings.ToUpper(w)], including for the non-ASCII letters that
// strings.ToUpper turns into ASCII ones.
func TestWordSetIsMapOfToUpper(t *testing.T) {
	m := map[string]bool{"AS": true, "SELECT": true, "IS": true, "BIGINT": false, "MATCH_RECOGNIZE": true, "K": true}
	s := newWordSet(m)
	words := []string{"", "as", "As", "AS", "aS", "a", "ass", "select", "SeLeCt", "selec", "bigint", "BIGINT",
		"match_recognize", "Match_Recognize", "id", "customer_id", "aſ", "ſelect", "ıs", "\u212a", "k", "é",
		strings.Repeat("a", 40), strings.Repeat("S", 32), "_", "1", "$x", "as$"}
	for _, w := range words {
		if got, want := s.has(w), m[strings.ToUpper(w)]; got != want {
			t.Errorf("has(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestSpellsKeyword checks the 0x20 comparison against strings.EqualFold
// on words the lexer can produce.
func TestSpellsKeyword(t *testing.T) {
	kws := []string{"SELECT", "AS", "IS", "TRY_CAST", "TIMESTAMP_LTZ", "X1", "_"}
	words := []string{"select", "SELECT", "Select", "selecT", "as", "aS", "is", "try_cast", "TRY_cast", "try$cast",
		"timestamp_ltz", "x1", "X1", "x!", "_", "$", "ſelect", "é", "asx", "a", "sel\x80ct"}
	for _, kw := range kws {
		for _, w := range words {
			want := len(w) == len(kw) && strings.EqualFold(w, kw)
			if got := spellsKeyword(w, kw); got != want {
				t.Errorf("spellsKeyword(%q, %q) = %v, want %v", w, kw, got, want)
			}
		}
	}
}

// TestNumberSuffix checks numberSuffix against the rule it replaces:
// the first of BD L S Y D F that ends the number in upper case.
func TestNumberSuffix(t *testing.T) {
	rule := func(lit string) string {
		up := strings.ToUpper(lit)
		for _, s := range []string{"BD", "L", "S", "Y", "D", "F"} {
			if strings.HasSuffix(up, s) {
				return s
			}
		}
		return ""
	}
	for _, lit := range []string{"1", "42", "1.5", ".5", "1e3", "1E-3", "1L", "1l", "2s", "3Y", "1.5D", "1.5d", "2BD", "2bd",
		"2bD", "1.5F", "1f", "1d", "1ſ", "1e5D", "7", "0.0"} {
		if got, want := numberSuffix(lit), rule(lit); got != want {
			t.Errorf("numberSuffix(%q) = %q, want %q", lit, got, want)
		}
	}
}
