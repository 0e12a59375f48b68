package parser

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// reservedAfterExpr are words that end an expression or a FROM item, so they
// are never read as an implicit alias.
var reservedAfterExpr = newWordSet(map[string]bool{
	"FROM": true, "WHERE": true, "GROUP": true, "HAVING": true, "ORDER": true, "LIMIT": true,
	"UNION": true, "INTERSECT": true, "EXCEPT": true, "MINUS": true, "JOIN": true, "INNER": true,
	"LEFT": true, "RIGHT": true, "FULL": true, "CROSS": true, "NATURAL": true, "ON": true,
	"USING": true, "LATERAL": true, "WINDOW": true, "QUALIFY": true, "SORT": true,
	"DISTRIBUTE": true, "CLUSTER": true, "PIVOT": true, "UNPIVOT": true, "TABLESAMPLE": true,
	"AS": true, "SELECT": true, "WITH": true, "AND": true, "OR": true, "NOT": true, "IS": true,
	"IN": true, "LIKE": true, "ILIKE": true, "RLIKE": true, "REGEXP": true, "BETWEEN": true,
	"CASE": true, "WHEN": true, "THEN": true, "ELSE": true, "END": true, "OVER": true,
	"FOR": true, "OFFSET": true, "FETCH": true, "INTO": true, "VALUES": true, "INSERT": true,
	"MATCH_RECOGNIZE": true, "SET": true, "SEMI": true, "ANTI": true, "OUTER": true,
	"PARTITION": true, "FILTER": true, "DIV": true, "ESCAPE": true, "NULLS": true,
	"ASC": true, "DESC": true, "EXECUTE": true, "MERGE": true, "UPDATE": true, "DELETE": true,
	"CREATE": true, "DROP": true, "ALTER": true, "TABLE": true,
})

func (p *parser) aliasAllowed() bool {
	c := p.cur()
	switch token.Kind(c.kind) {
	case token.QuotedIdent:
		return true
	case token.Word:
		return !reservedAfterExpr.has(p.text(c))
	}
	return false
}

// parseQuery parses [WITH ...] body [ORDER BY ...] [LIMIT ...] ...
func (p *parser) parseQuery() *ast.Query {
	p.enter()
	defer p.leave()
	q := &ast.Query{At: ast.At{At: p.cur().pos()}}
	if p.is("WITH") {
		q.With = p.parseWith()
	}
	q.Body = p.parseSetExpr()
	p.parseQueryTail(q)
	return q
}

// parseQueryTail parses the clauses that follow a query body.
func (p *parser) parseQueryTail(q *ast.Query) {
	for {
		switch {
		case p.is("ORDER") && p.isAt(1, "BY") && q.OrderBy == nil:
			p.i += 2
			q.OrderBy = p.parseOrderItems()
		case p.is("SORT") && p.isAt(1, "BY") && q.SortBy == nil:
			p.i += 2
			q.SortBy = p.parseOrderItems()
		case p.is("DISTRIBUTE") && p.isAt(1, "BY") && q.DistributeBy == nil:
			p.i += 2
			q.DistributeBy = p.parseExprList()
		case p.is("CLUSTER") && p.isAt(1, "BY") && q.ClusterBy == nil:
			p.i += 2
			q.ClusterBy = p.parseExprList()
		case p.is("WINDOW") && p.lastSelect(q) != nil && p.lastSelect(q).Windows == nil:
			p.skip()
			p.lastSelect(q).Windows = p.parseNamedWindows()
		case p.is("LIMIT") && q.Limit == nil && !q.LimitAll:
			p.skip()
			if p.accept("ALL") {
				q.LimitAll = true
			} else {
				q.Limit = p.parseExpr()
			}
		case p.is("OFFSET") && q.Offset == nil:
			p.skip()
			q.Offset = p.parseExpr()
			if !p.accept("ROWS") {
				p.accept("ROW")
			}
		case p.is("FETCH") && q.FetchFirst == nil:
			p.skip()
			if !p.accept("FIRST") {
				p.expect("NEXT")
			}
			q.FetchFirst = p.parseExpr()
			if !p.accept("ROWS") {
				p.expect("ROW")
			}
			p.expect("ONLY")
		default:
			return
		}
	}
}

