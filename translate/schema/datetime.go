package schema

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// This file parses dates and timestamps the way Spark 3.5 does when it reads
// CSV: the strict ISO date yyyy-MM-dd (the default dateFormat when dates
// are inferred), Spark's cast grammar (DateTimeUtils.stringToTimestamp and
// stringToDate) when no format is given, and user patterns (dateFormat,
// timestampFormat) in Spark's datetime pattern letters. Times are wall-clock
// times: the session time zone is taken to be UTC, as in the verification
// runs, and a zone written in the text converts the time to UTC.

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimAll removes what UTF8String.trimAll removes: whitespace and ISO
// control characters at both ends.
func trimAll(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= ' ' || (r >= 0x7f && r <= 0x9f) })
}

// parseStrictDate parses yyyy-MM-dd exactly (Spark's default date pattern,
// parsed with java.time in STRICT resolution).
func parseStrictDate(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && !isDigit(c) {
			return time.Time{}, false
		}
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	return makeDate(y, m, d)
}

func makeDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false // February 30
	}
	return t, true
}

// stringToDate is Spark's cast of a string to DATE: [+-]yyyy*,
// yyyy*-[m]m, yyyy*-[m]m-[d]d, followed by nothing, or by ' ' or 'T' and
// anything.
func stringToDate(s string) (time.Time, bool) {
	s = trimAll(s)
	seg := [3]int{1, 1, 1}
	i, n := 0, 0
	digits := 0
	sign := 1
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	val := 0
	j := 0
	for ; j < len(s); j++ {
		c := s[j]
		if isDigit(c) {
			val = val*10 + int(c-'0')
			digits++
			if digits > 9 {
				return time.Time{}, false
			}
			continue
		}
		if c == '-' && n < 2 {
			if !validDateDigits(n, digits) {
				return time.Time{}, false
			}
			seg[n] = val
			n++
			val, digits = 0, 0
			continue
		}
		if n == 2 && (c == ' ' || c == 'T') {
			break
		}
		return time.Time{}, false
	}
	if !validDateDigits(n, digits) {
		return time.Time{}, false
	}
	seg[n] = val
	_ = i
	return makeDate(sign*seg[0], seg[1], seg[2])
}

func validDateDigits(seg, digits int) bool {
	if seg == 0 {
		return digits >= 4 && digits <= 7
	}
	return digits >= 1 && digits <= 2
}

// stringToTimestamp is Spark's cast of a string to TIMESTAMP
// (DateTimeUtils.stringToTimestamp): a date as in stringToDate, optionally
// followed by ' ' or 'T' and [h]h:[m]m:[s]s.[fraction] and a zone; or a
// time alone (today's date).
func stringToTimestamp(s string, now time.Time) (time.Time, bool) {
	s = trimAll(s)
	if s == "" {
		return time.Time{}, false
	}
	datePart, timePart := s, ""
	justTime := false
	if k := strings.IndexAny(s, " T"); k >= 0 {
		datePart, timePart = s[:k], s[k+1:]
		if k == 0 {
			justTime = true
		}
	} else if strings.Contains(s, ":") {
		justTime, datePart, timePart = true, "", s
	}
	var day time.Time
	if justTime {
		day = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	} else {
		var ok bool
		// the date part alone must be a full stringToDate match
		if day, ok = stringToDate(datePart); !ok {
			return time.Time{}, false
		}
		if datePart != trimAll(datePart) {
			return time.Time{}, false
		}
	}
	if timePart == "" {
		return day, true
	}
	// split off the zone: Z, +hh[:mm], -hh[:mm], or a zone id after the time
	clock, zone := timePart, ""
	for k := 0; k < len(timePart); k++ {
		c := timePart[k]
		if isDigit(c) || c == ':' || c == '.' {
			continue
		}
		clock, zone = timePart[:k], strings.TrimSpace(timePart[k:])
		break
	}
	parts := strings.Split(clock, ":")
	if len(parts) > 3 || clock == "" {
		return time.Time{}, false
	}
	var hms [3]int
	nanos := 0
	for k, p := range parts {
		if k == len(parts)-1 && k == 2 {
			if dot := strings.IndexByte(p, '.'); dot >= 0 {
				frac := p[dot+1:]
				p = p[:dot]
				for _, c := range []byte(frac) {
					if !isDigit(c) {
						return time.Time{}, false
					}
				}
				frac = (frac + "000000")[:6] // microseconds; more digits are truncated
				us, _ := strconv.Atoi(frac)
				nanos = us * 1000
			}
		}
		if len(p) < 1 || len(p) > 2 {
			return time.Time{}, false
		}
		for _, c := range []byte(p) {
			if !isDigit(c) {
				return time.Time{}, false
			}
		}
		hms[k], _ = strconv.Atoi(p)
	}
	if hms[0] > 23 || hms[1] > 59 || hms[2] > 59 {
		return time.Time{}, false
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), hms[0], hms[1], hms[2], nanos, time.UTC)
	if zone != "" {
		loc, ok := parseZone(zone)
		if !ok {
			return time.Time{}, false
		}
		t = time.Date(day.Year(), day.Month(), day.Day(), hms[0], hms[1], hms[2], nanos, loc).UTC()
	}
	return t, true
}

