package rules

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// unitArg reads a unit argument: a bare word (DAY) or a string ('day').
func unitArg(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Name:
		if len(x.Parts) == 1 {
			return strings.ToUpper(x.Parts[0].Name), true
		}
	case *ast.Literal:
		if x.Kind == ast.LitString {
			return strings.ToUpper(strings.TrimSpace(x.Value)), true
		}
	}
	return "", false
}

// diffUnits maps Spark's TIMESTAMPDIFF/DATEDIFF units to Flink's.
var diffUnits = map[string]string{
	"YEAR": "YEAR", "YEARS": "YEAR", "MONTH": "MONTH", "MONTHS": "MONTH", "DAY": "DAY", "DAYS": "DAY",
	"HOUR": "HOUR", "HOURS": "HOUR", "MINUTE": "MINUTE", "MINUTES": "MINUTE", "SECOND": "SECOND", "SECONDS": "SECOND",
}

func ruleDatediff(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 2:
		at := f.Pos()
		return call(at, "TIMESTAMPDIFF", word(at, "DAY"), c.asDate(f.Args[1]), c.asDate(f.Args[0])), true
	case 3:
		return ruleTimestampdiff(c, f)
	}
	return c.fail(f, "expects two or three arguments")
}

func ruleTimestampdiff(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 3) {
		return c.fail(f, "expects three arguments")
	}
	at := f.Pos()
	u, ok := unitArg(f.Args[0])
	if !ok {
		return c.fail(f, "the unit must be written as a word")
	}
	start, end := f.Args[1], f.Args[2]
	if fu, ok := diffUnits[u]; ok {
		return call(at, "TIMESTAMPDIFF", word(at, fu), start, end), true
	}
	switch u {
	case "WEEK", "WEEKS":
		return bin(at, "/", call(at, "TIMESTAMPDIFF", word(at, "DAY"), start, end), num(at, "7")), true
	case "QUARTER", "QUARTERS":
		return bin(at, "/", call(at, "TIMESTAMPDIFF", word(at, "MONTH"), start, end), num(at, "3")), true
	}
	return c.fail(f, "unit %s is not supported by Flink's TIMESTAMPDIFF", u)
}

func ruleDateAdd(c *Context, f *ast.Func, sub bool) (ast.Expr, bool) {
	if len(f.Args) == 3 && !sub {
		return ruleTimestampadd(c, f)
	}
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	at := f.Pos()
	d, n := c.asDate(f.Args[0]), f.Args[1]
	if v, ok := intLit(n); ok {
		op := "+"
		if sub {
			op = "-"
		}
		if v < 0 {
			v = -v
			if op == "+" {
				op = "-"
			} else {
				op = "+"
			}
		}
		return bin(at, op, d, dayInterval(at, itoa(v))), true
	}
	if sub {
		n = neg(at, n)
	}
	return call(at, "TIMESTAMPADD", word(at, "DAY"), n, d), true
}

// dayInterval builds INTERVAL 'v' DAY with the precision the value needs.
func dayInterval(at token.Pos, v string) *ast.Interval {
	iv := &ast.Interval{At: ast.At{At: at}, Fields: []ast.IntervalField{{Value: str(at, v), Unit: "DAY"}}}
	iv.Precision = leadPrecision(v)
	return iv
}

var addUnits = map[string]string{
	"YEAR": "YEAR", "QUARTER": "QUARTER", "MONTH": "MONTH", "WEEK": "WEEK", "DAY": "DAY", "DAYOFYEAR": "DAY",
	"HOUR": "HOUR", "MINUTE": "MINUTE", "SECOND": "SECOND",
}

func ruleTimestampadd(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 3) {
		return c.fail(f, "expects three arguments")
	}
	u, ok := unitArg(f.Args[0])
	if !ok {
		return c.fail(f, "the unit must be written as a word")
	}
	fu, ok := addUnits[strings.TrimSuffix(u, "S")]
	if !ok {
		return c.fail(f, "unit %s is not supported by Flink's TIMESTAMPADD", u)
	}
	at := f.Pos()
	return call(at, "TIMESTAMPADD", word(at, fu), f.Args[1], f.Args[2]), true
}

func ruleAddMonths(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	at := f.Pos()
	return call(at, "TIMESTAMPADD", word(at, "MONTH"), f.Args[1], c.asDate(f.Args[0])), true
}