// lastSelect returns the SELECT a trailing WINDOW clause belongs to.
func (p *parser) lastSelect(q *ast.Query) *ast.Select {
	if s, ok := q.Body.(*ast.Select); ok {
		return s
	}
	return nil
}

func (p *parser) parseWith() *ast.With {
	t := p.next()
	w := &ast.With{At: at(t)}
	w.Recursive = p.accept("RECURSIVE")
	for {
		cm := p.takeComments()
		c := &ast.CTE{At: at(p.tok()), Name: p.parseIdent()}
		c.Before = cm
		if p.isOp("(") {
			p.skip()
			c.Columns = p.parseIdentList()
			p.expectOp(")")
		}
		p.accept("AS")
		p.expectOp("(")
		c.Query = p.parseQuery()
		p.expectOp(")")
		c.After = p.takeTrailing()
		w.CTEs = append(w.CTEs, c)
		if !p.acceptOp(",") {
			return w
		}
		c.After = append(c.After, p.takeTrailing()...)
	}
}

// parseSetExpr parses UNION / EXCEPT / MINUS (left-associative) over
// INTERSECT, which binds tighter.
func (p *parser) parseSetExpr() ast.QueryBody {
	l := p.parseIntersect()
	for p.is("UNION") || p.is("EXCEPT") || p.is("MINUS") {
		l = p.parseSetOpRest(l, p.parseIntersect)
	}
	return l
}

func (p *parser) parseIntersect() ast.QueryBody {
	l := p.parseQueryPrimary()
	for p.is("INTERSECT") {
		l = p.parseSetOpRest(l, p.parseQueryPrimary)
	}
	return l
}

func (p *parser) parseSetOpRest(l ast.QueryBody, right func() ast.QueryBody) ast.QueryBody {
	op := &ast.SetOp{At: ast.At{At: l.Pos()}, Op: p.upper(), L: l}
	p.skip()
	if p.accept("ALL") {
		op.All = true
	} else if p.accept("DISTINCT") {
		op.Distinct = true
	}
	op.R = right()
	return op
}

func (p *parser) parseQueryPrimary() ast.QueryBody {
	p.enter()
	defer p.leave()
	t := p.tok()
	switch {
	case p.is("SELECT"):
		return p.parseSelect()
	case p.is("FROM"):
		return p.parseFromFirstSelect()
	case p.is("TABLE") && (p.kindAt(p.i+1) == token.Word || p.kindAt(p.i+1) == token.QuotedIdent):
		p.skip()
		return &ast.TableQuery{At: at(t), Name: p.parseName()}
	case p.is("VALUES"):
		return p.parseValues()
	case p.isOp("("):
		p.skip()
		q := p.parseQuery()
		p.expectOp(")")
		return &ast.ParenQuery{At: at(t), Query: q}
	}
	p.fail("SELECT, VALUES, TABLE or '('")
	return nil
}

func (p *parser) parseValues() *ast.Values {
	t := p.next()
	v := &ast.Values{At: at(t)}
	for {
		if p.isOp("(") {
			p.skip()
			row := p.parseExprList()
			p.expectOp(")")
			v.Rows = append(v.Rows, row)
		} else {
			// Spark: VALUES 1, 2 is two one-column rows.
			v.Rows = append(v.Rows, []ast.Expr{p.parseExpr()})
		}
		if !p.acceptOp(",") {
			return v
		}
	}
}

