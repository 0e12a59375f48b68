package schema

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// typed is the type of an expression.
type typed struct {
	t    *ast.Type
	null bool   // may be NULL
	unk  bool   // could not be typed: t is STRING as a fallback
	lit  string // an integral literal's digits, for Spark's decimal literal rule
	name string // the column name a bare column reference keeps
	// castName is the name an unaliased CAST(col AS t) select item takes
	// (Spark's ResolveAliases names it after the column).
	castName string
}

func known(t *ast.Type, nullable bool) typed { return typed{t: t, null: nullable} }

func unknownType() typed { return typed{t: StringType(), null: true, unk: true} }

// anyUnknown reports whether any argument is unknown.
func anyUnknown(args []typed) bool {
	for _, a := range args {
		if a.unk {
			return true
		}
	}
	return false
}

func anyNull(args []typed) bool {
	for _, a := range args {
		if a.null {
			return true
		}
	}
	return false
}

// expr types an expression in a scope.
func (in *inferer) expr(e ast.Expr, sc *scope) typed {
	t := in.exprType(e, sc)
	if in.types != nil && !t.unk && t.t != nil {
		in.types[e] = t.t
	}
	return t
}

func (in *inferer) exprType(e ast.Expr, sc *scope) typed {
	switch e := e.(type) {
	case *ast.Literal:
		return literalType(e)
	case *ast.TypedLiteral:
		switch e.Type {
		case "DATE":
			return known(DateType(), false)
		case "TIMESTAMP_NTZ":
			return known(simple("TIMESTAMP_NTZ"), false)
		case "BINARY", "X":
			return known(simple("BINARY"), false)
		}
		return known(TimestampType(), false)
	case *ast.Interval:
		return known(intervalType(e), false)
	case *ast.Name:
		t, ok := in.resolve(e, sc, true)
		if !ok {
			return unknownType()
		}
		return t
	case *ast.Ident:
		return in.expr(&ast.Name{At: e.At, Parts: []*ast.Ident{e}}, sc)
	case *ast.Paren:
		return in.expr(e.X, sc)
	case *ast.Unary:
		x := in.expr(e.X, sc)
		switch e.Op {
		case "NOT", "!":
			return known(BooleanType(), x.null)
		case "-", "+":
			if x.unk {
				return x
			}
			if isString(x.t) {
				return known(DoubleType(), true)
			}
			r := known(x.t, x.null)
			if x.lit != "" && e.Op == "-" {
				r.lit = x.lit
			}
			return r
		}
		return known(x.t, x.null)
	case *ast.Binary:
		return in.binary(e, sc)
	case *ast.IsExpr:
		in.expr(e.X, sc)
		return known(BooleanType(), false)
	case *ast.IsDistinct:
		in.expr(e.L, sc)
		in.expr(e.R, sc)
		return known(BooleanType(), false)
	case *ast.Between:
		a, b, c := in.expr(e.X, sc), in.expr(e.Lo, sc), in.expr(e.Hi, sc)
		return known(BooleanType(), a.null || b.null || c.null)
	case *ast.In:
		x := in.expr(e.X, sc)
		null := x.null
		for _, v := range e.List {
			null = in.expr(v, sc).null || null
		}
		if e.Query != nil {
			in.subquery(e.Query, sc)
		}
		return known(BooleanType(), null)
	case *ast.Like:
		x := in.expr(e.X, sc)
		if e.Pattern != nil {
			in.expr(e.Pattern, sc)
		}
		for _, p := range e.Patterns {
			in.expr(p, sc)
		}
		return known(BooleanType(), x.null)
	case *ast.Exists:
		in.subquery(e.Query, sc)
		return known(BooleanType(), false)
	case *ast.QuantifiedCmp:
		in.expr(e.X, sc)
		in.subquery(e.Query, sc)
		return known(BooleanType(), true)
	case *ast.Subquery:
		cols := in.subquery(e.Query, sc)
		if len(cols) == 0 {
			return unknownType()
		}
		return typed{t: cols[0].Spark, null: true, unk: cols[0].Unknown}
	case *ast.Case:
		return in.caseExpr(e, sc)
	case *ast.Cast:
		x := in.expr(e.X, sc)
		t := Canon(e.Type)
		null := x.null || e.Kind == ast.TryCastFunc || (!x.unk && castMayFail(x.t, t))
		// an unaliased CAST of a column keeps the column's name
		return typed{t: t, null: null, castName: x.name}
	case *ast.Func:
		return in.call(e, sc)
	case *ast.NamedArg:
		return in.expr(e.Value, sc)
	case *ast.AliasedArg:
		return in.expr(e.X, sc)
	case *ast.Extract:
		x := in.expr(e.X, sc)
		return known(extractType(e.Unit), x.null)
	case *ast.Substring:
		x := in.expr(e.X, sc)
		in.expr(e.From, sc)
		if e.For != nil {
			in.expr(e.For, sc)
		}
		if !x.unk && x.t.Name == "BINARY" {
			return known(x.t, x.null)
		}
		return known(StringType(), x.null)
	case *ast.Trim:
		x := in.expr(e.X, sc)
		if e.Chars != nil {
			in.expr(e.Chars, sc)
		}
		return known(StringType(), x.null)
	case *ast.Position:
		a, b := in.expr(e.Sub, sc), in.expr(e.X, sc)
		return known(IntType(), a.null || b.null)
	case *ast.Overlay:
		x := in.expr(e.X, sc)
		in.expr(e.Placing, sc)
		return known(StringType(), x.null)
	case *ast.FloorCeil:
		return in.expr(e.X, sc)
	case *ast.Subscript:
		x := in.expr(e.X, sc)
		in.expr(e.Index, sc)
		switch {
		case x.unk:
			return x
		case x.t.Name == "ARRAY":
			return known(x.t.Elem, true)
		case x.t.Name == "MAP":
			return known(x.t.Val, true)
		}
		in.report(e.Pos(), diag.Error, RuleUnsupported, "subscript of %s", SimpleString(x.t))
		return unknownType()
	case *ast.FieldAccess:
		x := in.expr(e.X, sc)
		if x.unk {
			return x
		}
		if f := structField(x.t, e.Field.Name); f != nil {
			return typed{t: f, null: true, name: e.Field.Name}
		}
		in.report(e.Pos(), diag.Error, RuleUnknownColumn, "no field %s in %s", e.Field.Name, SimpleString(x.t))
		return unknownType()
	case *ast.ArrayCtor:
		return in.arrayOf(in.exprs(e.Elems, sc), e.Pos())
	case *ast.MapCtor:
		return in.mapOf(in.exprs(e.Elems, sc), e.Pos())
	case *ast.RowCtor:
		args := in.exprs(e.Elems, sc)
		var cols []Column
		for i, a := range args {
			name := "col" + strconv.Itoa(i+1)
			if a.name != "" {
				name = a.name
			}
			cols = append(cols, Column{Name: name, Spark: a.t})
		}
		return known(StructType(cols), false)
	case *ast.Star:
		return known(StringType(), false)
	}
	in.report(e.Pos(), diag.Warning, RuleUnsupported, "expression %T is not typed", e)
	return unknownType()
}