// parseZone reads Z, UTC, GMT, +hh, +hh:mm, +hhmm, GMT+hh:mm or a region id.
func parseZone(z string) (*time.Location, bool) {
	u := strings.ToUpper(z)
	switch u {
	case "Z", "UTC", "GMT", "UT":
		return time.UTC, true
	}
	for _, p := range []string{"UTC", "GMT", "UT"} {
		if strings.HasPrefix(u, p) && len(u) > len(p) && (u[len(p)] == '+' || u[len(p)] == '-') {
			u = u[len(p):]
			break
		}
	}
	if u[0] == '+' || u[0] == '-' {
		digits := strings.ReplaceAll(u[1:], ":", "")
		if len(digits) == 1 {
			digits = "0" + digits
		}
		if len(digits) != 2 && len(digits) != 4 {
			return nil, false
		}
		h, err1 := strconv.Atoi(digits[:2])
		m := 0
		var err2 error
		if len(digits) == 4 {
			m, err2 = strconv.Atoi(digits[2:])
		}
		if err1 != nil || err2 != nil || h > 18 || m > 59 {
			return nil, false
		}
		off := h*3600 + m*60
		if u[0] == '-' {
			off = -off
		}
		return time.FixedZone(z, off), true
	}
	loc, err := time.LoadLocation(z)
	return loc, err == nil
}

// pattern is a compiled Spark datetime pattern (dateFormat,
// timestampFormat) used for parsing.
type pattern struct {
	items []patItem
}

type patItem struct {
	letter   byte   // 0 for literal text
	count    int    // letters in a row
	lit      string // literal text
	optional *pattern
}

// compilePattern compiles Spark's datetime pattern letters: y u M L d D H
// h k K m s S a E X x Z z, quoted text, and [optional] sections.
func compilePattern(p string) (*pattern, error) {
	pat, rest, err := compileSeq(p, false)
	if err != nil {
		return nil, err
	}
	if rest != "" {
		return nil, fmt.Errorf("unbalanced ] in pattern %q", p)
	}
	return pat, nil
}