func ruleMonthsBetween(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2, 3) {
		return c.fail(f, "expects two or three arguments")
	}
	at := f.Pos()
	c.warn(at, "spark.fn.months_between", "MONTHS_BETWEEN became whole months (TIMESTAMPDIFF(MONTH, ...)): Spark adds the fraction (day difference / 31) unless both days are the same day of month or both month ends")
	return castTo(at, call(at, "TIMESTAMPDIFF", word(at, "MONTH"), f.Args[1], f.Args[0]), typ("DOUBLE")), true
}

// patternArg translates a Spark datetime pattern argument to Flink's, or
// records residue.
func (c *Context) patternArg(f *ast.Func, e ast.Expr) (ast.Expr, bool) {
	p, ok := strLit(e)
	if !ok {
		c.fail(f, "the datetime pattern is not a string literal, so its letters cannot be translated")
		return nil, false
	}
	out, bad := FlinkDatePattern(p)
	if bad != "" {
		c.fail(f, "pattern %q: %s", p, bad)
		return nil, false
	}
	return str(e.Pos(), out), true
}

func ruleToDate(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 1:
		x := f.Args[0]
		if !c.isDate(x) && !c.isTimestamp(x) {
			c.note(f.Pos(), "spark.fn.to_date", "TO_DATE(x) became CAST(x AS DATE): a string must be 'yyyy-MM-dd' in Flink, Spark also accepts 'yyyy', 'yyyy-MM' and a trailing time")
		}
		return castTo(f.Pos(), x, typ("DATE")), true
	case 2:
		p, ok := c.patternArg(f, f.Args[1])
		if !ok {
			return f, false
		}
		return call(f.Pos(), "TO_DATE", f.Args[0], p), true
	}
	return c.fail(f, "expects one or two arguments")
}

func ruleToTimestamp(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 1:
		x := f.Args[0]
		if !c.isDate(x) && !c.isTimestamp(x) {
			c.note(f.Pos(), "spark.fn.to_timestamp", "TO_TIMESTAMP(x) became CAST(x AS TIMESTAMP(3)): a string must be 'yyyy-MM-dd HH:mm:ss[.SSS]' in Flink, Spark also accepts ISO-8601 forms with 'T' and a zone")
		}
		return castTo(f.Pos(), x, typ("TIMESTAMP", "3")), true
	case 2:
		p, ok := c.patternArg(f, f.Args[1])
		if !ok {
			return f, false
		}
		return call(f.Pos(), "TO_TIMESTAMP", f.Args[0], p), true
	}
	return c.fail(f, "expects one or two arguments")
}

func ruleDateFormat(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	p, ok := c.patternArg(f, f.Args[1])
	if !ok {
		return f, false
	}
	x := f.Args[0]
	if c.isDate(x) {
		x = castTo(x.Pos(), x, typ("TIMESTAMP", "3"))
	}
	return call(f.Pos(), "DATE_FORMAT", x, p), true
}

func ruleFromUnixtime(c *Context, f *ast.Func) (ast.Expr, bool) {
	switch len(f.Args) {
	case 1:
		return call(f.Pos(), "FROM_UNIXTIME", f.Args[0]), true
	case 2:
		p, ok := c.patternArg(f, f.Args[1])
		if !ok {
			return f, false
		}
		return call(f.Pos(), "FROM_UNIXTIME", f.Args[0], p), true
	}
	return c.fail(f, "expects one or two arguments")
}

func ruleUnixTimestamp(c *Context, f *ast.Func) (ast.Expr, bool) {
	at := f.Pos()
	switch len(f.Args) {
	case 0:
		c.note(at, "spark.fn.unix_timestamp", "UNIX_TIMESTAMP() is evaluated per record in streaming (once per query in Spark)")
		return call(at, "UNIX_TIMESTAMP"), true
	case 1, 2:
		x := f.Args[0]
		if c.isDate(x) || c.isTimestamp(x) {
			// Spark ignores the pattern for a date/timestamp argument.
			if c.isDate(x) {
				x = castTo(x.Pos(), x, typ("TIMESTAMP", "3"))
			}
			return call(at, "UNIX_TIMESTAMP", call(at, "DATE_FORMAT", x, str(at, "yyyy-MM-dd HH:mm:ss"))), true
		}
		c.note(at, "spark.fn.unix_timestamp", "an unparsable string gives -9223372036854775808 (Long.MIN_VALUE) in Flink, NULL in Spark")
		if len(f.Args) == 1 {
			return call(at, "UNIX_TIMESTAMP", x), true
		}
		p, ok := c.patternArg(f, f.Args[1])
		if !ok {
			return f, false
		}
		return call(at, "UNIX_TIMESTAMP", x, p), true
	}
	return c.fail(f, "expects at most two arguments")
}

