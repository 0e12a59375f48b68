package syntax

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// inlineNamedWindows replaces OVER w by the specification of w.
func inlineNamedWindows(c *Context, s *ast.Select) {
	if len(s.Windows) == 0 {
		return
	}
	specs := map[string]*ast.Window{}
	for _, nw := range s.Windows {
		specs[strings.ToLower(nw.Name.Name)] = nw.Spec
	}
	var resolve func(w *ast.Window, depth int) *ast.Window
	resolve = func(w *ast.Window, depth int) *ast.Window {
		if w == nil || w.Name == nil || depth > len(specs) {
			return w
		}
		base, ok := specs[strings.ToLower(w.Name.Name)]
		if !ok {
			c.residue(w.Pos(), "syntax.named-window", "window %s is not defined in this SELECT", w.Name.Name)
			return w
		}
		base = resolve(base, depth+1)
		out := &ast.Window{At: w.At, Parens: true, Partition: base.Partition, PartitionBy: base.PartitionBy,
			Sort: base.Sort, OrderBy: base.OrderBy, Frame: base.Frame}
		if len(w.PartitionBy) > 0 {
			out.PartitionBy, out.Partition = w.PartitionBy, w.Partition
		}
		if len(w.OrderBy) > 0 {
			out.OrderBy, out.Sort = w.OrderBy, w.Sort
		}
		if w.Frame != nil {
			out.Frame = w.Frame
		}
		return out
	}
	ast.Inspect(s, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.Query:
			return false // nested SELECTs have their own WINDOW clause
		case *ast.Func:
			if x.Over != nil && x.Over.Name != nil {
				x.Over = resolve(x.Over, 0)
				c.applied("syntax.named-window")
			}
		}
		return true
	})
	s.Windows = nil
}

// lateralViews turns each LATERAL VIEW into a join with UNNEST.
func lateralViews(c *Context, s *ast.Select) {
	if len(s.LateralViews) == 0 {
		return
	}
	if len(s.From) == 0 {
		c.residue(s.Pos(), "syntax.lateral-view", "LATERAL VIEW without a FROM clause")
		return
	}
	var kept []*ast.LateralView
	for _, lv := range s.LateralViews {
		fn := strings.ToLower(lv.Func.Name.Last().Name)
		if fn != "explode" && fn != "posexplode" && fn != "inline" && fn != "explode_outer" && fn != "posexplode_outer" && fn != "inline_outer" {
			c.residue(lv.Pos(), "syntax.lateral-view", "LATERAL VIEW %s(...) has no Flink equivalent; only explode, posexplode and inline become UNNEST", lv.Func.Name.Last().Name)
			kept = append(kept, lv)
			continue
		}
		if len(lv.Func.Args) != 1 {
			c.residue(lv.Pos(), "syntax.lateral-view", "LATERAL VIEW %s takes one argument", fn)
			kept = append(kept, lv)
			continue
		}
		outer := lv.Outer || strings.HasSuffix(fn, "_outer")
		fn = strings.TrimSuffix(fn, "_outer")
		pos := lv.Pos()
		tableAlias := "t"
		if lv.Table != nil {
			tableAlias = lv.Table.Name
		}
		cols := append([]*ast.Ident{}, lv.Columns...)
		unnest := &ast.FuncRef{At: ast.At{At: pos}, Unnest: true, Args: lv.Func.Args}
		if fn == "posexplode" {
			// Spark: pos (0-based), col; Flink: WITH ORDINALITY appends the
			// 1-based ordinal after the element.
			unnest.WithOrdinality = true
			if len(cols) != 2 {
				c.residue(pos, "syntax.lateral-view", "posexplode needs two column aliases (pos, col)")
				kept = append(kept, lv)
				continue
			}
			posCol := cols[0]
			cols = []*ast.Ident{cols[1], posCol}
			shiftOrdinal(s, tableAlias, posCol.Name)
			c.note(pos, diag.Info, "syntax.lateral-view", "posexplode position %s: Flink's ordinal is 1-based, so references are rewritten to %s - 1", posCol.Name, posCol.Name)
		}
		if len(cols) == 0 {
			c.residue(pos, "syntax.lateral-view", "LATERAL VIEW %s needs column aliases (AS c) for UNNEST", fn)
			kept = append(kept, lv)
			continue
		}
		unnest.Alias = &ast.Alias{Name: ident(pos, tableAlias), Columns: cols, AsKeyword: true}
		last := len(s.From) - 1
		j := &ast.Join{At: ast.At{At: pos}, Kind: "CROSS", Left: s.From[last], Right: unnest}
		j.Before = lv.Before
		if outer {
			j.Kind = "LEFT"
			j.On = &ast.Literal{At: ast.At{At: pos}, Kind: ast.LitBool, Raw: "TRUE", Value: "TRUE"}
		}
		s.From[last] = j
		c.applied("syntax.lateral-view")
	}
	s.LateralViews = kept
}