func (p *parser) parseSelect() *ast.Select {
	t := p.next()
	s := &ast.Select{At: at(t)}
	s.Hints = p.takeHints()
	if p.accept("DISTINCT") {
		s.Distinct = true
	} else if p.accept("ALL") {
		s.All = true
	}
	mark := p.lists.items.mark()
	for {
		it := p.parseSelectItem()
		p.lists.items.push(it)
		if !p.acceptOp(",") {
			break
		}
		it.After = append(it.After, p.takeTrailing()...)
		if p.is("FROM") {
			p.fail("an expression after ',' (trailing comma before FROM?)")
		}
	}
	s.Items = p.lists.items.pop(mark, &p.a.itemPtrs)
	if p.accept("FROM") {
		p.parseFromClause(s)
	}
	for {
		switch {
		case p.is("WHERE") && s.Where == nil:
			p.skip()
			s.Where = p.parseExpr()
		case p.is("GROUP") && s.GroupBy == nil:
			if !p.isAt(1, "BY") {
				p.skip()
				p.fail("BY")
			}
			s.GroupBy = p.parseGroupBy()
		case p.is("HAVING") && s.Having == nil:
			p.skip()
			s.Having = p.parseExpr()
		case p.is("WINDOW") && s.Windows == nil:
			p.skip()
			s.Windows = p.parseNamedWindows()
		case p.is("QUALIFY") && s.Qualify == nil:
			p.skip()
			s.Qualify = p.parseExpr()
		default:
			return s
		}
	}
}

// parseFromFirstSelect parses Spark's FROM t SELECT ... form.
func (p *parser) parseFromFirstSelect() *ast.Select {
	t := p.next()
	tmp := &ast.Select{}
	p.parseFromClause(tmp)
	if !p.is("SELECT") {
		p.fail("SELECT after the FROM clause")
	}
	s := p.parseSelect()
	s.At = at(t)
	s.FromFirst = true
	if len(s.From) > 0 {
		p.failAt(s.Pos(), "a FROM-first query cannot have a second FROM clause")
	}
	s.From, s.LateralViews = tmp.From, tmp.LateralViews
	return s
}

func (p *parser) parseSelectItem() *ast.SelectItem {
	cm := p.takeComments()
	it := &ast.SelectItem{At: ast.At{At: p.cur().pos()}}
	it.Before = cm
	it.Expr = p.parseExpr()
	if p.accept("AS") {
		it.AsKeyword = true
		if p.isOp("(") {
			p.skip()
			it.MultiAlias = p.parseIdentList()
			p.expectOp(")")
		} else {
			it.Alias = p.parseAliasName()
		}
	} else if p.aliasAllowed() {
		it.Alias = p.parseIdent()
	}
	it.After = p.takeTrailing()
	return it
}

// parseAliasName reads an alias after AS: an identifier, or (Spark) a
// string literal used as a name.
func (p *parser) parseAliasName() *ast.Ident {
	return p.parseIdent()
}

func (p *parser) parseNamedWindows() []*ast.NamedWindow {
	var ws []*ast.NamedWindow
	for {
		nw := &ast.NamedWindow{Name: p.parseIdent()}
		p.expect("AS")
		open := p.tok()
		if p.isOp("(") {
			p.skip()
			nw.Spec = p.parseWindowSpec(open)
			p.expectOp(")")
		} else {
			nw.Spec = &ast.Window{At: at(open), Name: p.parseIdent()}
		}
		ws = append(ws, nw)
		if !p.acceptOp(",") {
			return ws
		}
	}
}

func (p *parser) parseGroupBy() *ast.GroupBy {
	t := p.next()
	p.skip()
	g := &ast.GroupBy{At: at(t)}
	if p.is("ALL") && !p.isOpAt(1, "(") {
		p.skip()
		g.All = true
		return g
	}
	for {
		g.Items = append(g.Items, p.parseGroupingItem())
		if !p.acceptOp(",") {
			break
		}
	}
	if p.is("GROUPING") && p.isAt(1, "SETS") {
		gs, _ := p.parseGroupingItem().(*ast.GroupingSets)
		g.Sets = gs
	}
	if p.is("WITH") && (p.isAt(1, "ROLLUP") || p.isAt(1, "CUBE")) {
		p.skip()
		g.With = p.upper()
		p.skip()
	}
	return g
}

