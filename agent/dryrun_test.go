package agent_test

import (
	"context"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/agent"
	"github.com/c360-migrate/c360-migrate/translate/result"
	"github.com/c360-migrate/c360-migrate/validate/dryrun"
	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// TestLoopDryRunRepair runs the loop against the real local Flink: answers
// that our parser and the lint accept but Flink rejects go back to the
// model with Flink's error, and the repair is kept.
func TestLoopDryRunRepair(t *testing.T) {
	if testing.Short() {
		t.Skip("needs the local Flink SQL Gateway")
	}
	url := flinktest.Ensure(t)
	cases := []struct {
		name, bad, want string
	}{
		{"unknown column", "INSERT INTO int_c360_names SELECT customer_id, nickname AS name FROM src_c360_customers;", "nickname"},
		{"type mismatch", "INSERT INTO int_c360_names SELECT customer_id, CHAR_LENGTH(name) AS name FROM src_c360_customers;", "name"},
		{"unknown function", "INSERT INTO int_c360_names SELECT customer_id, NAME_UDF(name) AS name FROM src_c360_customers;", "NAME_UDF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, s := newFake(t, reply{content: answer(c.bad)}, reply{content: answer(good)})
			tb, in := tables()
			l := loop(t, s.URL, nil)
			l.DryRun = &dryrun.Candidates{Client: gateway.New(url, nil)}
			var steps []string
			l.Progress = func(a, max int, step string) { steps = append(steps, step) }
			out, err := l.Table(context.Background(), tb, in)
			if err != nil || !out.OK || out.Attempts != 2 {
				t.Fatalf("outcome %+v, %v", out, err)
			}
			if tb.Status != result.LLM || tb.DML != good || !strings.HasPrefix(tb.LLM.DryRun, "Flink 2") {
				t.Errorf("table %+v, provenance %+v", tb, tb.LLM)
			}
			errs := strings.Join(tb.LLM.Errors, "\n")
			if !strings.Contains(errs, "dml.int_c360_names.sql:1:") || !strings.Contains(errs, "rejects it") || !strings.Contains(errs, c.want) {
				t.Errorf("Flink's error is not what the repair was asked for: %q", errs)
			}
			t.Log(errs)
			if repair := f.reqs[1].Messages[1].Content; !strings.Contains(repair, errs) {
				t.Errorf("repair prompt lacks Flink's error:\n%s", repair)
			}
			want := []string{agent.StepAsk, agent.StepCheck, agent.StepDeploy, agent.StepAsk, agent.StepCheck, agent.StepDeploy}
			if strings.Join(steps, ",") != strings.Join(want, ",") {
				t.Errorf("steps %q, want %q", steps, want)
			}
		})
	}
}
