package rules

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// ExprRules documents the rules that are not function or type rules: one
// entry per rule id, each with a row in rules_test.go.
var ExprRules = []struct{ ID, Doc string }{
	{"spark.literal.suffix", "numeric suffixes: 1L → CAST(1 AS BIGINT), 1S → SMALLINT, 1Y → TINYINT, 1.5D → CAST(1.5 AS DOUBLE), 1.5F → FLOAT, 2BD → CAST(2 AS DECIMAL(1, 0)), 2.50BD → 2.50"},
	{"spark.literal.string", "double-quoted strings and backslash escapes (\\n, \\t, \\', \\uXXXX, octal) → a single-quoted Flink string with '' escaping"},
	{"spark.literal.typed", "typed literals: DATE 'yyyy-M-d' / 'yyyy' padded to yyyy-MM-dd, TIMESTAMP 'yyyy-MM-ddTHH:mm:ss' with a space, TIMESTAMP_NTZ and TIMESTAMP_LTZ → TIMESTAMP (Spark's TIMESTAMP_LTZ is its TIMESTAMP, mapped to TIMESTAMP(3) like every Spark timestamp)"},
	{"spark.interval", "INTERVAL 30 DAYS → INTERVAL '30' DAY (singular units, quoted values, leading precision when above 2 digits); WEEK → 7 DAY; MILLISECOND → fractional SECOND; several fields → a sum of intervals; YEAR TO MONTH / DAY TO SECOND kept"},
	{"spark.cast.colons", "x::t → CAST(x AS t)"},
	{"spark.cast.lenient", "CAST of a STRING to a number, date, time or boolean → TRY_CAST: Spark (non-ANSI) gives NULL on a bad value, Flink's CAST fails the job"},
	{"spark.cast.timestamp_string", "CAST of a TIMESTAMP to STRING is kept and noted: Flink writes TIMESTAMP(3) with .SSS, Spark drops a zero fraction"},
	{"spark.op.not", "!x → NOT x"},
	{"spark.op.eq", "a == b → a = b"},
	{"spark.op.ne", "a != b → a <> b"},
	{"spark.op.and", "a && b → a AND b"},
	{"spark.op.null_safe_eq", "a <=> b → a IS NOT DISTINCT FROM b"},
	{"spark.op.concat_array", "a || b on arrays → ARRAY_CONCAT(a, b)"},
	{"spark.op.rlike", "x RLIKE p / x REGEXP p → REGEXP(x, p) (both find a match anywhere, Java regex)"},
	{"spark.op.ilike", "x ILIKE p → LOWER(x) LIKE LOWER(p)"},
	{"spark.op.like_any", "x LIKE ANY|SOME|ALL (p1, p2) → (x LIKE p1 OR|AND x LIKE p2)"},
	{"spark.fn.datepart_int", "YEAR/QUARTER/MONTH/WEEK/DAYOFYEAR/DAYOFMONTH/DAYOFWEEK/HOUR/MINUTE/SECOND(x) and EXTRACT(unit FROM x) → CAST(... AS INT): Spark returns INT, Flink BIGINT"},
	{"spark.op.divide", "a / b on integers → CAST(a AS DOUBLE) / b: Spark's / always divides as DOUBLE (or DECIMAL), Flink's truncates integers"},
	{"spark.subscript", "0-based arr[i] → arr[i + 1] (literal indexes folded); map[key] kept"},
	{"spark.compare.date_string", "a DATE/TIMESTAMP compared with a date string → DATE '...' / TIMESTAMP '...'; when the type is unknown the comparison is kept and noted"},
	{"spark.current_time", "CURRENT_DATE / CURRENT_TIMESTAMP written without parentheses → CURRENT_DATE / LOCALTIMESTAMP, noted: evaluated per record in streaming"},
}

// ResidueRules lists the residue rule ids.
var ResidueRules = []string{ResidueFunction, ResidueOperator, ResidueType, ResidueLiteral}

// ---------------------------------------------------------------------------
// names