func compileSeq(p string, inOpt bool) (*pattern, string, error) {
	out := &pattern{}
	for len(p) > 0 {
		c := p[0]
		switch {
		case c == '[':
			sub, rest, err := compileSeq(p[1:], true)
			if err != nil {
				return nil, "", err
			}
			out.items = append(out.items, patItem{optional: sub})
			p = rest
		case c == ']':
			if !inOpt {
				return nil, "", fmt.Errorf("unbalanced ] in pattern")
			}
			return out, p[1:], nil
		case c == '\'':
			end := strings.IndexByte(p[1:], '\'')
			if end < 0 {
				return nil, "", fmt.Errorf("unterminated quote in pattern")
			}
			lit := p[1 : 1+end]
			if lit == "" {
				lit = "'"
			}
			out.items = append(out.items, patItem{lit: lit})
			p = p[2+end:]
		case (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			n := 1
			for n < len(p) && p[n] == c {
				n++
			}
			if !strings.ContainsRune("yuMLdDHhkKmsSaEXxZzVO", rune(c)) {
				return nil, "", fmt.Errorf("unsupported pattern letter %q", c)
			}
			out.items = append(out.items, patItem{letter: c, count: n})
			p = p[n:]
		default:
			out.items = append(out.items, patItem{lit: string(c)})
			p = p[1:]
		}
	}
	if inOpt {
		return nil, "", fmt.Errorf("unterminated [ in pattern")
	}
	return out, "", nil
}

// fields collected while parsing with a pattern.
type dtFields struct {
	year, month, day, doy       int
	hour, minute, second, nanos int
	pm, hasAmPm, hour12         bool
	zone                        *time.Location
	hasYear, hasMonth, hasDay   bool
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
var dayNames = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// parse reads s completely with the pattern; it returns the wall-clock time.
func (p *pattern) parse(s string) (time.Time, bool) {
	f := &dtFields{year: 1970, month: 1, day: 1}
	rest, ok := p.match(s, f)
	if !ok || rest != "" {
		return time.Time{}, false
	}
	h := f.hour
	if f.hour12 {
		if h < 1 || h > 12 {
			return time.Time{}, false
		}
		h %= 12
		if f.pm {
			h += 12
		}
	}
	if h > 23 || f.minute > 59 || f.second > 59 {
		return time.Time{}, false
	}
	d, ok := makeDate(f.year, f.month, f.day)
	if !ok {
		return time.Time{}, false
	}
	if f.doy > 0 {
		d = time.Date(f.year, 1, f.doy, 0, 0, 0, 0, time.UTC)
	}
	loc := time.UTC
	if f.zone != nil {
		loc = f.zone
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, f.minute, f.second, f.nanos, loc).UTC(), true
}

func (p *pattern) match(s string, f *dtFields) (string, bool) {
	for _, it := range p.items {
		switch {
		case it.optional != nil:
			saved := *f
			if rest, ok := it.optional.match(s, f); ok {
				s = rest
			} else {
				*f = saved
			}
		case it.letter == 0:
			if !strings.HasPrefix(s, it.lit) {
				return s, false
			}
			s = s[len(it.lit):]
		default:
			var ok bool
			if s, ok = matchLetter(it, s, f); !ok {
				return s, false
			}
		}
	}
	return s, true
}

// number reads between lo and hi digits.
func number(s string, lo, hi int) (int, string, bool) {
	n := 0
	for n < len(s) && n < hi && isDigit(s[n]) {
		n++
	}
	if n < lo {
		return 0, s, false
	}
	v, _ := strconv.Atoi(s[:n])
	return v, s[n:], true
}

func matchName(s string, names []string, short bool) (int, string, bool) {
	for i, name := range names {
		if short {
			name = name[:3]
		}
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) {
			return i, s[len(name):], true
		}
	}
	return 0, s, false
}

func matchLetter(it patItem, s string, f *dtFields) (string, bool) {
	n := it.count
	var v int
	var ok bool
	width := func() (int, int) {
		if n == 1 {
			return 1, 2
		}
		return n, n
	}
	switch it.letter {
	case 'y', 'u':
		switch n {
		case 2:
			v, s, ok = number(s, 2, 2)
			v += 2000
		case 1:
			v, s, ok = number(s, 1, 9)
		default:
			v, s, ok = number(s, n, max(n, 9))
		}
		f.year, f.hasYear = v, true
	case 'M', 'L':
		switch {
		case n >= 4:
			v, s, ok = matchName(s, monthNames, false)
			v++
		case n == 3:
			v, s, ok = matchName(s, monthNames, true)
			v++
		default:
			lo, hi := width()
			v, s, ok = number(s, lo, hi)
		}
		f.month, f.hasMonth = v, true
	case 'd':
		lo, hi := width()
		v, s, ok = number(s, lo, hi)
		f.day, f.hasDay = v, true
	case 'D':
		v, s, ok = number(s, n, 3)
		f.doy = v
	case 'H', 'k':
		lo, hi := width()
		v, s, ok = number(s, lo, hi)
		if it.letter == 'k' && v == 24 {
			v = 0
		}
		f.hour = v
	case 'h', 'K':
		lo, hi := width()
		v, s, ok = number(s, lo, hi)
		f.hour, f.hour12 = v, it.letter == 'h'
		if it.letter == 'K' {
			f.hour12 = true
			if v == 0 {
				f.hour = 12
			}
		}
	case 'm':
		lo, hi := width()
		v, s, ok = number(s, lo, hi)
		f.minute = v
	case 's':
		lo, hi := width()
		v, s, ok = number(s, lo, hi)
		f.second = v
	case 'S':
		var digits string
		k := 0
		for k < len(s) && k < n && isDigit(s[k]) {
			k++
		}
		if k != n {
			return s, false
		}
		digits, s = s[:k], s[k:]
		us, _ := strconv.Atoi((digits + "000000")[:6])
		f.nanos, ok = us*1000, true
	case 'a':
		switch {
		case len(s) >= 2 && strings.EqualFold(s[:2], "AM"):
			f.pm, ok = false, true
		case len(s) >= 2 && strings.EqualFold(s[:2], "PM"):
			f.pm, ok = true, true
		}
		if ok {
			s = s[2:]
		}
		f.hasAmPm = true
	case 'E':
		_, s, ok = matchName(s, dayNames, n <= 3)
	case 'X', 'x', 'Z', 'z', 'V', 'O':
		end := 0
		for end < len(s) && (s[end] == '+' || s[end] == '-' || s[end] == ':' || s[end] == '/' || s[end] == '_' ||
			isDigit(s[end]) || (s[end] >= 'A' && s[end] <= 'Z') || (s[end] >= 'a' && s[end] <= 'z')) {
			end++
		}
		var loc *time.Location
		loc, ok = parseZone(s[:end])
		if ok {
			f.zone, s = loc, s[end:]
		}
	}
	return s, ok
}
