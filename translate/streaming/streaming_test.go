package streaming

import (
	"sort"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

var env = Env(func(name string) (Input, bool) {
	switch name {
	case "raw":
		return Input{Columns: []string{"id", "name", "ts"}, TimeAttrs: []string{"$rowtime"}}, true
	case "customers":
		return Input{Key: []string{"customer_id"}, Updating: true, Columns: []string{"customer_id", "name", "tier"}}, true
	case "orders":
		return Input{Key: []string{"order_id"}, Columns: []string{"order_id", "customer_id", "amount"}}, true
	case "items":
		return Input{Columns: []string{"item_id", "order_id", "qty"}}, true
	}
	return Input{}, false
})

func analyze(t *testing.T, src string) *Result {
	t.Helper()
	f, errs := parser.ParseFile("q.sql", src, token.Flink)
	if len(errs) > 0 {
		t.Fatalf("%v", errs)
	}
	return Analyze(f.Stmts[0].(*ast.SelectStmt).Query, env)
}

// TestRegularJoins: temporal and interval joins bound their state and are
// not regular joins; the others are.
func TestRegularJoins(t *testing.T) {
	tests := []struct {
		sql  string
		want int
	}{
		{"SELECT o.order_id FROM orders o JOIN customers c ON o.customer_id = c.customer_id", 1},
		{"SELECT o.order_id FROM orders o JOIN customers FOR SYSTEM_TIME AS OF o.`$rowtime` AS c ON o.customer_id = c.customer_id", 0},
		{"SELECT a.id FROM raw a JOIN raw b ON a.id = b.id AND b.`$rowtime` BETWEEN a.`$rowtime` AND a.`$rowtime` + INTERVAL '1' DAY", 0},
		{"SELECT order_id FROM orders o WHERE EXISTS (SELECT 1 FROM items i WHERE i.order_id = o.order_id)", 1},
	}
	for _, tt := range tests {
		if got := len(analyze(t, tt.sql).RegularJoins); got != tt.want {
			t.Errorf("%s: %d regular joins, want %d", tt.sql, got, tt.want)
		}
	}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name     string
		sql      string
		updating bool
		key      string
	}{
		{"projection of append table", "SELECT id, name FROM raw", false, ""},
		{"dedup keep last", "SELECT id, name FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY `$rowtime` DESC) AS rn FROM raw) WHERE rn = 1", true, "id"},
		{"dedup keep first", "SELECT id, name FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY `$rowtime` ASC) AS rn FROM raw) WHERE rn = 1", false, "id"},
		{"top-n on a column", "SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM raw) WHERE rn = 1", true, "id"},
		{"group by", "SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id", true, "customer_id"},
		{"group by alias", "SELECT o.customer_id AS cid, sum(amount) AS total FROM orders o GROUP BY o.customer_id", true, "cid"},
		{"global aggregate", "SELECT count(*) AS n FROM orders", true, ""},
		{"many-to-one join keeps left key", "SELECT o.order_id, c.tier FROM orders o JOIN customers c ON o.customer_id = c.customer_id", true, "order_id"},
		{"left join keeps left key", "SELECT o.order_id, c.tier FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id", true, "order_id"},
		{"many-to-many join", "SELECT i.item_id, o.amount FROM items i JOIN orders o ON i.order_id = o.order_id", false, ""},
		{"key not selected", "SELECT c.tier FROM customers c", true, ""},
		{"not exists", "SELECT order_id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.order_id = o.order_id)", true, "order_id"},
		{"distinct", "SELECT DISTINCT name, ts FROM raw", true, "name,ts"},
		{"cte", "WITH c AS (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) SELECT customer_id, n FROM c", true, "customer_id"},
		{"unnest drops key", "SELECT o.order_id, t.x FROM orders o CROSS JOIN UNNEST(o.arr) AS t(x)", false, ""},
		{"window aggregate appends", "SELECT window_start, window_end, id, count(*) AS n FROM TABLE(TUMBLE(TABLE raw, DESCRIPTOR(`$rowtime`), INTERVAL '1' HOUR)) GROUP BY window_start, window_end, id", false, "id,window_end,window_start"},
		{"window aggregate, named arguments", "SELECT window_start, window_end, count(*) AS n FROM TABLE(HOP(DATA => TABLE raw, TIMECOL => DESCRIPTOR(`$rowtime`), SLIDE => INTERVAL '1' MINUTE, SIZE => INTERVAL '1' HOUR)) w GROUP BY w.window_start, w.window_end", false, "window_end,window_start"},
		{"window aggregate of an updating table", "SELECT window_start, window_end, tier, count(*) AS n FROM TABLE(TUMBLE(TABLE customers, DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end, tier", true, "tier,window_end,window_start"},
		{"group by window_start only is unbounded", "SELECT window_start, id, count(*) AS n FROM TABLE(TUMBLE(TABLE raw, DESCRIPTOR(`$rowtime`), INTERVAL '1' HOUR)) GROUP BY window_start, id", true, "id,window_start"},
		{"window TVF rows", "SELECT id, window_start FROM TABLE(CUMULATE(TABLE raw, DESCRIPTOR(`$rowtime`), INTERVAL '1' HOUR, INTERVAL '1' DAY))", false, ""},
		{"temporal join of an updating dimension appends", "SELECT o.order_id, c.tier FROM orders o JOIN customers FOR SYSTEM_TIME AS OF o.`$rowtime` AS c ON o.customer_id = c.customer_id", false, "order_id"},
		{"left temporal join appends", "SELECT o.order_id, c.tier FROM orders o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.`$rowtime` AS c ON o.customer_id = c.customer_id", false, "order_id"},
		{"left interval join appends", "SELECT a.id, b.name FROM raw a LEFT JOIN raw b ON a.id = b.id AND b.`$rowtime` BETWEEN a.`$rowtime` - INTERVAL '1' HOUR AND a.`$rowtime`", false, ""},
		{"left interval join by comparisons", "SELECT a.id, b.name FROM raw a LEFT JOIN raw b ON a.id = b.id AND b.`$rowtime` >= a.`$rowtime` AND b.`$rowtime` < a.`$rowtime` + INTERVAL '1' HOUR", false, ""},
		{"left join with a range on plain columns", "SELECT a.id, b.name FROM raw a LEFT JOIN raw b ON a.id = b.id AND b.ts >= a.ts", true, ""},
		{"temporal join of an updating left side", "SELECT c.customer_id, o.amount FROM customers c JOIN orders FOR SYSTEM_TIME AS OF c.ts AS o ON c.customer_id = o.order_id", true, "customer_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze(t, tt.sql)
			if r.Updating != tt.updating {
				t.Errorf("updating = %v (%v), want %v", r.Updating, r.Why, tt.updating)
			}
			if got := strings.Join(r.Key, ","); got != tt.key {
				t.Errorf("key = %q (%s), want %q", got, r.KeyReason, tt.key)
			}
		})
	}
}

