package printer

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// Precedence levels, lowest first. A child printed where a higher level is
// required gets parentheses, so that a tree built by a rewrite re-parses to
// itself.
const (
	precLowest  = iota // a whole expression: lambdas
	precOr             // OR
	precAnd            // AND &&
	precNot            // NOT !
	precCmp            // = <> < IS IN LIKE BETWEEN ...
	precBitOr          // |
	precBitXor         // ^
	precBitAnd         // &
	precShift          // << >>
	precAdd            // + - ||
	precMul            // * / % DIV
	precUnary          // - + ~
	precPostfix        // x[i] x.f x::t
	precPrimary        // literals, names, calls, parenthesised forms
)

var binaryPrec = map[string]int{
	"OR": precOr, "AND": precAnd, "&&": precAnd,
	"=": precCmp, "==": precCmp, "<>": precCmp, "!=": precCmp, "<": precCmp, "<=": precCmp,
	">": precCmp, ">=": precCmp, "<=>": precCmp,
	"|": precBitOr, "^": precBitXor, "&": precBitAnd, "<<": precShift, ">>": precShift,
	"+": precAdd, "-": precAdd, "||": precAdd,
	"*": precMul, "/": precMul, "%": precMul, "DIV": precMul,
}

func opPrec(op string) int {
	if l, ok := binaryPrec[strings.ToUpper(op)]; ok {
		return l
	}
	return precCmp
}

// prec returns the precedence level of e as the parser reads it.
func prec(e ast.Expr) int {
	switch e := e.(type) {
	case *ast.Binary:
		return opPrec(e.Op)
	case *ast.Unary:
		if e.Op == "NOT" || e.Op == "!" || strings.EqualFold(e.Op, "NOT") {
			return precNot
		}
		return precUnary
	case *ast.IsExpr, *ast.IsDistinct, *ast.Between, *ast.In, *ast.Like, *ast.QuantifiedCmp:
		return precCmp
	case *ast.Subscript, *ast.FieldAccess:
		return precPostfix
	case *ast.Cast:
		if e.Kind == ast.CastColons {
			return precPostfix
		}
	case *ast.Lambda, *ast.NamedArg, *ast.AliasedArg, *ast.KeyValue:
		return precLowest
	}
	return precPrimary
}

