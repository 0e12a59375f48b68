package printer

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// maxInline is the width above which a WHERE, HAVING, QUALIFY or ON
// condition made of AND (or OR) terms is printed one term per line.
const maxInline = 72

func (p *printer) query(q *ast.Query) {
	if q == nil {
		return
	}
	if q.With != nil {
		p.with(q.With)
		p.newline()
	}
	p.body(q.Body)
	if len(q.OrderBy) > 0 {
		p.clauseOrder("ORDER BY", q.OrderBy)
	}
	if len(q.SortBy) > 0 {
		p.clauseOrder("SORT BY", q.SortBy)
	}
	if len(q.DistributeBy) > 0 {
		p.newline()
		p.write("DISTRIBUTE BY ")
		p.exprList(q.DistributeBy)
	}
	if len(q.ClusterBy) > 0 {
		p.newline()
		p.write("CLUSTER BY ")
		p.exprList(q.ClusterBy)
	}
	if q.LimitAll {
		p.newline()
		p.write("LIMIT ALL")
	} else if q.Limit != nil {
		p.newline()
		p.write("LIMIT ")
		p.expr(q.Limit, precLowest)
	}
	if q.Offset != nil {
		p.newline()
		p.write("OFFSET ")
		p.expr(q.Offset, precLowest)
	}
	if q.FetchFirst != nil {
		p.newline()
		p.write("FETCH FIRST ")
		p.expr(q.FetchFirst, precLowest)
		p.write(" ROWS ONLY")
	}
}

// clauseOrder prints ORDER BY or SORT BY: inline, or one item per line when
// an item carries comments.
func (p *printer) clauseOrder(kw string, items []*ast.OrderItem) {
	p.newline()
	p.write(kw)
	if !orderHasComments(items) {
		p.sp()
		p.orderItems(items)
		return
	}
	p.indent()
	for i, it := range items {
		p.newline()
		p.commentLines(it.Before)
		c := *it
		c.Before = nil
		p.orderItem(&c, i < len(items)-1)
	}
	p.unindent()
}

func orderHasComments(items []*ast.OrderItem) bool {
	for _, it := range items {
		if len(it.Before) > 0 || len(it.After) > 0 {
			return true
		}
	}
	return false
}

func (p *printer) with(w *ast.With) {
	p.write("WITH")
	if w.Recursive {
		p.write(" RECURSIVE")
	}
	for i, c := range w.CTEs {
		if i == 0 && len(c.Before) == 0 {
			p.sp()
		} else {
			p.newline()
			if i > 0 {
				p.nl()
			}
		}
		p.cte(c)
		if i < len(w.CTEs)-1 {
			if hasLineComment(c.After) {
				// the comment must stay before the comma to stay the CTE's
				p.trailing(c.After)
				p.newline()
				p.write(",")
			} else {
				p.trailing(c.After)
				p.write(",")
			}
		} else {
			p.trailing(c.After)
		}
	}
}

func hasLineComment(cs []string) bool {
	for _, c := range cs {
		if isLineComment(c) {
			return true
		}
	}
	return false
}

// cte prints name [(cols)] AS (query), without its trailing comments.
func (p *printer) cte(c *ast.CTE) {
	p.commentLines(c.Before)
	p.ident(c.Name)
	if len(c.Columns) > 0 {
		p.write(" (")
		p.identList(c.Columns)
		p.write(")")
	}
	p.write(" AS ")
	p.subquery(c.Query)
}

// setOpPrec gives the binding strength of set operators: INTERSECT binds
// tighter than UNION, EXCEPT and MINUS.
func setOpPrec(op string) int {
	if strings.EqualFold(op, "INTERSECT") {
		return 2
	}
	return 1
}

func bodyPrec(b ast.QueryBody) int {
	if s, ok := b.(*ast.SetOp); ok {
		return setOpPrec(s.Op)
	}
	return 3
}