// subquery types a query inside an expression, whose column names do not
// matter: unaliased columns are not reported there.
func (in *inferer) subquery(q *ast.Query, sc *scope) []Column {
	in.quiet++
	defer func() { in.quiet-- }()
	return in.query(q, sc)
}

func (in *inferer) exprs(es []ast.Expr, sc *scope) []typed {
	out := make([]typed, len(es))
	for i, e := range es {
		out[i] = in.expr(e, sc)
	}
	return out
}

// castMayFail reports whether CAST(from AS to) yields NULL for some
// non-null input (Spark without ANSI mode).
func castMayFail(from, to *ast.Type) bool {
	if Equal(from, to) || isVoid(from) {
		return false
	}
	if isString(to) {
		return false
	}
	if isString(from) {
		return true
	}
	if isDecimal(to) || (isIntegral(to) && !isIntegral(from)) {
		return true
	}
	if isIntegral(to) && isIntegral(from) {
		return false
	}
	return false
}

// structField returns the type of a field of a struct, or nil.
func structField(t *ast.Type, name string) *ast.Type {
	if t == nil || t.Name != "STRUCT" {
		return nil
	}
	for _, f := range t.Fields {
		if strings.EqualFold(f.Name.Name, name) {
			return f.Type
		}
	}
	return nil
}