func (c *Context) rewriteName(n *ast.Name) ast.Expr {
	if len(n.Parts) != 1 || n.Parts[0].Quoted {
		return n
	}
	switch strings.ToUpper(n.Parts[0].Name) {
	case "CURRENT_DATE":
		c.applied("spark.current_time")
		c.note(n.Pos(), "spark.current_time", "CURRENT_DATE is evaluated per record in streaming: rows processed on different days get different dates (Spark: once per query)")
		return word(n.Pos(), "CURRENT_DATE")
	case "CURRENT_TIMESTAMP":
		c.applied("spark.current_time")
		c.note(n.Pos(), "spark.current_time", "CURRENT_TIMESTAMP became LOCALTIMESTAMP (a TIMESTAMP(3)), evaluated per record in streaming (Spark: once per query)")
		return word(n.Pos(), "LOCALTIMESTAMP")
	}
	return n
}

// ---------------------------------------------------------------------------
// literals

func flinkQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (c *Context) rewriteLiteral(l *ast.Literal) ast.Expr {
	switch l.Kind {
	case ast.LitString:
		if l.Raw == "" {
			return l
		}
		v, ok := decodeSparkString(l.Raw)
		if !ok {
			v = l.Value
		}
		q := flinkQuote(v)
		if q != l.Raw {
			c.applied("spark.literal.string")
			l.Value = v
			l.Raw = q
		}
		return l
	case ast.LitNumber:
		return c.rewriteNumber(l)
	}
	return l
}

func (c *Context) rewriteNumber(l *ast.Literal) ast.Expr {
	if l.Suffix == "" {
		return l
	}
	c.applied("spark.literal.suffix")
	at := l.Pos()
	bare := num(at, l.Value)
	switch l.Suffix {
	case "L":
		if n, err := strconv.ParseInt(l.Value, 10, 64); err == nil && (n > 2147483647 || n < -2147483648) {
			return bare // already a BIGINT literal
		}
		return castTo(at, bare, typ("BIGINT"))
	case "S":
		return castTo(at, bare, typ("SMALLINT"))
	case "Y":
		return castTo(at, bare, typ("TINYINT"))
	case "D":
		return castTo(at, bare, typ("DOUBLE"))
	case "F":
		return castTo(at, bare, typ("FLOAT"))
	case "BD":
		if strings.ContainsAny(l.Value, ".eE") {
			return bare // an exact numeric literal with a point is a DECIMAL in Flink
		}
		digits := strings.TrimLeft(l.Value, "+-")
		return castTo(at, bare, typ("DECIMAL", strconv.Itoa(max(len(digits), 1)), "0"))
	}
	return bare
}

// decodeSparkString returns the value of a Spark string literal as
// written: quotes '…' or "…", r'…' raw strings, backslash escapes including
// \uXXXX and octal \NNN, and adjacent literals joined.
func decodeSparkString(raw string) (string, bool) {
	var out strings.Builder
	rest := strings.TrimSpace(raw)
	for rest != "" {
		isRaw := false
		switch rest[0] {
		case 'r', 'R':
			isRaw = true
			rest = rest[1:]
		case 'x', 'X', 'b', 'B':
			return "", false
		}
		if rest == "" || (rest[0] != '\'' && rest[0] != '"') {
			return "", false
		}
		q := rest[0]
		i := 1
		for ; i < len(rest); i++ {
			ch := rest[i]
			if ch == '\\' && !isRaw && i+1 < len(rest) {
				i++
				switch e := rest[i]; {
				case e == 'u' && i+4 < len(rest):
					r, err := strconv.ParseUint(rest[i+1:i+5], 16, 32)
					if err != nil {
						out.WriteByte('u')
						continue
					}
					out.WriteRune(rune(r))
					i += 4
				case e >= '0' && e <= '3' && i+2 < len(rest) && isOctal(rest[i+1]) && isOctal(rest[i+2]):
					n, _ := strconv.ParseUint(rest[i:i+3], 8, 8)
					out.WriteByte(byte(n))
					i += 2
				case e == 'n':
					out.WriteByte('\n')
				case e == 't':
					out.WriteByte('\t')
				case e == 'r':
					out.WriteByte('\r')
				case e == 'b':
					out.WriteByte('\b')
				case e == '0':
					out.WriteByte(0)
				case e == 'Z':
					out.WriteByte(26)
				case e == '%' || e == '_':
					out.WriteByte('\\')
					out.WriteByte(e)
				default:
					out.WriteByte(e)
				}
				continue
			}
			if ch == q {
				if i+1 < len(rest) && rest[i+1] == q {
					out.WriteByte(q)
					i++
					continue
				}
				break
			}
			out.WriteByte(ch)
		}
		if i >= len(rest) {
			return "", false
		}
		rest = strings.TrimSpace(rest[i+1:])
	}
	s := out.String()
	if !utf8.ValidString(s) {
		return "", false
	}
	return s, true
}

