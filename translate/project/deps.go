package project

import (
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
)

// dependencies returns the tables a table reads, without CTE names and
// without itself.
func (m *Model) dependencies(t *Table) []string {
	seen := map[string]bool{}
	for _, def := range t.Defs {
		for _, r := range TablesRead(def) {
			if r != t.Name {
				seen[r] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TablesRead returns the lower-case names of the tables a node reads:
// every table in a FROM clause or MERGE source, minus the CTEs it defines.
// Qualified names keep only their last part.
func TablesRead(n ast.Node) []string {
	ctes := map[string]bool{}
	var refs []string
	ast.Inspect(n, func(x ast.Node) bool {
		switch v := x.(type) {
		case *ast.CTE:
			ctes[strings.ToLower(v.Name.Name)] = true
		case *ast.TableName:
			refs = append(refs, strings.ToLower(v.Name.Last().Name))
		}
		return true
	})
	var out []string
	seen := map[string]bool{}
	for _, r := range refs {
		if !ctes[r] && !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}
