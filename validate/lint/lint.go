// Package lint checks generated Flink SQL for streaming semantics that
// Flink accepts, or rejects only at planning time, but that change what the
// batch query meant: deduplications Flink does not recognise, updating
// queries into append-only tables, upsert keys that are not keys of the
// query, wall-clock functions in updating queries, ORDER BY/LIMIT, regular
// joins without state TTL, time buckets that a window function would
// express, and features of the wrong target profile.
//
// Each rule has a stable id, a severity, an explanation and a fix hint
// (Rules, documented in RULES.md). Findings are diag.Diagnostics at the
// generated file's line:col, their message ending with the fix. The key and
// changelog of a query come from translate/streaming.Analyze, so the lint
// and the translator agree on what a query produces.
package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/streaming"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Finding is one lint finding.
type Finding = diag.Diagnostic

// Config is what a lint run needs besides the files.
type Config struct {
	// Profile is the target: Confluent (the default when empty) or OSS.
	Profile string
	// Catalog describes the tables the DML reads (their key, changelog
	// mode, time attributes). The sink's DDL is added to it. Tables that
	// are not in it are taken as append-only with no key.
	Catalog Catalog
}

// Lint checks the DDL and the DML of one table. Either may be nil: the DDL
// alone gets the profile rules; the DML alone is checked against the
// catalog. Findings are at the positions of the files' names and sorted.
func Lint(ddl, dml *ast.File, cfg Config) diag.List {
	if cfg.Profile == "" {
		cfg.Profile = Confluent
	}
	cat := Catalog{}
	for k, v := range cfg.Catalog {
		cat[k] = v
	}
	if ddl != nil {
		cat.Add(ddl, cfg.Profile)
	}
	l := &linter{profile: cfg.Profile, cat: cat}
	for _, f := range []*ast.File{ddl, dml} {
		if f == nil {
			continue
		}
		l.file = f.Name
		for _, s := range f.Stmts {
			l.profileRules(s)
			if st, ok := s.(*ast.SetStmt); ok && isTTLKey(unquote(st.Key)) {
				l.ttl = true
			}
		}
	}
	if dml != nil {
		l.file = dml.Name
		for _, s := range dml.Stmts {
			switch s := s.(type) {
			case *ast.InsertStmt:
				l.insert(s)
			case *ast.StatementSet:
				for _, ins := range s.Inserts {
					l.insert(ins)
				}
			}
		}
	}
	l.out.Sort()
	return l.out
}

type linter struct {
	profile string
	cat     Catalog
	file    string
	ttl     bool // a state TTL is set for the whole file
	out     diag.List

	// per INSERT
	timeAttrs map[string]bool
	proctime  map[string]bool // the processing-time attributes among timeAttrs
	known     bool            // every table read is in the catalog
	ctes      map[string]*ast.Query
	parent    map[*ast.Select]*ast.Select
	rows      map[*ast.Select]streaming.Changelog // what each SELECT block reads
}

// report adds a finding whose message ends with the fix hint.
func (l *linter) report(pos token.Pos, sev diag.Severity, rule, msg, fix string) {
	if fix == "" {
		fix = RuleByID(rule).Fix
	}
	l.out.Add(l.file, pos, sev, rule, "%s; fix: %s", msg, fix)
}

func (l *linter) insert(ins *ast.InsertStmt) {
	if ins.Table == nil || ins.Query == nil {
		return
	}
	l.prepare(ins)
	res := streaming.Analyze(ins.Query, l.cat.env)
	l.rows = res.Rows
	sinkName := strings.ToLower(ins.Table.Last().Name)
	sink := l.cat[sinkName]
	if sink == nil {
		l.report(ins.Table.Pos(), diag.Warning, MissingSinkDDL, fmt.Sprintf("no CREATE TABLE for the sink %s", sinkName), "")
	} else {
		l.sinkRules(ins, sink, res)
	}
	if res.Updating {
		l.currentTime(ins, res)
	}
	l.orderLimit(ins.Query)
	l.joins(ins, res)
	l.temporalJoins(ins)
	if sel, ok := ins.Query.Body.(*ast.Select); ok {
		for _, it := range sel.Items {
			if _, star := it.Expr.(*ast.Star); star {
				l.report(it.Expr.Pos(), diag.Warning, SelectStar, fmt.Sprintf("SELECT * into %s ties the sink's schema to the source's", sinkName), "")
			}
		}
	}
	ast.Inspect(ins.Query, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok {
			l.windows(s)
			l.timeBuckets(s)
			l.aggregates(s)
		}
		return true
	})
}

