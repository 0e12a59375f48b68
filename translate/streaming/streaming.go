// Package streaming works out what a query means as a stream: whether it
// only appends rows or also updates them, and which columns are a key of
// its result. The sink's primary key and changelog mode follow from that;
// an upsert table with the wrong key silently collapses rows, so every
// decision carries its reason.
package streaming

import (
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Input describes a table a query reads.
type Input struct {
	Key      []string // primary key columns, empty when none
	Updating bool     // the table's changelog has updates or deletes
	Columns  []string // its column names, when known
	// TimeAttrs are its time attributes: `$rowtime` on Confluent Cloud, a
	// watermarked column on Apache Flink. Only they make a deduplication.
	TimeAttrs []string
}

// Env resolves table names (lower case, last name part) to inputs.
type Env func(name string) (Input, bool)

// Result is the analysis of one query.
type Result struct {
	Updating bool
	// Why lists the operators that make the result updating.
	Why []string
	// Key is a key of the result by output column name, nil when none is
	// derivable; KeyReason says how it was derived.
	Key       []string
	KeyReason string
	// Dedup is set when the query is Flink's deduplication pattern.
	Dedup *Dedup
	// RegularJoins counts joins that keep both sides in state forever.
	RegularJoins []ast.Node
	// Rows tells, for each SELECT block of the query (CTEs and subqueries
	// included), whether the rows it reads form an updating changelog: its
	// FROM after joins, its WHERE subqueries and a deduplication filter,
	// before its own GROUP BY, DISTINCT and OVER windows. An operator that
	// accepts only appended rows (an OVER aggregate) cannot run in a block
	// whose rows update.
	Rows map[*ast.Select]Changelog
}

// Changelog is whether rows update, and why.
type Changelog struct {
	Updating bool
	// Why lists the operators that make the rows updating.
	Why []string
}

// Dedup is a ROW_NUMBER() ... = 1 deduplication.
type Dedup struct {
	Partition []string
	OrderBy   string // the ordering column as written
	Desc      bool   // keep the last row (updating) rather than the first
	// TimeOrdered: ordered by a time attribute of the deduplicated input,
	// the shape Flink recognises; otherwise it is a Top-N.
	TimeOrdered bool
	Over        *ast.Window
	Filter      ast.Expr
}

// relation is what the analysis knows about a FROM item or query: its
// columns (output names, lower case) and candidate keys.
type relation struct {
	cols     []string
	keys     [][]string
	updating bool
	why      []string
	dedup    *Dedup
	joins    []ast.Node
	reason   string
	// timeAttrs are the time attributes among cols (unqualified, lower
	// case); fromTime those visible inside the SELECT (of its FROM).
	timeAttrs map[string]bool
	fromTime  map[string]bool
	// windowed: the relation is a window TVF's output, so a GROUP BY
	// window_start, window_end is a window aggregation.
	windowed bool
}

// Analyze works out the changelog and key of a query.
func Analyze(q *ast.Query, env Env) *Result {
	a := &analyzer{env: env, ctes: map[string]*relation{}, rows: map[*ast.Select]Changelog{}}
	r := a.query(q)
	// Subqueries outside FROM (EXISTS, IN, scalar) get their rows too.
	ast.Inspect(q, func(n ast.Node) bool {
		if sq, ok := n.(*ast.Query); ok {
			if s := firstSelect(sq.Body); s != nil {
				if _, done := a.rows[s]; !done {
					a.query(sq)
				}
			}
		}
		return true
	})
	res := &Result{Updating: r.updating, Why: dedupStrings(r.why), Dedup: r.dedup, RegularJoins: r.joins, Rows: a.rows}
	if len(r.keys) > 0 {
		best := r.keys[0]
		for _, k := range r.keys[1:] {
			if len(k) < len(best) {
				best = k
			}
		}
		res.Key = best
		res.KeyReason = r.reason
	}
	return res
}

type analyzer struct {
	env  Env
	ctes map[string]*relation
	rows map[*ast.Select]Changelog
}

func (a *analyzer) query(q *ast.Query) *relation {
	if q.With != nil {
		for _, c := range q.With.CTEs {
			r := a.query(c.Query)
			if len(c.Columns) > 0 {
				r.cols = identNames(c.Columns)
			}
			a.ctes[strings.ToLower(c.Name.Name)] = r
		}
	}
	r := a.body(q.Body)
	if q.Limit != nil || q.FetchFirst != nil {
		r.updating = true
		r.why = append(r.why, "LIMIT (a Top-N in streaming)")
	}
	return r
}

func (a *analyzer) body(b ast.QueryBody) *relation {
	switch b := b.(type) {
	case *ast.Select:
		return a.selectBlock(b)
	case *ast.ParenQuery:
		return a.query(b.Query)
	case *ast.SetOp:
		l, r := a.body(b.L), a.body(b.R)
		out := &relation{cols: l.cols, updating: l.updating || r.updating, why: append(l.why, r.why...), joins: append(l.joins, r.joins...)}
		if b.Op != "UNION" || !b.All {
			out.updating = true
			out.why = append(out.why, b.Op+" without ALL (needs state to remove duplicates)")
			out.keys = [][]string{out.cols}
			out.reason = b.Op + " returns distinct rows"
		}
		return out
	case *ast.Values:
		return &relation{}
	}
	return &relation{}
}

func (a *analyzer) selectBlock(s *ast.Select) *relation {
	// FROM: combine the relations.
	var from *relation
	for _, ref := range s.From {
		r := a.ref(ref)
		if from == nil {
			from = r
			continue
		}
		from = cross(from, r)
	}
	if from == nil {
		from = &relation{}
	}
	out := &relation{updating: from.updating, why: from.why, joins: from.joins, fromTime: from.timeAttrs}

	// Subqueries in WHERE: EXISTS / IN become joins that keep state.
	if s.Where != nil {
		ast.Inspect(s.Where, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Exists:
				out.joins = append(out.joins, x)
				if x.Not {
					out.updating = true
					out.why = append(out.why, "NOT EXISTS (an anti join retracts rows when a match arrives)")
				} else if a.query(x.Query).updating {
					out.updating = true
					out.why = append(out.why, "EXISTS over an updating table")
				}
				return false
			case *ast.In:
				if x.Query != nil {
					out.joins = append(out.joins, x)
					if x.Not {
						out.updating = true
						out.why = append(out.why, "NOT IN subquery")
					}
					return false
				}
			case *ast.Subquery:
				out.updating = true
				out.why = append(out.why, "scalar subquery")
				return false
			}
			return true
		})
	}

	// Output columns and where they come from.
	type source struct{ col string }
	origin := map[string]source{} // output name -> input column
	for _, it := range s.Items {
		if st, ok := it.Expr.(*ast.Star); ok {
			for _, c := range from.cols {
				if len(st.Qualifier) > 0 && !strings.EqualFold(st.Qualifier[len(st.Qualifier)-1].Name, qualifierOf(c)) {
					continue
				}
				base := unqualify(c)
				out.cols = append(out.cols, base)
				origin[base] = source{col: c}
			}
			continue
		}
		name := outputName(it)
		out.cols = append(out.cols, name)
		if n, ok := it.Expr.(*ast.Name); ok {
			origin[name] = source{col: strings.ToLower(nameString(n))}
		}
	}
	// A time attribute selected as it is stays one; PROCTIME() makes one.
	out.timeAttrs = map[string]bool{}
	for outName, src := range origin {
		if from.timeAttrs[unqualify(src.col)] {
			out.timeAttrs[outName] = true
		}
	}
	for _, it := range s.Items {
		if it.Alias != nil && IsProctime(it.Expr) {
			out.timeAttrs[strings.ToLower(it.Alias.Name)] = true
		}
	}
	// project maps a key over input columns to output names.
	project := func(key []string) []string {
		var mapped []string
		for _, k := range key {
			found := ""
			for outName, src := range origin {
				if src.col == k || unqualify(src.col) == unqualify(k) && (qualifierOf(src.col) == "" || qualifierOf(k) == "" || qualifierOf(src.col) == qualifierOf(k)) {
					found = outName
					break
				}
			}
			if found == "" {
				return nil
			}
			mapped = append(mapped, found)
		}
		sort.Strings(mapped)
		return mapped
	}

	// Dedup pattern: WHERE rn = 1 over a subquery computing ROW_NUMBER.
	if d := a.dedupOf(s, from); d != nil {
		out.dedup = d
		if k := project(d.Partition); k != nil {
			out.keys = append(out.keys, k)
			out.reason = "deduplication keys (ROW_NUMBER() OVER (PARTITION BY " + strings.Join(d.Partition, ", ") + ") = 1)"
		}
		if d.Desc || !d.TimeOrdered {
			out.updating = true
			if d.TimeOrdered {
				out.why = append(out.why, "deduplication keeping the last row")
			} else {
				out.why = append(out.why, "ROW_NUMBER ordered by "+d.OrderBy+" (not a time attribute: a Top-N that updates)")
			}
		}
	}

	// The rows this block reads, before its own aggregation and windows.
	a.rows[s] = Changelog{Updating: out.updating, Why: dedupStrings(out.why)}

	aggregated := s.GroupBy != nil || hasAggregate(s.Items) || s.Having != nil
	switch {
	case s.GroupBy != nil && !s.GroupBy.All && len(s.GroupBy.Items) > 0 && plainGroupBy(s.GroupBy):
		// A window aggregation emits one final row per window when the
		// watermark passes its end: appends only, as its input does.
		if !from.windowed || !groupsBy(s.GroupBy, "window_start", "window_end") {
			out.updating = true
			out.why = append(out.why, "GROUP BY aggregation")
		}
		var groupCols []string
		ok := true
		for _, g := range s.GroupBy.Items {
			n, isName := g.(*ast.Name)
			if !isName {
				// A grouped expression: find the item with the same text.
				ok = false
				for _, it := range s.Items {
					if sameExpr(it.Expr, g) {
						groupCols = append(groupCols, outputName(it))
						ok = true
						break
					}
				}
				if !ok {
					break
				}
				continue
			}
			found := false
			for _, it := range s.Items {
				if in, isName := it.Expr.(*ast.Name); isName && strings.EqualFold(in.Last().Name, n.Last().Name) {
					groupCols = append(groupCols, outputName(it))
					found = true
					break
				}
				if it.Alias != nil && strings.EqualFold(it.Alias.Name, n.Last().Name) {
					groupCols = append(groupCols, outputName(it))
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			sort.Strings(groupCols)
			out.keys = [][]string{dedupStrings(groupCols)}
			out.reason = "GROUP BY keys (" + strings.Join(groupCols, ", ") + ")"
		} else {
			out.keys = nil
			out.reason = ""
		}
		return out
	case aggregated:
		out.updating = true
		out.why = append(out.why, "aggregation")
		if s.GroupBy == nil || len(s.GroupBy.Items) == 0 {
			out.keys = nil
			out.reason = "a global aggregate has one row and no key column"
		}
		return out
	}
	if s.Distinct {
		out.updating = true
		out.why = append(out.why, "SELECT DISTINCT")
		out.keys = [][]string{append([]string{}, out.cols...)}
		out.reason = "SELECT DISTINCT: all columns"
		return out
	}
	if out.dedup == nil {
		for _, k := range from.keys {
			if m := project(k); m != nil {
				out.keys = append(out.keys, m)
				out.reason = from.reason
			}
		}
	}
	return out
}

// dedupOf recognises SELECT ... FROM (SELECT ..., ROW_NUMBER() OVER
// (PARTITION BY k ORDER BY t) AS rn FROM x) WHERE rn = 1.
func (a *analyzer) dedupOf(s *ast.Select, from *relation) *Dedup {
	if from.dedup == nil || s.Where == nil {
		return nil
	}
	rnCol := from.dedup.Filter
	var eq *ast.Binary
	ast.Inspect(s.Where, func(n ast.Node) bool {
		if b, ok := n.(*ast.Binary); ok && (b.Op == "=" || b.Op == "<=" || b.Op == "<") {
			if nm, ok := b.L.(*ast.Name); ok && sameExpr(nm, rnCol) {
				eq = b
			}
		}
		return eq == nil
	})
	if eq == nil {
		return nil
	}
	if lit, ok := eq.R.(*ast.Literal); !ok || lit.Value != "1" || eq.Op != "=" {
		return nil
	}
	return from.dedup
}

func (a *analyzer) ref(ref ast.TableRef) *relation {
	switch r := ref.(type) {
	case *ast.TableName:
		name := strings.ToLower(r.Name.Last().Name)
		alias := name
		if r.Alias != nil {
			alias = strings.ToLower(r.Alias.Name.Name)
		}
		var rel *relation
		if cte, ok := a.ctes[name]; ok {
			cp := *cte
			rel = &cp
		} else if in, ok := a.env(name); ok {
			rel = &relation{cols: lower(in.Columns), updating: in.Updating, timeAttrs: set(lower(in.TimeAttrs))}
			if len(in.Key) > 0 {
				rel.keys = [][]string{lower(in.Key)}
				rel.reason = "primary key of " + name
			}
			if in.Updating {
				rel.why = []string{"reads the updating table " + name}
			}
		} else {
			rel = &relation{}
		}
		return qualify(rel, alias)
	case *ast.SubqueryRef:
		rel := a.query(r.Query)
		// A ROW_NUMBER column in the subquery may start a dedup pattern.
		if sel, ok := r.Query.Body.(*ast.Select); ok {
			for _, it := range sel.Items {
				if f, ok := it.Expr.(*ast.Func); ok && f.Over != nil && strings.EqualFold(f.Name.Last().Name, "row_number") && len(f.Over.OrderBy) == 1 && len(f.Over.PartitionBy) > 0 {
					d := &Dedup{Over: f.Over, Desc: f.Over.OrderBy[0].Desc, Filter: name(outputName(it))}
					if n, ok := f.Over.OrderBy[0].Expr.(*ast.Name); ok {
						d.OrderBy = n.Last().Name
						d.TimeOrdered = rel.fromTime[strings.ToLower(d.OrderBy)]
					} else {
						d.OrderBy = "<expression>"
					}
					for _, p := range f.Over.PartitionBy {
						if n, ok := p.(*ast.Name); ok {
							d.Partition = append(d.Partition, strings.ToLower(n.Last().Name))
						} else {
							d = nil
							break
						}
					}
					if d != nil {
						rel.dedup = d
					}
				}
			}
		}
		alias := ""
		if r.Alias != nil {
			alias = strings.ToLower(r.Alias.Name.Name)
		}
		return qualify(rel, alias)
	case *ast.Join:
		l, rr := a.ref(r.Left), a.ref(r.Right)
		out := cross(l, rr)
		out.dedup = nil
		if tn, ok := r.Right.(*ast.TableName); ok && tn.SystemTime != nil {
			// A temporal (or lookup) join reads the version of the right
			// row valid at the left row's time: it emits each left row
			// once, whether the right side updates or not, and keeps only
			// the right side's versions in state. Flink requires the
			// right side's primary key in ON, so left keys stay keys.
			out.updating, out.why = l.updating, l.why
			out.keys, out.reason = l.keys, l.reason
			if len(l.keys) > 0 {
				out.reason = l.reason + ", carried through a temporal join"
			}
			return out
		}
		_, unnest := r.Right.(*ast.FuncRef)
		// An interval join bounds the time between the two sides' rows:
		// it drops state once the watermark passes the bound, and an
		// outer one emits its null-padded rows then, once, as appends.
		interval := !unnest && intervalJoin(r.On, out.timeAttrs)
		switch r.Kind {
		case "LEFT", "RIGHT", "FULL":
			if !interval {
				out.updating = true
				out.why = append(out.why, r.Kind+" OUTER JOIN (emits and retracts null-padded rows)")
			}
		}
		if unnest {
			// UNNEST: each row becomes several; no key survives.
			out.keys = nil
			return out
		}
		if !interval {
			out.joins = append(out.joins, r)
		}
		eqL, eqR := joinEqualities(r.On, l, rr)
		// Many-to-one: each left row matches at most one right row when
		// the right side is joined on a whole key of it.
		rightUnique := coversKey(eqR, rr.keys)
		leftUnique := coversKey(eqL, l.keys)
		switch {
		case rightUnique && r.Kind != "RIGHT" && r.Kind != "FULL":
			out.keys = l.keys
			out.reason = l.reason + ", carried through a many-to-one join"
		case leftUnique && r.Kind != "LEFT" && r.Kind != "FULL":
			out.keys = rr.keys
			out.reason = rr.reason + ", carried through a one-to-many join"
		default:
			out.keys = nil
			for _, kl := range l.keys {
				for _, kr := range rr.keys {
					out.keys = append(out.keys, append(append([]string{}, kl...), kr...))
					out.reason = "keys of both sides of the join"
				}
			}
		}
		return out
	case *ast.ParenRef:
		return a.ref(r.Ref)
	case *ast.FuncRef:
		if rel := a.windowTVF(r); rel != nil {
			if r.Alias != nil {
				return qualify(rel, strings.ToLower(r.Alias.Name.Name))
			}
			return rel
		}
		rel := &relation{}
		if r.Alias != nil {
			rel.cols = identNames(r.Alias.Columns)
			return qualify(rel, strings.ToLower(r.Alias.Name.Name))
		}
		return rel
	}
	return &relation{}
}

// windowTVFs are Flink's windowing table functions.
var windowTVFs = map[string]bool{"tumble": true, "hop": true, "cumulate": true, "session": true}

// windowTVF returns the relation of TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts),
// ...)) and the other windowing functions, nil for any other FROM
// function: t's columns, window_start, window_end and window_time. Only
// window_time is a time attribute afterwards (t's time column becomes a
// plain timestamp); the rows change as t's do.
func (a *analyzer) windowTVF(r *ast.FuncRef) *relation {
	f, ok := r.Func.(*ast.Func)
	if !ok || !windowTVFs[strings.ToLower(f.Name.Last().Name)] || len(f.Args) == 0 {
		return nil
	}
	arg := f.Args[0]
	if n, ok := arg.(*ast.NamedArg); ok { // DATA => TABLE t
		arg = n.Value
	}
	var in *relation
	switch t := arg.(type) {
	case *ast.TableArg:
		if t.Name == nil {
			return nil
		}
		in = a.ref(&ast.TableName{Name: t.Name})
	case *ast.Subquery:
		in = a.query(t.Query)
	default:
		return nil
	}
	out := &relation{updating: in.updating, why: in.why, joins: in.joins, windowed: true,
		timeAttrs: map[string]bool{"window_time": true}}
	for _, c := range in.cols {
		out.cols = append(out.cols, unqualify(c))
	}
	out.cols = append(out.cols, "window_start", "window_end", "window_time")
	return out
}

// intervalJoin reports whether on holds a range condition between time
// attributes (a.ts BETWEEN b.ts - INTERVAL ... AND b.ts, a.ts >= b.ts, ...):
// both bounds of the range must read one.
func intervalJoin(on ast.Expr, timeAttrs map[string]bool) bool {
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if x, ok := n.(*ast.Name); ok && timeAttrs[strings.ToLower(x.Last().Name)] {
				found = true
			}
			return !found
		})
		return found
	}
	found := false
	if on != nil {
		ast.Inspect(on, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Between:
				found = found || !x.Not && mentions(x.X) && (mentions(x.Lo) || mentions(x.Hi))
			case *ast.Binary:
				switch x.Op {
				case "<", "<=", ">", ">=":
					found = found || mentions(x.L) && mentions(x.R)
				}
			}
			return !found
		})
	}
	return found
}