// resolve finds a column reference: lambda parameters, then t.col, then
// col, then the select list's earlier aliases, then the enclosing scopes;
// parts left over are struct fields.
func (in *inferer) resolve(n *ast.Name, sc *scope, report bool) (typed, bool) {
	parts := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		parts[i] = lower(p.Name)
	}
	opaque := false
	for s := sc; s != nil; s = s.outer {
		opaque = opaque || s.opaque
		if t, ok := s.lambda[parts[0]]; ok {
			return in.fields(t, n, 1)
		}
		var match []scol
		rest := 0
		if len(parts) >= 2 {
			for _, c := range s.cols {
				if c.Qualifier == parts[0] && strings.EqualFold(c.Name, parts[1]) {
					match = append(match, c)
				}
			}
			rest = 2
			if len(match) == 0 && len(parts) >= 3 {
				for _, c := range s.cols {
					if c.Qualifier == parts[1] && strings.EqualFold(c.Name, parts[2]) {
						match = append(match, c)
					}
				}
				rest = 3
			}
		}
		if len(match) == 0 {
			for _, c := range s.cols {
				if !c.hidden && strings.EqualFold(c.Name, parts[0]) {
					match = append(match, c)
				}
			}
			rest = 1
		}
		if len(match) > 1 {
			in.report(n.Pos(), diag.Error, RuleAmbiguous, "column %s is ambiguous", nameString(n))
		}
		if len(match) > 0 {
			c := match[0]
			return in.fields(typed{t: c.Spark, null: c.Nullable, unk: c.Unknown, name: c.Name}, n, rest)
		}
		for i := len(s.aliases) - 1; i >= 0; i-- {
			if strings.EqualFold(s.aliases[i].Name, parts[0]) {
				c := s.aliases[i]
				return in.fields(typed{t: c.Spark, null: c.Nullable, unk: c.Unknown, name: c.Name}, n, 1)
			}
		}
	}
	if report && !opaque {
		in.report(n.Pos(), diag.Error, RuleUnknownColumn, "unknown column %s", nameString(n))
	}
	return unknownType(), false
}

// fields applies the struct field accesses parts[from:] of a name.
func (in *inferer) fields(t typed, n *ast.Name, from int) (typed, bool) {
	for _, p := range n.Parts[from:] {
		if t.unk {
			return t, true
		}
		f := structField(t.t, p.Name)
		if f == nil {
			in.report(p.Pos(), diag.Error, RuleUnknownColumn, "no field %s in %s", p.Name, SimpleString(t.t))
			return unknownType(), false
		}
		t = typed{t: f, null: true, name: p.Name}
	}
	return t, true
}

