package schema

import (
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Env resolves a table name (lower case; qualified names are tried whole
// first, then by their last part) to its columns.
type Env func(name string) ([]Column, bool)

// Diagnostic rule identifiers of this package.
const (
	RuleUnknownFunction = "schema.unknown-function"
	RuleUnknownColumn   = "schema.unknown-column"
	RuleUnknownTable    = "schema.unknown-table"
	RuleAmbiguous       = "schema.ambiguous-column"
	RuleUnnamed         = "schema.unnamed-column"
	RuleUnsupported     = "schema.unsupported"
	RuleArity           = "schema.column-count"
)

// InferQuery infers the output columns of a Spark query: their names as
// Spark names them, their Spark types as Spark's analyzer types them, and
// a simple nullability. Tables are looked up in the query's CTEs, then in
// env. Whatever cannot be typed (an unknown function, table or column) is
// typed STRING with Unknown set and reported; unaliased derived columns get
// Spark's generated name and a schema.unnamed-column warning. The returned
// diagnostics carry positions but no file name: the caller sets File.
func InferQuery(q *ast.Query, env Env) ([]Column, []*diag.Diagnostic) {
	cols, _, diags := infer(q, env, false)
	return cols, diags
}

// InferQueryTypes is InferQuery that also returns the Spark type of every
// expression node it typed, for rewrite rules that depend on a type
// (AVG of an integer, DATEDIFF of a timestamp, a date compared with a
// string). Unknown types are absent from the map.
func InferQueryTypes(q *ast.Query, env Env) ([]Column, map[ast.Expr]*ast.Type, []*diag.Diagnostic) {
	return infer(q, env, true)
}

func infer(q *ast.Query, env Env, record bool) ([]Column, map[ast.Expr]*ast.Type, []*diag.Diagnostic) {
	in := &inferer{env: env}
	if record {
		in.types = map[ast.Expr]*ast.Type{}
	}
	cols := in.query(q, nil)
	for i := range cols {
		cols[i].Qualifier = ""
	}
	return cols, in.types, in.diags
}

type inferer struct {
	types map[ast.Expr]*ast.Type // with InferQueryTypes: each typed expression
	env   Env
	ctes  []map[string][]Column // innermost last
	diags []*diag.Diagnostic
	quiet int // inside expression subqueries: unnamed columns are not reported
}

func (in *inferer) report(pos token.Pos, sev diag.Severity, rule, format string, args ...any) {
	in.diags = append(in.diags, &diag.Diagnostic{
		Position: token.Position{Pos: pos}, Severity: sev, Rule: rule, Msg: fmt.Sprintf(format, args...)})
}

// scope is the set of columns an expression can see.
type scope struct {
	cols    []scol
	outer   *scope
	aliases []Column         // the select list so far (lateral column aliases)
	lambda  map[string]typed // lambda parameters
	opaque  bool             // an unknown table is in FROM: unresolved names are not reported again
}

type scol struct {
	Column
	hidden bool // a USING duplicate: reachable only qualified
}

func lower(s string) string { return strings.ToLower(s) }

// query types a query with its WITH clause.
func (in *inferer) query(q *ast.Query, outer *scope) []Column {
	if q == nil {
		return nil
	}
	if q.With != nil {
		frame := map[string][]Column{}
		in.ctes = append(in.ctes, frame)
		defer func() { in.ctes = in.ctes[:len(in.ctes)-1] }()
		for _, cte := range q.With.CTEs {
			cols := in.query(cte.Query, outer)
			if len(cte.Columns) > 0 {
				cols = in.rename(cols, cte.Columns, cte.Pos())
			}
			frame[lower(cte.Name.Name)] = unqualified(cols)
		}
	}
	return in.body(q.Body, outer)
}

func unqualified(cols []Column) []Column {
	out := make([]Column, len(cols))
	for i, c := range cols {
		c.Qualifier = ""
		out[i] = c
	}
	return out
}

// rename applies a column alias list.
func (in *inferer) rename(cols []Column, names []*ast.Ident, pos token.Pos) []Column {
	if len(names) != len(cols) {
		in.report(pos, diag.Error, RuleArity, "%d column names given for %d columns", len(names), len(cols))
	}
	out := append([]Column(nil), cols...)
	for i := range out {
		if i < len(names) {
			out[i].Name = names[i].Name
		}
	}
	return out
}

func (in *inferer) body(b ast.QueryBody, outer *scope) []Column {
	switch b := b.(type) {
	case *ast.Select:
		return in.selectBlock(b, outer)
	case *ast.ParenQuery:
		return in.query(b.Query, outer)
	case *ast.SetOp:
		return in.setOp(b, outer)
	case *ast.TableQuery:
		cols, _ := in.table(b.Name, b.Pos())
		return cols
	case *ast.Values:
		return in.values(b, outer)
	}
	in.report(b.Pos(), diag.Warning, RuleUnsupported, "query form %T is not typed", b)
	return nil
}

// setOp types UNION / INTERSECT / EXCEPT: names from the left, types
// widened column by column as Spark's WidenSetOperationTypes does.
func (in *inferer) setOp(s *ast.SetOp, outer *scope) []Column {
	l := in.body(s.L, outer)
	r := in.body(s.R, outer)
	if len(l) != len(r) {
		in.report(s.Pos(), diag.Error, RuleArity, "%s of %d and %d columns", s.Op, len(l), len(r))
	}
	out := make([]Column, len(l))
	for i, c := range l {
		c.Qualifier = ""
		if i < len(r) {
			rc := r[i]
			if c.Unknown || rc.Unknown {
				c.Unknown = true
			} else if w := widerType(c.Spark, rc.Spark); w != nil {
				c.Spark = w
			} else {
				in.report(s.Pos(), diag.Error, RuleUnsupported, "%s column %d: no common type of %s and %s",
					s.Op, i+1, SimpleString(c.Spark), SimpleString(rc.Spark))
			}
			switch strings.ToUpper(s.Op) {
			case "UNION":
				c.Nullable = c.Nullable || rc.Nullable
			case "INTERSECT":
				c.Nullable = c.Nullable && rc.Nullable
			}
		}
		out[i] = c
	}
	return out
}

// values types VALUES rows: columns col1, col2, ... of the widest type.
func (in *inferer) values(v *ast.Values, outer *scope) []Column {
	sc := &scope{outer: outer}
	var cols []Column
	for ri, row := range v.Rows {
		for i, e := range row {
			t := in.expr(e, sc)
			if ri == 0 {
				cols = append(cols, Column{Name: fmt.Sprintf("col%d", i+1), Spark: t.t, Nullable: t.null, Unknown: t.unk})
				continue
			}
			if i >= len(cols) {
				continue
			}
			if w := widerType(cols[i].Spark, t.t); w != nil {
				cols[i].Spark = w
			}
			cols[i].Nullable = cols[i].Nullable || t.null
			cols[i].Unknown = cols[i].Unknown || t.unk
		}
	}
	for i := range cols {
		if isVoid(cols[i].Spark) {
			cols[i].Spark = StringType()
		}
	}
	return cols
}

// table looks a table up in the CTEs, then in env.
func (in *inferer) table(n *ast.Name, pos token.Pos) ([]Column, bool) {
	last := lower(n.Last().Name)
	if len(n.Parts) == 1 {
		for i := len(in.ctes) - 1; i >= 0; i-- {
			if cols, ok := in.ctes[i][last]; ok {
				return cols, true
			}
		}
	}
	if in.env != nil {
		parts := make([]string, len(n.Parts))
		for i, p := range n.Parts {
			parts[i] = lower(p.Name)
		}
		if cols, ok := in.env(strings.Join(parts, ".")); ok {
			return cols, true
		}
		if len(parts) > 1 {
			if cols, ok := in.env(last); ok {
				return cols, true
			}
		}
	}
	in.report(pos, diag.Error, RuleUnknownTable, "unknown table %s", nameString(n))
	return nil, false
}

func nameString(n *ast.Name) string {
	parts := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		parts[i] = p.Name
	}
	return strings.Join(parts, ".")
}

// qualify gives columns a qualifier.
func qualify(cols []Column, q string) []scol {
	out := make([]scol, len(cols))
	for i, c := range cols {
		c.Qualifier = lower(q)
		out[i] = scol{Column: c}
	}
	return out
}

func aliasName(a *ast.Alias, def string) string {
	if a != nil && a.Name != nil {
		return a.Name.Name
	}
	return def
}

func (in *inferer) aliasColumns(cols []Column, a *ast.Alias, pos token.Pos) []Column {
	if a != nil && len(a.Columns) > 0 {
		return in.rename(cols, a.Columns, pos)
	}
	return cols
}

// from types one FROM item; sc holds the items to its left (for LATERAL)
// and the enclosing scopes.
func (in *inferer) from(ref ast.TableRef, sc *scope) ([]scol, bool) {
	switch r := ref.(type) {
	case *ast.TableName:
		cols, ok := in.table(r.Name, r.Pos())
		cols = in.aliasColumns(cols, r.Alias, r.Pos())
		return qualify(cols, aliasName(r.Alias, r.Name.Last().Name)), ok
	case *ast.SubqueryRef:
		outer := sc.outer
		if r.Lateral {
			outer = sc
		}
		cols := in.query(r.Query, outer)
		cols = in.aliasColumns(cols, r.Alias, r.Pos())
		return qualify(cols, aliasName(r.Alias, "")), true
	case *ast.ParenRef:
		cols, ok := in.from(r.Ref, sc)
		if r.Alias != nil {
			plain := make([]Column, 0, len(cols))
			for _, c := range cols {
				if !c.hidden {
					plain = append(plain, c.Column)
				}
			}
			plain = in.aliasColumns(plain, r.Alias, r.Pos())
			return qualify(plain, aliasName(r.Alias, "")), ok
		}
		return cols, ok
	case *ast.Join:
		return in.join(r, sc)
	case *ast.FuncRef:
		return in.funcRef(r, sc)
	case *ast.Pivot:
		return in.pivot(r, sc)
	case *ast.Unpivot:
		return in.unpivot(r, sc)
	}
	in.report(ref.Pos(), diag.Warning, RuleUnsupported, "FROM item %T is not typed", ref)
	return nil, false
}

func setNullable(cols []scol) {
	for i := range cols {
		cols[i].Nullable = true
	}
}

// join types a join: left then right columns; SEMI and ANTI joins keep the
// left side only; USING and NATURAL put the join columns first, once.
func (in *inferer) join(j *ast.Join, sc *scope) ([]scol, bool) {
	l, okL := in.from(j.Left, sc)
	rsc := &scope{cols: append(append([]scol(nil), sc.cols...), l...), outer: sc.outer}
	r, okR := in.from(j.Right, rsc)
	kind := strings.ToUpper(j.Kind)
	if strings.Contains(kind, "SEMI") || strings.Contains(kind, "ANTI") {
		in.condition(j.On, &scope{cols: append(append([]scol(nil), l...), r...), outer: sc.outer})
		return l, okL
	}
	switch {
	case strings.HasPrefix(kind, "LEFT"):
		setNullable(r)
	case strings.HasPrefix(kind, "RIGHT"):
		setNullable(l)
	case strings.HasPrefix(kind, "FULL"):
		setNullable(l)
		setNullable(r)
	}
	var using []string
	for _, u := range j.Using {
		using = append(using, u.Name)
	}
	if j.Natural {
		for _, lc := range l {
			if lc.hidden {
				continue
			}
			for _, rc := range r {
				if !rc.hidden && strings.EqualFold(lc.Name, rc.Name) {
					using = append(using, lc.Name)
					break
				}
			}
		}
	}
	if len(using) == 0 {
		all := append(append([]scol(nil), l...), r...)
		in.condition(j.On, &scope{cols: all, outer: sc.outer})
		return all, okL && okR
	}
	find := func(cols []scol, name string) int {
		for i, c := range cols {
			if !c.hidden && strings.EqualFold(c.Name, name) {
				return i
			}
		}
		return -1
	}
	var keys []scol
	lh := append([]scol(nil), l...)
	rh := append([]scol(nil), r...)
	for _, u := range using {
		li, ri := find(lh, u), find(rh, u)
		if li < 0 || ri < 0 {
			in.report(j.Pos(), diag.Error, RuleUnknownColumn, "USING column %s is not on both sides of the join", u)
			continue
		}
		key := lh[li]
		switch {
		case strings.HasPrefix(kind, "RIGHT"):
			key = rh[ri]
		case strings.HasPrefix(kind, "FULL"):
			key.Qualifier = ""
			key.Nullable = lh[li].Nullable && rh[ri].Nullable
			if w := widerType(lh[li].Spark, rh[ri].Spark); w != nil {
				key.Spark = w
			}
		}
		keys = append(keys, key)
		lh[li].hidden = true
		rh[ri].hidden = true
	}
	return append(append(keys, lh...), rh...), okL && okR
}

// condition types a join condition for its diagnostics (unknown columns).
func (in *inferer) condition(e ast.Expr, sc *scope) {
	if e != nil {
		in.expr(e, sc)
	}
}

// funcRef types a table-valued function in FROM.
func (in *inferer) funcRef(r *ast.FuncRef, sc *scope) ([]scol, bool) {
	var f *ast.Func
	if fn, ok := r.Func.(*ast.Func); ok {
		f = fn
	}
	var cols []Column
	switch {
	case r.Unnest:
		for _, a := range r.Args {
			t := in.expr(a, sc)
			cols = append(cols, in.generatorColumns("explode", t, a.Pos())...)
		}
	case f != nil && lower(f.Name.Last().Name) == "range":
		cols = []Column{{Name: "id", Spark: BigIntType()}}
	case f != nil && generators[lower(f.Name.Last().Name)]:
		cols = in.generator(f, sc)
	default:
		in.report(r.Pos(), diag.Error, RuleUnknownFunction, "table function is not typed")
		return nil, false
	}
	cols = in.aliasColumns(cols, r.Alias, r.Pos())
	return qualify(cols, aliasName(r.Alias, "")), true
}

// pivot types source PIVOT (aggs FOR col IN (values)): the source columns
// not used by the aggregates or the FOR columns, then one column per value
// and aggregate, named as Spark names them.
func (in *inferer) pivot(p *ast.Pivot, sc *scope) ([]scol, bool) {
	src, ok := in.from(p.Source, sc)
	ssc := &scope{cols: src, outer: sc.outer, opaque: !ok}
	used := map[string]bool{}
	mark := func(n ast.Node) {
		ast.Inspect(n, func(x ast.Node) bool {
			if nm, ok := x.(*ast.Name); ok {
				used[lower(nm.Last().Name)] = true
				used[lower(nm.Parts[0].Name)] = true
			}
			return true
		})
	}
	for _, a := range p.Aggs {
		mark(a.Expr)
	}
	for _, f := range p.For {
		mark(f)
	}
	var out []scol
	for _, c := range src {
		if !c.hidden && !used[lower(c.Name)] {
			c.Qualifier = ""
			out = append(out, c)
		}
	}
	aggTypes := make([]typed, len(p.Aggs))
	for i, a := range p.Aggs {
		aggTypes[i] = in.expr(a.Expr, ssc)
	}
	for _, v := range p.In {
		vname := ""
		if v.Alias != nil {
			vname = v.Alias.Name
		} else {
			vname = pivotValueString(v.Expr)
		}
		for i, a := range p.Aggs {
			name := vname
			if len(p.Aggs) > 1 {
				suffix := ""
				if a.Alias != nil {
					suffix = a.Alias.Name
				} else {
					suffix = autoName(a.Expr)
				}
				name = vname + "_" + suffix
			}
			out = append(out, scol{Column: Column{Name: name, Spark: aggTypes[i].t, Nullable: true, Unknown: aggTypes[i].unk}})
		}
	}
	plain := make([]Column, len(out))
	for i, c := range out {
		plain[i] = c.Column
	}
	plain = in.aliasColumns(plain, p.Alias, p.Pos())
	return qualify(plain, aliasName(p.Alias, "")), ok
}

// pivotValueString is a PIVOT value cast to string, as Spark names the
// column after it.
func pivotValueString(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.Literal:
		if v.Kind == ast.LitNull {
			return "null"
		}
		if v.Kind == ast.LitBool {
			return lower(v.Value)
		}
		return v.Value
	case *ast.TypedLiteral:
		return v.Value.Value
	case *ast.Unary:
		if v.Op == "-" {
			return "-" + pivotValueString(v.X)
		}
	case *ast.Paren:
		return pivotValueString(v.X)
	case *ast.RowCtor:
		parts := make([]string, len(v.Elems))
		for i, x := range v.Elems {
			parts[i] = pivotValueString(x)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return autoName(e)
}

// unpivot types source UNPIVOT (vals FOR name IN (cols)): the source
// columns not unpivoted, the name column, then the value columns.
func (in *inferer) unpivot(u *ast.Unpivot, sc *scope) ([]scol, bool) {
	src, ok := in.from(u.Source, sc)
	ssc := &scope{cols: src, outer: sc.outer, opaque: !ok}
	used := map[string]bool{}
	valTypes := make([]*ast.Type, len(u.ValueCols))
	for _, set := range u.In {
		for i, n := range set.Cols {
			used[lower(n.Last().Name)] = true
			t := in.expr(n, ssc)
			if i < len(valTypes) {
				if valTypes[i] == nil {
					valTypes[i] = t.t
				} else if w := widerType(valTypes[i], t.t); w != nil {
					valTypes[i] = w
				}
			}
		}
	}
	var out []Column
	for _, c := range src {
		if !c.hidden && !used[lower(c.Name)] {
			out = append(out, c.Column)
		}
	}
	out = append(out, Column{Name: u.NameCol.Name, Spark: StringType()})
	for i, v := range u.ValueCols {
		t := valTypes[i]
		if t == nil {
			t = StringType()
		}
		out = append(out, Column{Name: v.Name, Spark: t, Nullable: true})
	}
	out = in.aliasColumns(out, u.Alias, u.Pos())
	return qualify(out, aliasName(u.Alias, "")), ok
}

// selectBlock types one SELECT.
func (in *inferer) selectBlock(s *ast.Select, outer *scope) []Column {
	sc := &scope{outer: outer}
	for _, ref := range s.From {
		cols, ok := in.from(ref, sc)
		sc.cols = append(sc.cols, cols...)
		sc.opaque = sc.opaque || !ok
	}
	for _, lv := range s.LateralViews {
		sc.cols = append(sc.cols, in.lateralView(lv, sc)...)
	}
	nullGroups := groupingSetColumns(s.GroupBy)
	var out []Column
	for _, it := range s.Items {
		if st, ok := it.Expr.(*ast.Star); ok {
			out = append(out, in.star(st, sc)...)
			sc.aliases = out
			continue
		}
		if f, ok := it.Expr.(*ast.Func); ok && generators[lower(f.Name.Last().Name)] && f.Over == nil {
			cols := in.generator(f, sc)
			switch {
			case len(it.MultiAlias) > 0:
				cols = in.rename(cols, it.MultiAlias, it.Pos())
			case it.Alias != nil && len(cols) == 1:
				cols[0].Name = it.Alias.Name
			}
			out = append(out, cols...)
			sc.aliases = out
			continue
		}
		t := in.expr(it.Expr, sc)
		col := Column{Spark: t.t, Nullable: t.null, Unknown: t.unk}
		switch {
		case it.Alias != nil:
			col.Name = it.Alias.Name
		case t.name != "":
			col.Name = t.name
		case t.castName != "":
			col.Name = t.castName
		default:
			col.Name = autoName(it.Expr)
			if in.quiet == 0 {
				in.report(it.Expr.Pos(), diag.Warning, RuleUnnamed, "column %s has no alias; Spark names it %q", autoName(it.Expr), col.Name)
			}
		}
		if len(nullGroups) > 0 && nullGroups[lower(autoName(it.Expr))] {
			col.Nullable = true
		}
		out = append(out, col)
		sc.aliases = out
	}
	for i := range out {
		if isVoid(out[i].Spark) {
			out[i].Nullable = true
		}
	}
	return out
}

// groupingSetColumns lists the expressions that ROLLUP, CUBE or GROUPING
// SETS may null out.
func groupingSetColumns(g *ast.GroupBy) map[string]bool {
	if g == nil {
		return nil
	}
	out := map[string]bool{}
	add := func(es []ast.Expr) {
		for _, e := range es {
			out[lower(autoName(e))] = true
		}
	}
	if g.With != "" {
		add(g.Items)
	}
	if g.Sets != nil {
		for _, s := range g.Sets.Sets {
			add(s)
		}
	}
	for _, it := range g.Items {
		switch x := it.(type) {
		case *ast.Rollup:
			add(x.Items)
		case *ast.Cube:
			add(x.Items)
		case *ast.GroupingSets:
			for _, s := range x.Sets {
				add(s)
			}
		}
	}
	return out
}

// star expands * or t.* [EXCEPT (...)].
func (in *inferer) star(st *ast.Star, sc *scope) []Column {
	var out []Column
	if len(st.Qualifier) == 0 {
		for _, c := range sc.cols {
			if !c.hidden {
				out = append(out, c.Column)
			}
		}
	} else {
		q := lower(st.Qualifier[len(st.Qualifier)-1].Name)
		for _, c := range sc.cols {
			if c.Qualifier == q {
				out = append(out, c.Column)
			}
		}
		if len(out) == 0 {
			// s.* of a struct column
			n := &ast.Name{At: st.At, Parts: st.Qualifier}
			if t, ok := in.resolve(n, sc, false); ok && t.t.Name == "STRUCT" {
				for _, f := range t.t.Fields {
					out = append(out, Column{Name: f.Name.Name, Spark: f.Type, Nullable: true})
				}
			} else if !sc.opaque {
				in.report(st.Pos(), diag.Error, RuleUnknownTable, "%s.* names no table of the FROM clause", q)
			}
		}
	}
	if len(st.Except) > 0 {
		drop := map[string]bool{}
		for _, e := range st.Except {
			drop[lower(e.Last().Name)] = true
		}
		kept := out[:0:0]
		for _, c := range out {
			if !drop[lower(c.Name)] {
				kept = append(kept, c)
			}
		}
		out = kept
	}
	return out
}

// lateralView types LATERAL VIEW [OUTER] gen(...) t [AS c1, c2].
func (in *inferer) lateralView(lv *ast.LateralView, sc *scope) []scol {
	cols := in.generator(lv.Func, sc)
	if len(lv.Columns) > 0 {
		cols = in.rename(cols, lv.Columns, lv.Pos())
	}
	if lv.Outer {
		for i := range cols {
			cols[i].Nullable = true
		}
	}
	q := ""
	if lv.Table != nil {
		q = lv.Table.Name
	}
	return qualify(cols, q)
}

// generators are the functions that produce rows.
var generators = map[string]bool{
	"explode": true, "explode_outer": true, "posexplode": true, "posexplode_outer": true,
	"inline": true, "inline_outer": true, "stack": true, "json_tuple": true,
}

// generator types a generator call: its default column names and types.
func (in *inferer) generator(f *ast.Func, sc *scope) []Column {
	name := lower(f.Name.Last().Name)
	args := make([]typed, len(f.Args))
	for i, a := range f.Args {
		args[i] = in.expr(a, sc)
	}
	switch name {
	case "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer":
		if len(args) != 1 {
			in.report(f.Pos(), diag.Error, RuleUnsupported, "%s takes one argument", name)
			return []Column{{Name: "col", Spark: StringType(), Nullable: true, Unknown: true}}
		}
		return in.generatorColumns(name, args[0], f.Pos())
	case "stack":
		n := 1
		if lit, ok := f.Args[0].(*ast.Literal); ok {
			fmt.Sscan(lit.Value, &n)
		}
		vals := args[1:]
		per := (len(vals) + n - 1) / max(n, 1)
		var cols []Column
		for i := 0; i < per; i++ {
			var ts []*ast.Type
			for j := i; j < len(vals); j += per {
				ts = append(ts, vals[j].t)
			}
			t := widerCommon(ts)
			if t == nil {
				t = StringType()
			}
			cols = append(cols, Column{Name: fmt.Sprintf("col%d", i), Spark: t, Nullable: true})
		}
		return cols
	case "json_tuple":
		var cols []Column
		for i := 1; i < len(args); i++ {
			cols = append(cols, Column{Name: fmt.Sprintf("c%d", i-1), Spark: StringType(), Nullable: true})
		}
		return cols
	}
	return nil
}

// generatorColumns are the columns explode-like generators make of an
// array or map argument.
func (in *inferer) generatorColumns(name string, arg typed, pos token.Pos) []Column {
	unknown := []Column{{Name: "col", Spark: StringType(), Nullable: true, Unknown: true}}
	if arg.unk {
		return unknown
	}
	pos1 := strings.HasPrefix(name, "posexplode")
	var cols []Column
	if pos1 {
		cols = append(cols, Column{Name: "pos", Spark: IntType(), Nullable: strings.HasSuffix(name, "_outer")})
	}
	t := arg.t
	switch {
	case strings.HasPrefix(name, "inline"):
		if t.Name != "ARRAY" || t.Elem.Name != "STRUCT" {
			in.report(pos, diag.Error, RuleUnsupported, "%s needs an array of structs, not %s", name, SimpleString(t))
			return unknown
		}
		for _, f := range t.Elem.Fields {
			cols = append(cols, Column{Name: f.Name.Name, Spark: f.Type, Nullable: true})
		}
	case t.Name == "ARRAY":
		cols = append(cols, Column{Name: "col", Spark: withNotNull(t.Elem, false), Nullable: !t.Elem.NotNull})
	case t.Name == "MAP":
		cols = append(cols, Column{Name: "key", Spark: t.Key}, Column{Name: "value", Spark: t.Val, Nullable: true})
	default:
		in.report(pos, diag.Error, RuleUnsupported, "%s needs an array or a map, not %s", name, SimpleString(t))
		return unknown
	}
	return cols
}
