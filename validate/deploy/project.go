// Package deploy plans and runs the deployment of a generated Flink
// project: the execution plan of a table (its ancestors in dependency
// order, itself, and the children to restart after it, with statement
// names, upgrade mode and action), and the deployment of that plan on a
// Flink SQL Gateway, the DDL then the DML of each table, with a
// timestamped trace and a stop at the first failure.
//
// The project is read through pipelines/inventory.json (translate/emit's
// Inventory); the DML files are parsed with translate/parser in the Flink
// dialect to derive each table's upgrade mode.
package deploy

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/emit"
)

// Project is a generated Flink project: the folder holding pipelines/ and
// its inventory.
type Project struct {
	Dir string
	Inv *emit.Inventory

	order    []string       // every table, dependency order
	index    map[string]int // position in order
	children map[string][]string
	raw      map[string]*Raw   // raw inputs by name
	rawOf    map[string][]*Raw // raw inputs of a table, by table
	lower    map[string]string // lower-case name → name, tables and raw inputs
}

// Raw is a raw input: a table the pipeline reads but does not produce
// (a CSV input turned into a Kafka topic). Its DDL is in the tests folder
// of the table that reads it; it has no DML.
type Raw struct {
	Name  string
	DDL   string // path relative to the project folder
	Owner string // the table whose tests declare it
}

// Load reads dir/pipelines/inventory.json and builds the dependency graph.
func Load(dir string) (*Project, error) {
	name := filepath.Join(dir, "pipelines", "inventory.json")
	inv, err := emit.ReadInventory(dir)
	if err != nil {
		return nil, err
	}
	p := &Project{Dir: dir, Inv: inv, children: map[string][]string{}, raw: map[string]*Raw{},
		rawOf: map[string][]*Raw{}, lower: map[string]string{}}
	for n, e := range inv.Tables {
		if e == nil {
			return nil, fmt.Errorf("%s: table %s has no entry", name, n)
		}
		p.lower[strings.ToLower(n)] = n
	}
	names := make([]string, 0, len(inv.Tables))
	for n := range inv.Tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		e := inv.Tables[n]
		for _, t := range e.Tests {
			b := path.Base(t)
			if !strings.HasPrefix(b, "ddl.") || !strings.HasSuffix(b, ".sql") {
				continue
			}
			rn := strings.TrimSuffix(strings.TrimPrefix(b, "ddl."), ".sql")
			if _, ok := p.raw[rn]; ok || inv.Tables[rn] != nil {
				continue
			}
			r := &Raw{Name: rn, DDL: t, Owner: n}
			p.raw[rn] = r
			p.rawOf[n] = append(p.rawOf[n], r)
			p.lower[strings.ToLower(rn)] = rn
		}
	}
	order, err := p.topoSort()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p.order = order
	p.index = map[string]int{}
	for i, n := range order {
		p.index[n] = i
	}
	for _, n := range order {
		for _, d := range inv.Tables[n].DependsOn {
			if inv.Tables[d] != nil {
				p.children[d] = append(p.children[d], n)
			}
		}
	}
	return p, nil
}

// topoSort orders every table after the tables it depends on. Ties keep
// the inventory's deploy order, then the name.
func (p *Project) topoSort() ([]string, error) {
	rank := map[string]int{}
	for i, n := range p.Inv.Order {
		if _, ok := rank[n]; !ok {
			rank[n] = i
		}
	}
	less := func(a, b string) bool {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb && ra != rb:
			return ra < rb
		case oka != okb:
			return oka
		}
		return a < b
	}
	indeg := map[string]int{}
	kids := map[string][]string{}
	for n, e := range p.Inv.Tables {
		if _, ok := indeg[n]; !ok {
			indeg[n] = 0
		}
		seen := map[string]bool{}
		for _, d := range e.DependsOn {
			if p.Inv.Tables[d] == nil || seen[d] || d == n {
				continue // a raw input or an external table
			}
			seen[d] = true
			indeg[n]++
			kids[d] = append(kids[d], n)
		}
	}
	var ready []string
	for n, k := range indeg {
		if k == 0 {
			ready = append(ready, n)
		}
	}
	var out []string
	for len(ready) > 0 {
		sort.Slice(ready, func(i, j int) bool { return less(ready[i], ready[j]) })
		n := ready[0]
		ready = ready[1:]
		out = append(out, n)
		for _, c := range kids[n] {
			if indeg[c]--; indeg[c] == 0 {
				ready = append(ready, c)
			}
		}
	}
	if len(out) != len(p.Inv.Tables) {
		var cyc []string
		for n, k := range indeg {
			if k > 0 {
				cyc = append(cyc, n)
			}
		}
		sort.Strings(cyc)
		return nil, fmt.Errorf("dependency cycle among %s", strings.Join(cyc, ", "))
	}
	return out, nil
}

// Tables returns every table in dependency order.
func (p *Project) Tables() []string { return append([]string(nil), p.order...) }

// Lookup returns the table or raw input named name (case-insensitive).
func (p *Project) Lookup(name string) (string, bool) {
	n, ok := p.lower[strings.ToLower(strings.TrimSpace(name))]
	return n, ok
}

// UnknownTableError is a table name the inventory does not list.
type UnknownTableError struct {
	Name  string
	Close []string // the closest known names
}

func (e *UnknownTableError) Error() string {
	s := fmt.Sprintf("unknown table %q", e.Name)
	if len(e.Close) > 0 {
		s += "; did you mean " + strings.Join(e.Close, ", ") + "?"
	}
	return s
}

// closeNames returns up to 5 known names near name: those containing it or
// contained in it, then by edit distance.
func (p *Project) closeNames(name string) []string {
	q := strings.ToLower(name)
	type cand struct {
		n string
		d int
	}
	var cs []cand
	for l, n := range p.lower {
		d := distance(q, l)
		if q != "" && (strings.Contains(l, q) || strings.Contains(q, l)) {
			d = 0
		}
		if d <= max(3, len(q)/3) {
			cs = append(cs, cand{n, d})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].n < cs[j].n
	})
	var out []string
	for i := 0; i < len(cs) && i < 5; i++ {
		out = append(out, cs[i].n)
	}
	return out
}

// distance is the Levenshtein distance of a and b, by bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ancestors returns the tables name depends on, transitively.
func (p *Project) ancestors(name string) map[string]bool {
	out := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		for _, d := range p.Inv.Tables[n].DependsOn {
			if p.Inv.Tables[d] != nil && !out[d] {
				out[d] = true
				visit(d)
			}
		}
	}
	visit(name)
	return out
}

// descendants returns the tables that depend on name, transitively.
func (p *Project) descendants(name string) map[string]bool {
	out := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		for _, c := range p.children[n] {
			if !out[c] {
				out[c] = true
				visit(c)
			}
		}
	}
	visit(name)
	return out
}
