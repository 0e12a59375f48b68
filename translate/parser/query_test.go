package parser

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

func parseOne(t *testing.T, src string, d token.Dialect) ast.Stmt {
	t.Helper()
	f, errs := ParseFile("q.sql", src, d)
	if len(errs) > 0 {
		t.Fatalf("ParseFile(%q): %v", src, errs)
	}
	if len(f.Stmts) != 1 {
		t.Fatalf("ParseFile(%q): %d statements, want 1", src, len(f.Stmts))
	}
	return f.Stmts[0]
}

func selectOf(t *testing.T, src string, d token.Dialect) (*ast.Query, *ast.Select) {
	t.Helper()
	s, ok := parseOne(t, src, d).(*ast.SelectStmt)
	if !ok {
		t.Fatalf("%q is not a SELECT statement", src)
	}
	sel, _ := s.Query.Body.(*ast.Select)
	return s.Query, sel
}

func TestQueries(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		d     token.Dialect
		check func(t *testing.T, q *ast.Query, s *ast.Select)
	}{
		{"cte", "WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT * FROM b", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(q.With.CTEs) != 2 || q.With.CTEs[1].Columns[0].Name != "y" {
				t.Errorf("CTEs %+v", q.With.CTEs)
			}
		}},
		{"aliases", "SELECT a AS x, b y, c FROM t AS u, v w", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if s.Items[0].Alias.Name != "x" || !s.Items[0].AsKeyword || s.Items[1].Alias.Name != "y" || s.Items[2].Alias != nil {
				t.Errorf("items %+v", s.Items)
			}
			if len(s.From) != 2 || s.From[0].(*ast.TableName).Alias.Name.Name != "u" || s.From[1].(*ast.TableName).Alias.Name.Name != "w" {
				t.Errorf("from %+v", s.From)
			}
		}},
		{"joins", "SELECT * FROM a JOIN b ON a.id = b.id LEFT OUTER JOIN c USING (id) LEFT SEMI JOIN d ON true LEFT ANTI JOIN e ON true CROSS JOIN f NATURAL JOIN g FULL JOIN h ON x RIGHT JOIN i ON y", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			var kinds []string
			ref := s.From[0]
			for {
				j, ok := ref.(*ast.Join)
				if !ok {
					break
				}
				k := j.Kind
				if j.Natural {
					k = "NATURAL " + k
				}
				kinds = append([]string{k}, kinds...)
				ref = j.Left
			}
			if got := strings.Join(kinds, ","); got != ",LEFT,LEFT SEMI,LEFT ANTI,CROSS,NATURAL ,FULL,RIGHT" {
				t.Errorf("join kinds %s", got)
			}
		}},
		{"subquery in from", "SELECT x FROM (SELECT 1 AS x) AS s", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if sr, ok := s.From[0].(*ast.SubqueryRef); !ok || sr.Alias.Name.Name != "s" {
				t.Errorf("from %+v", s.From[0])
			}
		}},
		{"set operations", "SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT SELECT 4", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			top := q.Body.(*ast.SetOp)
			if top.Op != "EXCEPT" || top.R.(*ast.SetOp).Op != "INTERSECT" || !top.L.(*ast.SetOp).All {
				t.Errorf("set ops %+v", top)
			}
		}},
		{"minus and union distinct", "SELECT 1 MINUS SELECT 2 UNION DISTINCT SELECT 3", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			top := q.Body.(*ast.SetOp)
			if top.Op != "UNION" || !top.Distinct || top.L.(*ast.SetOp).Op != "MINUS" {
				t.Errorf("set ops %+v", top)
			}
		}},
		{"parenthesised set operand", "(SELECT 1) UNION (SELECT 2) ORDER BY 1 LIMIT 5 OFFSET 2", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if _, ok := q.Body.(*ast.SetOp).L.(*ast.ParenQuery); !ok || q.Limit == nil || q.Offset == nil || len(q.OrderBy) != 1 {
				t.Errorf("query %+v", q)
			}
		}},
		{"grouping", "SELECT a, b, sum(x) FROM t GROUP BY ROLLUP(a, b), CUBE(c), GROUPING SETS ((a, b), (a), ()) HAVING sum(x) > 0", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			g := s.GroupBy.Items
			if _, ok := g[0].(*ast.Rollup); !ok {
				t.Errorf("rollup %T", g[0])
			}
			if _, ok := g[1].(*ast.Cube); !ok {
				t.Errorf("cube %T", g[1])
			}
			if gs, ok := g[2].(*ast.GroupingSets); !ok || len(gs.Sets) != 3 || len(gs.Sets[2]) != 0 {
				t.Errorf("grouping sets %+v", g[2])
			}
			if s.Having == nil {
				t.Error("no HAVING")
			}
		}},
		{"group by all", "SELECT a, count(*) FROM t GROUP BY ALL", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if !s.GroupBy.All {
				t.Error("GROUP BY ALL not recorded")
			}
		}},
		{"with rollup", "SELECT a FROM t GROUP BY a WITH ROLLUP", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if s.GroupBy.With != "ROLLUP" {
				t.Error("WITH ROLLUP not recorded")
			}
		}},
		{"qualify and window", "SELECT a, rank() OVER w AS r FROM t WINDOW w AS (PARTITION BY a ORDER BY b) QUALIFY r = 1", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(s.Windows) != 1 || s.Windows[0].Name.Name != "w" || s.Qualify == nil {
				t.Errorf("windows %+v qualify %v", s.Windows, s.Qualify)
			}
		}},
		{"lateral view", "SELECT c, v FROM t LATERAL VIEW explode(xs) e AS v LATERAL VIEW OUTER posexplode(ys) p AS pos, y", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(s.LateralViews) != 2 || !s.LateralViews[1].Outer || len(s.LateralViews[1].Columns) != 2 || s.LateralViews[0].Table.Name != "e" {
				t.Errorf("lateral views %+v", s.LateralViews)
			}
		}},
		{"pivot", "SELECT * FROM sales PIVOT (sum(amount) AS total FOR channel IN ('online' AS online, 'store' store))", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			pv, ok := s.From[0].(*ast.Pivot)
			if !ok || len(pv.In) != 2 || pv.In[1].Alias.Name != "store" || pv.Aggs[0].Alias.Name != "total" {
				t.Errorf("pivot %+v", s.From[0])
			}
		}},
		{"unpivot", "SELECT * FROM t UNPIVOT INCLUDE NULLS (val FOR month IN (jan AS `1`, feb))", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			u, ok := s.From[0].(*ast.Unpivot)
			if !ok || u.Nulls != "INCLUDE" || len(u.In) != 2 || u.NameCol.Name != "month" {
				t.Errorf("unpivot %+v", s.From[0])
			}
		}},
		{"tablesample", "SELECT * FROM t TABLESAMPLE (10 PERCENT) s", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			tn := s.From[0].(*ast.TableName)
			if tn.Sample == nil || tn.Sample.Method != "PERCENT" || tn.Alias.Name.Name != "s" {
				t.Errorf("table %+v", tn)
			}
		}},
		{"hints", "SELECT /*+ BROADCAST(d), REPARTITION(8) */ * FROM f JOIN d ON f.k = d.k", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(s.Hints) != 2 || s.Hints[0].Name.Name != "BROADCAST" {
				t.Errorf("hints %+v", s.Hints)
			}
		}},
		{"sort distribute cluster", "SELECT * FROM t DISTRIBUTE BY a SORT BY b", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(q.DistributeBy) != 1 || len(q.SortBy) != 1 {
				t.Errorf("query %+v", q)
			}
		}},
		{"star except", "SELECT * EXCEPT (a, b), t.* FROM t", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if st := s.Items[0].Expr.(*ast.Star); len(st.Except) != 2 {
				t.Errorf("star %+v", st)
			}
		}},
		{"values", "VALUES (1, 'a'), (2, 'b')", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if v := q.Body.(*ast.Values); len(v.Rows) != 2 {
				t.Errorf("values %+v", v)
			}
		}},
		{"flink window tvf", "SELECT window_start, count(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end", token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if fr, ok := s.From[0].(*ast.FuncRef); !ok || !fr.TableKeyword {
				t.Errorf("from %+v", s.From[0])
			}
		}},
		{"flink unnest", "SELECT o.id, t.tag FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t (tag)", token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			j := s.From[0].(*ast.Join)
			if fr, ok := j.Right.(*ast.FuncRef); !ok || !fr.Unnest || fr.Alias.Columns[0].Name != "tag" {
				t.Errorf("right %+v", j.Right)
			}
		}},
		{"flink temporal join", "SELECT * FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur", token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			tn := s.From[0].(*ast.Join).Right.(*ast.TableName)
			if tn.SystemTime == nil || tn.Alias.Name.Name != "r" {
				t.Errorf("right %+v", tn)
			}
		}},
		{"flink options hint", "SELECT * FROM t /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */", token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if tn := s.From[0].(*ast.TableName); len(tn.Hints) != 1 || tn.Hints[0].Name.Name != "OPTIONS" {
				t.Errorf("table hints %+v", tn.Hints)
			}
		}},
		{"flink lateral table", "SELECT * FROM t LEFT JOIN LATERAL TABLE(split(s)) AS x(w) ON TRUE", token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if fr := s.From[0].(*ast.Join).Right.(*ast.FuncRef); !fr.Lateral || !fr.TableKeyword {
				t.Errorf("right %+v", fr)
			}
		}},
		{"match recognize", `SELECT * FROM ticker MATCH_RECOGNIZE (PARTITION BY sym ORDER BY rowtime MEASURES A.price AS p ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+) DEFINE B AS B.price < A.price) AS m`, token.Flink, func(t *testing.T, q *ast.Query, s *ast.Select) {
			m, ok := s.From[0].(*ast.MatchRecognize)
			if !ok || m.Pattern != "A B+" || m.AfterMatch != "SKIP PAST LAST ROW" || len(m.Define) != 1 || m.Alias.Name.Name != "m" {
				t.Errorf("match %+v", s.From[0])
			}
		}},
		{"keywords as column names", "SELECT date, year, month, key, value, type, status, timestamp FROM t", token.Spark, func(t *testing.T, q *ast.Query, s *ast.Select) {
			if len(s.Items) != 8 {
				t.Errorf("%d items", len(s.Items))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, s := selectOf(t, tt.src, tt.d)
			tt.check(t, q, s)
		})
	}
}

