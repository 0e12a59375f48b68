// Package syntax holds the query-level Spark → Flink rewrite rules: the
// constructs that change the shape of a query rather than one expression
// (LATERAL VIEW, LEFT SEMI/ANTI joins, PIVOT, QUALIFY, named windows, a
// final ORDER BY / LIMIT). Each rule has a stable id and a one-line doc;
// every rewrite it makes is counted, and every change of meaning it cannot
// avoid is reported at the Spark line that caused it.
package syntax

import (
	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Context carries what a rule needs and collects what it reports.
type Context struct {
	File string
	// Notes receives streaming differences and decisions (warnings/infos).
	Notes *diag.List
	// Residue receives constructs a rule could not translate (errors).
	Residue *diag.List
	Applied map[string]int
	// ColumnsOf returns the output column names of a FROM item when they
	// are known (needed by PIVOT to find its implicit grouping columns).
	ColumnsOf func(ast.TableRef) ([]string, bool)
}

func (c *Context) applied(id string) {
	if c.Applied == nil {
		c.Applied = map[string]int{}
	}
	c.Applied[id]++
}

func (c *Context) note(pos token.Pos, sev diag.Severity, id, format string, args ...any) {
	if c.Notes != nil {
		c.Notes.Add(c.File, pos, sev, id, format, args...)
	}
}

func (c *Context) residue(pos token.Pos, id, format string, args ...any) {
	if c.Residue != nil {
		c.Residue.Add(c.File, pos, diag.Error, id, format, args...)
	}
}

// Rule is one query-level rewrite.
type Rule struct {
	ID  string
	Doc string
	// Select rewrites one SELECT block in place.
	Select func(c *Context, s *ast.Select)
}

// Rules lists the SELECT-level rules in the order they run.
var Rules = []*Rule{
	{ID: "syntax.named-window", Doc: "WINDOW w AS (...) and OVER w: the specification is written inline in each OVER", Select: inlineNamedWindows},
	{ID: "syntax.lateral-view", Doc: "LATERAL VIEW [OUTER] explode/posexplode/inline(x) t AS c → CROSS JOIN UNNEST(x) AS t(c) (LEFT JOIN ... ON TRUE for OUTER)", Select: lateralViews},
	{ID: "syntax.semi-anti-join", Doc: "LEFT SEMI / LEFT ANTI JOIN b ON c → WHERE [NOT] EXISTS (SELECT 1 FROM b WHERE c)", Select: semiAntiJoins},
	{ID: "syntax.pivot", Doc: "PIVOT (agg(x) FOR col IN (v AS a)) → GROUP BY the other columns with agg(CASE WHEN col = v THEN x END) AS a", Select: pivots},
	{ID: "syntax.qualify", Doc: "QUALIFY cond → SELECT ... FROM (the query with its window columns) WHERE cond", Select: nil},
}

// QueryRuleIDs are the rules applied at query level rather than per SELECT.
var QueryRuleIDs = []string{"syntax.qualify", "syntax.final-order-limit", "syntax.sort-distribute", "syntax.rank-int"}

// Translate applies every rule to a query and to each query nested in it.
// final says whether q is the outermost query of a table definition, whose
// ORDER BY and LIMIT have no streaming meaning.
func Translate(c *Context, q *ast.Query, final bool) {
	if q == nil {
		return
	}
	// Inner queries first, so rewrites see translated children.
	for _, sub := range nestedQueries(q) {
		Translate(c, sub, false)
	}
	forEachSelect(q.Body, func(s *ast.Select) {
		for _, r := range Rules {
			if r.Select != nil {
				r.Select(c, s)
			}
		}
	})
	qualify(c, q)
	sortClauses(c, q, final)
	if final {
		rankTypes(c, q)
	}
}

// nestedQueries returns the queries directly nested in q (CTEs, subqueries
// in FROM and in expressions), not q itself.
func nestedQueries(q *ast.Query) []*ast.Query {
	var out []*ast.Query
	seen := map[*ast.Query]bool{q: true}
	ast.Inspect(q, func(n ast.Node) bool {
		if sub, ok := n.(*ast.Query); ok && !seen[sub] {
			seen[sub] = true
			out = append(out, sub)
			return false
		}
		return true
	})
	return out
}

// forEachSelect calls f on each SELECT of a query body (through set
// operations and parentheses, not into subqueries).
func forEachSelect(b ast.QueryBody, f func(*ast.Select)) {
	switch b := b.(type) {
	case *ast.Select:
		f(b)
	case *ast.SetOp:
		forEachSelect(b.L, f)
		forEachSelect(b.R, f)
	}
}

// and combines two conditions.
func and(a, b ast.Expr) ast.Expr {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	return &ast.Binary{At: ast.At{At: a.Pos()}, Op: "AND", L: parenIfOr(a), R: parenIfOr(b)}
}

func parenIfOr(e ast.Expr) ast.Expr {
	if b, ok := e.(*ast.Binary); ok && b.Op == "OR" {
		return &ast.Paren{At: ast.At{At: e.Pos()}, X: e}
	}
	return e
}

func ident(pos token.Pos, name string) *ast.Ident {
	return &ast.Ident{At: ast.At{At: pos}, Name: name}
}

func name(pos token.Pos, parts ...string) *ast.Name {
	n := &ast.Name{At: ast.At{At: pos}}
	for _, p := range parts {
		n.Parts = append(n.Parts, ident(pos, p))
	}
	return n
}