func (p *printer) body(b ast.QueryBody) {
	switch b := b.(type) {
	case nil:
	case *ast.Select:
		p.selectBody(b)
	case *ast.SetOp:
		l := setOpPrec(b.Op)
		p.setOperand(b.L, l)
		p.newline()
		p.write(strings.ToUpper(b.Op))
		switch {
		case b.All:
			p.write(" ALL")
		case b.Distinct:
			p.write(" DISTINCT")
		}
		p.nl()
		p.setOperand(b.R, l+1)
	case *ast.ParenQuery:
		p.subquery(b.Query)
	case *ast.TableQuery:
		p.write("TABLE ")
		p.name(b.Name)
	case *ast.Values:
		p.values(b)
	default:
		panic("printer: unexpected query body type " + typeName(b))
	}
}

func (p *printer) setOperand(b ast.QueryBody, min int) {
	if bodyPrec(b) < min {
		p.subquery(&ast.Query{Body: b})
		return
	}
	p.body(b)
}

func (p *printer) values(v *ast.Values) {
	p.write("VALUES")
	if len(v.Rows) == 1 {
		p.sp()
		p.valuesRow(v.Rows[0])
		return
	}
	p.indent()
	for i, row := range v.Rows {
		p.newline()
		p.valuesRow(row)
		if i < len(v.Rows)-1 {
			p.write(",")
		}
	}
	p.unindent()
}

func (p *printer) valuesRow(row []ast.Expr) {
	p.write("(")
	p.exprList(row)
	p.write(")")
}

func (p *printer) selectBody(s *ast.Select) {
	if s.FromFirst {
		p.fromClause(s.From, s.LateralViews)
		p.newline()
	}
	p.write("SELECT")
	if len(s.Hints) > 0 {
		p.sp()
		p.hints(s.Hints)
	}
	switch {
	case s.Distinct:
		p.write(" DISTINCT")
	case s.All:
		p.write(" ALL")
	}
	p.selectItems(s.Items)
	if !s.FromFirst && (len(s.From) > 0 || len(s.LateralViews) > 0) {
		p.newline()
		p.fromClause(s.From, s.LateralViews)
	}
	p.condClause("WHERE", s.Where)
	if s.GroupBy != nil {
		p.newline()
		p.groupBy(s.GroupBy)
	}
	p.condClause("HAVING", s.Having)
	p.condClause("QUALIFY", s.Qualify)
	if len(s.Windows) > 0 {
		p.newline()
		p.write("WINDOW")
		multi := len(s.Windows) > 1
		if multi {
			p.indent()
		}
		for i, w := range s.Windows {
			if multi {
				p.newline()
			} else {
				p.sp()
			}
			p.ident(w.Name)
			p.write(" AS ")
			if w.Spec != nil {
				p.window(w.Spec)
			}
			if i < len(s.Windows)-1 {
				p.write(",")
			}
		}
		if multi {
			p.unindent()
		}
	}
}

// selectItems prints the items after SELECT: inline when there is one
// short item without comments, else one per line.
func (p *printer) selectItems(items []*ast.SelectItem) {
	if len(items) == 1 && len(items[0].Before) == 0 && len(items[0].After) == 0 {
		it := items[0]
		flat := p.render(func(q *printer) { q.selectItem(it) })
		if !strings.Contains(flat, "\n") && len(flat) <= maxInline {
			p.sp()
			p.selectItem(it)
			return
		}
	}
	p.indent()
	for i, it := range items {
		p.newline()
		p.commentLines(it.Before)
		p.selectItemCore(it)
		if i < len(items)-1 {
			p.write(",")
		}
		p.trailing(it.After)
	}
	p.unindent()
}

// selectItem prints an item with its comments, inline.
func (p *printer) selectItem(it *ast.SelectItem) {
	p.leading(it.Before)
	p.selectItemCore(it)
	p.trailing(it.After)
}