// shiftOrdinal rewrites references to a posexplode position column to
// (col - 1) so the 1-based Flink ordinal keeps Spark's 0-based values.
func shiftOrdinal(s *ast.Select, table, col string) {
	ast.RewriteExprs(s, func(e ast.Expr) ast.Expr {
		n, ok := e.(*ast.Name)
		if !ok {
			return e
		}
		last := n.Last().Name
		if !strings.EqualFold(last, col) {
			return e
		}
		if len(n.Parts) == 2 && !strings.EqualFold(n.Parts[0].Name, table) || len(n.Parts) > 2 {
			return e
		}
		one := &ast.Literal{At: n.At, Kind: ast.LitNumber, Raw: "1", Value: "1"}
		return &ast.Paren{At: n.At, X: &ast.Binary{At: n.At, Op: "-", L: n, R: one}}
	})
	// Aliases of select items that were exactly the position column keep
	// their name: the rewrite above produced (pos - 1) AS pos or, without
	// an alias, an unnamed column, so name it.
	for _, it := range s.Items {
		if p, ok := it.Expr.(*ast.Paren); ok && it.Alias == nil {
			if b, ok := p.X.(*ast.Binary); ok {
				if n, ok := b.L.(*ast.Name); ok && strings.EqualFold(n.Last().Name, col) {
					it.Alias = ident(n.Pos(), col)
					it.AsKeyword = true
				}
			}
		}
	}
}

// semiAntiJoins moves LEFT SEMI / LEFT ANTI joins into [NOT] EXISTS.
func semiAntiJoins(c *Context, s *ast.Select) {
	for i, ref := range s.From {
		s.From[i] = removeSemiAnti(c, s, ref)
	}
}

func removeSemiAnti(c *Context, s *ast.Select, ref ast.TableRef) ast.TableRef {
	j, ok := ref.(*ast.Join)
	if !ok {
		return ref
	}
	j.Left = removeSemiAnti(c, s, j.Left)
	kind := j.Kind
	if kind != "LEFT SEMI" && kind != "LEFT ANTI" && kind != "SEMI" && kind != "ANTI" {
		if (j.Kind == "RIGHT" || j.Kind == "FULL") && hasSemiAnti(j.Left) {
			c.residue(j.Pos(), "syntax.semi-anti-join", "a %s JOIN after a SEMI/ANTI join cannot keep its meaning when the semi join becomes EXISTS", j.Kind)
		}
		return j
	}
	if len(j.Using) > 0 || j.Natural {
		c.residue(j.Pos(), "syntax.semi-anti-join", "%s JOIN with USING or NATURAL: write the join condition with ON", kind)
		return j
	}
	pos := j.Pos()
	one := &ast.Literal{At: ast.At{At: pos}, Kind: ast.LitNumber, Raw: "1", Value: "1"}
	sub := &ast.Select{At: ast.At{At: pos}, Items: []*ast.SelectItem{{At: ast.At{At: pos}, Expr: one}}, From: []ast.TableRef{j.Right}, Where: j.On}
	ex := &ast.Exists{At: ast.At{At: pos}, Not: strings.HasSuffix(kind, "ANTI"), Query: &ast.Query{At: ast.At{At: pos}, Body: sub}}
	s.Where = and(s.Where, ex)
	c.applied("syntax.semi-anti-join")
	if ex.Not {
		c.note(pos, diag.Warning, "syntax.semi-anti-join", "LEFT ANTI JOIN became NOT EXISTS: in streaming a row already emitted is retracted when a matching row arrives later, so the result is an updating stream and both sides are kept in state")
	} else {
		c.note(pos, diag.Info, "syntax.semi-anti-join", "LEFT SEMI JOIN became EXISTS: Flink keeps both sides in state to answer it")
	}
	return j.Left
}

func hasSemiAnti(ref ast.TableRef) bool {
	j, ok := ref.(*ast.Join)
	if !ok {
		return false
	}
	return strings.Contains(j.Kind, "SEMI") || strings.Contains(j.Kind, "ANTI") || hasSemiAnti(j.Left)
}

// pivots rewrites PIVOT into conditional aggregation grouped by the source
// columns that the PIVOT does not use.
func pivots(c *Context, s *ast.Select) {
	for i, ref := range s.From {
		if pv, ok := ref.(*ast.Pivot); ok {
			if out := pivotToAggregate(c, pv); out != nil {
				s.From[i] = out
			}
		}
	}
}