func (p *parser) parseGroupingItem() ast.Expr {
	t := p.tok()
	switch {
	case (p.is("ROLLUP") || p.is("CUBE")) && p.isOpAt(1, "("):
		kw := p.upper()
		p.skip()
		p.skip()
		var items []ast.Expr
		if !p.isOp(")") {
			items = p.parseExprList()
		}
		p.expectOp(")")
		if kw == "ROLLUP" {
			return &ast.Rollup{At: at(t), Items: items}
		}
		return &ast.Cube{At: at(t), Items: items}
	case p.is("GROUPING") && p.isAt(1, "SETS"):
		p.i += 2
		p.expectOp("(")
		gs := &ast.GroupingSets{At: at(t)}
		for {
			if p.isOp("(") && !p.queryStartsAt(p.i+1) {
				p.skip()
				var set []ast.Expr
				if !p.isOp(")") {
					set = p.parseExprList()
				}
				p.expectOp(")")
				gs.Sets = append(gs.Sets, set)
			} else {
				gs.Sets = append(gs.Sets, []ast.Expr{p.parseExpr()})
			}
			if !p.acceptOp(",") {
				break
			}
		}
		p.expectOp(")")
		return gs
	}
	return p.parseExpr()
}

// ---------------------------------------------------------------------------
// FROM

func (p *parser) parseFromClause(s *ast.Select) {
	// s.From is empty: FROM is parsed once per SELECT.
	mark := p.lists.tableRefs.mark()
	for {
		p.lists.tableRefs.push(p.parseJoinedRef())
		if !p.acceptOp(",") {
			break
		}
	}
	s.From = p.lists.tableRefs.pop(mark, &p.a.tableRefs)
	for p.is("LATERAL") && p.isAt(1, "VIEW") {
		s.LateralViews = append(s.LateralViews, p.parseLateralView())
	}
	if p.is("PIVOT") || p.is("UNPIVOT") {
		last := len(s.From) - 1
		s.From[last] = p.parsePivotSuffix(s.From[last])
	}
}

func (p *parser) parseLateralView() *ast.LateralView {
	cm := p.takeComments()
	t := p.next()
	p.skip()
	lv := &ast.LateralView{At: at(t)}
	lv.Before = cm
	lv.Outer = p.accept("OUTER")
	name := p.parseName()
	f, ok := p.parseCall(name).(*ast.Func)
	if !ok {
		p.fail("a generator function call")
	}
	lv.Func = f
	if p.aliasAllowed() {
		lv.Table = p.parseIdent()
	}
	if p.accept("AS") {
		lv.AsKW = true
		lv.Columns = p.parseIdentList()
	} else if p.aliasAllowed() {
		lv.Columns = p.parseIdentList()
	}
	return lv
}

var joinStarts = newWordSet(map[string]bool{"JOIN": true, "INNER": true, "LEFT": true, "RIGHT": true, "FULL": true, "CROSS": true, "NATURAL": true, "SEMI": true, "ANTI": true})