func (p *printer) selectItemCore(it *ast.SelectItem) {
	p.expr(it.Expr, precLowest)
	switch {
	case len(it.MultiAlias) > 0:
		p.write(" AS (")
		p.identList(it.MultiAlias)
		p.write(")")
	case it.Alias != nil:
		if it.AsKeyword {
			p.write(" AS ")
		} else {
			p.sp()
		}
		p.ident(it.Alias)
	}
}

// condClause prints WHERE, HAVING, QUALIFY and similar clauses on a line of
// their own; a long AND/OR chain gets one term per line.
func (p *printer) condClause(kw string, e ast.Expr) {
	if e == nil {
		return
	}
	p.newline()
	p.write(kw)
	p.sp()
	p.cond(e)
}

// cond prints a condition, breaking a long chain of AND (or OR) terms.
func (p *printer) cond(e ast.Expr) {
	b, ok := e.(*ast.Binary)
	if !ok {
		p.expr(e, precLowest)
		return
	}
	op := strings.ToUpper(b.Op)
	if op != "AND" && op != "OR" {
		p.expr(e, precLowest)
		return
	}
	flat := p.render(func(q *printer) { q.expr(e, precLowest) })
	if len(flat) <= maxInline && !strings.Contains(flat, "\n") {
		p.expr(e, precLowest)
		return
	}
	// Collect the left-deep chain a OP b OP c.
	var terms []ast.Expr
	x := ast.Expr(b)
	for {
		bb, ok := x.(*ast.Binary)
		if !ok || strings.ToUpper(bb.Op) != op {
			break
		}
		terms = append(terms, bb.R)
		x = bb.L
	}
	terms = append(terms, x)
	l := opPrec(op)
	p.expr(terms[len(terms)-1], l)
	p.indent()
	for i := len(terms) - 2; i >= 0; i-- {
		p.newline()
		p.write(op + " ")
		p.expr(terms[i], l+1)
	}
	p.unindent()
}

func (p *printer) groupBy(g *ast.GroupBy) {
	p.write("GROUP BY")
	if g.All {
		p.write(" ALL")
		return
	}
	if len(g.Items) > 0 {
		p.sp()
		p.exprList(g.Items)
	}
	if g.Sets != nil {
		p.sp()
		p.expr(g.Sets, precLowest)
	}
	if g.With != "" {
		p.write(" WITH " + strings.ToUpper(g.With))
	}
}

func (p *printer) hints(hs []*ast.Hint) {
	p.write("/*+ ")
	for i, h := range hs {
		if i > 0 {
			p.write(", ")
		}
		p.ident(h.Name)
		if len(h.Args) > 0 {
			p.write("(")
			p.exprList(h.Args)
			p.write(")")
		}
	}
	p.write(" */")
}

// ---------------------------------------------------------------------------
// FROM

func (p *printer) fromClause(from []ast.TableRef, lvs []*ast.LateralView) {
	p.write("FROM")
	for i, r := range from {
		if i == 0 {
			p.sp()
			p.tableRef(r)
			continue
		}
		p.write(",")
		p.indent()
		p.newline()
		p.tableRef(r)
		p.unindent()
	}
	for _, lv := range lvs {
		p.newline()
		p.lateralView(lv)
	}
}

// refComments prints the comments before a FROM item on lines above it.
func (p *printer) refComments(cs []string) {
	if len(cs) > 0 {
		p.commentLines(cs)
	}
}