// truncUnits maps Spark's DATE_TRUNC/TRUNC unit strings to FLOOR units.
var truncUnits = map[string]string{
	"YEAR": "YEAR", "YYYY": "YEAR", "YY": "YEAR",
	"QUARTER": "QUARTER",
	"MONTH":   "MONTH", "MM": "MONTH", "MON": "MONTH",
	"WEEK": "WEEK",
	"DAY":  "DAY", "DD": "DAY",
	"HOUR": "HOUR", "MINUTE": "MINUTE", "SECOND": "SECOND",
}

// monday returns the Monday on or before the date d: Spark's weeks start
// on Monday; DAYOFWEEK gives 1 for Sunday, 2 for Monday.
func monday(at token.Pos, d ast.Expr) ast.Expr {
	back := call(at, "MOD", bin(at, "+", call(at, "DAYOFWEEK", d), num(at, "5")), num(at, "7"))
	return call(at, "TIMESTAMPADD", word(at, "DAY"), neg(at, back), d)
}

func ruleDateTrunc(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	u, ok := unitArg(f.Args[0])
	if !ok {
		return c.fail(f, "the unit is not a literal")
	}
	fu, ok := truncUnits[u]
	if !ok {
		return c.fail(f, "unit %q has no FLOOR counterpart", u)
	}
	at := f.Pos()
	x := f.Args[1]
	if fu == "WEEK" {
		return castTo(at, monday(at, c.asDate(x)), typ("TIMESTAMP", "3")), true
	}
	if c.isDate(x) || isStringLit(x) || c.isString(x) {
		x = castTo(x.Pos(), x, typ("TIMESTAMP", "3"))
	}
	return &ast.FloorCeil{At: ast.At{At: at}, Func: "FLOOR", X: x, Unit: fu}, true
}

func ruleTrunc(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	u, ok := unitArg(f.Args[1])
	if !ok {
		return c.fail(f, "the unit is not a literal")
	}
	fu, ok := truncUnits[u]
	if !ok || (fu != "YEAR" && fu != "QUARTER" && fu != "MONTH" && fu != "WEEK") {
		return c.fail(f, "unit %q: Spark's TRUNC returns NULL for it", u)
	}
	at := f.Pos()
	d := c.asDate(f.Args[0])
	if fu == "WEEK" {
		return monday(at, d), true
	}
	return &ast.FloorCeil{At: ast.At{At: at}, Func: "FLOOR", X: d, Unit: fu}, true
}

func ruleCurrentDate(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 0) {
		return c.fail(f, "expects no argument")
	}
	c.note(f.Pos(), "spark.fn.current_date", "CURRENT_DATE is evaluated per record in streaming: rows processed on different days get different dates (Spark: once per query)")
	return word(f.Pos(), "CURRENT_DATE"), true
}

func ruleCurrentTimestamp(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 0) {
		return c.fail(f, "expects no argument")
	}
	c.note(f.Pos(), "spark.fn.current_timestamp", "LOCALTIMESTAMP is evaluated per record in streaming (Spark: once per query)")
	return word(f.Pos(), "LOCALTIMESTAMP"), true
}

func ruleWeekday(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	at := f.Pos()
	return call(at, "MOD", bin(at, "+", call(at, "DAYOFWEEK", c.asDate(f.Args[0])), num(at, "5")), num(at, "7")), true
}

func ruleWeekOfYear(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	c.note(f.Pos(), "spark.fn.weekofyear", "WEEKOFYEAR is an ISO-8601 week (Monday start, week 1 has 4+ days); check Flink's WEEK agrees for days around New Year")
	return call(f.Pos(), "WEEK", c.asDate(f.Args[0])), true
}