func isOctal(b byte) bool { return b >= '0' && b <= '7' }

var (
	reDate      = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$`)
	reTimestamp = regexp.MustCompile(`^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?$`)
)

// normDate returns s as yyyy-MM-dd when Spark reads it as a date.
func normDate(s string) (string, bool) {
	m := reDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	mo, d := m[2], m[3]
	if mo == "" {
		mo = "1"
	}
	if d == "" {
		d = "1"
	}
	return m[1] + "-" + pad2(mo) + "-" + pad2(d), true
}

// normTimestamp returns s as yyyy-MM-dd HH:mm:ss[.f] when it is one.
func normTimestamp(s string) (string, bool) {
	m := reTimestamp.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	d, _ := normDate(m[1])
	t := m[2]
	if t == "" {
		return d + " 00:00:00", true
	}
	parts := strings.SplitN(t, ":", 3)
	parts[0] = pad2(parts[0])
	if len(parts) == 2 {
		parts = append(parts, "00")
	}
	return d + " " + strings.Join(parts, ":"), true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

func (c *Context) rewriteTypedLiteral(tl *ast.TypedLiteral) ast.Expr {
	at := tl.Pos()
	v := tl.Value.Value
	switch strings.ToUpper(tl.Type) {
	case "DATE":
		d, ok := normDate(v)
		if !ok {
			c.residue(at, ResidueLiteral, "DATE literal %q is not a date Flink reads (yyyy-MM-dd)", v)
			return tl
		}
		if d != v {
			c.applied("spark.literal.typed")
		}
		return &ast.TypedLiteral{At: tl.At, Type: "DATE", Value: str(at, d)}
	case "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ":
		ts, ok := normTimestamp(v)
		if !ok {
			c.residue(at, ResidueLiteral, "TIMESTAMP literal %q (zone or format) is not one Flink reads (yyyy-MM-dd HH:mm:ss)", v)
			return tl
		}
		out := ast.Expr(&ast.TypedLiteral{At: tl.At, Type: "TIMESTAMP", Value: str(at, ts)})
		if ts != v || tl.Type != "TIMESTAMP" {
			c.applied("spark.literal.typed")
		}
		return out
	}
	return tl
}

// ---------------------------------------------------------------------------
// intervals

// intervalClass tells year-month units from day-time units.
var intervalUnit = map[string]string{
	"YEAR": "ym", "MONTH": "ym", "WEEK": "dt", "DAY": "dt", "HOUR": "dt", "MINUTE": "dt", "SECOND": "dt",
	"MILLISECOND": "dt", "MICROSECOND": "dt",
}

// leadPrecision returns the leading-field precision a value needs in Flink
// (whose default is 2 digits), or "".
func leadPrecision(v string) string {
	d := strings.TrimLeft(v, "+-")
	if i := strings.IndexByte(d, '.'); i >= 0 {
		d = d[:i]
	}
	d = strings.TrimLeft(d, "0")
	if len(d) > 2 {
		return strconv.Itoa(len(d))
	}
	return ""
}

// intervalValue returns the text of an interval field value.
func intervalValue(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.Literal:
		if x.Kind == ast.LitNumber || x.Kind == ast.LitString {
			return strings.TrimSpace(x.Value), true
		}
	case *ast.Unary:
		if v, ok := intervalValue(x.X); ok && (x.Op == "-" || x.Op == "+") {
			if x.Op == "-" {
				if strings.HasPrefix(v, "-") {
					return v[1:], true
				}
				return "-" + v, true
			}
			return v, true
		}
	}
	return "", false
}

type ivField struct{ value, unit string }

// splitIntervalString reads Spark's INTERVAL '1 day 2 hours' string form.
func splitIntervalString(s string) ([]ivField, bool) {
	words := strings.Fields(strings.ToUpper(s))
	if len(words) == 0 || len(words)%2 != 0 {
		return nil, false
	}
	var out []ivField
	for i := 0; i < len(words); i += 2 {
		out = append(out, ivField{words[i], words[i+1]})
	}
	return out, true
}

func (c *Context) rewriteInterval(iv *ast.Interval) ast.Expr {
	at := iv.Pos()
	if iv.ToUnit != "" {
		return iv // YEAR TO MONTH, DAY TO SECOND: the same in Flink
	}
	var fields []ivField
	if len(iv.Fields) == 1 && iv.Fields[0].Unit == "" {
		v, _ := strLit(iv.Fields[0].Value)
		fs, ok := splitIntervalString(v)
		if !ok {
			c.residue(at, ResidueLiteral, "interval string %q is not of the form 'n unit ...'", v)
			return iv
		}
		fields = fs
	} else {
		for _, f := range iv.Fields {
			v, ok := intervalValue(f.Value)
			if !ok {
				c.residue(at, ResidueLiteral, "an interval field value must be a literal in Flink")
				return iv
			}
			fields = append(fields, ivField{v, strings.ToUpper(f.Unit)})
		}
	}
	var parts []ast.Expr
	classes := map[string]bool{}
	for _, f := range fields {
		unit := strings.TrimSuffix(f.unit, "S")
		class, ok := intervalUnit[unit]
		if !ok {
			c.residue(at, ResidueLiteral, "interval unit %s has no Flink counterpart", f.unit)
			return iv
		}
		classes[class] = true
		v := f.value
		switch unit {
		case "WEEK":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				c.residue(at, ResidueLiteral, "a fractional week interval has no Flink counterpart")
				return iv
			}
			v, unit = itoa(n*7), "DAY"
		case "MILLISECOND", "MICROSECOND":
			scale := 3
			if unit == "MICROSECOND" {
				scale = 6
			}
			s, ok := shiftDecimal(v, scale)
			if !ok {
				c.residue(at, ResidueLiteral, "interval value %q is not a number", v)
				return iv
			}
			v, unit = s, "SECOND"
		}
		out := &ast.Interval{At: iv.At, Fields: []ast.IntervalField{{Value: str(at, v), Unit: unit}}}
		out.Precision = leadPrecision(v)
		if len(fields) == 1 && iv.Precision != "" && out.Precision == "" {
			out.Precision = iv.Precision
		}
		parts = append(parts, out)
	}
	if len(parts) == 1 {
		p := parts[0].(*ast.Interval)
		if sameInterval(iv, p) {
			return iv
		}
		c.applied("spark.interval")
		return p
	}
	c.applied("spark.interval")
	if len(classes) > 1 {
		c.warn(at, "spark.interval", "this interval mixes year-month and day-time fields: Flink cannot add them into one interval, add each to the timestamp separately")
	}
	sum := parts[0]
	for _, p := range parts[1:] {
		sum = bin(at, "+", sum, p)
	}
	return &ast.Paren{At: ast.At{At: at}, X: sum}
}

func sameInterval(a, b *ast.Interval) bool {
	if len(a.Fields) != 1 || a.Precision != b.Precision {
		return false
	}
	l, ok := a.Fields[0].Value.(*ast.Literal)
	return ok && l.Kind == ast.LitString && l.Raw == flinkQuote(l.Value) &&
		l.Value == b.Fields[0].Value.(*ast.Literal).Value && strings.ToUpper(a.Fields[0].Unit) == b.Fields[0].Unit
}

// shiftDecimal divides a decimal string by 10^scale, exactly.
func shiftDecimal(v string, scale int) (string, bool) {
	sign := ""
	if strings.HasPrefix(v, "-") {
		sign, v = "-", v[1:]
	}
	intPart, frac, _ := strings.Cut(v, ".")
	if intPart == "" {
		intPart = "0"
	}
	for _, ch := range intPart + frac {
		if ch < '0' || ch > '9' {
			return "", false
		}
	}
	for len(intPart) <= scale {
		intPart = "0" + intPart
	}
	whole := intPart[:len(intPart)-scale]
	f := strings.TrimRight(intPart[len(intPart)-scale:]+frac, "0")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if f == "" {
		return sign + whole, true
	}
	return sign + whole + "." + f, true
}

// ---------------------------------------------------------------------------
// casts

var lenientTargets = map[string]bool{
	"TINYINT": true, "SMALLINT": true, "INT": true, "BIGINT": true, "FLOAT": true, "DOUBLE": true,
	"DECIMAL": true, "DATE": true, "TIMESTAMP": true, "TIMESTAMP_LTZ": true, "BOOLEAN": true,
}

func (c *Context) rewriteCast(x *ast.Cast) ast.Expr {
	if x.Kind == ast.CastColons {
		c.applied("spark.cast.colons")
		x.Kind = ast.CastFunc
	}
	x.Type = c.translateType(x, x.Type)
	if x.Kind == ast.CastFunc && c.isString(x.X) && lenientTargets[x.Type.Name] {
		c.applied("spark.cast.lenient")
		c.note(x.Pos(), "spark.cast.lenient", "CAST of a STRING became TRY_CAST: Spark (ANSI off) returns NULL for a bad value where Flink's CAST fails the job")
		x.Kind = ast.TryCastFunc
	}
	if x.Type.Name == "STRING" && c.isTimestamp(x.X) {
		c.applied("spark.cast.timestamp_string")
		c.note(x.Pos(), "spark.cast.timestamp_string", "a TIMESTAMP(3) cast to STRING keeps its milliseconds in Flink ('2024-01-01 10:00:00.000'); Spark drops a zero fraction")
	}
	return x
}

// ---------------------------------------------------------------------------
// operators

func (c *Context) rewriteUnary(u *ast.Unary) ast.Expr {
	switch u.Op {
	case "!":
		c.applied("spark.op.not")
		u.Op = "NOT"
	case "~":
		c.residue(u.Pos(), ResidueOperator, "bitwise NOT (~) has no Flink counterpart")
	}
	return u
}

var cmpOps = map[string]bool{"=": true, "<>": true, "<": true, "<=": true, ">": true, ">=": true}

func (c *Context) rewriteBinary(b *ast.Binary) ast.Expr {
	op := strings.ToUpper(b.Op)
	switch op {
	case "==":
		c.applied("spark.op.eq")
		b.Op = "="
	case "!=":
		c.applied("spark.op.ne")
		b.Op = "<>"
	case "&&":
		c.applied("spark.op.and")
		b.Op = "AND"
	case "<=>":
		c.applied("spark.op.null_safe_eq")
		l, r := c.dateOperands(b.L, b.R)
		return &ast.IsDistinct{At: b.At, L: l, R: r, Not: true}
	case "||":
		if c.isArray(b.L) || c.isArray(b.R) {
			c.applied("spark.op.concat_array")
			return call(b.Pos(), "ARRAY_CONCAT", b.L, b.R)
		}
	case "&", "|", "^", "<<", ">>", ">>>":
		c.residue(b.Pos(), ResidueOperator, "bitwise operator %s has no Flink counterpart", op)
	case "DIV":
		c.residue(b.Pos(), ResidueOperator, "integral division DIV has no Flink operator: write CAST(FLOOR(a / b) AS BIGINT) for the types at hand")
	case "/":
		if c.integralDivision(b) {
			// Spark's / on integers is a DOUBLE division; Flink's truncates.
			c.applied("spark.op.divide")
			b.L = castTo(b.Pos(), b.L, typ("DOUBLE"))
		}
	}
	if cmpOps[b.Op] {
		b.L, b.R = c.dateOperands(b.L, b.R)
	}
	return b
}

// dateOperands turns a date string compared with a DATE or TIMESTAMP into
// a typed literal.
func (c *Context) dateOperands(l, r ast.Expr) (ast.Expr, ast.Expr) {
	if lit := c.dateLiteral(l, r); lit != nil {
		return l, lit
	}
	if lit := c.dateLiteral(r, l); lit != nil {
		return lit, r
	}
	return l, r
}

// dateLiteral returns the typed literal for s compared with x, or nil.
func (c *Context) dateLiteral(x, s ast.Expr) ast.Expr {
	v, ok := strLit(s)
	if !ok {
		return nil
	}
	at := s.Pos()
	switch {
	case c.isDate(x):
		if d, ok := normDate(v); ok {
			c.applied("spark.compare.date_string")
			return &ast.TypedLiteral{At: ast.At{At: at}, Type: "DATE", Value: str(at, d)}
		}
	case c.isTimestamp(x):
		if ts, ok := normTimestamp(v); ok {
			c.applied("spark.compare.date_string")
			return &ast.TypedLiteral{At: ast.At{At: at}, Type: "TIMESTAMP", Value: str(at, ts)}
		}
	case c.typeOf(x) == nil:
		if _, ok := normTimestamp(v); ok && reTimestamp.MatchString(v) {
			if _, isLit := x.(*ast.Literal); !isLit {
				c.note(at, "spark.compare.date_string", "a date string is compared with an expression of unknown type: if it is a DATE or TIMESTAMP, write DATE '...' / TIMESTAMP '...' (Flink does not compare them with strings)")
			}
		}
	}
	return nil
}

func (c *Context) rewriteBetween(b *ast.Between) ast.Expr {
	if lit := c.dateLiteral(b.X, b.Lo); lit != nil {
		b.Lo = lit
	}
	if lit := c.dateLiteral(b.X, b.Hi); lit != nil {
		b.Hi = lit
	}
	return b
}

func (c *Context) rewriteIn(in *ast.In) ast.Expr {
	for i, e := range in.List {
		if lit := c.dateLiteral(in.X, e); lit != nil {
			in.List[i] = lit
		}
	}
	return in
}

func (c *Context) rewriteLike(l *ast.Like) ast.Expr {
	at := l.Pos()
	op := strings.ToUpper(l.Op)
	not := func(e ast.Expr) ast.Expr {
		if l.Not {
			return &ast.Unary{At: ast.At{At: at}, Op: "NOT", X: e}
		}
		return e
	}
	if l.Quantifier != "" {
		c.applied("spark.op.like_any")
		join := "OR"
		if strings.ToUpper(l.Quantifier) == "ALL" {
			join = "AND"
		}
		var out ast.Expr
		for _, p := range l.Patterns {
			one := c.rewriteLike(&ast.Like{At: l.At, X: l.X, Not: l.Not, Op: l.Op, Pattern: p, Escape: l.Escape})
			if out == nil {
				out = one
			} else {
				out = bin(at, join, out, one)
			}
		}
		if out == nil {
			c.residue(at, ResidueOperator, "LIKE %s with no pattern", l.Quantifier)
			return l
		}
		return &ast.Paren{At: ast.At{At: at}, X: out}
	}
	switch op {
	case "RLIKE", "REGEXP":
		c.applied("spark.op.rlike")
		return not(call(at, "REGEXP", l.X, l.Pattern))
	case "ILIKE":
		c.applied("spark.op.ilike")
		return &ast.Like{At: l.At, X: call(at, "LOWER", l.X), Not: l.Not, Op: "LIKE", Pattern: call(at, "LOWER", l.Pattern), Escape: l.Escape}
	}
	return l
}

// ---------------------------------------------------------------------------
// subscripts

func (c *Context) rewriteSubscript(s *ast.Subscript) ast.Expr {
	if c.isMap(s.X) || isStringLit(s.Index) {
		return s
	}
	if !c.isArray(s.X) {
		if c.typeOf(s.X) != nil {
			return s // known, and neither array nor map
		}
		c.warn(s.Pos(), "spark.subscript", "x[i] was read as a 0-based array index (now i + 1) because the type of x is unknown; if x is a MAP, undo the + 1")
	}
	c.applied("spark.subscript")
	s.Index = plusOne(s.Index)
	return s
}

// integralDivision reports a / b whose Spark result is a DOUBLE while
// Flink would divide integers: both operands integral, or Spark typed the
// division DOUBLE and neither operand is known to be fractional.
func (c *Context) integralDivision(b *ast.Binary) bool {
	if c.isIntegral(b.L) && c.isIntegral(b.R) {
		return true
	}
	fractional := func(e ast.Expr) bool {
		return c.typeIs(e, "DOUBLE", "FLOAT", "REAL", "DECIMAL", "DEC", "NUMERIC")
	}
	if c.TypeOf != nil {
		if t := c.TypeOf(b); t != nil && strings.EqualFold(t.Name, "DOUBLE") {
			return !fractional(b.L) && !fractional(b.R)
		}
	}
	return false
}
