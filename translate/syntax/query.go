package syntax

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
)

// qualify turns SELECT ... QUALIFY cond into a filtered subquery:
// SELECT <names> FROM (SELECT ..., <window columns>) AS q WHERE cond.
func qualify(c *Context, q *ast.Query) {
	s, ok := q.Body.(*ast.Select)
	if !ok || s.Qualify == nil {
		return
	}
	pos := s.Qualify.Pos()
	cond := s.Qualify
	s.Qualify = nil
	// Window calls in the condition become extra inner columns.
	var extra []*ast.SelectItem
	n := 0
	cond = rewriteWindowCalls(cond, func(f *ast.Func) ast.Expr {
		n++
		alias := fmt.Sprintf("__qualify_%d", n)
		extra = append(extra, &ast.SelectItem{At: f.At, Expr: f, Alias: ident(f.Pos(), alias), AsKeyword: true})
		return name(f.Pos(), alias)
	})
	// The outer SELECT lists the inner columns by name; a star is only
	// possible when no helper column was added.
	var outerItems []*ast.SelectItem
	for _, it := range s.Items {
		nm := itemName(it)
		if nm == "" {
			if _, star := it.Expr.(*ast.Star); star && len(extra) == 0 {
				outerItems = nil
				break
			}
			c.residue(it.Pos(), "syntax.qualify", "QUALIFY needs every select item named (add an alias)")
			s.Qualify = cond
			return
		}
		outerItems = append(outerItems, &ast.SelectItem{At: it.At, Expr: name(it.Pos(), nm)})
	}
	allStar := outerItems == nil
	if allStar {
		outerItems = []*ast.SelectItem{{At: ast.At{At: pos}, Expr: &ast.Star{At: ast.At{At: pos}}}}
	}
	s.Items = append(s.Items, extra...)
	inner := &ast.Query{At: s.At, Body: s}
	outer := &ast.Select{At: s.At, Items: outerItems, From: []ast.TableRef{&ast.SubqueryRef{At: s.At, Query: inner, Alias: &ast.Alias{Name: ident(pos, "q"), AsKeyword: true}}}, Where: cond}
	q.Body = outer
	c.applied("syntax.qualify")
}

// rewriteWindowCalls replaces window function calls (Func with OVER) in e.
func rewriteWindowCalls(e ast.Expr, f func(*ast.Func) ast.Expr) ast.Expr {
	if fn, ok := e.(*ast.Func); ok && fn.Over != nil {
		return f(fn)
	}
	holder := &ast.Paren{X: e}
	ast.RewriteExprs(holder, func(x ast.Expr) ast.Expr {
		if fn, ok := x.(*ast.Func); ok && fn.Over != nil {
			return f(fn)
		}
		return x
	})
	return holder.X
}

// itemName returns the output name of a select item, or "".
func itemName(it *ast.SelectItem) string {
	if it.Alias != nil {
		return it.Alias.Name
	}
	if n, ok := it.Expr.(*ast.Name); ok {
		return n.Last().Name
	}
	return ""
}

// sortClauses handles ORDER BY / LIMIT / SORT BY / DISTRIBUTE BY /
// CLUSTER BY. In the final query of a table they have no streaming meaning:
// a streaming table has no order, and a LIMIT over an unbounded stream
// would stop the job. They are dropped there and each drop is reported.
func sortClauses(c *Context, q *ast.Query, final bool) {
	pos := q.Pos()
	if len(q.SortBy) > 0 || len(q.DistributeBy) > 0 || len(q.ClusterBy) > 0 {
		var what []string
		if len(q.SortBy) > 0 {
			what = append(what, "SORT BY")
		}
		if len(q.DistributeBy) > 0 {
			what = append(what, "DISTRIBUTE BY")
		}
		if len(q.ClusterBy) > 0 {
			what = append(what, "CLUSTER BY")
		}
		q.SortBy, q.DistributeBy, q.ClusterBy = nil, nil, nil
		c.applied("syntax.sort-distribute")
		c.note(pos, diag.Info, "syntax.sort-distribute", "%s dropped: it only shapes Spark's partitions and has no effect on the rows", strings.Join(what, ", "))
	}
	if !final {
		if q.Limit != nil && len(q.OrderBy) == 0 {
			c.note(pos, diag.Warning, "syntax.final-order-limit", "LIMIT without ORDER BY in a subquery keeps arbitrary rows; in streaming the rows kept change as data arrives")
		}
		return
	}
	if len(q.OrderBy) > 0 {
		c.note(q.OrderBy[0].Expr.Pos(), diag.Warning, "syntax.final-order-limit", "final ORDER BY dropped: a streaming table has no row order (order when you read it)")
		q.OrderBy = nil
		c.applied("syntax.final-order-limit")
	}
	if q.Limit != nil || q.Offset != nil || q.FetchFirst != nil || q.LimitAll {
		at := pos
		if q.Limit != nil {
			at = q.Limit.Pos()
		}
		c.note(at, diag.Warning, "syntax.final-order-limit", "final LIMIT/OFFSET dropped: the Flink table holds every row, where Spark kept only the first ones; filter when you read it")
		q.Limit, q.Offset, q.FetchFirst, q.LimitAll = nil, nil, nil, false
		c.applied("syntax.final-order-limit")
	}
}

// rankFuncs return INT in Spark and BIGINT in Flink.
var rankFuncs = map[string]bool{"row_number": true, "rank": true, "dense_rank": true, "ntile": true}

// rankTypes casts a ranking function's result to INT, Spark's type for it,
// where it is a column of its own (Flink's BIGINT cannot be written into
// the INT column the DDL declares from Spark's types). A rank that some
// WHERE of the statement filters on is left alone: Flink recognises
// deduplication and Top-N only on the bare function.
func rankTypes(c *Context, q *ast.Query) {
	filtered := map[string]bool{}
	ast.Inspect(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok && s.Where != nil {
			ast.Inspect(s.Where, func(m ast.Node) bool {
				if nm, ok := m.(*ast.Name); ok {
					filtered[strings.ToLower(nm.Last().Name)] = true
				}
				return true
			})
		}
		return true
	})
	ast.Inspect(q, func(n ast.Node) bool {
		s, ok := n.(*ast.Select)
		if !ok {
			return true
		}
		for _, it := range s.Items {
			f, ok := it.Expr.(*ast.Func)
			if !ok || f.Over == nil || len(f.Name.Parts) != 1 || !rankFuncs[strings.ToLower(f.Name.Last().Name)] {
				continue
			}
			nm := itemName(it)
			if nm == "" || filtered[strings.ToLower(nm)] {
				continue
			}
			it.Expr = &ast.Cast{At: f.At, Kind: ast.CastFunc, X: f, Type: &ast.Type{At: f.At, Name: "INT"}}
			c.applied("syntax.rank-int")
		}
		return true
	})
}