// prepare collects what the rules of one INSERT share: the CTEs, the
// query level above each SELECT, and the time attributes in scope.
func (l *linter) prepare(ins *ast.InsertStmt) {
	l.ctes = map[string]*ast.Query{}
	l.parent = map[*ast.Select]*ast.Select{}
	l.timeAttrs = map[string]bool{}
	l.proctime = map[string]bool{}
	l.known = true
	ast.Inspect(ins.Query, func(n ast.Node) bool {
		if c, ok := n.(*ast.CTE); ok {
			l.ctes[strings.ToLower(c.Name.Name)] = c.Query
		}
		return true
	})
	var selects []*ast.Select
	ast.Inspect(ins.Query, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Select:
			selects = append(selects, n)
			for _, ref := range n.From {
				for _, inner := range l.innerSelects(ref) {
					l.parent[inner] = n
				}
			}
		case *ast.TableName:
			name := strings.ToLower(n.Name.Last().Name)
			if _, cte := l.ctes[name]; cte {
				break
			}
			if t, ok := l.cat[name]; ok {
				for a := range t.TimeAttrs {
					l.timeAttrs[a] = true
				}
				for a := range t.Proctime {
					l.proctime[a] = true
				}
			} else {
				l.known = false
			}
		}
		return true
	})
	// A table the catalog does not know has $rowtime's default watermark
	// on Confluent Cloud, unless its DDL declares another.
	if !l.known && l.profile != OSS {
		l.timeAttrs["$rowtime"] = true
	}
	// A time attribute selected under another name stays one, and
	// PROCTIME() makes one; selects are listed outer first, so go inner
	// first, twice for CTE chains.
	for range 2 {
		for i := len(selects) - 1; i >= 0; i-- {
			for _, it := range selects[i].Items {
				if it.Alias == nil {
					continue
				}
				alias := strings.ToLower(it.Alias.Name)
				if l.isTimeAttr(it.Expr) || streaming.IsProctime(it.Expr) {
					l.timeAttrs[alias] = true
				}
				if n, ok := it.Expr.(*ast.Name); streaming.IsProctime(it.Expr) || ok && l.isProctime(n) {
					l.proctime[alias] = true
				}
			}
		}
	}
}

// innerSelects returns the SELECT blocks a FROM item reads directly: a
// subquery's, a CTE's, through joins and parentheses.
func (l *linter) innerSelects(ref ast.TableRef) []*ast.Select {
	switch r := ref.(type) {
	case *ast.SubqueryRef:
		return bodySelects(r.Query)
	case *ast.TableName:
		if q, ok := l.ctes[strings.ToLower(r.Name.Last().Name)]; ok && len(r.Name.Parts) == 1 {
			return bodySelects(q)
		}
	case *ast.Join:
		return append(l.innerSelects(r.Left), l.innerSelects(r.Right)...)
	case *ast.ParenRef:
		return l.innerSelects(r.Ref)
	}
	return nil
}

func bodySelects(q *ast.Query) []*ast.Select {
	if q == nil {
		return nil
	}
	switch b := q.Body.(type) {
	case *ast.Select:
		return []*ast.Select{b}
	case *ast.ParenQuery:
		return bodySelects(b.Query)
	}
	return nil
}

func (l *linter) isTimeAttr(e ast.Expr) bool {
	n, ok := e.(*ast.Name)
	return ok && l.timeAttrs[strings.ToLower(n.Last().Name)]
}

// ---------------------------------------------------------------------------
// Sink: changelog mode and primary key

func (l *linter) sinkRules(ins *ast.InsertStmt, sink *Table, res *streaming.Result) {
	name := sink.Name
	switch sink.Changelog {
	case "append":
		if res.Updating {
			l.report(ins.Pos(), diag.Error, AppendSink,
				fmt.Sprintf("the query updates its results (%s) but %s is append-only", whyText(res.Why), name), "")
		}
	case "upsert":
		if len(sink.Key) == 0 {
			l.report(ins.Pos(), diag.Error, UpsertKey, fmt.Sprintf("%s is an upsert table without a PRIMARY KEY", name), "")
			return
		}
		pk := strings.Join(sink.Key, ", ")
		switch {
		case res.Key != nil && !subset(res.Key, sink.Key):
			l.report(ins.Pos(), diag.Error, UpsertKey,
				fmt.Sprintf("the PRIMARY KEY (%s) of %s is not a key of the query, whose key is (%s) from its %s: rows with the same (%s) overwrite each other",
					pk, name, strings.Join(res.Key, ", "), res.KeyReason, pk), "")
		case res.Key == nil && res.Updating:
			l.report(ins.Pos(), diag.Warning, UpsertKey,
				fmt.Sprintf("no key of the query could be derived to check the PRIMARY KEY (%s) of %s against", pk, name), "")
		}
	}
}