func (p *printer) tableRef(r ast.TableRef) {
	switch r := r.(type) {
	case nil:
	case *ast.TableName:
		p.refComments(r.Before)
		p.name(r.Name)
		if len(r.Hints) > 0 {
			p.sp()
			p.hints(r.Hints)
		}
		if r.SystemTime != nil {
			p.write(" FOR SYSTEM_TIME AS OF ")
			p.expr(r.SystemTime, precBitOr)
		}
		if r.TimeTravel != "" {
			p.write(" " + strings.ToUpper(r.TimeTravel) + " AS OF ")
			p.expr(r.TravelTo, precPostfix)
		}
		if r.Sample != nil {
			p.sp()
			p.tableSample(r.Sample)
		}
		p.alias(r.Alias)
		p.trailing(r.After)
	case *ast.SubqueryRef:
		p.refComments(r.Before)
		if r.BareValues {
			if v, ok := r.Query.Body.(*ast.Values); ok && r.Query.With == nil {
				p.values(v)
				p.alias(r.Alias)
				p.trailing(r.After)
				return
			}
		}
		if r.Lateral {
			p.write("LATERAL ")
		}
		p.subquery(r.Query)
		p.alias(r.Alias)
		p.trailing(r.After)
	case *ast.FuncRef:
		p.refComments(r.Before)
		if r.Lateral {
			p.write("LATERAL ")
		}
		switch {
		case r.Unnest:
			p.write("UNNEST(")
			p.exprList(r.Args)
			p.write(")")
			if r.WithOrdinality {
				p.write(" WITH ORDINALITY")
			}
		case r.TableKeyword:
			p.write("TABLE(")
			p.expr(r.Func, precLowest)
			p.write(")")
		default:
			p.expr(r.Func, precLowest)
		}
		p.alias(r.Alias)
		p.trailing(r.After)
	case *ast.Join:
		p.join(r)
	case *ast.ParenRef:
		p.write("(")
		p.indent()
		p.tableRef(r.Ref)
		p.unindent()
		p.write(")")
		p.alias(r.Alias)
	case *ast.Pivot:
		p.tableRef(r.Source)
		p.write(" PIVOT (")
		for i, it := range r.Aggs {
			if i > 0 {
				p.write(", ")
			}
			p.selectItem(it)
		}
		p.write(" FOR ")
		p.nameGroup(r.For)
		p.write(" IN (")
		for i, v := range r.In {
			if i > 0 {
				p.write(", ")
			}
			p.expr(v.Expr, precLowest)
			p.optAlias(v.Alias, v.AsKW)
		}
		p.write("))")
		p.alias(r.Alias)
	case *ast.Unpivot:
		p.tableRef(r.Source)
		p.write(" UNPIVOT")
		if r.Nulls != "" {
			p.write(" " + strings.ToUpper(r.Nulls) + " NULLS")
		}
		p.write(" (")
		if len(r.ValueCols) == 1 {
			p.ident(r.ValueCols[0])
		} else {
			p.write("(")
			p.identList(r.ValueCols)
			p.write(")")
		}
		p.write(" FOR ")
		p.ident(r.NameCol)
		p.write(" IN (")
		for i, c := range r.In {
			if i > 0 {
				p.write(", ")
			}
			p.nameGroup(c.Cols)
			p.optAlias(c.Alias, c.AsKW)
		}
		p.write("))")
		p.alias(r.Alias)
	case *ast.MatchRecognize:
		p.matchRecognize(r)
	default:
		panic("printer: unexpected FROM item type " + typeName(r))
	}
}

// nameGroup prints one name, or several in parentheses.
func (p *printer) nameGroup(ns []*ast.Name) {
	if len(ns) == 1 {
		p.name(ns[0])
		return
	}
	p.write("(")
	for i, n := range ns {
		if i > 0 {
			p.write(", ")
		}
		p.name(n)
	}
	p.write(")")
}

func (p *printer) optAlias(id *ast.Ident, as bool) {
	if id == nil {
		return
	}
	if as {
		p.write(" AS ")
	} else {
		p.sp()
	}
	p.ident(id)
}

func (p *printer) alias(a *ast.Alias) {
	if a == nil || a.Name == nil {
		return
	}
	p.optAlias(a.Name, a.AsKeyword)
	if len(a.Columns) > 0 {
		p.write("(")
		p.identList(a.Columns)
		p.write(")")
	}
}