// literalType types a literal as Spark does: 1 is INT (BIGINT, then
// DECIMAL(p,0) when it does not fit), 1L BIGINT, 1S SMALLINT, 1Y TINYINT,
// 1.5 DECIMAL(2,1), 1.5D DOUBLE, 1.5F FLOAT, 1.5BD DECIMAL, 1e3 DOUBLE.
func literalType(l *ast.Literal) typed {
	switch l.Kind {
	case ast.LitString:
		return known(StringType(), false)
	case ast.LitBool:
		return known(BooleanType(), false)
	case ast.LitNull:
		return known(VoidType(), true)
	case ast.LitBinary:
		return known(simple("BINARY"), false)
	}
	v := l.Value
	switch l.Suffix {
	case "L":
		return typed{t: BigIntType(), lit: v}
	case "S":
		return typed{t: simple("SMALLINT"), lit: v}
	case "Y":
		return typed{t: simple("TINYINT"), lit: v}
	case "D":
		return known(DoubleType(), false)
	case "F":
		return known(simple("FLOAT"), false)
	case "BD":
		p, s, _ := javaBigDecimal(v)
		return known(DecimalType(max(p, s), max(s, 0)), false)
	}
	if strings.ContainsAny(v, "eE") {
		return known(DoubleType(), false)
	}
	if strings.Contains(v, ".") {
		p, s, ok := javaBigDecimal(v)
		if !ok {
			return known(DoubleType(), false)
		}
		return known(DecimalType(max(p, s), s), false)
	}
	if n, ok := new(big.Int).SetString(v, 10); ok {
		switch {
		case n.IsInt64() && n.Int64() <= 1<<31-1:
			return typed{t: IntType(), lit: v}
		case n.IsInt64():
			return typed{t: BigIntType(), lit: v}
		}
		p, _, _ := javaBigDecimal(v)
		if p <= 38 {
			return known(DecimalType(p, 0), false)
		}
	}
	return known(DoubleType(), false)
}

// intervalType is the type of an interval literal: year-month units make
// INTERVAL YEAR [TO MONTH], day-time units INTERVAL DAY [TO SECOND], both
// kinds together Spark's calendar INTERVAL.
func intervalType(e *ast.Interval) *ast.Type {
	order := map[string]int{"YEAR": 0, "MONTH": 1, "WEEK": 2, "DAY": 2, "HOUR": 3, "MINUTE": 4, "SECOND": 5, "MILLISECOND": 5, "MICROSECOND": 5}
	names := []string{"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"}
	lo, hi := 99, -1
	ym, dt := false, false
	units := []string{}
	for _, f := range e.Fields {
		units = append(units, f.Unit)
	}
	if e.ToUnit != "" {
		units = append(units, e.ToUnit)
	}
	for _, u := range units {
		u = strings.TrimSuffix(strings.ToUpper(u), "S")
		if k := strings.IndexByte(u, '('); k >= 0 {
			u = u[:k]
		}
		o, ok := order[u]
		if !ok {
			return &ast.Type{Name: "INTERVAL"}
		}
		if o <= 1 {
			ym = true
		} else {
			dt = true
		}
		lo, hi = min(lo, o), max(hi, o)
	}
	if (ym && dt) || hi < 0 {
		return &ast.Type{Name: "INTERVAL"}
	}
	suffix := names[lo]
	if hi != lo {
		suffix += " TO " + names[hi]
	}
	return &ast.Type{Name: "INTERVAL", Suffix: suffix}
}

func extractType(unit string) *ast.Type {
	switch strings.ToUpper(unit) {
	case "SECOND", "SECONDS", "S", "SEC", "SECS":
		return DecimalType(8, 6)
	case "EPOCH":
		return DecimalType(20, 6)
	}
	return IntType()
}

// caseExpr types CASE: the wider common type of its results.
func (in *inferer) caseExpr(e *ast.Case, sc *scope) typed {
	if e.Operand != nil {
		in.expr(e.Operand, sc)
	}
	var results []typed
	for _, w := range e.Whens {
		in.expr(w.Cond, sc)
		results = append(results, in.expr(w.Result, sc))
	}
	if e.Else != nil {
		results = append(results, in.expr(e.Else, sc))
	} else {
		results = append(results, known(VoidType(), true))
	}
	return in.wider(results, e.Pos())
}

// wider is the wider common type of several expressions (CASE, COALESCE,
// IF, array elements...).
func (in *inferer) wider(args []typed, pos token.Pos) typed {
	if anyUnknown(args) {
		return unknownType()
	}
	ts := make([]*ast.Type, len(args))
	for i, a := range args {
		ts[i] = a.t
	}
	t := widerCommon(ts)
	if t == nil {
		var names []string
		for _, x := range ts {
			names = append(names, SimpleString(x))
		}
		in.report(pos, diag.Error, RuleUnsupported, "no common type of %s", strings.Join(names, ", "))
		return unknownType()
	}
	return known(t, anyNull(args))
}

