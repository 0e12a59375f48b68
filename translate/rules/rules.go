// Package rules holds the deterministic expression-level rewrite rules from
// Spark SQL to Flink SQL, as data: a registry of function rules keyed by the
// Spark function name, a table of type rules, and a short list of literal,
// operator and cast rules. TranslateExprs runs them all over a statement.
//
// Every rule that fires counts itself in Context.Applied under its id. A
// rule that keeps a construct whose meaning differs in Flink (streaming
// evaluation, NULL handling, result type, precision) records a note in
// Context.Diags under its own id. Whatever no rule can translate is
// residue: an error diagnostic with a "residue.*" rule id at the Spark
// position, saying what is missing, for the LLM stage to handle.
package rules

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Context carries what the rules need and what they report.
type Context struct {
	File    string
	Diags   *diag.List
	Applied map[string]int
	// TypeOf returns the Spark type of an expression, or nil when unknown.
	// It may be nil. Rules that depend on a type do the safe thing (keep the
	// call and record a note) when the type is unknown.
	TypeOf func(ast.Expr) *ast.Type
}

// FuncRule rewrites calls of one Spark function (and its aliases).
type FuncRule struct {
	ID    string // stable rule id, e.g. "spark.fn.datediff"
	Spark string // the Spark signature(s) handled
	Doc   string // what the Flink form is and which differences are reported
	// Rewrite returns the Flink expression, or false when this call cannot
	// be translated (the rule records why; the caller records residue).
	Rewrite func(c *Context, f *ast.Func) (ast.Expr, bool)
}

// Residue rule ids.
const (
	ResidueFunction = "residue.function" // a function call no rule translates
	ResidueOperator = "residue.operator" // an operator Flink does not have
	ResidueType     = "residue.type"     // a type Flink does not have
	ResidueLiteral  = "residue.literal"  // a literal Flink cannot express
)

// TranslateExprs rewrites every expression of n (a statement, a query, a
// FROM item) from Spark to Flink, in place.
func TranslateExprs(c *Context, n ast.Node) {
	c.init()
	if e, ok := n.(ast.Expr); ok {
		// The root of an expression tree has no slot to be replaced in:
		// the caller uses TranslateExpr for that.
		ast.RewriteExprs(e, c.rewrite)
		return
	}
	ast.RewriteExprs(n, c.rewrite)
}

// TranslateExpr rewrites one expression and returns its Flink form.
func TranslateExpr(c *Context, e ast.Expr) ast.Expr {
	c.init()
	if e == nil {
		return nil
	}
	ast.RewriteExprs(e, c.rewrite)
	return c.rewrite(e)
}

func (c *Context) init() {
	if c.Applied == nil {
		c.Applied = map[string]int{}
	}
	if c.Diags == nil {
		c.Diags = &diag.List{}
	}
}

// rewrite is applied bottom-up to every expression.
func (c *Context) rewrite(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Func:
		return c.rewriteFunc(x)
	case *ast.Extract:
		return c.intDatePart(x)
	case *ast.Name:
		return c.rewriteName(x)
	case *ast.Literal:
		return c.rewriteLiteral(x)
	case *ast.TypedLiteral:
		return c.rewriteTypedLiteral(x)
	case *ast.Interval:
		return c.rewriteInterval(x)
	case *ast.Cast:
		return c.rewriteCast(x)
	case *ast.Unary:
		return c.rewriteUnary(x)
	case *ast.Binary:
		return c.rewriteBinary(x)
	case *ast.Like:
		return c.rewriteLike(x)
	case *ast.Subscript:
		return c.rewriteSubscript(x)
	case *ast.Between:
		return c.rewriteBetween(x)
	case *ast.In:
		return c.rewriteIn(x)
	}
	return e
}

// rewriteFunc applies the function rule registered for f, keeps a function
// Flink has with the same meaning, and records residue otherwise.
func (c *Context) rewriteFunc(f *ast.Func) ast.Expr {
	return c.intDatePart(c.rewriteFuncCall(f))
}

// intDateParts are the Flink functions that return a BIGINT date part where
// Spark's function returns an INT.
var intDateParts = map[string]bool{"YEAR": true, "QUARTER": true, "MONTH": true, "WEEK": true,
	"DAYOFYEAR": true, "DAYOFMONTH": true, "DAYOFWEEK": true, "HOUR": true, "MINUTE": true, "SECOND": true}

// intDatePart casts a Flink date-part call to INT, the type Spark gives it,
// so that the query's column types match the DDL (Flink rejects an INSERT
// of a BIGINT into an INT column).
func (c *Context) intDatePart(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.Func:
		if len(x.Name.Parts) == 1 && intDateParts[strings.ToUpper(x.Name.Last().Name)] && x.Over == nil {
			c.applied("spark.fn.datepart_int")
			return castTo(x.Pos(), x, typ("INT"))
		}
	case *ast.Extract:
		if u := strings.ToUpper(x.Unit); u != "SECOND" && u != "EPOCH" {
			c.applied("spark.fn.datepart_int")
			return castTo(x.Pos(), x, typ("INT"))
		}
	}
	return e
}