// expr prints e, in parentheses when its precedence is below min.
func (p *printer) expr(e ast.Expr, min int) {
	if e == nil {
		return
	}
	if prec(e) < min {
		p.write("(")
		p.expr(e, precLowest)
		p.write(")")
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		p.ident(e)
	case *ast.Name:
		p.name(e)
	case *ast.Star:
		for _, q := range e.Qualifier {
			p.ident(q)
			p.write(".")
		}
		p.write("*")
		if len(e.Except) > 0 {
			p.write(" EXCEPT (")
			for i, n := range e.Except {
				if i > 0 {
					p.write(", ")
				}
				p.name(n)
			}
			p.write(")")
		}
	case *ast.Literal:
		p.literal(e)
	case *ast.TypedLiteral:
		p.write(strings.ToUpper(e.Type))
		p.sp()
		p.literal(e.Value)
	case *ast.Interval:
		p.interval(e)
	case *ast.Variable:
		p.write(e.Raw)
	case *ast.Param:
		p.write("?")
	case *ast.Unary:
		p.unary(e)
	case *ast.Binary:
		p.binary(e)
	case *ast.Paren:
		p.write("(")
		p.expr(e.X, precLowest)
		p.write(")")
	case *ast.IsExpr:
		p.expr(e.X, precCmp)
		p.write(" IS ")
		if e.Not {
			p.write("NOT ")
		}
		p.write(strings.ToUpper(e.What))
	case *ast.IsDistinct:
		p.expr(e.L, precCmp)
		p.write(" IS ")
		if e.Not {
			p.write("NOT ")
		}
		p.write("DISTINCT FROM ")
		p.expr(e.R, precBitOr)
	case *ast.Between:
		p.expr(e.X, precCmp)
		p.not(e.Not)
		p.write(" BETWEEN ")
		if e.Symmetric {
			p.write("SYMMETRIC ")
		}
		p.expr(e.Lo, precBitOr)
		p.write(" AND ")
		p.expr(e.Hi, precBitOr)
	case *ast.In:
		p.expr(e.X, precCmp)
		p.not(e.Not)
		p.write(" IN ")
		if e.Query != nil {
			p.subquery(e.Query)
		} else {
			p.write("(")
			p.exprList(e.List)
			p.write(")")
		}
	case *ast.Like:
		p.like(e)
	case *ast.Exists:
		if e.Not {
			p.write("NOT ")
		}
		p.write("EXISTS ")
		p.subquery(e.Query)
	case *ast.Subquery:
		p.subquery(e.Query)
	case *ast.QuantifiedCmp:
		p.expr(e.X, precCmp)
		p.sp()
		p.write(e.Op)
		p.sp()
		p.write(strings.ToUpper(e.Quantifier))
		p.sp()
		p.subquery(e.Query)
	case *ast.Case:
		p.caseExpr(e)
	case *ast.Cast:
		switch e.Kind {
		case ast.CastColons:
			p.expr(e.X, precPostfix)
			p.write("::")
			p.typ(e.Type)
		default:
			if e.Kind == ast.TryCastFunc {
				p.write("TRY_CAST(")
			} else {
				p.write("CAST(")
			}
			p.expr(e.X, precLowest)
			p.write(" AS ")
			p.typ(e.Type)
			p.write(")")
		}
	case *ast.Func:
		p.fn(e)
	case *ast.NamedArg:
		p.ident(e.Name)
		p.write(" => ")
		p.expr(e.Value, precLowest)
	case *ast.AliasedArg:
		p.expr(e.X, precOr)
		p.write(" AS ")
		p.ident(e.Alias)
	case *ast.Extract:
		p.write("EXTRACT(")
		p.write(strings.ToUpper(e.Unit))
		p.write(" FROM ")
		p.expr(e.X, precLowest)
		p.write(")")
	case *ast.Substring:
		p.write("SUBSTRING(")
		p.expr(e.X, precLowest)
		p.write(" FROM ")
		p.expr(e.From, precLowest)
		if e.For != nil {
			p.write(" FOR ")
			p.expr(e.For, precLowest)
		}
		p.write(")")
	case *ast.Trim:
		p.write("TRIM(")
		if e.Where != "" {
			p.write(strings.ToUpper(e.Where))
			p.sp()
		}
		if e.Chars != nil {
			p.expr(e.Chars, precLowest)
			p.sp()
		}
		p.write("FROM ")
		p.expr(e.X, precLowest)
		p.write(")")
	case *ast.Position:
		p.write("POSITION(")
		if _, isIn := e.Sub.(*ast.In); isIn {
			p.expr(e.Sub, precBitOr)
		} else {
			p.expr(e.Sub, precLowest)
		}
		p.write(" IN ")
		p.expr(e.X, precLowest)
		p.write(")")
	case *ast.FloorCeil:
		fn := strings.ToUpper(e.Func)
		if fn == "" {
			fn = "FLOOR"
		}
		p.write(fn + "(")
		p.expr(e.X, precLowest)
		p.write(" TO " + strings.ToUpper(e.Unit) + ")")
	case *ast.Overlay:
		p.write("OVERLAY(")
		p.expr(e.X, precLowest)
		p.write(" PLACING ")
		p.expr(e.Placing, precLowest)
		p.write(" FROM ")
		p.expr(e.From, precLowest)
		if e.For != nil {
			p.write(" FOR ")
			p.expr(e.For, precLowest)
		}
		p.write(")")
	case *ast.Lambda:
		if e.Parens || len(e.Params) != 1 {
			p.write("(")
			p.identList(e.Params)
			p.write(")")
		} else {
			p.ident(e.Params[0])
		}
		p.write(" -> ")
		p.expr(e.Body, precLowest)
	case *ast.Subscript:
		p.expr(e.X, precPostfix)
		p.write("[")
		p.expr(e.Index, precLowest)
		p.write("]")
	case *ast.FieldAccess:
		switch e.X.(type) {
		case *ast.Name, *ast.Ident:
			// a.b.c would re-parse as one name: keep the field access.
			p.write("(")
			p.expr(e.X, precLowest)
			p.write(")")
		default:
			p.expr(e.X, precPostfix)
		}
		p.write(".")
		p.ident(e.Field)
	case *ast.ArrayCtor:
		p.write("ARRAY[")
		p.exprList(e.Elems)
		p.write("]")
	case *ast.MapCtor:
		p.write("MAP[")
		p.exprList(e.Elems)
		p.write("]")
	case *ast.RowCtor:
		if e.Keyword {
			p.write("ROW")
		}
		p.write("(")
		p.exprList(e.Elems)
		p.write(")")
	case *ast.Descriptor:
		p.write("DESCRIPTOR(")
		p.identList(e.Cols)
		p.write(")")
	case *ast.TableArg:
		kw := strings.ToUpper(e.Keyword)
		if kw == "" {
			kw = "TABLE"
		}
		p.write(kw + " ")
		p.name(e.Name)
		if len(e.PartitionBy) > 0 {
			p.write(" PARTITION BY ")
			for i, x := range e.PartitionBy {
				if i > 0 {
					p.write(", ")
				}
				p.expr(x, precBitOr)
			}
		}
		if len(e.OrderBy) > 0 {
			p.write(" ORDER BY ")
			p.orderItems(e.OrderBy)
		}
	case *ast.KeyValue:
		if e.KeyKW {
			p.write("KEY ")
		}
		p.expr(e.Key, precOr)
		p.write(" VALUE ")
		p.expr(e.Value, precOr)
	case *ast.GroupingSets:
		p.write("GROUPING SETS (")
		for i, set := range e.Sets {
			if i > 0 {
				p.write(", ")
			}
			p.write("(")
			p.exprList(set)
			p.write(")")
		}
		p.write(")")
	case *ast.Rollup:
		p.write("ROLLUP (")
		p.exprList(e.Items)
		p.write(")")
	case *ast.Cube:
		p.write("CUBE (")
		p.exprList(e.Items)
		p.write(")")
	default:
		panic("printer: unexpected expression type " + typeName(e))
	}
}