// binary types a binary operator.
func (in *inferer) binary(e *ast.Binary, sc *scope) typed {
	l, r := in.expr(e.L, sc), in.expr(e.R, sc)
	op := strings.ToUpper(e.Op)
	switch op {
	case "AND", "OR", "=", "==", "<>", "!=", "<", "<=", ">", ">=":
		return known(BooleanType(), l.null || r.null)
	case "<=>":
		return known(BooleanType(), false)
	}
	if l.unk || r.unk {
		return unknownType()
	}
	null := l.null || r.null
	switch op {
	case "||":
		if l.t.Name == "ARRAY" && r.t.Name == "ARRAY" {
			if w := widerType(l.t, r.t); w != nil {
				return known(w, null)
			}
		}
		return known(StringType(), null)
	case "DIV":
		return known(BigIntType(), true)
	case "&", "|", "^":
		if t := tightestCommon(l.t, r.t); t != nil {
			return known(t, null)
		}
		return known(BigIntType(), null)
	case "<<", ">>", ">>>":
		return known(l.t, null)
	case "+", "-", "*", "/", "%":
		t := in.arith(op, l, r, e.Pos())
		if op == "/" || op == "%" {
			t.null = true
		} else {
			t.null = t.null || null
		}
		return t
	}
	in.report(e.Pos(), diag.Warning, RuleUnsupported, "operator %s is not typed", e.Op)
	return unknownType()
}

// arith is the result type of + - * / % with Spark's coercions (ANSI mode
// off): strings become DOUBLE, integral operands next to a DECIMAL become
// decimals (a literal one with its own digits only), DECIMAL next to
// FLOAT or DOUBLE becomes DOUBLE, / of non-decimals is DOUBLE, and decimal
// results follow DecimalPrecision with precision loss allowed.
func (in *inferer) arith(op string, l, r typed, pos token.Pos) typed {
	a, b := l.t, r.t
	// datetime and interval arithmetic
	if isDatetime(a) || isDatetime(b) || a.Name == "INTERVAL" || b.Name == "INTERVAL" {
		return in.datetimeArith(op, a, b, pos)
	}
	if isString(a) {
		a = DoubleType()
	}
	if isString(b) {
		b = DoubleType()
	}
	if isVoid(a) && isVoid(b) {
		return known(DoubleType(), true)
	}
	if isVoid(a) {
		a = b
	}
	if isVoid(b) {
		b = a
	}
	if !isNumeric(a) || !isNumeric(b) {
		in.report(pos, diag.Error, RuleUnsupported, "%s of %s and %s", op, SimpleString(l.t), SimpleString(r.t))
		return unknownType()
	}
	if isDecimal(a) || isDecimal(b) {
		if isFractional(a) || isFractional(b) {
			return known(DoubleType(), false)
		}
		a = toDecimal(a, l.lit)
		b = toDecimal(b, r.lit)
		// decimal results are NULL on overflow (ANSI mode off)
		return known(decimalArith(op, a, b), true)
	}
	if op == "/" {
		return known(DoubleType(), false)
	}
	return known(tightestCommon(a, b), false)
}

// toDecimal converts an integral operand for decimal arithmetic: a literal
// gets the fewest digits that hold it, other integral types their full
// range (DecimalType.forType).
func toDecimal(t *ast.Type, lit string) *ast.Type {
	if isDecimal(t) {
		return t
	}
	if lit != "" {
		p, _, _ := javaBigDecimal(strings.TrimLeft(lit, "+-"))
		return DecimalType(p, 0)
	}
	return decimalFor(t)
}