func pivotToAggregate(c *Context, pv *ast.Pivot) ast.TableRef {
	pos := pv.Pos()
	if len(pv.For) != 1 {
		c.residue(pos, "syntax.pivot", "PIVOT over several columns is not translated")
		return nil
	}
	cols, ok := sourceColumns(c, pv.Source)
	if !ok {
		c.residue(pos, "syntax.pivot", "PIVOT needs the columns of its source to find the grouping columns; they are unknown here")
		return nil
	}
	used := map[string]bool{strings.ToLower(pv.For[0].Last().Name): true}
	for _, agg := range pv.Aggs {
		ast.Inspect(agg.Expr, func(n ast.Node) bool {
			if nm, ok := n.(*ast.Name); ok {
				used[strings.ToLower(nm.Last().Name)] = true
			}
			return true
		})
	}
	inner := &ast.Select{At: ast.At{At: pos}, From: []ast.TableRef{pv.Source}}
	var group []ast.Expr
	for _, col := range cols {
		if used[strings.ToLower(col)] {
			continue
		}
		inner.Items = append(inner.Items, &ast.SelectItem{At: ast.At{At: pos}, Expr: name(pos, col)})
		group = append(group, name(pos, col))
	}
	for _, v := range pv.In {
		for _, agg := range pv.Aggs {
			f, ok := agg.Expr.(*ast.Func)
			if !ok {
				c.residue(pos, "syntax.pivot", "PIVOT aggregate must be a single aggregate call")
				return nil
			}
			cond := &ast.Binary{At: ast.At{At: pos}, Op: "=", L: pv.For[0], R: v.Expr}
			nf := *f
			if f.Star {
				one := &ast.Literal{At: ast.At{At: pos}, Kind: ast.LitNumber, Raw: "1", Value: "1"}
				nf.Star = false
				nf.Args = []ast.Expr{caseWhen(pos, cond, one)}
			} else {
				nf.Args = append([]ast.Expr{}, f.Args...)
				if len(nf.Args) > 0 {
					nf.Args[0] = caseWhen(pos, cond, f.Args[0])
				}
			}
			inner.Items = append(inner.Items, &ast.SelectItem{At: ast.At{At: pos}, Expr: &nf, Alias: ident(pos, pivotColumnName(v, agg, len(pv.Aggs))), AsKeyword: true})
		}
	}
	if len(group) > 0 {
		inner.GroupBy = &ast.GroupBy{At: ast.At{At: pos}, Items: group}
	}
	c.applied("syntax.pivot")
	c.note(pos, diag.Info, "syntax.pivot", "PIVOT became conditional aggregation grouped by %d source column(s); the result is an updating table keyed by them", len(group))
	alias := pv.Alias
	if alias == nil {
		alias = &ast.Alias{Name: ident(pos, "pivoted"), AsKeyword: true}
	}
	return &ast.SubqueryRef{At: ast.At{At: pos}, Query: &ast.Query{At: ast.At{At: pos}, Body: inner}, Alias: alias}
}

func caseWhen(pos token.Pos, cond, result ast.Expr) ast.Expr {
	return &ast.Case{At: ast.At{At: pos}, Whens: []*ast.When{{Cond: cond, Result: result}}}
}

// pivotColumnName follows Spark: the value's alias or its text, joined to
// the aggregate's alias with '_' when there are several aggregates.
func pivotColumnName(v *ast.PivotValue, agg *ast.SelectItem, nAggs int) string {
	var base string
	switch {
	case v.Alias != nil:
		base = v.Alias.Name
	default:
		if lit, ok := v.Expr.(*ast.Literal); ok {
			base = lit.Value
		} else {
			base = fmt.Sprintf("%v", v.Expr)
		}
	}
	if nAggs > 1 && agg.Alias != nil {
		return base + "_" + agg.Alias.Name
	}
	return base
}

// sourceColumns returns the output column names of a FROM item.
func sourceColumns(c *Context, ref ast.TableRef) ([]string, bool) {
	if sr, ok := ref.(*ast.SubqueryRef); ok {
		if sel, ok := sr.Query.Body.(*ast.Select); ok {
			var cols []string
			for _, it := range sel.Items {
				switch {
				case it.Alias != nil:
					cols = append(cols, it.Alias.Name)
				default:
					if n, ok := it.Expr.(*ast.Name); ok {
						cols = append(cols, n.Last().Name)
					} else {
						return nil, false
					}
				}
			}
			return cols, true
		}
	}
	if c.ColumnsOf != nil {
		return c.ColumnsOf(ref)
	}
	return nil, false
}