func (p *printer) not(not bool) {
	if not {
		p.write(" NOT")
	}
}

func (p *printer) exprList(list []ast.Expr) {
	for i, e := range list {
		if i > 0 {
			p.write(", ")
		}
		p.expr(e, precLowest)
	}
}

func (p *printer) unary(e *ast.Unary) {
	op := e.Op
	if strings.EqualFold(op, "NOT") {
		p.write("NOT ")
		p.expr(e.X, precNot)
		return
	}
	if op == "!" {
		p.write("!")
		p.expr(e.X, precNot)
		return
	}
	p.write(op)
	// "- -x" and "- -1" must not become the comment "--x".
	switch x := e.X.(type) {
	case *ast.Unary:
		if x.Op == "-" || x.Op == "+" {
			p.write(" ")
		}
	case *ast.Literal:
		if strings.HasPrefix(x.Raw, "-") || strings.HasPrefix(x.Raw, "+") {
			p.write(" ")
		}
	}
	p.expr(e.X, precUnary)
}

func (p *printer) binary(e *ast.Binary) {
	op := strings.ToUpper(e.Op)
	l := opPrec(op)
	p.expr(e.L, l)
	p.sp()
	p.write(op)
	p.sp()
	p.expr(e.R, l+1)
}

func (p *printer) like(e *ast.Like) {
	p.expr(e.X, precCmp)
	p.not(e.Not)
	op := strings.ToUpper(e.Op)
	if op == "" {
		op = "LIKE"
	}
	p.write(" " + op + " ")
	if e.Quantifier != "" {
		p.write(strings.ToUpper(e.Quantifier) + " (")
		p.exprList(e.Patterns)
		p.write(")")
	} else {
		p.expr(e.Pattern, precBitOr)
	}
	if e.Escape != nil {
		p.write(" ESCAPE ")
		p.expr(e.Escape, precPostfix)
	}
}

// subquery prints a parenthesised query, indented on lines of its own.
func (p *printer) subquery(q *ast.Query) {
	p.write("(")
	p.indent()
	p.nl()
	p.query(q)
	p.unindent()
	p.newline()
	p.write(")")
}

