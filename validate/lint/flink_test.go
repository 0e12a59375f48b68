package lint_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/lint"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// overAggUpdating is how Flink's planner rejects an OVER aggregate over an
// updating input ("... doesn't support consuming update and delete changes
// which is produced by node ...").
const overAggUpdating = "StreamPhysicalOverAggregate doesn't support consuming update"

// appendSinkUpdating is how Flink's planner rejects an updating query
// written into an append-only sink ("Table sink '...' doesn't support
// consuming update changes which is produced by node ...").
const appendSinkUpdating = "doesn't support consuming update"

// TestOverUpdatingAgreesWithFlink plans every lint.over-updating row on a
// real Flink (EXPLAIN of the INSERT, after the CREATE TABLEs of the inputs
// and the sink, adapted for open-source Flink as the dry run does): Flink
// must reject exactly the rows the lint flags, each with the OVER
// aggregate's changelog error.
func TestOverUpdatingAgreesWithFlink(t *testing.T) {
	agreesWithFlink(t, lint.OverUpdating, overAggUpdating, func(t *testing.T, d *diag.Diagnostic) {
		if d.Rule == lint.OverOrder {
			// The rows order their windows by time attributes, so that
			// Flink's verdict is about the input alone.
			t.Errorf("row not about the input alone: %s", d)
		}
	})
}

// TestAppendSinkAgreesWithFlink: the same for lint.append-sink-updating,
// whose rows include what streaming.Analyze takes as appending although
// it joins or aggregates (window aggregations, temporal and interval
// joins): Flink must plan exactly those into an append-only sink.
func TestAppendSinkAgreesWithFlink(t *testing.T) {
	agreesWithFlink(t, lint.AppendSink, appendSinkUpdating, nil)
}

// TestTemporalJoinAgreesWithFlink: the same for lint.temporal-join; Flink
// says "Temporal Table Join requires ...", "Temporal table join currently
// only supports ..." or "Processing-time temporal join is not supported".
func TestTemporalJoinAgreesWithFlink(t *testing.T) {
	agreesWithFlink(t, lint.TemporalJoin, "temporal", nil)
}

// agreesWithFlink plans each row of rule on the real Flink and checks that
// Flink rejects, with a message containing reason (in any case), exactly the rows the
// lint flags under rule; other is called with the row's other findings.
func agreesWithFlink(t *testing.T, rule, reason string, other func(*testing.T, *diag.Diagnostic)) {
	if testing.Short() {
		t.Skip("plans on a real Flink SQL Gateway; skipped with -short")
	}
	url := flinktest.Ensure(t)
	c := gateway.New(url, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	n := 0
	for _, r := range rows {
		if r.rule != rule {
			continue
		}
		n++
		t.Run(r.name, func(t *testing.T) {
			flagged := false
			for _, d := range lintRow(t, r) {
				switch {
				case d.Rule == rule:
					flagged = true
				case other != nil:
					other(t, d)
				}
			}
			msg := planOnFlink(ctx, t, c, r)
			rejected := msg != ""
			switch {
			case flagged && !rejected:
				t.Errorf("the lint flags it, Flink plans it")
			case !flagged && rejected:
				t.Errorf("Flink rejects it, the lint does not flag it: %s", msg)
			case rejected && !strings.Contains(strings.ToLower(msg), strings.ToLower(reason)):
				t.Errorf("Flink rejects it for another reason: %s", msg)
			}
			if rejected {
				t.Logf("Flink: %s", msg)
			}
		})
	}
	if n == 0 {
		t.Fatalf("no %s rows", rule)
	}
}

// planOnFlink creates the row's tables in a new session and explains its
// INSERT. It returns Flink's error message, "" when the INSERT plans.
func planOnFlink(ctx context.Context, t *testing.T, c *gateway.Client, r row) string {
	t.Helper()
	s, err := c.OpenSession(ctx, map[string]string{"execution.runtime-mode": "streaming"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.CloseSession(context.WithoutCancel(ctx), s) }()

	q := func(s string) string { return strings.ReplaceAll(s, "$rowtime", "`$rowtime`") }
	dml := q(r.dml)
	// The Confluent text of the inputs in both profiles: adapted, it is the
	// open-source table the oss profile declares (kafka, upsert-kafka).
	for _, src := range []string{q(inputs), q(r.ddl)} {
		f, errs := parser.ParseFile("ddl.sql", src, token.Flink)
		if len(errs) > 0 {
			t.Fatalf("%v", errs)
		}
		for _, st := range f.Stmts {
			ct, ok := st.(*ast.CreateTable)
			if !ok {
				continue
			}
			dryrun.Adapt(ct, "", strings.Contains(dml, dryrun.Rowtime))
			sql := printer.Print(ct, printer.Config{Dialect: token.Flink})
			if _, err := c.Run(ctx, s, sql, nil); err != nil {
				t.Fatalf("%s\n%v", sql, err)
			}
		}
	}
	_, err = c.Run(ctx, s, "EXPLAIN "+strings.TrimSuffix(strings.TrimSpace(dml), ";"), nil)
	var ge *gateway.Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &ge):
		return ge.Message
	}
	t.Fatal(err)
	return ""
}