func ruleLastDay(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	at := f.Pos()
	first := &ast.FloorCeil{At: ast.At{At: at}, Func: "FLOOR", X: c.asDate(f.Args[0]), Unit: "MONTH"}
	next := call(at, "TIMESTAMPADD", word(at, "MONTH"), num(at, "1"), first)
	return call(at, "TIMESTAMPADD", word(at, "DAY"), num(at, "-1"), next), true
}

var extractUnits = map[string]string{
	"YEAR": "YEAR", "Y": "YEAR", "YEARS": "YEAR", "YR": "YEAR", "YRS": "YEAR",
	"QUARTER": "QUARTER", "QTR": "QUARTER",
	"MONTH": "MONTH", "MON": "MONTH", "MONS": "MONTH", "MONTHS": "MONTH",
	"WEEK": "WEEK", "W": "WEEK", "WEEKS": "WEEK",
	"DAY": "DAY", "D": "DAY", "DAYS": "DAY",
	"DAYOFWEEK": "DOW", "DOW": "DOW", "DOY": "DOY",
	"HOUR": "HOUR", "H": "HOUR", "HOURS": "HOUR", "HR": "HOUR", "HRS": "HOUR",
	"MINUTE": "MINUTE", "M": "MINUTE", "MIN": "MINUTE", "MINS": "MINUTE", "MINUTES": "MINUTE",
}

func ruleDatePart(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 2) {
		return c.fail(f, "expects two arguments")
	}
	u, ok := unitArg(f.Args[0])
	if !ok {
		return c.fail(f, "the unit is not a literal")
	}
	fu, ok := extractUnits[u]
	if !ok {
		return c.fail(f, "unit %q has no EXTRACT counterpart with the same result (SECOND has a fraction in Spark)", u)
	}
	return &ast.Extract{At: ast.At{At: f.Pos()}, Unit: fu, X: f.Args[1]}, true
}

func ruleTimestampSeconds(c *Context, f *ast.Func) (ast.Expr, bool) {
	if !nargs(f, 1) {
		return c.fail(f, "expects one argument")
	}
	prec := "0"
	if strings.EqualFold(f.Name.Last().Name, "timestamp_millis") {
		prec = "3"
	}
	at := f.Pos()
	return castTo(at, call(at, "TO_TIMESTAMP_LTZ", f.Args[0], num(at, prec)), typ("TIMESTAMP", "3")), true
}

// ---------------------------------------------------------------------------
// datetime patterns

// FlinkDatePattern translates a Spark datetime pattern (Spark 3's
// DateTimeFormatter-based letters) to the pattern Flink's DATE_FORMAT,
// TO_DATE, TO_TIMESTAMP, FROM_UNIXTIME and UNIX_TIMESTAMP read (Java
// SimpleDateFormat letters). Only letters that mean the same in both are
// kept; bad describes the first one that does not, or is empty.
func FlinkDatePattern(p string) (out, bad string) {
	var b strings.Builder
	for i := 0; i < len(p); {
		ch := p[i]
		if ch == '\'' {
			// quoted text, '' is a quote
			j := i + 1
			for j < len(p) {
				if p[j] == '\'' {
					if j+1 < len(p) && p[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j >= len(p) {
				return "", "unterminated quoted text"
			}
			b.WriteString(p[i : j+1])
			i = j + 1
			continue
		}
		if !isLetter(ch) {
			b.WriteByte(ch)
			i++
			continue
		}
		j := i
		for j < len(p) && p[j] == ch {
			j++
		}
		n := j - i
		run := p[i:j]
		switch ch {
		case 'y', 'M', 'd', 'D', 'H', 'h', 'k', 'K', 'm', 's', 'E', 'G', 'a':
			b.WriteString(run)
		case 'L':
			b.WriteString(strings.Repeat("M", n))
		case 'S':
			if n != 3 {
				return "", "fraction of second '" + run + "': only SSS (milliseconds) means the same in Flink"
			}
			b.WriteString(run)
		case 'z', 'Z', 'X':
			if n > 3 {
				return "", "zone letters '" + run + "' differ in Flink"
			}
			b.WriteString(run)
		default:
			return "", "letter '" + string(ch) + "' has no identical Flink (SimpleDateFormat) meaning"
		}
		i = j
	}
	return b.String(), ""
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