func (p *printer) join(j *ast.Join) {
	p.tableRef(j.Left)
	p.newline()
	p.commentLines(j.Before)
	var kw []string
	if j.Natural {
		kw = append(kw, "NATURAL")
	}
	if j.Kind != "" {
		kw = append(kw, strings.ToUpper(j.Kind))
	}
	if j.Outer {
		kw = append(kw, "OUTER")
	}
	kw = append(kw, "JOIN")
	p.write(strings.Join(kw, " "))
	if len(j.Hints) > 0 {
		p.sp()
		p.hints(j.Hints)
	}
	p.sp()
	if _, nested := j.Right.(*ast.Join); nested {
		p.write("(")
		p.indent()
		p.tableRef(j.Right)
		p.unindent()
		p.write(")")
	} else {
		p.tableRef(j.Right)
	}
	switch {
	case j.On != nil:
		p.indent()
		flat := p.render(func(q *printer) { q.expr(j.On, precLowest) })
		if len(flat) > maxInline || strings.Contains(flat, "\n") {
			p.newline()
		} else {
			p.sp()
		}
		p.write("ON ")
		p.cond(j.On)
		p.unindent()
	case len(j.Using) > 0:
		p.write(" USING (")
		p.identList(j.Using)
		p.write(")")
	}
	p.trailing(j.After)
}

func (p *printer) tableSample(s *ast.TableSample) {
	p.write("TABLESAMPLE (")
	switch s.Method {
	case "BUCKET":
		p.write("BUCKET ")
		p.expr(s.Value, precPostfix)
		p.write(" OUT OF ")
		p.expr(s.OutOf, precPostfix)
		if s.On != nil {
			p.write(" ON ")
			p.expr(s.On, precLowest)
		}
	default:
		p.expr(s.Value, precBitOr)
		if s.Method != "" {
			p.write(" " + strings.ToUpper(s.Method))
		}
	}
	p.write(")")
	if s.Seed != nil {
		p.write(" REPEATABLE (")
		p.expr(s.Seed, precLowest)
		p.write(")")
	}
}

func (p *printer) lateralView(lv *ast.LateralView) {
	p.commentLines(lv.Before)
	p.write("LATERAL VIEW ")
	if lv.Outer {
		p.write("OUTER ")
	}
	if lv.Func != nil {
		p.fn(lv.Func)
	}
	if lv.Table != nil {
		p.sp()
		p.ident(lv.Table)
	}
	if len(lv.Columns) > 0 {
		if lv.AsKW {
			p.write(" AS ")
		} else {
			p.sp()
		}
		p.identList(lv.Columns)
	}
	p.trailing(lv.After)
}

func (p *printer) matchRecognize(m *ast.MatchRecognize) {
	p.tableRef(m.Source)
	p.write(" MATCH_RECOGNIZE (")
	p.indent()
	if len(m.PartitionBy) > 0 {
		p.newline()
		p.write("PARTITION BY ")
		p.exprList(m.PartitionBy)
	}
	if len(m.OrderBy) > 0 {
		p.clauseOrder("ORDER BY", m.OrderBy)
	}
	if len(m.Measures) > 0 {
		p.newline()
		p.write("MEASURES")
		p.indent()
		for i, it := range m.Measures {
			p.newline()
			p.commentLines(it.Before)
			p.selectItemCore(it)
			if i < len(m.Measures)-1 {
				p.write(",")
			}
			p.trailing(it.After)
		}
		p.unindent()
	}
	if m.RowsPerMatch != "" {
		p.newline()
		p.write(strings.ToUpper(m.RowsPerMatch))
	}
	if m.AfterMatch != "" {
		p.newline()
		p.write("AFTER MATCH " + m.AfterMatch)
	}
	p.newline()
	p.write("PATTERN (" + m.Pattern + ")")
	if m.Within != nil {
		p.newline()
		p.write("WITHIN ")
		p.expr(m.Within, precLowest)
	}
	p.newline()
	p.write("DEFINE")
	p.indent()
	for i, d := range m.Define {
		p.newline()
		p.ident(d.Alias)
		p.write(" AS ")
		p.expr(d.Expr, precLowest)
		if i < len(m.Define)-1 {
			p.write(",")
		}
	}
	p.unindent()
	p.unindent()
	p.newline()
	p.write(")")
	p.alias(m.Alias)
}