// groupsBy reports whether every one of cols is a plain column of g.
func groupsBy(g *ast.GroupBy, cols ...string) bool {
	for _, c := range cols {
		found := false
		for _, it := range g.Items {
			if n, ok := it.(*ast.Name); ok && strings.EqualFold(n.Last().Name, c) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// firstSelect returns the first SELECT block of a query body.
func firstSelect(b ast.QueryBody) *ast.Select {
	switch b := b.(type) {
	case *ast.Select:
		return b
	case *ast.ParenQuery:
		return firstSelect(b.Query.Body)
	case *ast.SetOp:
		return firstSelect(b.L)
	}
	return nil
}

// IsProctime reports a PROCTIME() call, which makes a processing-time
// attribute.
func IsProctime(e ast.Expr) bool {
	f, ok := e.(*ast.Func)
	return ok && f.Over == nil && len(f.Args) == 0 && len(f.Name.Parts) == 1 && strings.EqualFold(f.Name.Last().Name, "PROCTIME")
}

// cross combines two relations side by side.
func cross(l, r *relation) *relation {
	ta := map[string]bool{}
	for k := range l.timeAttrs {
		ta[k] = true
	}
	for k := range r.timeAttrs {
		ta[k] = true
	}
	return &relation{
		timeAttrs: ta,
		cols:      append(append([]string{}, l.cols...), r.cols...),
		updating:  l.updating || r.updating,
		why:       append(append([]string{}, l.why...), r.why...),
		joins:     append(append([]ast.Node{}, l.joins...), r.joins...),
	}
}

// qualify prefixes a relation's columns and keys with an alias.
func qualify(r *relation, alias string) *relation {
	if alias == "" {
		return r
	}
	out := *r
	out.cols = make([]string, len(r.cols))
	for i, c := range r.cols {
		out.cols[i] = alias + "." + unqualify(c)
	}
	out.keys = nil
	for _, k := range r.keys {
		var qk []string
		for _, c := range k {
			qk = append(qk, alias+"."+unqualify(c))
		}
		out.keys = append(out.keys, qk)
	}
	if r.dedup != nil {
		d := *r.dedup
		d.Partition = nil
		for _, p := range r.dedup.Partition {
			d.Partition = append(d.Partition, alias+"."+unqualify(p))
		}
		out.dedup = &d
	}
	return &out
}

// joinEqualities returns the columns of each side equated in an ON clause.
func joinEqualities(on ast.Expr, l, r *relation) (left, right []string) {
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		switch b := e.(type) {
		case *ast.Paren:
			walk(b.X)
		case *ast.Binary:
			switch b.Op {
			case "AND":
				walk(b.L)
				walk(b.R)
			case "=":
				ln, lok := b.L.(*ast.Name)
				rn, rok := b.R.(*ast.Name)
				if !lok || !rok {
					return
				}
				a, c := resolve(nameString(ln), l), resolve(nameString(rn), r)
				if a != "" && c != "" {
					left, right = append(left, a), append(right, c)
					return
				}
				a, c = resolve(nameString(rn), l), resolve(nameString(ln), r)
				if a != "" && c != "" {
					left, right = append(left, a), append(right, c)
				}
			}
		}
	}
	if on != nil {
		walk(on)
	}
	return left, right
}

// resolve finds a column reference among a relation's columns.
func resolve(ref string, r *relation) string {
	ref = strings.ToLower(ref)
	for _, c := range r.cols {
		if c == ref || (qualifierOf(ref) == "" && unqualify(c) == ref) {
			return c
		}
	}
	return ""
}

func coversKey(cols []string, keys [][]string) bool {
	set := map[string]bool{}
	for _, c := range cols {
		set[c] = true
	}
	for _, k := range keys {
		all := len(k) > 0
		for _, c := range k {
			if !set[c] {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

var aggregates = map[string]bool{
	"count": true, "sum": true, "avg": true, "min": true, "max": true, "collect_list": true, "collect_set": true,
	"array_agg": true, "stddev": true, "stddev_samp": true, "stddev_pop": true, "variance": true, "var_samp": true,
	"var_pop": true, "first": true, "last": true, "approx_count_distinct": true, "percentile_approx": true,
	"listagg": true, "string_agg": true, "count_if": true, "bool_and": true, "bool_or": true, "any_value": true,
	"max_by": true, "min_by": true, "collect": true, "json_arrayagg": true, "json_objectagg": true, "median": true,
	"percentile": true, "first_value": true, "last_value": true,
}

// hasAggregate reports an aggregate call (not a window call) in the items.
func hasAggregate(items []*ast.SelectItem) bool {
	found := false
	for _, it := range items {
		ast.Inspect(it.Expr, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Query:
				return false
			case *ast.Func:
				if x.Over == nil && aggregates[strings.ToLower(x.Name.Last().Name)] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func plainGroupBy(g *ast.GroupBy) bool {
	if g.Sets != nil || g.With != "" {
		return false
	}
	for _, it := range g.Items {
		switch it.(type) {
		case *ast.Rollup, *ast.Cube, *ast.GroupingSets:
			return false
		}
	}
	return true
}

func set(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return m
}

func outputName(it *ast.SelectItem) string {
	if it.Alias != nil {
		return strings.ToLower(it.Alias.Name)
	}
	if n, ok := it.Expr.(*ast.Name); ok {
		return strings.ToLower(n.Last().Name)
	}
	return ""
}

func nameString(n *ast.Name) string {
	parts := make([]string, len(n.Parts))
	for i, p := range n.Parts {
		parts[i] = p.Name
	}
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

func name(s string) *ast.Name {
	return &ast.Name{Parts: []*ast.Ident{{Name: s}}}
}

// sameExpr compares two expressions by their printed form (names by their
// last part, case-insensitively).
func sameExpr(a, b ast.Expr) bool {
	an, ok1 := a.(*ast.Name)
	bn, ok2 := b.(*ast.Name)
	if ok1 && ok2 {
		return strings.EqualFold(an.Last().Name, bn.Last().Name)
	}
	cfg := printer.Config{Dialect: token.Flink}
	return strings.EqualFold(printer.Print(a, cfg), printer.Print(b, cfg))
}

func unqualify(c string) string {
	if i := strings.LastIndexByte(c, '.'); i >= 0 {
		return c[i+1:]
	}
	return c
}

func qualifierOf(c string) string {
	if i := strings.LastIndexByte(c, '.'); i >= 0 {
		return c[:i]
	}
	return ""
}

func identNames(ids []*ast.Ident) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strings.ToLower(id.Name)
	}
	return out
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

func dedupStrings(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
