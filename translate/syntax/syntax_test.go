package syntax

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// oneLine folds the printer's layout so test rows stay on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func translate(t *testing.T, src string, final bool) (string, *Context) {
	t.Helper()
	f, errs := parser.ParseFile("t.sql", src, token.Spark)
	if len(errs) > 0 {
		t.Fatalf("parse %q: %v", src, errs)
	}
	q := f.Stmts[0].(*ast.SelectStmt).Query
	c := &Context{File: "t.sql", Notes: &diag.List{}, Residue: &diag.List{}, Applied: map[string]int{},
		ColumnsOf: func(ref ast.TableRef) ([]string, bool) {
			if tn, ok := ref.(*ast.TableName); ok && tn.Name.Last().Name == "sales" {
				return []string{"customer_id", "channel", "amount"}, true
			}
			return nil, false
		}}
	Translate(c, q, final)
	return oneLine(printer.Print(q, printer.Config{Dialect: token.Flink})), c
}

func TestRules(t *testing.T) {
	tests := []struct {
		rule  string
		spark string
		flink string
	}{
		{"syntax.named-window", "SELECT rank() OVER w AS r FROM t WINDOW w AS (PARTITION BY a ORDER BY b)",
			"SELECT CAST(rank() OVER (PARTITION BY a ORDER BY b) AS INT) AS r FROM t"},
		{"syntax.lateral-view", "SELECT id, tag FROM t LATERAL VIEW explode(tags) x AS tag",
			"SELECT id, tag FROM t CROSS JOIN UNNEST(tags) AS x(tag)"},
		{"syntax.lateral-view", "SELECT id, tag FROM t LATERAL VIEW OUTER explode(tags) x AS tag",
			"SELECT id, tag FROM t LEFT JOIN UNNEST(tags) AS x(tag) ON TRUE"},
		{"syntax.lateral-view", "SELECT id, p, tag FROM t LATERAL VIEW posexplode(tags) x AS p, tag",
			"SELECT id, (p - 1) AS p, tag FROM t CROSS JOIN UNNEST(tags) WITH ORDINALITY AS x(tag, p)"},
		{"syntax.semi-anti-join", "SELECT a.id FROM a LEFT SEMI JOIN b ON a.id = b.id WHERE a.x > 1",
			"SELECT a.id FROM a WHERE a.x > 1 AND EXISTS ( SELECT 1 FROM b WHERE a.id = b.id )"},
		{"syntax.semi-anti-join", "SELECT a.id FROM a LEFT ANTI JOIN b ON a.id = b.id",
			"SELECT a.id FROM a WHERE NOT EXISTS ( SELECT 1 FROM b WHERE a.id = b.id )"},
		{"syntax.pivot", "SELECT * FROM sales PIVOT (sum(amount) AS total FOR channel IN ('online' AS online, 'store' AS store))",
			"SELECT * FROM ( SELECT customer_id, sum(CASE WHEN channel = 'online' THEN amount END) AS online, sum(CASE WHEN channel = 'store' THEN amount END) AS store FROM sales GROUP BY customer_id ) AS pivoted"},
		{"syntax.qualify", "SELECT id, ts, row_number() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t QUALIFY rn = 1",
			"SELECT id, ts, rn FROM ( SELECT id, ts, row_number() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t ) AS q WHERE rn = 1"},
		{"syntax.qualify", "SELECT * FROM t QUALIFY row_number() OVER (PARTITION BY id ORDER BY ts DESC) = 1",
			"residue"},
		{"syntax.final-order-limit", "SELECT a FROM t ORDER BY a LIMIT 10", "SELECT a FROM t"},
		{"syntax.sort-distribute", "SELECT a FROM t DISTRIBUTE BY a SORT BY a", "SELECT a FROM t"},
		{"syntax.rank-int", "SELECT id, row_number() OVER (PARTITION BY c ORDER BY ts) AS n FROM t",
			"SELECT id, CAST(row_number() OVER (PARTITION BY c ORDER BY ts) AS INT) AS n FROM t"},
		{"syntax.rank-int", "WITH o AS (SELECT id, dense_rank() OVER (ORDER BY x) AS d, ntile(4) OVER (ORDER BY x) AS q FROM t) SELECT id, d, q FROM o",
			"WITH o AS ( SELECT id, CAST(dense_rank() OVER (ORDER BY x) AS INT) AS d, CAST(ntile(4) OVER (ORDER BY x) AS INT) AS q FROM t ) SELECT id, d, q FROM o"},
		// a filtered rank is a deduplication or a Top-N: Flink needs the bare function
		{"syntax.final-order-limit", "SELECT * FROM (SELECT id, row_number() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1 ORDER BY id",
			"SELECT * FROM ( SELECT id, row_number() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM t ) WHERE rn = 1"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.rule] = true
		t.Run(tt.rule+"/"+tt.spark, func(t *testing.T) {
			got, c := translate(t, tt.spark, true)
			if tt.flink == "residue" {
				if len(*c.Residue) == 0 {
					t.Fatalf("no residue for %q; got %s", tt.spark, got)
				}
				return
			}
			if len(*c.Residue) > 0 {
				t.Fatalf("residue: %v", *c.Residue)
			}
			if got != tt.flink {
				t.Errorf("\n got  %s\n want %s", got, tt.flink)
			}
			if c.Applied[tt.rule] == 0 {
				t.Errorf("rule %s not counted (applied: %v)", tt.rule, c.Applied)
			}
		})
	}
	ids := QueryRuleIDs
	for _, r := range Rules {
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		if !seen[id] {
			t.Errorf("rule %s has no test row", id)
		}
	}
}

func TestNestedQueriesAreTranslated(t *testing.T) {
	got, _ := translate(t, "WITH x AS (SELECT id, v FROM t LATERAL VIEW explode(vs) e AS v) SELECT * FROM x WHERE id IN (SELECT a.id FROM a LEFT SEMI JOIN b ON a.id = b.id)", true)
	if strings.Contains(got, "LATERAL VIEW") || strings.Contains(got, "SEMI") {
		t.Errorf("nested constructs left: %s", got)
	}
}

func TestFinalOrderByIsReportedAtItsLine(t *testing.T) {
	_, c := translate(t, "SELECT a\nFROM t\nORDER BY a", true)
	if len(*c.Notes) != 1 || (*c.Notes)[0].Line != 3 || !strings.Contains((*c.Notes)[0].Msg, "ORDER BY dropped") {
		t.Fatalf("notes: %v", *c.Notes)
	}
}
