package verify

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// DefaultNow is the instant both engines see as "now" unless told
// otherwise: the day after the mock data's last events, so that "last 90
// days" metrics and statuses have something to count.
var DefaultNow = time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC)

// PinClock replaces, in n, every expression that reads the current date or
// time with a literal of the instant now (in UTC, the session time zone of
// both engines), and returns how many it replaced. The functions are those
// of the dialect: in Spark current_date(), curdate(), CURRENT_DATE,
// current_timestamp(), now(), localtimestamp(), CURRENT_TIMESTAMP and
// unix_timestamp() without argument; in Flink CURRENT_DATE,
// CURRENT_TIMESTAMP, NOW(), CURRENT_ROW_TIMESTAMP(), LOCALTIMESTAMP,
// CURRENT_TIME, LOCALTIME and UNIX_TIMESTAMP() without argument. Each is
// replaced by a literal of its own type, so the query types the same.
func PinClock(n ast.Node, d token.Dialect, now time.Time) int {
	now = now.UTC()
	count := 0
	ast.RewriteExprs(n, func(e ast.Expr) ast.Expr {
		name, ok := clockName(e)
		if !ok {
			return e
		}
		if lit := clockLiteral(e.Pos(), name, d, now); lit != nil {
			count++
			return lit
		}
		return e
	})
	return count
}

// clockName returns the upper-case name of a bare word (CURRENT_DATE) or of
// a call without arguments (NOW()).
func clockName(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Name:
		if len(x.Parts) == 1 && !x.Parts[0].Quoted {
			return strings.ToUpper(x.Parts[0].Name), true
		}
	case *ast.Func:
		if len(x.Name.Parts) == 1 && len(x.Args) == 0 && !x.Star && x.Over == nil {
			return strings.ToUpper(x.Name.Parts[0].Name) + "()", true
		}
	}
	return "", false
}

func clockLiteral(at token.Pos, name string, d token.Dialect, now time.Time) ast.Expr {
	date := now.Format("2006-01-02")
	ts := now.Format("2006-01-02 15:04:05")
	typed := func(typ, v string) ast.Expr {
		return &ast.TypedLiteral{At: ast.At{At: at}, Type: typ,
			Value: &ast.Literal{At: ast.At{At: at}, Kind: ast.LitString, Value: v, Raw: "'" + v + "'"}}
	}
	number := func(v int64) ast.Expr {
		s := strconv.FormatInt(v, 10)
		return &ast.Literal{At: ast.At{At: at}, Kind: ast.LitNumber, Value: s, Raw: s}
	}
	if d == token.Spark {
		switch name {
		case "CURRENT_DATE", "CURRENT_DATE()", "CURDATE()":
			return typed("DATE", date)
		case "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()", "NOW()", "LOCALTIMESTAMP", "LOCALTIMESTAMP()":
			return typed("TIMESTAMP", ts)
		case "UNIX_TIMESTAMP()":
			return number(now.Unix())
		}
		return nil
	}
	switch name {
	case "CURRENT_DATE":
		return typed("DATE", date)
	case "CURRENT_TIMESTAMP", "NOW()", "CURRENT_ROW_TIMESTAMP()":
		// TIMESTAMP_LTZ(3), the type of these functions.
		return &ast.Func{At: ast.At{At: at},
			Name: &ast.Name{At: ast.At{At: at}, Parts: []*ast.Ident{{At: ast.At{At: at}, Name: "TO_TIMESTAMP_LTZ"}}},
			Args: []ast.Expr{number(now.UnixMilli()), number(3)}}
	case "LOCALTIMESTAMP":
		return typed("TIMESTAMP", ts)
	case "CURRENT_TIME", "LOCALTIME":
		return typed("TIME", now.Format("15:04:05"))
	case "UNIX_TIMESTAMP()":
		return number(now.Unix())
	}
	return nil
}

// Edit replaces src[Start:End] with Text.
type Edit struct {
	Start, End int
	Text       string
}

// ClockEdits finds the expressions of n that PinClock would replace and
// returns them as edits of src, the text n was parsed from, so that the
// text keeps its lines and columns (and errors their positions). An
// expression whose extent cannot be found in src is left out.
func ClockEdits(n ast.Node, src string, d token.Dialect, now time.Time) []Edit {
	now = now.UTC()
	var edits []Edit
	ast.RewriteExprs(n, func(e ast.Expr) ast.Expr {
		name, ok := clockName(e)
		if !ok {
			return e
		}
		lit := clockLiteral(e.Pos(), name, d, now)
		if lit == nil {
			return e
		}
		start := e.Pos().Offset
		word := strings.TrimSuffix(name, "()")
		if start < 0 || start+len(word) > len(src) || !strings.EqualFold(src[start:start+len(word)], word) {
			return e
		}
		end := start + len(word)
		if strings.HasSuffix(name, "()") {
			if end = emptyParens(src, end); end < 0 {
				return e
			}
		}
		edits = append(edits, Edit{Start: start, End: end, Text: printer.Print(lit, printer.Config{Dialect: d})})
		return e
	})
	return edits
}

// emptyParens returns the offset just past "( )" at src[i:] (spaces
// allowed), or -1.
func emptyParens(src string, i int) int {
	skip := func() {
		for i < len(src) && strings.ContainsRune(" \t\r\n", rune(src[i])) {
			i++
		}
	}
	skip()
	if i >= len(src) || src[i] != '(' {
		return -1
	}
	i++
	skip()
	if i >= len(src) || src[i] != ')' {
		return -1
	}
	return i + 1
}

// ApplyEdits applies non-overlapping edits to src.
func ApplyEdits(src string, edits []Edit) string {
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.Start < at {
			continue // overlapping: keep the first
		}
		b.WriteString(src[at:e.Start])
		b.WriteString(e.Text)
		at = e.End
	}
	b.WriteString(src[at:])
	return b.String()
}
