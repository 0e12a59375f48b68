package deploy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Upgrade modes of a DML statement.
const (
	// Stateless: a projection or filter over append-only input; the
	// statement can be stopped and restarted from its offsets with no state
	// to carry over.
	Stateless = "Stateless"
	// Stateful: the statement keeps state (aggregation, join, dedup,
	// Top-N, OVER window, an updating input that Flink normalises); an
	// upgrade must carry the state over or rebuild it from the inputs.
	Stateful = "Stateful"
)

// Mode is the upgrade mode of a DML statement and why.
type Mode struct {
	Mode string   `json:"mode"`
	Why  []string `json:"why"` // the operators that keep state; empty when Stateless
}

// aggregateFuncs are the aggregate functions of Flink SQL (and the Spark
// names the translator may keep), lower case.
var aggregateFuncs = map[string]bool{
	"count": true, "sum": true, "sum0": true, "avg": true, "min": true, "max": true,
	"stddev": true, "stddev_pop": true, "stddev_samp": true, "variance": true, "var_pop": true, "var_samp": true,
	"collect": true, "collect_list": true, "collect_set": true, "array_agg": true, "listagg": true,
	"first_value": true, "last_value": true, "approx_count_distinct": true, "json_arrayagg": true,
	"json_objectagg": true, "bool_and": true, "bool_or": true, "percentile": true, "median": true,
	"any_value": true, "max_by": true, "min_by": true, "count_if": true, "string_agg": true,
}

// UpgradeMode derives the upgrade mode of the DML text sql (file names it
// in errors) from its Flink AST. changelog returns the changelog mode of a
// table the query reads (append, upsert, retract; "" when unknown, taken
// as append): a stateless query over an updating input is stateful, since
// Flink keeps the input's rows to normalise its changes.
func UpgradeMode(file, sql string, changelog func(table string) string) (*Mode, error) {
	f, diags := parser.ParseFile(file, sql, token.Flink)
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: does not parse as Flink SQL: %v", file, diags.Err())
	}
	m := &Mode{Why: []string{}}
	seen := map[string]bool{}
	add := func(why string) {
		if !seen[why] {
			seen[why] = true
			m.Why = append(m.Why, why)
		}
	}
	ctes := map[string]bool{}
	for _, s := range f.Stmts {
		if s == nil {
			continue
		}
		ast.Inspect(s, func(n ast.Node) bool {
			if c, ok := n.(*ast.CTE); ok && c.Name != nil {
				ctes[strings.ToLower(c.Name.Name)] = true
			}
			return true
		})
	}
	for _, s := range f.Stmts {
		if s == nil {
			continue
		}
		target := ""
		if ins, ok := s.(*ast.InsertStmt); ok && ins.Table != nil {
			target = strings.ToLower(ins.Table.Last().Name)
		}
		ast.Inspect(s, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Select:
				if x.GroupBy != nil {
					add("GROUP BY aggregation")
				} else if hasAggregate(x.Items) {
					add("global aggregation")
				}
				if x.Distinct {
					add("SELECT DISTINCT")
				}
				if x.Qualify != nil {
					add("QUALIFY (dedup/Top-N)")
				}
			case *ast.Func:
				if x.Over != nil {
					switch name := strings.ToUpper(x.Name.Last().Name); name {
					case "ROW_NUMBER", "RANK", "DENSE_RANK":
						add(name + " OVER (dedup/Top-N)")
					default:
						add("OVER window (" + name + ")")
					}
				}
			case *ast.Join:
				if isCorrelate(x.Right) {
					return true // UNNEST / LATERAL TABLE: row by row
				}
				if tn, ok := x.Right.(*ast.TableName); ok && tn.SystemTime != nil {
					add("temporal join")
				} else {
					kind := strings.TrimSpace(strings.ToUpper(x.Kind) + " JOIN")
					add(kind)
				}
			case *ast.SetOp:
				if !x.All {
					add(strings.ToUpper(x.Op) + " (distinct)")
				}
			case *ast.Query:
				if len(x.OrderBy) > 0 || x.Limit != nil || x.FetchFirst != nil {
					add("ORDER BY/LIMIT (Top-N)")
				}
			case *ast.Exists:
				add("EXISTS subquery (semi/anti join)")
			case *ast.In:
				if x.Query != nil {
					add("IN subquery (semi/anti join)")
				}
			case *ast.QuantifiedCmp, *ast.Subquery:
				add("subquery join")
			case *ast.MatchRecognize:
				add("MATCH_RECOGNIZE")
			case *ast.TableName:
				if x.Name == nil {
					return true
				}
				name := x.Name.Last().Name
				l := strings.ToLower(name)
				if ctes[l] || l == target || changelog == nil {
					return true
				}
				if mode := changelog(name); mode == "upsert" || mode == "retract" {
					add("reads " + name + " (" + mode + " changelog)")
				}
			}
			return true
		})
	}
	m.Mode = Stateless
	if len(m.Why) > 0 {
		m.Mode = Stateful
	}
	return m, nil
}

// isCorrelate reports a FROM item evaluated row by row: UNNEST, LATERAL
// TABLE(f(x)), a lateral subquery without aggregation is not included.
func isCorrelate(r ast.TableRef) bool {
	fr, ok := r.(*ast.FuncRef)
	return ok && (fr.Unnest || fr.Lateral)
}

// hasAggregate reports an aggregate call (not an OVER call) in the items,
// outside nested queries.
func hasAggregate(items []*ast.SelectItem) bool {
	found := false
	for _, it := range items {
		ast.Inspect(it.Expr, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Query:
				return false
			case *ast.Func:
				if x.Over == nil && x.Name != nil && aggregateFuncs[strings.ToLower(x.Name.Last().Name)] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// tableMode derives the upgrade mode of a table from its DML file.
func (p *Project) tableMode(table string) (*Mode, error) {
	e := p.Inv.Tables[table]
	data, err := os.ReadFile(filepath.Join(p.Dir, filepath.FromSlash(e.DML)))
	if err != nil {
		return nil, err
	}
	return UpgradeMode(e.DML, string(data), func(name string) string {
		n, ok := p.Lookup(name)
		if !ok {
			return ""
		}
		if t := p.Inv.Tables[n]; t != nil {
			return t.Changelog
		}
		return "append" // a raw input is an append-only topic
	})
}