// decimalArith is Spark's result type of decimal + - * / %.
func decimalArith(op string, a, b *ast.Type) *ast.Type {
	p1, s1 := DecimalParams(a)
	p2, s2 := DecimalParams(b)
	switch op {
	case "+", "-":
		scale := max(s1, s2)
		rng := max(p1-s1, p2-s2)
		return adjustDecimal(rng+scale+1, scale)
	case "*":
		return adjustDecimal(p1+p2+1, s1+s2)
	case "/":
		scale := max(6, s1+p2+1)
		return adjustDecimal(p1-s1+s2+scale, scale)
	case "%":
		return adjustDecimal(min(p1-s1, p2-s2)+max(s1, s2), max(s1, s2))
	}
	return a
}

// datetimeArith types date and interval arithmetic.
func (in *inferer) datetimeArith(op string, a, b *ast.Type, pos token.Pos) typed {
	switch {
	case a.Name == "DATE" && isIntegral(b) && (op == "+" || op == "-"),
		isIntegral(a) && b.Name == "DATE" && op == "+":
		return known(DateType(), true)
	case a.Name == "DATE" && b.Name == "DATE" && op == "-":
		return known(&ast.Type{Name: "INTERVAL", Suffix: "DAY"}, true)
	case isDatetime(a) && isDatetime(b) && op == "-":
		return known(&ast.Type{Name: "INTERVAL", Suffix: "DAY TO SECOND"}, true)
	case isDatetime(a) && b.Name == "INTERVAL" && (op == "+" || op == "-"):
		if a.Name == "DATE" && (b.Suffix == "" || strings.HasPrefix(b.Suffix, "YEAR") || strings.HasPrefix(b.Suffix, "MONTH") || b.Suffix == "DAY") {
			return known(DateType(), true)
		}
		if a.Name == "DATE" {
			return known(TimestampType(), true)
		}
		return known(a, true)
	case a.Name == "INTERVAL" && isDatetime(b) && op == "+":
		return in.datetimeArith(op, b, a, pos)
	case a.Name == "INTERVAL" && b.Name == "INTERVAL" && (op == "+" || op == "-"):
		if Equal(a, b) {
			return known(a, true)
		}
		return known(&ast.Type{Name: "INTERVAL", Suffix: "DAY TO SECOND"}, true)
	case a.Name == "INTERVAL" && isNumeric(b) && (op == "*" || op == "/"):
		return known(a, true)
	case isNumeric(a) && b.Name == "INTERVAL" && op == "*":
		return known(b, true)
	}
	in.report(pos, diag.Error, RuleUnsupported, "%s of %s and %s", op, SimpleString(a), SimpleString(b))
	return unknownType()
}

// autoName is the column name Spark generates for an unaliased expression
// (toPrettySQL), for the common shapes; others print as Spark SQL.
func autoName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Name:
		return e.Last().Name
	case *ast.Ident:
		return e.Name
	case *ast.Literal:
		switch e.Kind {
		case ast.LitString:
			return e.Value
		case ast.LitNull:
			return "NULL"
		case ast.LitBool:
			return lower(e.Value)
		}
		return e.Value
	case *ast.Paren:
		return autoName(e.X)
	case *ast.Binary:
		return "(" + autoName(e.L) + " " + strings.ToUpper(e.Op) + " " + autoName(e.R) + ")"
	case *ast.Unary:
		if e.Op == "NOT" || e.Op == "!" {
			return "(NOT " + autoName(e.X) + ")"
		}
		return "(" + e.Op + " " + autoName(e.X) + ")"
	case *ast.Cast:
		return "CAST(" + autoName(e.X) + " AS " + strings.ToUpper(SimpleString(Canon(e.Type))) + ")"
	case *ast.Func:
		name := lower(e.Name.Last().Name)
		if e.Star {
			return name + "(1)"
		}
		args := make([]string, len(e.Args))
		for i, a := range e.Args {
			args[i] = autoName(a)
		}
		s := name + "(" + strings.Join(args, ", ") + ")"
		if e.Distinct {
			s = name + "(DISTINCT " + strings.Join(args, ", ") + ")"
		}
		if e.Over != nil {
			s += " OVER (...)"
		}
		return s
	}
	return printer.Print(e, printer.Config{Dialect: token.Spark})
}