// TestRows: for each SELECT block, in source order, whether the rows it
// reads (before its own GROUP BY, DISTINCT and OVER) update, and why.
func TestRows(t *testing.T) {
	tests := []struct {
		name string
		sql  string
		want string // per SELECT block: "append" or "updating: why; why", joined by " | "
	}{
		{"append table", "SELECT id, SUM(id) OVER (PARTITION BY name ORDER BY ts) FROM raw", "append"},
		{"upsert table", "SELECT customer_id FROM customers", "updating: reads the updating table customers"},
		{"own GROUP BY is not its input", "SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id", "append"},
		{"GROUP BY subquery", "SELECT customer_id, SUM(n) OVER (ORDER BY customer_id) FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) AS g",
			"updating: GROUP BY aggregation | append"},
		{"global aggregate subquery", "SELECT n FROM (SELECT count(*) AS n FROM orders)", "updating: aggregation | append"},
		{"DISTINCT subquery", "SELECT name FROM (SELECT DISTINCT name, ts FROM raw)", "updating: SELECT DISTINCT | append"},
		{"left join", "SELECT o.order_id FROM orders o LEFT JOIN items i ON o.order_id = i.order_id",
			"updating: LEFT OUTER JOIN (emits and retracts null-padded rows)"},
		{"inner join of append tables", "SELECT o.order_id FROM orders o JOIN items i ON o.order_id = i.order_id", "append"},
		{"inner join with an upsert table", "SELECT o.order_id FROM orders o JOIN customers c ON o.customer_id = c.customer_id",
			"updating: reads the updating table customers"},
		{"dedup keeping the last row", "SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY `$rowtime` DESC) AS rn FROM raw) WHERE rn = 1",
			"updating: deduplication keeping the last row | append"},
		{"dedup keeping the first row", "SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY `$rowtime`) AS rn FROM raw) WHERE rn = 1",
			"append | append"},
		{"dedup by PROCTIME()", "SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY pt) AS rn FROM (SELECT id, PROCTIME() AS pt FROM raw)) WHERE rn = 1",
			"append | append | append"},
		{"top-n keeping the last row", "SELECT id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM raw) WHERE rn = 1",
			"updating: ROW_NUMBER ordered by ts (not a time attribute: a Top-N that updates) | append"},
		{"not exists", "SELECT order_id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.order_id = o.order_id)",
			"updating: NOT EXISTS (an anti join retracts rows when a match arrives) | append"},
		{"scalar subquery in the select list", "SELECT order_id, (SELECT count(*) FROM customers) AS n FROM orders",
			"append | updating: reads the updating table customers"},
		{"cte over a GROUP BY", "WITH c AS (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id) SELECT customer_id, LAG(n) OVER (ORDER BY customer_id) FROM c",
			"append | updating: GROUP BY aggregation"},
		{"union of both", "SELECT customer_id FROM customers UNION ALL SELECT customer_id FROM orders",
			"updating: reads the updating table customers | append"},
		{"nested: updating goes up", "SELECT x FROM (SELECT customer_id AS x FROM (SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id))",
			"updating: GROUP BY aggregation | updating: GROUP BY aggregation | append"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := parser.ParseFile("q.sql", tt.sql, token.Flink)
			if len(errs) > 0 {
				t.Fatalf("%v", errs)
			}
			q := f.Stmts[0].(*ast.SelectStmt).Query
			r := Analyze(q, env)
			var selects []*ast.Select
			ast.Inspect(q, func(n ast.Node) bool {
				if s, ok := n.(*ast.Select); ok {
					selects = append(selects, s)
				}
				return true
			})
			sort.SliceStable(selects, func(i, j int) bool {
				a, b := selects[i].Pos(), selects[j].Pos()
				return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
			})
			var got []string
			for _, s := range selects {
				c, ok := r.Rows[s]
				switch {
				case !ok:
					got = append(got, "missing")
				case c.Updating:
					got = append(got, "updating: "+strings.Join(c.Why, "; "))
				default:
					got = append(got, "append")
				}
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("rows:\n got %s\nwant %s", g, tt.want)
			}
		})
	}
}