// parseJoinedRef parses a FROM item followed by any joins.
func (p *parser) parseJoinedRef() ast.TableRef {
	left := p.parseTableRef()
	for {
		if c := p.cur(); token.Kind(c.kind) != token.Word || !joinStarts.has(p.text(c)) {
			return left
		}
		t := p.at(p.i)
		// LEFT/RIGHT used as function names cannot follow a FROM item, so
		// a join keyword here always starts a join.
		cm := p.takeComments()
		j := &ast.Join{At: at(t), Left: left}
		j.Before = cm
		j.Natural = p.accept("NATURAL")
		switch {
		case p.accept("INNER"):
			j.Kind = "INNER"
		case p.accept("CROSS"):
			j.Kind = "CROSS"
		case p.is("LEFT") || p.is("RIGHT") || p.is("FULL"):
			j.Kind = p.upper()
			p.skip()
			switch {
			case p.accept("OUTER"):
				j.Outer = true
			case j.Kind == "LEFT" && p.accept("SEMI"):
				j.Kind = "LEFT SEMI"
			case j.Kind == "LEFT" && p.accept("ANTI"):
				j.Kind = "LEFT ANTI"
			}
		case p.accept("SEMI"):
			j.Kind = "SEMI"
		case p.accept("ANTI"):
			j.Kind = "ANTI"
		}
		p.expect("JOIN")
		j.Hints = p.takeHints()
		j.Right = p.parseTableRef()
		switch {
		case p.accept("ON"):
			j.On = p.parseExpr()
		case p.is("USING") && p.isOpAt(1, "("):
			p.skip()
			p.skip()
			j.Using = p.parseIdentList()
			p.expectOp(")")
		}
		left = j
	}
}

// parseTableRef parses one FROM item without joins.
func (p *parser) parseTableRef() ast.TableRef {
	p.enter()
	defer p.leave()
	cm := p.takeComments()
	t := p.tok()
	var ref ast.TableRef
	switch {
	case p.is("VALUES"):
		// Spark inline table: FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)
		v := p.parseValues()
		sr := &ast.SubqueryRef{At: at(t), BareValues: true, Query: &ast.Query{At: at(t), Body: v}}
		sr.Before = cm
		sr.Alias = p.parseOptAlias()
		ref = sr
	case p.isOp("("):
		if p.queryStartsAt(p.i + 1) {
			p.skip()
			q := p.parseQuery()
			p.expectOp(")")
			sr := &ast.SubqueryRef{At: at(t), Query: q}
			sr.Before = cm
			sr.Alias = p.parseOptAlias()
			ref = sr
		} else {
			p.skip()
			inner := p.parseJoinedRef()
			p.expectOp(")")
			ref = &ast.ParenRef{At: at(t), Ref: inner, Alias: p.parseOptAlias()}
		}
	case p.is("LATERAL") && !p.isAt(1, "VIEW"):
		p.skip()
		if p.isOp("(") {
			p.skip()
			q := p.parseQuery()
			p.expectOp(")")
			sr := &ast.SubqueryRef{At: at(t), Lateral: true, Query: q}
			sr.Before = cm
			sr.Alias = p.parseOptAlias()
			ref = sr
		} else {
			fr := p.parseFuncRef(t)
			fr.Lateral = true
			fr.Before = cm
			ref = fr
		}
	case (p.is("TABLE") || p.is("UNNEST")) && p.isOpAt(1, "("):
		fr := p.parseFuncRef(t)
		fr.Before = cm
		ref = fr
	default:
		if t.Kind == token.Word && reservedAfterExpr.has(t.Lit) && !p.isOpAt(1, "(") {
			p.fail("a table name")
		}
		name := p.parseName()
		if p.isOp("(") {
			// A table-valued function: range(10), explode(arr), f(x).
			call := p.parseCall(name)
			fr := &ast.FuncRef{At: at(t), Func: call}
			fr.Before = cm
			fr.Alias = p.parseOptAlias()
			ref = fr
			break
		}
		tn := &ast.TableName{At: at(t), Name: name}
		tn.Before = cm
		tn.Hints = p.takeHints()
		if p.is("FOR") && p.isAt(1, "SYSTEM_TIME") {
			p.i += 2
			p.expect("AS")
			p.expect("OF")
			tn.SystemTime = p.parseBinary(0)
		}
		if (p.is("VERSION") || p.is("TIMESTAMP")) && p.isSeq(p.upper(), "AS", "OF") {
			tn.TimeTravel = p.upper()
			p.i += 3
			tn.TravelTo = p.parsePrimaryPostfix()
		}
		if p.is("TABLESAMPLE") {
			tn.Sample = p.parseTableSample()
		}
		tn.Alias = p.parseOptAlias()
		ref = tn
	}
	for {
		switch {
		case p.is("PIVOT") || p.is("UNPIVOT"):
			ref = p.parsePivotSuffix(ref)
		case p.is("MATCH_RECOGNIZE"):
			ref = p.parseMatchRecognize(ref)
		default:
			return ref
		}
	}
}