// whyText lists the first reasons a query updates.
func whyText(why []string) string {
	if len(why) > 3 {
		return strings.Join(why[:3], "; ") + fmt.Sprintf(" and %d more", len(why)-3)
	}
	return strings.Join(why, "; ")
}

// subset reports whether every column of a is in b.
func subset(a, b []string) bool {
	set := map[string]bool{}
	for _, c := range b {
		set[strings.ToLower(c)] = true
	}
	for _, c := range a {
		if !set[strings.ToLower(c)] {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------------
// Wall-clock functions

var clockNames = map[string]bool{"CURRENT_DATE": true, "CURRENT_TIMESTAMP": true, "LOCALTIMESTAMP": true, "LOCALTIME": true, "CURRENT_TIME": true}
var clockFuncs = map[string]bool{"NOW": true, "CURRENT_DATE": true, "CURRENT_TIMESTAMP": true, "LOCALTIMESTAMP": true, "UNIX_TIMESTAMP": true}

func (l *linter) currentTime(ins *ast.InsertStmt, res *streaming.Result) {
	why := whyText(res.Why)
	ast.Inspect(ins.Query, func(n ast.Node) bool {
		var what string
		switch x := n.(type) {
		case *ast.Name:
			if len(x.Parts) == 1 && !x.Parts[0].Quoted && clockNames[strings.ToUpper(x.Parts[0].Name)] {
				what = strings.ToUpper(x.Parts[0].Name)
			}
		case *ast.Func:
			if len(x.Name.Parts) == 1 && len(x.Args) == 0 && clockFuncs[strings.ToUpper(x.Name.Last().Name)] {
				what = strings.ToUpper(x.Name.Last().Name) + "()"
			}
		}
		if what != "" {
			l.report(n.Pos(), diag.Warning, CurrentTime,
				fmt.Sprintf("%s is evaluated per record, and this query updates its results (%s): a retraction no longer matches the row it retracts", what, why), "")
		}
		return true
	})
}

// ---------------------------------------------------------------------------
// ORDER BY / LIMIT

func (l *linter) orderLimit(q *ast.Query) {
	limit := q.Limit
	if limit == nil {
		limit = q.FetchFirst
	}
	switch {
	case len(q.OrderBy) > 0 && limit != nil:
		l.report(q.OrderBy[0].Expr.Pos(), diag.Warning, OrderLimit,
			"ORDER BY ... LIMIT is a global Top-N in streaming: one task, and an update each time the top rows change", "")
	case len(q.OrderBy) > 0:
		it := q.OrderBy[0]
		if len(q.OrderBy) == 1 && !it.Desc && l.isTimeAttr(it.Expr) {
			l.report(it.Expr.Pos(), diag.Warning, OrderLimit, "a top-level ORDER BY has no meaning in a stream that is already in time order", "remove the ORDER BY")
			return
		}
		l.report(it.Expr.Pos(), diag.Error, OrderLimit,
			"a top-level ORDER BY that is not on an ascending time attribute is rejected in streaming (a stream has no final order)", "")
	case limit != nil:
		l.report(limit.Pos(), diag.Warning, OrderLimit, "LIMIT in streaming keeps the first rows that arrive and then stops emitting", "")
	}
}

// ---------------------------------------------------------------------------
// Regular joins

func (l *linter) joins(ins *ast.InsertStmt, res *streaming.Result) {
	if l.ttl || hasTTLHint(ins) {
		return
	}
	for _, j := range res.RegularJoins {
		switch j := j.(type) {
		case *ast.Join: // temporal and interval joins are not among them
			kind := "JOIN"
			if j.Kind != "" {
				kind = j.Kind + " JOIN"
			}
			l.report(j.Pos(), diag.Warning, JoinTTL,
				fmt.Sprintf("regular %s of %s with %s keeps both sides in state forever", kind, refName(j.Left), refName(j.Right)), "")
		case *ast.Exists, *ast.In:
			l.report(j.Pos(), diag.Warning, JoinTTL, "an IN/EXISTS subquery is a join that keeps both sides in state forever", "")
		}
	}
}

// temporalJoins checks each JOIN t FOR SYSTEM_TIME AS OF x: t a versioned
// table (primary key, event-time attribute), x a time attribute as it is.
// A right side the catalog does not know is not judged.
func (l *linter) temporalJoins(ins *ast.InsertStmt) {
	ast.Inspect(ins.Query, func(n ast.Node) bool {
		j, ok := n.(*ast.Join)
		if !ok {
			return true
		}
		tn, ok := j.Right.(*ast.TableName)
		if !ok || tn.SystemTime == nil {
			return true
		}
		name := strings.ToLower(tn.Name.Last().Name)
		right := l.cat[name]
		if _, cte := l.ctes[name]; cte {
			right = nil
		}
		asOf := tn.SystemTime
		col, isName := asOf.(*ast.Name)
		switch {
		case !isName && l.known:
			l.report(asOf.Pos(), diag.Error, TemporalJoin,
				fmt.Sprintf("FOR SYSTEM_TIME AS OF %s: Flink takes only a time attribute of the left side, as it is, not an expression", flinkText(asOf)), "")
		case isName && l.known && !l.isTimeAttr(col):
			l.report(asOf.Pos(), diag.Error, TemporalJoin,
				fmt.Sprintf("FOR SYSTEM_TIME AS OF %s: %s is not a time attribute (no WATERMARK on it)", flinkText(col), col.Last().Name), "")
		case isName && l.isProctime(col):
			l.report(asOf.Pos(), diag.Error, TemporalJoin,
				fmt.Sprintf("FOR SYSTEM_TIME AS OF %s is a processing-time attribute: a lookup join, which %s (a streaming table) does not support", flinkText(col), name), "")
		case right == nil:
		case len(right.Key) == 0:
			l.report(tn.Name.Pos(), diag.Error, TemporalJoin,
				fmt.Sprintf("the temporal join reads %s, which has no PRIMARY KEY: not a versioned table", name), "")
		case len(right.TimeAttrs) == len(right.Proctime):
			l.report(tn.Name.Pos(), diag.Error, TemporalJoin,
				fmt.Sprintf("the temporal join reads %s, which has no event-time attribute (WATERMARK): not a versioned table", name), "")
		}
		return true
	})
}

func flinkText(e ast.Expr) string { return printer.Print(e, printer.Config{Dialect: token.Flink}) }

// isProctime reports a processing-time attribute in scope: a PROCTIME()
// column of a table read, or a PROCTIME() selected under a name.
func (l *linter) isProctime(n *ast.Name) bool { return l.proctime[strings.ToLower(n.Last().Name)] }

func hasTTLHint(ins *ast.InsertStmt) bool {
	found := false
	ast.Inspect(ins, func(n ast.Node) bool {
		if h, ok := n.(*ast.Hint); ok && strings.EqualFold(h.Name.Name, "STATE_TTL") {
			found = true
		}
		return !found
	})
	return found
}

func isTTLKey(k string) bool {
	k = strings.ToLower(k)
	return k == "sql.state-ttl" || k == "table.exec.state.ttl"
}

func refName(r ast.TableRef) string {
	switch r := r.(type) {
	case *ast.TableName:
		return r.Name.Last().Name
	case *ast.SubqueryRef:
		if r.Alias != nil {
			return "subquery " + r.Alias.Name.Name
		}
		return "a subquery"
	case *ast.Join:
		return "a join"
	case *ast.ParenRef:
		return refName(r.Ref)
	}
	return "a table"
}

// ---------------------------------------------------------------------------
// Deduplication and OVER windows

var rankFuncs = map[string]bool{"ROW_NUMBER": true, "RANK": true, "DENSE_RANK": true}

// windows checks the OVER windows of one SELECT block: a rank function
// filtered in the query above it is a deduplication or a Top-N; anything
// else is an OVER aggregate, which must be ordered by a time attribute and
// read rows that only append.
func (l *linter) windows(s *ast.Select) {
	type overAgg struct {
		funcs []string
		f     *ast.Func
	}
	var aggs []*overAgg
	byWindow := map[string]*overAgg{}
	for _, it := range s.Items {
		ast.Inspect(it.Expr, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.Query:
				return false
			}
			f, ok := n.(*ast.Func)
			if !ok || f.Over == nil {
				return true
			}
			name := strings.ToUpper(f.Name.Last().Name)
			if rankFuncs[name] && it.Expr == ast.Expr(f) && it.Alias != nil {
				if op, v, pos, ok := l.rankFilter(s, it.Alias.Name); ok {
					l.dedup(f, name, op, v, pos)
					return true
				}
			}
			key := printer.Print(f.Over, printer.Config{Dialect: token.Flink})
			a := byWindow[key]
			if a == nil {
				a = &overAgg{f: f}
				byWindow[key] = a
				aggs = append(aggs, a)
			}
			a.funcs = append(a.funcs, name)
			return true
		})
	}
	for _, a := range aggs {
		l.overOrder(a.f.Over, a.f.Pos(), a.funcs)
		l.overUpdating(s, a.f.Pos(), a.funcs)
	}
}

// overUpdating reports an OVER aggregate in a SELECT block whose rows
// update: Flink's OVER aggregate consumes inserts only.
func (l *linter) overUpdating(s *ast.Select, pos token.Pos, funcs []string) {
	in := l.rows[s]
	if !in.Updating {
		return
	}
	why := whyText(in.Why)
	if why == "" {
		why = "an updating changelog"
	}
	l.report(pos, diag.Error, OverUpdating,
		fmt.Sprintf("%s has an updating input (%s): Flink's OVER aggregate accepts inserts only, not updates or deletes", overText(funcs), why), "")
}

// rankFilter finds "alias op n" in the WHERE of the query level above s.
func (l *linter) rankFilter(s *ast.Select, alias string) (op string, v string, pos token.Pos, ok bool) {
	p := l.parent[s]
	if p == nil || p.Where == nil {
		return "", "", token.Pos{}, false
	}
	flip := map[string]string{"=": "=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}
	isAlias := func(e ast.Expr) bool {
		n, isName := e.(*ast.Name)
		return isName && strings.EqualFold(n.Last().Name, alias)
	}
	ast.Inspect(p.Where, func(n ast.Node) bool {
		b, isBin := n.(*ast.Binary)
		if ok || !isBin {
			return !ok
		}
		if _, cmp := flip[b.Op]; !cmp {
			return true
		}
		if lit, isLit := b.R.(*ast.Literal); isLit && lit.Kind == ast.LitNumber && isAlias(b.L) {
			op, v, pos, ok = b.Op, lit.Value, b.Pos(), true
		} else if lit, isLit := b.L.(*ast.Literal); isLit && lit.Kind == ast.LitNumber && isAlias(b.R) {
			op, v, pos, ok = flip[b.Op], lit.Value, b.Pos(), true
		}
		return !ok
	})
	return op, v, pos, ok
}

func (l *linter) dedup(f *ast.Func, name, op, v string, filterPos token.Pos) {
	keepsOne := (op == "=" || op == "<=") && v == "1" || op == "<" && v == "2"
	if !keepsOne {
		return // a Top-N keeping several rows is what it says
	}
	w := f.Over
	var problems []string
	if name != "ROW_NUMBER" {
		problems = append(problems, name+" is not deduplicated (ties keep several rows): a Top-N")
	}
	if len(w.PartitionBy) == 0 {
		problems = append(problems, "no PARTITION BY: every row goes through one task")
	}
	switch {
	case len(w.OrderBy) == 0:
		problems = append(problems, "no ORDER BY")
	case len(w.OrderBy) > 1:
		problems = append(problems, "ordered by "+orderText(w.OrderBy)+" (several columns): a Top-N with a sorted list of rows per key")
	case !l.isTimeAttr(w.OrderBy[0].Expr):
		problems = append(problems, "ordered by "+orderText(w.OrderBy)+", which is not a time attribute: a Top-N with a sorted list of rows per key")
	}
	if len(problems) > 0 {
		l.report(f.Pos(), diag.Warning, DedupShape, "deduplication not in the shape Flink recognises: "+strings.Join(problems, "; "), "")
	}
	if op != "=" {
		l.report(filterPos, diag.Warning, DedupShape,
			fmt.Sprintf("the rank filter is written %s %s: write = 1, the form Flink and this tool recognise as a deduplication", op, v),
			"write WHERE rn = 1")
	}
}

func (l *linter) overOrder(w *ast.Window, pos token.Pos, funcs []string) {
	if w.Name != nil && !w.Parens {
		return // a named window is checked where it is defined
	}
	what := overText(funcs)
	switch {
	case len(w.OrderBy) == 0:
		l.report(pos, diag.Error, OverOrder, what+" has no ORDER BY: streaming OVER windows must be ordered by a time attribute", "")
	case len(w.OrderBy) > 1 || w.OrderBy[0].Desc:
		l.report(pos, diag.Error, OverOrder, what+" is ordered by "+orderText(w.OrderBy)+": streaming OVER windows must be ordered by one ascending time attribute", "")
	case !l.isTimeAttr(w.OrderBy[0].Expr):
		sev := diag.Warning
		if _, isName := w.OrderBy[0].Expr.(*ast.Name); !isName || l.known {
			sev = diag.Error
		}
		l.report(pos, sev, OverOrder, what+" is ordered by "+orderText(w.OrderBy)+", which is not a time attribute", "")
	}
}

// overText names the functions of an OVER aggregate in a finding, saying
// why a rank function among them is not a Top-N.
func overText(funcs []string) string {
	what := strings.Join(uniq(funcs), ", ") + " OVER"
	for _, f := range funcs {
		if rankFuncs[f] {
			return what + " (without a rank filter in the query above: an OVER aggregate, not a Top-N)"
		}
	}
	return what
}

func orderText(items []*ast.OrderItem) string {
	var parts []string
	for _, it := range items {
		s := flinkText(it.Expr)
		if it.Desc {
			s += " DESC"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// ---------------------------------------------------------------------------
// Time buckets

var bucketFuncs = map[string]int{ // function -> index of the time argument
	"DATE_FORMAT": 0, "TO_DATE": 0, "DATE_TRUNC": 1, "TUMBLE": 0, "HOP": 0, "SESSION": 0,
}

func (l *linter) timeBuckets(s *ast.Select) {
	if s.GroupBy == nil {
		return
	}
	for _, g := range s.GroupBy.Items {
		var col ast.Expr
		var what string
		switch x := g.(type) {
		case *ast.FloorCeil:
			col, what = x.X, x.Func+"(... TO "+x.Unit+")"
		case *ast.Cast:
			if x.Type != nil && x.Type.Name == "DATE" {
				col, what = x.X, "CAST(... AS DATE)"
			}
		case *ast.Func:
			name := strings.ToUpper(x.Name.Last().Name)
			if i, ok := bucketFuncs[name]; ok && len(x.Args) > i {
				col, what = x.Args[i], name+"(...)"
			}
		}
		n, ok := col.(*ast.Name)
		if !ok {
			continue
		}
		colName := n.Last().Name
		legacy := what == "TUMBLE(...)" || what == "HOP(...)" || what == "SESSION(...)"
		switch {
		case legacy:
			l.report(g.Pos(), diag.Warning, TimeBucket, "GROUP BY "+what+" is a legacy group window, deprecated in Flink 2", "")
		case l.isTimeAttr(n):
			l.report(g.Pos(), diag.Warning, TimeBucket,
				fmt.Sprintf("GROUP BY %s on the time attribute %s is an unbounded aggregation that updates every bucket forever", what, colName), "")
		default:
			l.report(g.Pos(), diag.Info, TimeBucket,
				fmt.Sprintf("GROUP BY %s on %s buckets time without a window: every bucket stays in state and keeps updating; with a watermark on %s a window table function would emit each bucket once", what, colName, colName), "")
		}
	}
}

// ---------------------------------------------------------------------------
// Aggregates

var unorderedAggs = map[string]bool{"ARRAY_AGG": true, "LISTAGG": true, "STRING_AGG": true, "JSON_ARRAYAGG": true, "COLLECT_LIST": true}

func (l *linter) aggregates(s *ast.Select) {
	windowed := false
	for _, ref := range s.From {
		if fr, ok := ref.(*ast.FuncRef); ok && fr.TableKeyword {
			windowed = true
		}
	}
	sorted := map[*ast.Func]bool{}
	for _, it := range s.Items {
		ast.Inspect(it.Expr, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Query:
				return false
			case *ast.Func:
				name := strings.ToUpper(x.Name.Last().Name)
				if name == "ARRAY_SORT" && len(x.Args) > 0 {
					ast.Inspect(x.Args[0], func(n ast.Node) bool {
						if f, ok := n.(*ast.Func); ok {
							sorted[f] = true
						}
						return true
					})
				}
				if unorderedAggs[name] && len(x.OrderBy) == 0 && len(x.WithinGroup) == 0 && !sorted[x] {
					l.report(x.Pos(), diag.Warning, UnorderedAgg, name+" gives its elements in arrival order, which is not deterministic in streaming", "")
				}
				if name == "COUNT" && x.Distinct && x.Over == nil && !windowed {
					l.report(x.Pos(), diag.Info, CountDistinct, "COUNT(DISTINCT ...) keeps every distinct value of every group in state", "")
				}
			}
			return true
		})
	}
}

// ---------------------------------------------------------------------------
// Profiles

func (l *linter) profileRules(s ast.Stmt) {
	if l.profile == OSS {
		l.confluentOnly(s)
	} else {
		l.ossOnly(s)
	}
}

func (l *linter) confluentOnly(s ast.Stmt) {
	bad := func(pos token.Pos, what string) {
		l.report(pos, diag.Error, ConfluentOnly, what+" is Confluent Cloud only (profile oss)", "")
	}
	switch s := s.(type) {
	case *ast.CreateTable:
		if property(s.With, "connector") == nil && s.Like == nil {
			bad(s.Name.Pos(), "a table without a 'connector' option")
		}
		if s.Distributed != nil {
			bad(s.Distributed.Pos(), "DISTRIBUTED BY ... INTO n BUCKETS")
		}
		for _, p := range s.With {
			k, v := propKey(p), strings.ToLower(option([]*ast.Property{p}, propKey(p)))
			switch {
			case k == "changelog.mode":
				bad(propPos(p), "'changelog.mode'")
			case strings.HasPrefix(k, "kafka."):
				bad(propPos(p), "the option '"+k+"'")
			case strings.Contains(k, "avro-registry") || v == "avro-registry":
				bad(propPos(p), "the avro-registry format ('"+k+"')")
			}
		}
	case *ast.SetStmt:
		if k := strings.ToLower(unquote(s.Key)); strings.HasPrefix(k, "sql.") {
			bad(s.Pos(), "the setting '"+k+"'")
		}
	}
	if pos, ok := rowtime(s); ok {
		bad(pos, "the $rowtime system column")
	}
}

func (l *linter) ossOnly(s ast.Stmt) {
	bad := func(pos token.Pos, sev diag.Severity, what string) {
		l.report(pos, sev, OSSOnly, what+" is open-source Flink only (profile confluent)", "")
	}
	switch s := s.(type) {
	case *ast.CreateTable:
		for _, p := range s.With {
			k, v := propKey(p), strings.ToLower(option([]*ast.Property{p}, propKey(p)))
			switch {
			case k == "connector" && v != "confluent":
				bad(propPos(p), diag.Error, "'connector' = '"+v+"'")
			case k == "topic" || strings.HasPrefix(k, "properties."):
				bad(propPos(p), diag.Error, "the connector option '"+k+"'")
			case v == "avro-confluent":
				bad(propPos(p), diag.Error, "the avro-confluent format ('"+k+"')")
			}
		}
		if s.Watermark != nil && s.Watermark.Column != nil {
			wm := strings.ToLower(s.Watermark.Column.Last().Name)
			for _, c := range s.Columns {
				if c.Metadata && strings.EqualFold(c.Name.Name, wm) {
					l.report(s.Watermark.Pos(), diag.Info, OSSOnly,
						"a WATERMARK on the metadata column "+c.Name.Name+" duplicates $rowtime, which carries the Kafka timestamp and a watermark on Confluent Cloud",
						"drop the metadata column and the WATERMARK, and use $rowtime")
				}
			}
		}
	case *ast.SetStmt:
		if k := strings.ToLower(unquote(s.Key)); strings.HasPrefix(k, "table.") {
			bad(s.Pos(), diag.Warning, "the setting '"+k+"'")
		}
	}
}

// rowtime finds the first $rowtime reference in s.
func rowtime(s ast.Stmt) (token.Pos, bool) {
	var pos token.Pos
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && strings.EqualFold(id.Name, "$rowtime") {
			pos, found = id.Pos(), true
		}
		return !found
	})
	return pos, found
}

func propPos(p *ast.Property) token.Pos {
	switch {
	case p.Key != nil:
		return p.Key.Pos()
	case p.Name != nil:
		return p.Name.Pos()
	}
	return token.Pos{}
}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