func (p *printer) caseExpr(e *ast.Case) {
	multi := len(e.Whens) > 1
	for _, w := range e.Whens {
		if len(w.Before) > 0 || len(w.After) > 0 {
			multi = true
		}
	}
	p.write("CASE")
	if e.Operand != nil {
		p.sp()
		p.expr(e.Operand, precLowest)
	}
	if !multi {
		for _, w := range e.Whens {
			p.write(" WHEN ")
			p.expr(w.Cond, precLowest)
			p.write(" THEN ")
			p.expr(w.Result, precLowest)
		}
		if e.Else != nil {
			p.write(" ELSE ")
			p.expr(e.Else, precLowest)
		}
		p.write(" END")
		return
	}
	p.indent()
	for _, w := range e.Whens {
		p.commentLines(w.Before)
		p.newline()
		p.write("WHEN ")
		p.expr(w.Cond, precLowest)
		p.write(" THEN ")
		p.expr(w.Result, precLowest)
		p.trailing(w.After)
	}
	if e.Else != nil {
		p.newline()
		p.write("ELSE ")
		p.expr(e.Else, precLowest)
	}
	p.unindent()
	p.newline()
	p.write("END")
}

func (p *printer) fn(f *ast.Func) {
	p.name(f.Name)
	p.write("(")
	switch {
	case f.Distinct:
		p.write("DISTINCT ")
	case f.All:
		p.write("ALL ")
	}
	if f.Star {
		p.write("*")
	}
	p.exprList(f.Args)
	if len(f.OrderBy) > 0 {
		p.write(" ORDER BY ")
		p.orderItems(f.OrderBy)
	}
	if f.Tail != "" {
		p.write(" " + f.Tail)
	}
	if f.IgnoreNulls != nil && !f.NullsOutside {
		p.write(" " + nullsClause(*f.IgnoreNulls))
	}
	p.write(")")
	if len(f.WithinGroup) > 0 {
		p.write(" WITHIN GROUP (ORDER BY ")
		p.orderItems(f.WithinGroup)
		p.write(")")
	}
	if f.Filter != nil {
		p.write(" FILTER (WHERE ")
		p.expr(f.Filter, precLowest)
		p.write(")")
	}
	if f.IgnoreNulls != nil && f.NullsOutside {
		p.write(" " + nullsClause(*f.IgnoreNulls))
	}
	if f.Over != nil {
		p.write(" OVER ")
		p.window(f.Over)
	}
}

func nullsClause(ignore bool) string {
	if ignore {
		return "IGNORE NULLS"
	}
	return "RESPECT NULLS"
}

// window prints a window reference or a parenthesised specification.
func (p *printer) window(w *ast.Window) {
	if !w.Parens {
		p.ident(w.Name)
		return
	}
	p.write("(")
	p.windowSpec(w)
	p.write(")")
}

func (p *printer) windowSpec(w *ast.Window) {
	first := true
	sep := func() {
		if !first {
			p.sp()
		}
		first = false
	}
	if w.Name != nil {
		sep()
		p.ident(w.Name)
	}
	if len(w.PartitionBy) > 0 {
		sep()
		kw := strings.ToUpper(w.Partition)
		if kw == "" {
			kw = "PARTITION"
		}
		p.write(kw + " BY ")
		p.exprList(w.PartitionBy)
	}
	if len(w.OrderBy) > 0 {
		sep()
		kw := strings.ToUpper(w.Sort)
		if kw == "" {
			kw = "ORDER"
		}
		p.write(kw + " BY ")
		p.orderItems(w.OrderBy)
	}
	if f := w.Frame; f != nil {
		sep()
		p.write(strings.ToUpper(f.Unit))
		p.sp()
		if f.End != nil {
			p.write("BETWEEN ")
			p.frameBound(f.Start)
			p.write(" AND ")
			p.frameBound(f.End)
		} else {
			p.frameBound(f.Start)
		}
	}
}

func (p *printer) frameBound(b *ast.FrameBound) {
	if b == nil {
		return
	}
	if b.Offset != nil {
		p.expr(b.Offset, precBitOr)
		p.sp()
	}
	p.write(strings.ToUpper(b.Kind))
}

// orderItems prints order items inline; comments stay next to their item.
func (p *printer) orderItems(items []*ast.OrderItem) {
	for i, it := range items {
		if i > 0 {
			p.sp()
		}
		p.orderItem(it, i < len(items)-1)
	}
}

// orderItem prints one item; comma tells whether a comma follows, which
// the item's trailing comments must come after.
func (p *printer) orderItem(it *ast.OrderItem, comma bool) {
	p.leading(it.Before)
	p.expr(it.Expr, precLowest)
	switch {
	case it.Desc:
		p.write(" DESC")
	case it.Asc:
		p.write(" ASC")
	}
	if it.Nulls != "" {
		p.write(" NULLS " + strings.ToUpper(it.Nulls))
	}
	if comma {
		p.write(",")
	}
	p.trailing(it.After)
}