// parseFuncRef parses TABLE(f(...)), UNNEST(...) or, after LATERAL, TABLE(...).
func (p *parser) parseFuncRef(t token.Token) *ast.FuncRef {
	fr := &ast.FuncRef{At: at(t)}
	switch {
	case p.accept("TABLE"):
		fr.TableKeyword = true
		p.expectOp("(")
		fr.Func = p.parseExpr()
		p.expectOp(")")
	case p.accept("UNNEST"):
		fr.Unnest = true
		p.expectOp("(")
		fr.Args = p.parseExprList()
		p.expectOp(")")
		if p.isSeq("WITH", "ORDINALITY") {
			p.i += 2
			fr.WithOrdinality = true
		}
	default:
		name := p.parseName()
		fr.Func = p.parseCall(name)
	}
	fr.Alias = p.parseOptAlias()
	return fr
}

// parseOptAlias parses [AS] alias [(cols)].
func (p *parser) parseOptAlias() *ast.Alias {
	var a *ast.Alias
	switch {
	case p.accept("AS"):
		a = &ast.Alias{AsKeyword: true, Name: p.parseIdent()}
	case p.aliasAllowed():
		a = &ast.Alias{Name: p.parseIdent()}
	default:
		return nil
	}
	if p.isOp("(") && !p.queryStartsAt(p.i+1) {
		p.skip()
		a.Columns = p.parseIdentList()
		p.expectOp(")")
	}
	return a
}

func (p *parser) parseTableSample() *ast.TableSample {
	t := p.next()
	ts := &ast.TableSample{At: at(t)}
	open := p.expectOp("(")
	switch {
	case p.accept("BUCKET"):
		ts.Method = "BUCKET"
		ts.Value = p.parsePrimaryPostfix()
		p.expect("OUT")
		p.expect("OF")
		ts.OutOf = p.parsePrimaryPostfix()
		if p.accept("ON") {
			ts.On = p.parseExpr()
		}
	default:
		ts.Value = p.parseBinary(0)
		switch {
		case p.accept("PERCENT"):
			ts.Method = "PERCENT"
		case p.accept("ROWS"):
			ts.Method = "ROWS"
		}
	}
	close := p.expectOp(")")
	ts.Raw = p.src[open.Offset-p.base : close.Offset-p.base+1]
	if p.accept("REPEATABLE") {
		p.expectOp("(")
		ts.Seed = p.parseExpr()
		p.expectOp(")")
	}
	return ts
}