func (c *Context) rewriteFuncCall(f *ast.Func) ast.Expr {
	if f.Name == nil || len(f.Name.Parts) == 0 {
		return f
	}
	if len(f.Name.Parts) > 1 {
		c.residue(f.Pos(), ResidueFunction, "user-defined function %s has no Flink counterpart: register it as a Flink UDF or rewrite the call", nameString(f.Name))
		return f
	}
	name := strings.ToLower(f.Name.Last().Name)
	if r := FuncRules[name]; r != nil {
		before := len(*c.Diags)
		out, ok := r.Rewrite(c, f)
		if !ok {
			if !hasResidueSince(*c.Diags, before) {
				c.residue(f.Pos(), ResidueFunction, "%s: no Flink translation for this call", strings.ToUpper(name))
			}
			return f
		}
		c.applied(r.ID)
		return out
	}
	if sameInFlink[name] {
		f.Name = fname(f.Name.Pos(), strings.ToUpper(name))
		return f
	}
	c.residue(f.Pos(), ResidueFunction, "Spark function %s has no Flink built-in and no translation rule", strings.ToUpper(name))
	return f
}

func hasResidueSince(l diag.List, from int) bool {
	for _, d := range l[from:] {
		if strings.HasPrefix(d.Rule, "residue.") {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------------------
// reporting

func (c *Context) applied(id string) { c.Applied[id]++ }

// note records a semantic difference kept by a rule.
func (c *Context) note(pos token.Pos, id, format string, args ...any) {
	c.Diags.Add(c.File, pos, diag.Info, id, format, args...)
}

// warn records a semantic difference that changes results.
func (c *Context) warn(pos token.Pos, id, format string, args ...any) {
	c.Diags.Add(c.File, pos, diag.Warning, id, format, args...)
}

// residue records an untranslatable construct.
func (c *Context) residue(pos token.Pos, id, format string, args ...any) {
	c.Diags.Add(c.File, pos, diag.Error, id, format, args...)
}

// fail records residue for f with a reason and reports "not translated".
func (c *Context) fail(f *ast.Func, format string, args ...any) (ast.Expr, bool) {
	c.residue(f.Pos(), ResidueFunction, "%s: %s", strings.ToUpper(f.Name.Last().Name), fmt.Sprintf(format, args...))
	return f, false
}

// ---------------------------------------------------------------------------
// types known to the rules

// typeOf returns the Spark type of e, or nil.
func (c *Context) typeOf(e ast.Expr) *ast.Type {
	if e == nil {
		return nil
	}
	if c.TypeOf != nil {
		if t := c.TypeOf(e); t != nil {
			return t
		}
	}
	return syntacticType(e)
}

// syntacticType is the type an expression has by its form alone: a CAST,
// a typed literal, CURRENT_DATE. Rules see expressions they already
// rewrote, which a schema-based TypeOf may not know.
func syntacticType(e ast.Expr) *ast.Type {
	switch x := e.(type) {
	case *ast.Cast:
		return x.Type
	case *ast.TypedLiteral:
		return typ(strings.ToUpper(x.Type))
	case *ast.Paren:
		return syntacticType(x.X)
	case *ast.Name:
		if len(x.Parts) == 1 && !x.Parts[0].Quoted {
			switch strings.ToUpper(x.Parts[0].Name) {
			case "CURRENT_DATE":
				return typ("DATE")
			case "LOCALTIMESTAMP":
				return typ("TIMESTAMP", "3")
			}
		}
	}
	return nil
}

// typeIs reports whether e's known type has one of the names.
func (c *Context) typeIs(e ast.Expr, names ...string) bool {
	t := c.typeOf(e)
	if t == nil {
		return false
	}
	n := strings.ToUpper(t.Name)
	for _, want := range names {
		if n == want {
			return true
		}
	}
	return false
}

var integralTypes = []string{"TINYINT", "BYTE", "SMALLINT", "SHORT", "INT", "INTEGER", "BIGINT", "LONG"}

func (c *Context) isIntegral(e ast.Expr) bool { return c.typeIs(e, integralTypes...) }
func (c *Context) isDate(e ast.Expr) bool     { return c.typeIs(e, "DATE") }
func (c *Context) isTimestamp(e ast.Expr) bool {
	return c.typeIs(e, "TIMESTAMP", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ")
}
func (c *Context) isString(e ast.Expr) bool { return c.typeIs(e, "STRING", "VARCHAR", "CHAR") }
func (c *Context) isMap(e ast.Expr) bool    { return c.typeIs(e, "MAP") }

// isArray reports whether e is known to be an array: from its type, or
// because it is (already translated to) an array-building expression.
func (c *Context) isArray(e ast.Expr) bool {
	if c.typeIs(e, "ARRAY") {
		return true
	}
	switch x := e.(type) {
	case *ast.ArrayCtor:
		return true
	case *ast.Func:
		if len(x.Name.Parts) == 1 {
			return arrayFuncs[strings.ToLower(x.Name.Last().Name)]
		}
	case *ast.Paren:
		return c.isArray(x.X)
	}
	return false
}

// arrayFuncs are Spark and Flink functions that return an array.
var arrayFuncs = map[string]bool{
	"split": true, "array": true, "collect_list": true, "collect_set": true, "array_agg": true,
	"array_distinct": true, "array_remove": true, "array_union": true, "array_intersect": true,
	"array_except": true, "array_concat": true, "array_sort": true, "sort_array": true,
	"array_reverse": true, "array_slice": true, "slice": true, "array_append": true,
	"array_prepend": true, "map_keys": true, "map_values": true, "regexp_extract_all": true,
	"sequence": true, "flatten": true,
}

// ---------------------------------------------------------------------------
// node builders: every node created by a rule takes the position of the
// Spark node it replaces.

func fname(at token.Pos, name string) *ast.Name {
	return &ast.Name{At: ast.At{At: at}, Parts: []*ast.Ident{{At: ast.At{At: at}, Name: name}}}
}

// call builds NAME(args).
func call(at token.Pos, name string, args ...ast.Expr) *ast.Func {
	return &ast.Func{At: ast.At{At: at}, Name: fname(at, name), Args: args}
}

// like builds NAME(args) keeping f's aggregate and window decorations.
func like(f *ast.Func, name string, args ...ast.Expr) *ast.Func {
	g := *f
	g.Name = fname(f.Pos(), name)
	g.Args = args
	return &g
}

// word is a bare keyword argument such as the DAY of TIMESTAMPDIFF(DAY, ...).
func word(at token.Pos, w string) *ast.Name { return fname(at, w) }

func str(at token.Pos, s string) *ast.Literal {
	return &ast.Literal{At: ast.At{At: at}, Kind: ast.LitString, Value: s}
}

func num(at token.Pos, s string) *ast.Literal {
	return &ast.Literal{At: ast.At{At: at}, Kind: ast.LitNumber, Value: s}
}

func boolLit(at token.Pos, b bool) *ast.Literal {
	v := "FALSE"
	if b {
		v = "TRUE"
	}
	return &ast.Literal{At: ast.At{At: at}, Kind: ast.LitBool, Value: v}
}

func typ(name string, params ...string) *ast.Type {
	return &ast.Type{Name: name, Params: params}
}

func castTo(at token.Pos, x ast.Expr, t *ast.Type) *ast.Cast {
	return &ast.Cast{At: ast.At{At: at}, Kind: ast.CastFunc, X: x, Type: t}
}

func bin(at token.Pos, op string, l, r ast.Expr) *ast.Binary {
	return &ast.Binary{At: ast.At{At: at}, Op: op, L: l, R: r}
}

func neg(at token.Pos, x ast.Expr) ast.Expr {
	if l, ok := x.(*ast.Literal); ok && l.Kind == ast.LitNumber {
		if strings.HasPrefix(l.Value, "-") {
			return num(at, l.Value[1:])
		}
		return num(at, "-"+l.Value)
	}
	return &ast.Unary{At: ast.At{At: at}, Op: "-", X: x}
}

// asDate casts e to DATE unless it is known to be a DATE already: Spark's
// date functions cast their argument to DATE (truncating timestamps).
func (c *Context) asDate(e ast.Expr) ast.Expr {
	if c.isDate(e) {
		return e
	}
	if tl, ok := e.(*ast.TypedLiteral); ok && tl.Type == "DATE" {
		return e
	}
	return castTo(e.Pos(), e, typ("DATE"))
}

// strLit returns the value of a string literal argument.
func strLit(e ast.Expr) (string, bool) {
	if l, ok := e.(*ast.Literal); ok && l.Kind == ast.LitString {
		return l.Value, true
	}
	return "", false
}

// intLit returns the value of an integer literal argument (with sign).
func intLit(e ast.Expr) (int64, bool) {
	switch x := e.(type) {
	case *ast.Literal:
		if x.Kind != ast.LitNumber {
			return 0, false
		}
		var n int64
		if _, err := fmt.Sscanf(x.Value, "%d", &n); err != nil || fmt.Sprint(n) != strings.TrimPrefix(x.Value, "+") {
			return 0, false
		}
		return n, true
	case *ast.Unary:
		if x.Op == "-" {
			if n, ok := intLit(x.X); ok {
				return -n, true
			}
		}
	case *ast.Paren:
		return intLit(x.X)
	case *ast.Cast:
		// CAST(1 AS BIGINT) made from 1L
		return intLit(x.X)
	}
	return 0, false
}

func nameString(n *ast.Name) string {
	parts := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		parts[i] = p.Name
	}
	return strings.Join(parts, ".")
}

// nargs checks the argument count of f against the allowed counts.
func nargs(f *ast.Func, counts ...int) bool {
	for _, n := range counts {
		if len(f.Args) == n {
			return true
		}
	}
	return false
}