func (p *printer) interval(e *ast.Interval) {
	p.write("INTERVAL")
	for i, f := range e.Fields {
		p.sp()
		switch v := f.Value.(type) {
		case *ast.Unary:
			if v.Op == "-" || v.Op == "+" {
				p.write(v.Op)
				p.expr(v.X, precPrimary)
				break
			}
			p.expr(v, precPrimary)
		default:
			p.expr(v, precPrimary)
		}
		if f.Unit != "" {
			p.sp()
			p.write(strings.ToUpper(f.Unit))
		}
		if i == 0 && e.Precision != "" {
			p.write("(" + e.Precision + ")")
		}
	}
	if e.ToUnit != "" {
		p.write(" TO " + strings.ToUpper(e.ToUnit))
		if e.ToPrec != "" {
			p.write("(" + e.ToPrec + ")")
		}
	}
}

// ---------------------------------------------------------------------------
// names, literals, types

func (p *printer) ident(id *ast.Ident) {
	if id == nil {
		return
	}
	if id.Quoted {
		p.write("`" + strings.ReplaceAll(id.Name, "`", "``") + "`")
		return
	}
	p.write(id.Name)
}

func (p *printer) identList(ids []*ast.Ident) {
	for i, id := range ids {
		if i > 0 {
			p.write(", ")
		}
		p.ident(id)
	}
}

func (p *printer) name(n *ast.Name) {
	if n == nil {
		return
	}
	for i, id := range n.Parts {
		if i > 0 {
			p.write(".")
		}
		p.ident(id)
	}
}

func (p *printer) literal(l *ast.Literal) {
	if l == nil {
		p.write("NULL")
		return
	}
	if p.spark() && l.Raw != "" {
		p.write(l.Raw)
		return
	}
	switch l.Kind {
	case ast.LitString:
		if p.spark() {
			p.write(sparkString(l.Value))
		} else {
			p.write("'" + strings.ReplaceAll(l.Value, "'", "''") + "'")
		}
	case ast.LitBinary:
		p.write("X'" + l.Value + "'")
	case ast.LitBool, ast.LitNull:
		v := strings.ToUpper(l.Value)
		if v == "" {
			v = strings.ToUpper(l.Raw)
		}
		if v == "" && l.Kind == ast.LitNull {
			v = "NULL"
		}
		p.write(v)
	default:
		if l.Raw != "" {
			p.write(l.Raw)
		} else {
			p.write(l.Value + l.Suffix)
		}
	}
}

// sparkString quotes s as a Spark string literal.
func sparkString(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range s {
		switch r {
		case '\'', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

func (p *printer) typ(t *ast.Type) {
	if t == nil {
		return
	}
	p.write(t.Name)
	switch {
	case t.Elem != nil:
		if t.Parens {
			p.write("(")
			p.typ(t.Elem)
			p.write(")")
		} else {
			p.write("<")
			p.typ(t.Elem)
			p.write(">")
		}
	case t.Key != nil || t.Val != nil:
		p.write("<")
		p.typ(t.Key)
		p.write(", ")
		p.typ(t.Val)
		p.write(">")
	case len(t.Fields) > 0 || t.Name == "STRUCT" || t.Name == "ROW":
		open, close := "<", ">"
		if t.Parens {
			open, close = "(", ")"
		}
		if len(t.Fields) == 0 && !t.Parens && t.Name == "ROW" {
			break
		}
		p.write(open)
		for i, f := range t.Fields {
			if i > 0 {
				p.write(", ")
			}
			p.ident(f.Name)
			if f.Colon {
				p.write(":")
			}
			p.sp()
			p.typ(f.Type)
			if f.NotNull {
				p.write(" NOT NULL")
			}
			if f.Comment != nil {
				p.write(" COMMENT ")
				p.literal(f.Comment)
			}
		}
		p.write(close)
	case len(t.Params) > 0:
		p.write("(" + strings.Join(t.Params, ", ") + ")")
	}
	if t.Suffix != "" {
		p.write(" " + t.Suffix)
	}
	if t.NotNull {
		p.write(" NOT NULL")
	}
}