// parsePivotSuffix parses PIVOT (...) or UNPIVOT (...) after a FROM item.
func (p *parser) parsePivotSuffix(src ast.TableRef) ast.TableRef {
	t := p.tok()
	if p.accept("UNPIVOT") {
		u := &ast.Unpivot{At: at(t), Source: src}
		if p.is("INCLUDE") || p.is("EXCLUDE") {
			u.Nulls = p.upper()
			p.skip()
			p.expect("NULLS")
		}
		p.expectOp("(")
		if p.acceptOp("(") {
			u.ValueCols = p.parseIdentList()
			p.expectOp(")")
		} else {
			u.ValueCols = []*ast.Ident{p.parseIdent()}
		}
		p.expect("FOR")
		u.NameCol = p.parseIdent()
		p.expect("IN")
		p.expectOp("(")
		for {
			c := &ast.UnpivotCol{}
			if p.acceptOp("(") {
				for {
					c.Cols = append(c.Cols, p.parseName())
					if !p.acceptOp(",") {
						break
					}
				}
				p.expectOp(")")
			} else {
				c.Cols = []*ast.Name{p.parseName()}
			}
			if p.accept("AS") {
				c.AsKW = true
				c.Alias = p.parseIdent()
			} else if p.aliasAllowed() {
				c.Alias = p.parseIdent()
			}
			u.In = append(u.In, c)
			if !p.acceptOp(",") {
				break
			}
		}
		p.expectOp(")")
		p.expectOp(")")
		u.Alias = p.parseOptAlias()
		return u
	}
	p.expect("PIVOT")
	pv := &ast.Pivot{At: at(t), Source: src}
	p.expectOp("(")
	for {
		pv.Aggs = append(pv.Aggs, p.parseSelectItem())
		if !p.acceptOp(",") {
			break
		}
	}
	p.expect("FOR")
	if p.acceptOp("(") {
		for {
			pv.For = append(pv.For, p.parseName())
			if !p.acceptOp(",") {
				break
			}
		}
		p.expectOp(")")
	} else {
		pv.For = []*ast.Name{p.parseName()}
	}
	p.expect("IN")
	p.expectOp("(")
	for {
		v := &ast.PivotValue{Expr: p.parseExpr()}
		if p.accept("AS") {
			v.AsKW = true
			v.Alias = p.parseIdent()
		} else if p.aliasAllowed() {
			v.Alias = p.parseIdent()
		}
		pv.In = append(pv.In, v)
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectOp(")")
	p.expectOp(")")
	pv.Alias = p.parseOptAlias()
	return pv
}

// parseMatchRecognize parses Flink's MATCH_RECOGNIZE (...) after a table.
func (p *parser) parseMatchRecognize(src ast.TableRef) ast.TableRef {
	t := p.next()
	m := &ast.MatchRecognize{At: at(t), Source: src}
	p.expectOp("(")
	if p.isSeq("PARTITION", "BY") {
		p.i += 2
		m.PartitionBy = p.parseExprList()
	}
	if p.isSeq("ORDER", "BY") {
		p.i += 2
		m.OrderBy = p.parseOrderItems()
	}
	if p.accept("MEASURES") {
		for {
			m.Measures = append(m.Measures, p.parseSelectItem())
			if !p.acceptOp(",") {
				break
			}
		}
	}
	switch {
	case p.isSeq("ONE", "ROW", "PER", "MATCH"):
		p.i += 4
		m.RowsPerMatch = "ONE ROW PER MATCH"
	case p.isSeq("ALL", "ROWS", "PER", "MATCH"):
		p.i += 4
		m.RowsPerMatch = "ALL ROWS PER MATCH"
	}
	if p.isSeq("AFTER", "MATCH") {
		p.i += 2
		var words []string
		for !p.is("PATTERN") && p.tok().Kind != token.EOF && !p.isOp(")") {
			words = append(words, p.next().Lit)
		}
		m.AfterMatch = strings.Join(words, " ")
	}
	p.expect("PATTERN")
	open := p.expectOp("(")
	depth := 1
	for depth > 0 {
		tk := p.tok()
		if tk.Kind == token.EOF || isKw(tk, "DEFINE") || isKw(tk, "WITHIN") {
			p.fail("')' closing PATTERN")
		}
		if tk.Kind == token.Op && tk.Lit == "(" {
			depth++
		}
		if tk.Kind == token.Op && tk.Lit == ")" {
			depth--
		}
		p.skip()
	}
	closeTok := p.prevTok()
	m.Pattern = strings.TrimSpace(p.src[open.Offset-p.base+1 : closeTok.Pos.Offset-p.base])
	if p.accept("WITHIN") {
		m.Within = p.parseExpr()
	}
	p.expect("DEFINE")
	for {
		name := p.parseIdent()
		p.expect("AS")
		m.Define = append(m.Define, &ast.SelectItem{At: ast.At{At: name.Pos()}, Alias: name, AsKeyword: true, Expr: p.parseExpr()})
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectOp(")")
	m.Alias = p.parseOptAlias()
	return m
}
