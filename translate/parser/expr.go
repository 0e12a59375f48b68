package parser

import (
	"strconv"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func at(t token.Token) ast.At { return ast.At{At: t.Pos} }

// parseExpr parses an expression (lowest precedence: OR).
func (p *parser) parseExpr() ast.Expr {
	p.enter()
	defer p.leave()
	return p.parseOr()
}

func (p *parser) parseOr() ast.Expr {
	x := p.parseAnd()
	for p.is("OR") {
		t := p.next()
		x = &ast.Binary{At: ast.At{At: x.Pos()}, Op: "OR", L: x, R: p.parseAnd()}
		_ = t
	}
	return x
}

func (p *parser) parseAnd() ast.Expr {
	x := p.parseNot()
	for p.is("AND") || p.isOp("&&") {
		op := "AND"
		if p.isOp("&&") {
			op = "&&"
		}
		p.skip()
		x = &ast.Binary{At: ast.At{At: x.Pos()}, Op: op, L: x, R: p.parseNot()}
	}
	return x
}

func (p *parser) parseNot() ast.Expr {
	if p.is("NOT") && !p.isAt(1, "EXISTS") || p.isOp("!") {
		t := p.next()
		op := "NOT"
		if t.Lit == "!" {
			op = "!"
		}
		p.enter()
		defer p.leave()
		return &ast.Unary{At: at(t), Op: op, X: p.parseNot()}
	}
	return p.parsePredicate()
}

// parsePredicate parses comparisons and the predicate forms: IS, IN,
// BETWEEN, LIKE and friends.
func (p *parser) parsePredicate() ast.Expr {
	x := p.parseBinary(0)
	for {
		c := p.cur()
		switch {
		case token.Kind(c.kind) == token.Op && isComparisonOp(p.text(c)):
			op := p.text(c)
			p.skip()
			if q := p.quantifier(); q != "" && p.isOp("(") && p.queryStartsAt(p.i+1) {
				p.expectOp("(")
				query := p.parseQuery()
				p.expectOp(")")
				x = &ast.QuantifiedCmp{At: ast.At{At: x.Pos()}, X: x, Op: op, Quantifier: q, Query: query}
				continue
			} else if q != "" {
				p.i-- // the quantifier was a function name such as any(x)
			}
			x = &ast.Binary{At: ast.At{At: x.Pos()}, Op: op, L: x, R: p.parseBinary(0)}
		case p.is("IS"):
			p.skip()
			not := p.accept("NOT")
			if p.accept("DISTINCT") {
				p.expect("FROM")
				x = &ast.IsDistinct{At: ast.At{At: x.Pos()}, L: x, R: p.parseBinary(0), Not: not}
				continue
			}
			w := p.upper()
			if w != "NULL" && w != "TRUE" && w != "FALSE" && w != "UNKNOWN" && w != "JSON" {
				p.fail("NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS")
			}
			p.skip()
			if w == "JSON" && (p.is("VALUE") || p.is("OBJECT") || p.is("ARRAY") || p.is("SCALAR")) {
				w += " " + p.upper()
				p.skip()
			}
			x = &ast.IsExpr{At: ast.At{At: x.Pos()}, X: x, Not: not, What: w}
		case p.is("NOT") || p.is("IN") || p.is("BETWEEN") || p.is("LIKE") || p.is("ILIKE") ||
			p.is("RLIKE") || p.is("REGEXP") || p.is("SIMILAR"):
			not := false
			if p.is("NOT") {
				if !(p.isAt(1, "IN") || p.isAt(1, "BETWEEN") || p.isAt(1, "LIKE") || p.isAt(1, "ILIKE") ||
					p.isAt(1, "RLIKE") || p.isAt(1, "REGEXP") || p.isAt(1, "SIMILAR")) {
					return x
				}
				p.skip()
				not = true
			}
			if p.noIn && p.is("IN") {
				if not {
					p.fail("IN, BETWEEN or LIKE after NOT")
				}
				return x
			}
			x = p.parsePredicateTail(x, not)
		default:
			return x
		}
	}
}

func (p *parser) quantifier() string {
	if p.is("ANY") || p.is("ALL") || p.is("SOME") {
		return strings.ToUpper(p.next().Lit)
	}
	return ""
}

func (p *parser) parsePredicateTail(x ast.Expr, not bool) ast.Expr {
	pos := ast.At{At: x.Pos()}
	switch {
	case p.accept("IN"):
		in := &ast.In{At: pos, X: x, Not: not}
		p.expectOp("(")
		if p.queryStartsAt(p.i) {
			in.Query = p.parseQuery()
		} else {
			in.List = p.parseExprList()
		}
		p.expectOp(")")
		return in
	case p.accept("BETWEEN"):
		b := &ast.Between{At: pos, X: x, Not: not}
		if p.accept("SYMMETRIC") {
			b.Symmetric = true
		} else {
			p.accept("ASYMMETRIC")
		}
		b.Lo = p.parseBinary(0)
		p.expect("AND")
		b.Hi = p.parseBinary(0)
		return b
	}
	l := &ast.Like{At: pos, X: x, Not: not, Op: p.upper()}
	p.skip()
	if l.Op == "SIMILAR" {
		p.expect("TO")
		l.Op = "SIMILAR TO"
	}
	if (l.Op == "LIKE" || l.Op == "ILIKE") && (p.is("ANY") || p.is("ALL") || p.is("SOME")) && p.isOpAt(1, "(") {
		l.Quantifier = p.upper()
		p.skip()
		p.expectOp("(")
		l.Patterns = p.parseExprList()
		p.expectOp(")")
	} else {
		l.Pattern = p.parseBinary(0)
	}
	if p.accept("ESCAPE") {
		l.Escape = p.parsePrimaryPostfix()
	}
	return l
}

// binaryOp returns the binary operator at the current token and its
// precedence (1: |, 2: ^, 3: &, 4: << >>, 5: + - ||, 6: * / % DIV), and the
// number of tokens it spans; 0 when the token is no binary operator.
func (p *parser) binaryOp() (op string, prec, width int) {
	c := p.cur()
	switch token.Kind(c.kind) {
	case token.Op:
		lit := p.text(c)
		switch lit {
		case "|":
			return "|", 1, 1
		case "^":
			return "^", 2, 1
		case "&":
			return "&", 3, 1
		case "<", ">":
			// The lexer never joins '<' '<' so that ARRAY<ARRAY<INT>> lexes;
			// a shift is two adjacent angle tokens.
			n := &p.toks[min(p.i+1, len(p.toks)-1)]
			if token.Kind(n.kind) == token.Op && p.text(n) == lit && !n.space {
				return lit + lit, 4, 2
			}
		case "+", "-", "||":
			return lit, 5, 1
		case "*", "/", "%":
			return lit, 6, 1
		}
	case token.Word:
		if p.is("DIV") {
			return "DIV", 6, 1
		}
	}
	return "", 0, 0
}

// parseBinary parses the arithmetic, concatenation and bitwise operators
// by precedence climbing; minPrec 0 reads them all.
func (p *parser) parseBinary(minPrec int) ast.Expr {
	return p.climb(p.parseUnary(), minPrec)
}

func (p *parser) climb(x ast.Expr, minPrec int) ast.Expr {
	for {
		op, prec, width := p.binaryOp()
		if prec == 0 || prec < minPrec {
			return x
		}
		p.i += width
		r := p.parseUnary()
		for {
			_, next, _ := p.binaryOp()
			if next <= prec {
				break
			}
			r = p.climb(r, prec+1)
		}
		x = &ast.Binary{At: ast.At{At: x.Pos()}, Op: op, L: x, R: r}
	}
}

func (p *parser) parseUnary() ast.Expr {
	if p.isOp("-") || p.isOp("+") || p.isOp("~") {
		t := p.next()
		p.enter()
		defer p.leave()
		return &ast.Unary{At: at(t), Op: t.Lit, X: p.parseUnary()}
	}
	return p.parsePrimaryPostfix()
}

// parsePrimaryPostfix parses a primary followed by subscripts, field
// accesses and :: casts.
func (p *parser) parsePrimaryPostfix() ast.Expr {
	x := p.parsePrimary()
	for {
		switch {
		case p.isOp("["):
			p.skip()
			idx := p.parseExpr()
			p.expectOp("]")
			x = &ast.Subscript{At: ast.At{At: x.Pos()}, X: x, Index: idx}
		case p.isOp(".") && (p.kindAt(p.i+1) == token.Word || p.kindAt(p.i+1) == token.QuotedIdent):
			p.skip()
			f := p.parseIdent()
			x = &ast.FieldAccess{At: ast.At{At: x.Pos()}, X: x, Field: f}
		case p.isOp("::"):
			p.skip()
			x = &ast.Cast{At: ast.At{At: x.Pos()}, Kind: ast.CastColons, X: x, Type: p.parseType()}
		default:
			return x
		}
	}
}

// typedLiteralTypes are the words that make a typed literal before a string.
var typedLiteralTypes = map[string]bool{
	"DATE": true, "TIMESTAMP": true, "TIMESTAMP_LTZ": true, "TIMESTAMP_NTZ": true, "TIME": true,
	"BIGINT": false, "DECIMAL": false, "BINARY": false,
}

func (p *parser) parsePrimary() ast.Expr {
	if p.cur().kind == uint8(token.Word) {
		return p.parseWordPrimary()
	}
	t := p.at(p.i)
	switch t.Kind {
	case token.Number:
		p.skip()
		return numberLiteral(t)
	case token.String:
		return p.parseStringLiteral()
	case token.Variable:
		p.skip()
		return &ast.Variable{At: at(t), Raw: t.Lit}
	case token.Param:
		p.skip()
		return &ast.Param{At: at(t)}
	case token.Op:
		switch t.Lit {
		case "(":
			return p.parseParenExpr()
		case "*":
			p.skip()
			return p.parseStarRest(&ast.Star{At: at(t)})
		case ":":
			// Spark / Databricks named parameter marker :name.
			if n := p.peek(1); n.Kind == token.Word && !n.SpaceBefore {
				p.skip()
				p.skip()
				return &ast.Variable{At: at(t), Raw: ":" + n.Lit}
			}
		}
	case token.QuotedIdent:
		if p.isOpAt(1, "->") {
			return p.parseLambda()
		}
		return p.parseNameOrCall()
	}
	p.fail("an expression")
	return nil
}

func (p *parser) parseWordPrimary() ast.Expr {
	t := p.tok()
	w := primaryKeyword(t.Lit)
	if w == "" {
		// An identifier, most words here: a name, a call or a lambda.
		if p.isOpAt(1, "->") {
			return p.parseLambda()
		}
		return p.parseNameOrCall()
	}
	next := p.peek(1)
	switch w {
	case "NULL":
		p.skip()
		return &ast.Literal{At: at(t), Kind: ast.LitNull, Raw: t.Lit, Value: "NULL"}
	case "TRUE", "FALSE":
		p.skip()
		return &ast.Literal{At: at(t), Kind: ast.LitBool, Raw: t.Lit, Value: w}
	case "CASE":
		return p.parseCase()
	case "CAST", "TRY_CAST":
		if next.Kind == token.Op && next.Lit == "(" {
			return p.parseCast()
		}
	case "EXISTS":
		if next.Kind == token.Op && next.Lit == "(" && p.queryStartsAt(p.i+1) {
			p.skip()
			p.expectOp("(")
			q := p.parseQuery()
			p.expectOp(")")
			return &ast.Exists{At: at(t), Query: q}
		}
	case "NOT":
		if isKw(next, "EXISTS") && p.queryStartsAt(p.i+2) {
			p.skip()
			e := p.parseWordPrimary().(*ast.Exists)
			e.Not = true
			e.At = at(t)
			return e
		}
	case "INTERVAL":
		if next.Kind == token.String || next.Kind == token.Number || (next.Kind == token.Op && (next.Lit == "-" || next.Lit == "+" || next.Lit == "(")) || next.Kind == token.Variable {
			return p.parseInterval()
		}
	case "ARRAY":
		if next.Kind == token.Op && next.Lit == "[" {
			p.skip()
			return &ast.ArrayCtor{At: at(t), Elems: p.parseBracketList("[", "]")}
		}
	case "MAP":
		if next.Kind == token.Op && next.Lit == "[" {
			p.skip()
			return &ast.MapCtor{At: at(t), Elems: p.parseBracketList("[", "]")}
		}
	case "ROW":
		if next.Kind == token.Op && next.Lit == "(" {
			p.skip()
			return &ast.RowCtor{At: at(t), Keyword: true, Elems: p.parseBracketList("(", ")")}
		}
	case "TABLE", "MODEL":
		// TABLE t as the table argument of a window or process table
		// function; MODEL m as the model argument of ML_PREDICT.
		if p.dialect == token.Flink && (next.Kind == token.Word || next.Kind == token.QuotedIdent) {
			p.skip()
			ta := &ast.TableArg{At: at(t), Keyword: w, Name: p.parseName()}
			if w == "TABLE" && p.isSeq("PARTITION", "BY") {
				p.i += 2
				ta.PartitionBy = []ast.Expr{p.parseBinary(0)}
				for p.isOp(",") && !p.isOpAt(2, "=>") && p.kindAt(p.i+1) != token.Word {
					p.skip()
					ta.PartitionBy = append(ta.PartitionBy, p.parseBinary(0))
				}
			}
			if w == "TABLE" && p.isSeq("ORDER", "BY") {
				p.i += 2
				ta.OrderBy = p.parseOrderItems()
			}
			return ta
		}
	case "DESCRIPTOR":
		if next.Kind == token.Op && next.Lit == "(" {
			p.skip()
			p.skip()
			d := &ast.Descriptor{At: at(t), Cols: p.parseIdentList()}
			p.expectOp(")")
			return d
		}
	case "EXTRACT":
		if next.Kind == token.Op && next.Lit == "(" && p.kindAt(p.i+2) == token.Word {
			p.skip()
			p.skip()
			unit := p.upper()
			p.skip()
			p.expect("FROM")
			x := p.parseExpr()
			p.expectOp(")")
			return &ast.Extract{At: at(t), Unit: unit, X: x}
		}
	case "SUBSTRING", "SUBSTR", "TRIM", "POSITION", "FLOOR", "CEIL", "CEILING", "OVERLAY":
		if next.Kind == token.Op && next.Lit == "(" {
			if e := p.parseSpecialCall(w); e != nil {
				return e
			}
		}
	case "SELECT", "FROM", "WHERE":
		p.fail("an expression")
	}
	if typedLiteralTypes[w] && next.Kind == token.String {
		p.skip()
		lit := p.parseStringLiteral().(*ast.Literal)
		return &ast.TypedLiteral{At: at(t), Type: w, Value: lit}
	}
	if next.Kind == token.Op && next.Lit == "->" {
		return p.parseLambda()
	}
	return p.parseNameOrCall()
}

// parseSpecialCall handles the SQL-standard keyword forms of a few
// functions; it returns nil (having consumed nothing) for the plain call.
func (p *parser) parseSpecialCall(w string) ast.Expr {
	save := p.i
	t := p.next()
	p.expectOp("(")
	switch w {
	case "TRIM":
		tr := &ast.Trim{At: at(t)}
		if p.is("BOTH") || p.is("LEADING") || p.is("TRAILING") {
			tr.Where = p.upper()
			p.skip()
			if p.accept("FROM") {
				tr.X = p.parseExpr()
				p.expectOp(")")
				return tr
			}
		}
		first := p.parseExpr()
		if p.accept("FROM") {
			tr.Chars = first
			tr.X = p.parseExpr()
			p.expectOp(")")
			return tr
		}
		if tr.Where != "" {
			p.fail("FROM")
		}
	case "SUBSTRING", "SUBSTR":
		x := p.parseExpr()
		if p.accept("FROM") {
			s := &ast.Substring{At: at(t), X: x, From: p.parseExpr()}
			if p.accept("FOR") {
				s.For = p.parseExpr()
			}
			p.expectOp(")")
			return s
		}
	case "POSITION":
		old := p.noIn
		p.noIn = true
		sub := p.parseExpr()
		p.noIn = old
		if p.accept("IN") {
			x := p.parseExpr()
			p.expectOp(")")
			return &ast.Position{At: at(t), Sub: sub, X: x}
		}
	case "FLOOR", "CEIL", "CEILING":
		x := p.parseExpr()
		if p.accept("TO") {
			unit := p.upper()
			p.skip()
			p.expectOp(")")
			return &ast.FloorCeil{At: at(t), Func: strings.ToUpper(t.Lit), X: x, Unit: unit}
		}
	case "OVERLAY":
		x := p.parseExpr()
		if p.accept("PLACING") {
			o := &ast.Overlay{At: at(t), X: x, Placing: p.parseExpr()}
			p.expect("FROM")
			o.From = p.parseExpr()
			if p.accept("FOR") {
				o.For = p.parseExpr()
			}
			p.expectOp(")")
			return o
		}
	}
	p.i = save
	return nil
}

// parseParenExpr parses what starts with '(': a subquery, a lambda with
// several parameters, a tuple, or a parenthesised expression.
func (p *parser) parseParenExpr() ast.Expr {
	t := p.tok()
	if p.queryStartsAt(p.i + 1) {
		p.skip()
		q := p.parseQuery()
		p.expectOp(")")
		return &ast.Subquery{At: at(t), Query: q}
	}
	if p.isLambdaParams() {
		return p.parseLambda()
	}
	p.skip()
	p.enter()
	defer p.leave()
	if p.isOp(")") {
		p.skip()
		return &ast.RowCtor{At: at(t)}
	}
	x := p.parseExpr()
	if p.isOp(",") {
		elems := []ast.Expr{x}
		for p.acceptOp(",") {
			elems = append(elems, p.parseExpr())
		}
		p.expectOp(")")
		return &ast.RowCtor{At: at(t), Elems: elems}
	}
	p.expectOp(")")
	return &ast.Paren{At: at(t), X: x}
}

// queryStartsAt reports whether a query begins at token index k, looking
// through any number of opening parentheses.
func (p *parser) queryStartsAt(k int) bool {
	for k < len(p.toks) && p.at(k).Kind == token.Op && p.at(k).Lit == "(" {
		k++
	}
	if k >= len(p.toks) {
		return false
	}
	t := p.at(k)
	if isKw(t, "SELECT") || isKw(t, "VALUES") || isKw(t, "FROM") {
		return true
	}
	if isKw(t, "WITH") && k+1 < len(p.toks) {
		n := p.at(k + 1)
		return n.Kind == token.Word || n.Kind == token.QuotedIdent
	}
	if isKw(t, "TABLE") && k+1 < len(p.toks) {
		n := p.at(k + 1)
		return n.Kind == token.Word || n.Kind == token.QuotedIdent
	}
	return false
}

// isLambdaParams reports whether "(a, b) ->" starts here.
func (p *parser) isLambdaParams() bool {
	k := p.i + 1
	for {
		t := p.peek(k - p.i)
		if t.Kind != token.Word && t.Kind != token.QuotedIdent {
			return false
		}
		k++
		t = p.peek(k - p.i)
		if t.Kind == token.Op && t.Lit == "," {
			k++
			continue
		}
		if t.Kind == token.Op && t.Lit == ")" {
			n := p.peek(k + 1 - p.i)
			return n.Kind == token.Op && n.Lit == "->"
		}
		return false
	}
}

func (p *parser) parseLambda() ast.Expr {
	t := p.tok()
	l := &ast.Lambda{At: at(t)}
	if p.acceptOp("(") {
		l.Parens = true
		l.Params = p.parseIdentList()
		p.expectOp(")")
	} else {
		l.Params = []*ast.Ident{p.parseIdent()}
	}
	p.expectOp("->")
	l.Body = p.parseExpr()
	return l
}

func (p *parser) parseCase() ast.Expr {
	t := p.next()
	c := &ast.Case{At: at(t)}
	if !p.is("WHEN") && !p.is("END") {
		c.Operand = p.parseExpr()
	}
	for p.is("WHEN") {
		cm := p.takeComments()
		p.skip()
		w := &ast.When{Cond: p.parseExpr()}
		w.Before = cm
		p.expect("THEN")
		w.Result = p.parseExpr()
		w.After = p.takeTrailing()
		c.Whens = append(c.Whens, w)
	}
	if len(c.Whens) == 0 {
		p.fail("WHEN")
	}
	if p.accept("ELSE") {
		c.Else = p.parseExpr()
	}
	p.expect("END")
	return c
}

func (p *parser) parseCast() ast.Expr {
	t := p.next()
	kind := ast.CastFunc
	if strings.EqualFold(t.Lit, "TRY_CAST") {
		kind = ast.TryCastFunc
	}
	p.expectOp("(")
	x := p.parseExpr()
	p.expect("AS")
	typ := p.parseType()
	p.expectOp(")")
	return &ast.Cast{At: at(t), Kind: kind, X: x, Type: typ}
}

// intervalUnits are the units accepted in interval literals, singular and
// plural as Spark allows.
var intervalUnits = newWordSet(map[string]bool{
	"YEAR": true, "YEARS": true, "MONTH": true, "MONTHS": true, "WEEK": true, "WEEKS": true,
	"DAY": true, "DAYS": true, "HOUR": true, "HOURS": true, "MINUTE": true, "MINUTES": true,
	"SECOND": true, "SECONDS": true, "MILLISECOND": true, "MILLISECONDS": true,
	"MICROSECOND": true, "MICROSECONDS": true, "NANOSECOND": true, "NANOSECONDS": true, "QUARTER": true, "QUARTERS": true,
})

func (p *parser) isIntervalUnit() bool {
	return p.tok().Kind == token.Word && intervalUnits.has(p.tok().Lit)
}

func (p *parser) parseInterval() ast.Expr {
	t := p.next()
	iv := &ast.Interval{At: at(t)}
	for {
		var v ast.Expr
		if p.isOp("-") || p.isOp("+") {
			s := p.next()
			v = &ast.Unary{At: at(s), Op: s.Lit, X: p.parsePrimary()}
		} else {
			v = p.parsePrimary()
		}
		if !p.isIntervalUnit() {
			if len(iv.Fields) == 0 {
				if lit, ok := v.(*ast.Literal); ok && lit.Kind == ast.LitString {
					// INTERVAL '1 day 2 hours': the units are in the string.
					iv.Fields = append(iv.Fields, ast.IntervalField{Value: v})
					return iv
				}
				p.fail("an interval unit (DAY, HOUR, ...)")
			}
			p.fail("an interval unit")
		}
		unit := p.upper()
		p.skip()
		iv.Fields = append(iv.Fields, ast.IntervalField{Value: v, Unit: unit})
		if len(iv.Fields) == 1 && p.isOp("(") && p.kindAt(p.i+1) == token.Number {
			p.skip()
			iv.Precision = p.next().Lit
			p.expectOp(")")
		}
		if p.accept("TO") {
			if !p.isIntervalUnit() {
				p.fail("an interval unit after TO")
			}
			iv.ToUnit = p.upper()
			p.skip()
			if p.isOp("(") && p.kindAt(p.i+1) == token.Number {
				p.skip()
				iv.ToPrec = p.next().Lit
				p.expectOp(")")
			}
			return iv
		}
		// Spark: INTERVAL 1 DAY 2 HOURS — another value and unit.
		n := p.tok()
		if (n.Kind == token.Number || n.Kind == token.String || (n.Kind == token.Op && n.Lit == "-" && p.kindAt(p.i+1) == token.Number)) && p.unitFollowsValue() {
			continue
		}
		return iv
	}
}

func (p *parser) unitFollowsValue() bool {
	k := 1
	if p.isOp("-") {
		k = 2
	}
	u := p.peek(k)
	return u.Kind == token.Word && intervalUnits.has(u.Lit)
}

// parseNameOrCall parses a (qualified) name, a function call, or t.*.
func (p *parser) parseNameOrCall() ast.Expr {
	start := p.tok()
	mark := p.lists.idents.mark()
	p.lists.idents.push(p.parseIdent())
	for p.isOp(".") {
		nt := p.peek(1)
		if nt.Kind == token.Op && nt.Lit == "*" {
			p.skip()
			p.skip()
			return p.parseStarRest(&ast.Star{At: at(start), Qualifier: p.identList(mark)})
		}
		if nt.Kind != token.Word && nt.Kind != token.QuotedIdent {
			break
		}
		p.skip()
		p.lists.idents.push(p.parseIdent())
	}
	n := p.newName(at(start), p.identList(mark))
	if p.isOp("(") {
		return p.parseCall(n)
	}
	return n
}

// parseStarRest reads Spark's * EXCEPT (a, b) after a star.
func (p *parser) parseStarRest(s *ast.Star) ast.Expr {
	if p.is("EXCEPT") && p.isOpAt(1, "(") && !p.queryStartsAt(p.i+1) {
		p.skip()
		p.skip()
		for {
			s.Except = append(s.Except, p.parseName())
			if !p.acceptOp(",") {
				break
			}
		}
		p.expectOp(")")
	}
	return s
}

func (p *parser) parseCall(name *ast.Name) ast.Expr {
	f := &ast.Func{At: ast.At{At: name.Pos()}, Name: name}
	p.expectOp("(")
	p.enter()
	defer p.leave()
	if p.accept("DISTINCT") {
		f.Distinct = true
	} else if p.is("ALL") && !p.isOpAt(1, ")") && !p.isOpAt(1, ",") {
		p.skip()
		f.All = true
	}
	switch {
	case p.isOp("*") && p.isOpAt(1, ")"):
		p.skip()
		f.Star = true
	case !p.isOp(")"):
		mark := p.lists.exprs.mark()
		for {
			p.lists.exprs.push(p.parseArg())
			if !p.acceptOp(",") {
				break
			}
		}
		f.Args = p.exprList(mark)
	}
	if p.is("ORDER") && p.isAt(1, "BY") {
		p.skip()
		p.skip()
		f.OrderBy = p.parseOrderItems()
	}
	if !p.isOp(")") && p.tok().Kind == token.Word && jsonClauseStarts.has(p.tok().Lit) {
		f.Tail = p.rawUntilClose()
	}
	if p.is("IGNORE") || p.is("RESPECT") {
		v := p.is("IGNORE")
		p.skip()
		p.expect("NULLS")
		f.IgnoreNulls = &v
	}
	p.expectOp(")")
	if p.is("WITHIN") && p.isAt(1, "GROUP") {
		p.skip()
		p.skip()
		p.expectOp("(")
		p.expect("ORDER")
		p.expect("BY")
		f.WithinGroup = p.parseOrderItems()
		p.expectOp(")")
	}
	if p.is("FILTER") && p.isOpAt(1, "(") && p.isAt(2, "WHERE") {
		p.skip()
		p.skip()
		p.skip()
		f.Filter = p.parseExpr()
		p.expectOp(")")
	}
	if f.IgnoreNulls == nil && (p.is("IGNORE") || p.is("RESPECT")) && p.isAt(1, "NULLS") {
		v := p.is("IGNORE")
		p.skip()
		p.skip()
		f.IgnoreNulls = &v
		f.NullsOutside = true
	}
	if p.is("OVER") {
		p.skip()
		f.Over = p.parseWindowRef()
	}
	return f
}

// jsonClauseStarts are the words that open the SQL/JSON clauses written
// after a JSON function's arguments.
var jsonClauseStarts = newWordSet(map[string]bool{
	"RETURNING": true, "NULL": true, "ABSENT": true, "DEFAULT": true, "ERROR": true,
	"EMPTY": true, "WITH": true, "WITHOUT": true, "TRUE": true, "FALSE": true, "UNKNOWN": true,
})

// rawUntilClose returns the source text up to the ')' closing the current
// call, which it does not consume.
func (p *parser) rawUntilClose() string {
	start := p.tok()
	depth := 0
	last := start
	for {
		t := p.tok()
		if t.Kind == token.EOF {
			p.fail("')'")
		}
		if t.Kind == token.Op && t.Lit == "(" {
			depth++
		}
		if t.Kind == token.Op && t.Lit == ")" {
			if depth == 0 {
				break
			}
			depth--
		}
		last = p.next()
	}
	return p.src[start.Pos.Offset-p.base : last.Pos.Offset-p.base+len(last.Lit)]
}

// parseArg parses a function argument: an expression, name => value, or
// KEY k VALUE v.
func (p *parser) parseArg() ast.Expr {
	c := p.cur()
	pos, kind := ast.At{At: c.pos()}, token.Kind(c.kind)
	if p.is("KEY") && !p.isOpAt(1, ",") && !p.isOpAt(1, ")") && !p.isOpAt(1, "=>") {
		p.skip()
		kv := &ast.KeyValue{At: pos, KeyKW: true, Key: p.parseExpr()}
		p.expect("VALUE")
		kv.Value = p.parseExpr()
		return kv
	}
	if (kind == token.Word || kind == token.QuotedIdent) && p.isOpAt(1, "=>") {
		id := p.parseIdent()
		p.skip()
		return &ast.NamedArg{At: pos, Name: id, Value: p.parseExpr()}
	}
	x := p.parseExpr()
	if p.is("VALUE") && !p.isOpAt(1, ",") && !p.isOpAt(1, ")") {
		p.skip()
		return &ast.KeyValue{At: pos, Key: x, Value: p.parseExpr()}
	}
	if p.is("AS") {
		// struct(1 AS id): an argument with an alias.
		p.skip()
		return &ast.AliasedArg{At: pos, X: x, Alias: p.parseIdent()}
	}
	return x
}

// parseWindowRef parses what follows OVER: a name or a parenthesised spec.
func (p *parser) parseWindowRef() *ast.Window {
	t := p.tok()
	if !p.isOp("(") {
		return &ast.Window{At: at(t), Name: p.parseIdent()}
	}
	p.skip()
	w := p.parseWindowSpec(t)
	p.expectOp(")")
	return w
}

// parseWindowSpec parses the inside of a window's parentheses.
func (p *parser) parseWindowSpec(open token.Token) *ast.Window {
	w := &ast.Window{At: at(open), Parens: true}
	if (p.tok().Kind == token.Word || p.tok().Kind == token.QuotedIdent) &&
		!p.is("PARTITION") && !p.is("DISTRIBUTE") && !p.is("ORDER") && !p.is("SORT") && !p.is("ROWS") && !p.is("RANGE") {
		w.Name = p.parseIdent()
	}
	if (p.is("PARTITION") || p.is("DISTRIBUTE")) && p.isAt(1, "BY") {
		w.Partition = p.upper()
		p.skip()
		p.skip()
		w.PartitionBy = p.parseExprList()
	}
	if (p.is("ORDER") || p.is("SORT")) && p.isAt(1, "BY") {
		w.Sort = p.upper()
		p.skip()
		p.skip()
		w.OrderBy = p.parseOrderItems()
	}
	if p.is("ROWS") || p.is("RANGE") {
		f := &ast.Frame{Unit: p.upper()}
		p.skip()
		if p.accept("BETWEEN") {
			f.Start = p.parseFrameBound()
			p.expect("AND")
			f.End = p.parseFrameBound()
		} else {
			f.Start = p.parseFrameBound()
		}
		w.Frame = f
	}
	return w
}

func (p *parser) parseFrameBound() *ast.FrameBound {
	switch {
	case p.acceptSeq("UNBOUNDED", "PRECEDING"):
		return &ast.FrameBound{Kind: "UNBOUNDED PRECEDING"}
	case p.acceptSeq("UNBOUNDED", "FOLLOWING"):
		return &ast.FrameBound{Kind: "UNBOUNDED FOLLOWING"}
	case p.acceptSeq("CURRENT", "ROW"):
		return &ast.FrameBound{Kind: "CURRENT ROW"}
	}
	off := p.parseBinary(0)
	switch {
	case p.accept("PRECEDING"):
		return &ast.FrameBound{Kind: "PRECEDING", Offset: off}
	case p.accept("FOLLOWING"):
		return &ast.FrameBound{Kind: "FOLLOWING", Offset: off}
	}
	p.fail("PRECEDING or FOLLOWING")
	return nil
}

func (p *parser) parseExprList() []ast.Expr {
	mark := p.lists.exprs.mark()
	p.lists.exprs.push(p.parseExpr())
	for p.acceptOp(",") {
		p.lists.exprs.push(p.parseExpr())
	}
	return p.exprList(mark)
}

// parseOrderItems parses expr [ASC|DESC] [NULLS FIRST|LAST], ...
func (p *parser) parseOrderItems() []*ast.OrderItem {
	var items []*ast.OrderItem
	for {
		cm := p.takeComments()
		it := &ast.OrderItem{Expr: p.parseExpr()}
		it.Before = cm
		if p.accept("DESC") {
			it.Desc = true
		} else if p.accept("ASC") {
			it.Asc = true
		}
		if p.accept("NULLS") {
			if !p.is("FIRST") && !p.is("LAST") {
				p.fail("FIRST or LAST")
			}
			it.Nulls = p.upper()
			p.skip()
		}
		items = append(items, it)
		if !p.acceptOp(",") {
			it.After = p.takeTrailing()
			return items
		}
		it.After = p.takeTrailing()
	}
}

// ---------------------------------------------------------------------------
// names and literals

func (p *parser) parseIdent() *ast.Ident {
	c := p.cur()
	switch token.Kind(c.kind) {
	case token.Word:
		p.skip()
		return newNode(&p.a.idents, ast.Ident{At: ast.At{At: c.pos()}, Name: p.text(c)})
	case token.QuotedIdent:
		t := p.at(p.i)
		p.skip()
		inner := t.Lit[1 : len(t.Lit)-1]
		return &ast.Ident{At: at(t), Name: strings.ReplaceAll(inner, "``", "`"), Quoted: true}
	}
	p.fail("an identifier")
	return nil
}

func (p *parser) parseIdentList() []*ast.Ident {
	mark := p.lists.idents.mark()
	p.lists.idents.push(p.parseIdent())
	for p.acceptOp(",") {
		p.lists.idents.push(p.parseIdent())
	}
	return p.identList(mark)
}

// parseName parses a qualified name a.b.c.
func (p *parser) parseName() *ast.Name {
	t := p.tok()
	mark := p.lists.idents.mark()
	p.lists.idents.push(p.parseIdent())
	for p.isOp(".") && (p.kindAt(p.i+1) == token.Word || p.kindAt(p.i+1) == token.QuotedIdent) {
		p.skip()
		p.lists.idents.push(p.parseIdent())
	}
	return p.newName(at(t), p.identList(mark))
}

func numberLiteral(t token.Token) *ast.Literal {
	lit := &ast.Literal{At: at(t), Kind: ast.LitNumber, Raw: t.Lit, Value: t.Lit}
	if s := numberSuffix(t.Lit); s != "" {
		lit.Suffix = s
		lit.Value = t.Lit[:len(t.Lit)-len(s)]
	}
	return lit
}

// numberSuffix returns the suffix (BD L S Y D F, upper case) that ends the
// number lit, or "".
func numberSuffix(lit string) string {
	n := len(lit)
	if lit[n-1] >= 0x80 {
		// The lexer takes "ſ", which strings.ToUpper makes "S", for
		// a suffix: leave such a number to the general rule.
		up := strings.ToUpper(lit)
		for _, s := range []string{"BD", "L", "S", "Y", "D", "F"} {
			if strings.HasSuffix(up, s) {
				return s
			}
		}
		return ""
	}
	// lit is ASCII: digits, '.', an exponent and the suffix letters;
	// setting bit 0x20 lower-cases a letter and changes none of the rest.
	switch lit[n-1] | 0x20 {
	case 'd':
		if n >= 2 && lit[n-2]|0x20 == 'b' {
			return "BD"
		}
		return "D"
	case 'l':
		return "L"
	case 's':
		return "S"
	case 'y':
		return "Y"
	case 'f':
		return "F"
	}
	return ""
}

// parseStringLiteral parses a string, binary or raw-string literal. Spark
// joins adjacent string literals ('a' 'b'), which is kept in Raw.
func (p *parser) parseStringLiteral() ast.Expr {
	t := p.next()
	lit := &ast.Literal{At: at(t), Kind: ast.LitString, Raw: t.Lit}
	raw := t.Lit
	switch raw[0] {
	case 'x', 'X':
		lit.Kind = ast.LitBinary
		lit.Value = raw[2 : len(raw)-1]
		return lit
	case '"':
		if p.dialect == token.Flink {
			p.failAt(t.Pos, "expected a string in single quotes (Flink SQL reads double quotes as neither string nor identifier), found %s", t.Describe())
		}
	}
	lit.Value = p.decodeString(raw)
	for {
		c := p.cur()
		if token.Kind(c.kind) != token.String {
			break
		}
		if q := p.src[int(c.off)-p.base]; q == 'x' || q == 'X' || q == '"' {
			break
		}
		n := p.next()
		lit.Raw += " " + n.Lit
		lit.Value += p.decodeString(n.Lit)
	}
	return lit
}

// decodeString returns the content of a quoted string literal.
func (p *parser) decodeString(raw string) string {
	isRaw := false
	if raw[0] == 'r' || raw[0] == 'R' || raw[0] == 'b' || raw[0] == 'B' {
		isRaw = raw[0] == 'r' || raw[0] == 'R'
		raw = raw[1:]
	}
	if len(raw) < 2 {
		return ""
	}
	q := raw[0]
	body := raw[1 : len(raw)-1]
	if p.dialect == token.Flink || isRaw {
		return strings.ReplaceAll(body, string([]byte{q, q}), string(q))
	}
	if !strings.ContainsAny(body, "\\"+string(q)) {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == q && i+1 < len(body) && body[i+1] == q {
			b.WriteByte(q)
			i++
			continue
		}
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		// \uXXXX and \ooo (three octal digits) as Spark's unescaping does.
		if body[i] == 'u' && i+4 < len(body) {
			if r, err := strconv.ParseUint(body[i+1:i+5], 16, 32); err == nil {
				b.WriteRune(rune(r))
				i += 4
				continue
			}
		}
		if i+2 < len(body) && isOctal(body[i]) && isOctal(body[i+1]) && isOctal(body[i+2]) && body[i] <= '3' {
			v, _ := strconv.ParseUint(body[i:i+3], 8, 8)
			b.WriteByte(byte(v))
			i += 2
			continue
		}
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case '0':
			b.WriteByte(0)
		case 'Z':
			b.WriteByte(26)
		case '%', '_':
			// Spark keeps the backslash before LIKE wildcards.
			b.WriteByte('\\')
			b.WriteByte(e)
		default:
			b.WriteByte(e)
		}
	}
	return b.String()
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// primaryKeywords are the words parseWordPrimary treats specially;
// primaryShapes their lengths and first letters (see wordSet).
var (
	primaryKeywords = map[string]string{}
	primaryShapes   [17]uint32
)

func init() {
	for _, w := range []string{"NULL", "TRUE", "FALSE", "CASE", "CAST", "TRY_CAST", "EXISTS", "NOT",
		"INTERVAL", "ARRAY", "MAP", "ROW", "TABLE", "MODEL", "DESCRIPTOR", "EXTRACT", "SUBSTRING",
		"SUBSTR", "TRIM", "POSITION", "FLOOR", "CEIL", "CEILING", "OVERLAY", "SELECT", "FROM", "WHERE",
		"DATE", "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ", "TIME", "BIGINT", "DECIMAL", "BINARY"} {
		primaryKeywords[w] = w
		primaryShapes[len(w)] |= firstBit(w[0])
	}
}

// primaryKeyword returns the upper-case keyword a word spells when it is
// one of primaryKeywords, else "". It does not allocate: identifiers are
// most of the words an expression parser sees.
func primaryKeyword(s string) string {
	if len(s) > 16 || len(s) == 0 || primaryShapes[len(s)]&firstBit(upperASCII(s[0])) == 0 {
		return ""
	}
	var buf [16]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return primaryKeywords[string(buf[:len(s)])]
}

// newName returns a name of the given parts, from the arena.
func (p *parser) newName(pos ast.At, parts []*ast.Ident) *ast.Name {
	return newNode(&p.a.names, ast.Name{At: pos, Parts: parts})
}

// exprList and identList return the list pushed since mark (see alloc.go).
func (p *parser) exprList(mark int) []ast.Expr { return p.lists.exprs.pop(mark, &p.a.exprs) }

func (p *parser) identList(mark int) []*ast.Ident { return p.lists.idents.pop(mark, &p.a.identPtrs) }

// parseBracketList parses open [expr, ...] close, the list possibly empty.
func (p *parser) parseBracketList(open, close string) []ast.Expr {
	p.expectOp(open)
	var elems []ast.Expr
	if !p.isOp(close) {
		elems = p.parseExprList()
	}
	p.expectOp(close)
	return elems
}