func TestRecoveryAndPositions(t *testing.T) {
	src := "SELECT 1;\nSELECT a b c FROM t;\n\nSELECT (1;\nSELECT 'x'"
	f, errs := ParseFile("bad.sql", src, token.Spark)
	if len(f.Stmts) != 4 {
		t.Fatalf("%d statements, want 4", len(f.Stmts))
	}
	want := []string{
		"bad.sql:2:12: error: expected ';' or end of statement, found 'c'",
		"bad.sql:4:10: error: expected ')', found ';'",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors: %v", errs)
	}
	for i, w := range want {
		if errs[i].Error() != w {
			t.Errorf("error %d\n got  %s\n want %s", i, errs[i].Error(), w)
		}
	}
	if _, ok := f.Stmts[1].(*ast.BadStmt); !ok {
		t.Errorf("statement 2 is %T, want *ast.BadStmt", f.Stmts[1])
	}
	if b := f.Stmts[3].Base(); b.Pos().Line != 5 || b.Text != "SELECT 'x'" {
		t.Errorf("last statement at %v text %q", b.Pos(), b.Text)
	}
}

func TestComments(t *testing.T) {
	src := `-- file header
SELECT
  -- the key
  id, -- trailing note
  name /* inline */
FROM t -- source
;`
	s := parseOne(t, src, token.Spark).(*ast.SelectStmt)
	sel := s.Query.Body.(*ast.Select)
	if got := s.Before; len(got) != 1 || got[0] != "-- file header" {
		t.Errorf("statement comments %q", got)
	}
	if got := sel.Items[0].Before; len(got) != 1 || got[0] != "-- the key" {
		t.Errorf("item 0 before %q", got)
	}
	if got := sel.Items[0].After; len(got) != 1 || got[0] != "-- trailing note" {
		t.Errorf("item 0 after %q", got)
	}
	if got := sel.Items[1].After; len(got) != 1 || got[0] != "/* inline */" {
		t.Errorf("item 1 after %q", got)
	}
	var all []string
	all = append(all, s.Before...)
	all = append(all, s.After...)
	for _, it := range sel.Items {
		all = append(all, it.Before...)
		all = append(all, it.After...)
	}
	all = append(all, sel.From[0].(*ast.TableName).Before...)
	if len(all) != 5 {
		t.Errorf("kept %d comments, want 5: %q", len(all), all)
	}
}

func TestNoPanicOnDeepNesting(t *testing.T) {
	src := "SELECT " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000)
	_, errs := ParseFile("deep.sql", src, token.Spark)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "nesting deeper") {
		t.Fatalf("errors %v", errs)
	}
}
