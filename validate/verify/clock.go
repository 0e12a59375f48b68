package verify

import (
	"strconv"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
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
