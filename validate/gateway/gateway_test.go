package gateway_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/gateway"
	"github.com/c360-migrate/c360-migrate/validate/localflink/flinktest"
)

// TestRealGateway runs the whole protocol against a real Flink.
func TestRealGateway(t *testing.T) {
	url := flinktest.Ensure(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := gateway.New(url, nil)

	info, err := c.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.ProductName != "Apache Flink" || !strings.HasPrefix(info.Version, "2.") {
		t.Errorf("info = %+v, want Apache Flink 2.x", info)
	}
	if v, err := c.APIVersion(ctx); err != nil || v < "v2" {
		t.Errorf("APIVersion = %q, %v", v, err)
	}

	s, err := c.OpenSession(ctx, map[string]string{"table.local-time-zone": "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.CloseSession(context.Background(), s)

	res, err := c.Run(ctx, s, "CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'datagen')", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0].Fields[0] != "OK" {
		t.Errorf("CREATE TABLE result = %+v", res)
	}

	// A bounded query: rows and columns come back over several pages.
	res, err = c.Run(ctx, s, "SELECT x, UPPER(y) AS y FROM (VALUES (1, 'a'), (2, 'b'), (3, 'c')) AS v(x, y)",
		map[string]string{"execution.runtime-mode": "batch"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Columns) != 2 || res.Columns[0].Name != "x" || res.Columns[1].Name != "y" {
		t.Errorf("columns = %+v", res.Columns)
	}
	if len(res.Rows) != 3 || res.Rows[2].Fields[1] != "C" {
		t.Errorf("rows = %+v", res.Rows)
	}

	res, err = c.Run(ctx, s, "EXPLAIN SELECT id FROM t WHERE id > 1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || !strings.Contains(res.Rows[0].Fields[0].(string), "== Optimized Execution Plan ==") {
		t.Errorf("EXPLAIN result = %+v", res.Rows)
	}

	// Errors: the root cause and its position in the statement.
	_, err = c.Run(ctx, s, "SELECT id,\n  nope FROM t", nil)
	var ge *gateway.Error
	if !errors.As(err, &ge) {
		t.Fatalf("unknown column: err = %v, want *gateway.Error", err)
	}
	if ge.Message != "Column 'nope' not found in any table" {
		t.Errorf("message = %q", ge.Message)
	}
	if ge.Pos == nil || ge.Pos.Line != 2 || ge.Pos.Col != 3 {
		t.Errorf("position = %+v, want line 2 col 3", ge.Pos)
	}

	_, err = c.Run(ctx, s, "SELECT id\nFROM t WHERE )", nil)
	if !errors.As(err, &ge) || ge.Pos == nil || ge.Pos.Line != 2 || ge.Pos.Col != 14 {
		t.Errorf("syntax error: err = %v (pos %+v)", err, ge.Pos)
	}

	if err := c.CloseSession(ctx, s); err != nil {
		t.Errorf("CloseSession: %v", err)
	}
	if _, err := c.Run(ctx, s, "SELECT 1", nil); err == nil {
		t.Errorf("a statement in a closed session succeeded")
	}
}

// TestGatewayDown: a clear error that says how to start a gateway.
func TestGatewayDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c := gateway.New("http://"+addr, nil)
	_, err = c.OpenSession(context.Background(), nil)
	var ue *gateway.UnavailableError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want *UnavailableError", err)
	}
	want := "no Flink SQL Gateway at http://" + addr + ": connection refused — start one with `make flink-up`"
	if err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}
}

// fake is a minimal SQL Gateway: one session, statements that run for a
// few polls, results in two pages, and a failing statement.
func fake(t *testing.T, versions string) (*httptest.Server, *atomic.Int32) {
	var polls atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api_versions", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"versions":` + versions + `}`))
	})
	mux.HandleFunc("POST /v3/sessions", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"sessionHandle":"s1"}`))
	})
	mux.HandleFunc("POST /v3/sessions/s1/statements", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		buf := make([]byte, 512)
		n, _ := r.Body.Read(buf)
		b.Write(buf[:n])
		if strings.Contains(b.String(), "BAD") {
			w.Write([]byte(`{"operationHandle":"bad"}`))
			return
		}
		if strings.Contains(b.String(), "SLOW") {
			w.Write([]byte(`{"operationHandle":"slow"}`))
			return
		}
		w.Write([]byte(`{"operationHandle":"o1"}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/{op}/status", func(w http.ResponseWriter, r *http.Request) {
		switch r.PathValue("op") {
		case "bad":
			w.Write([]byte(`{"status":"ERROR"}`))
		case "slow":
			w.Write([]byte(`{"status":"RUNNING"}`))
		default:
			if polls.Add(1) < 3 {
				w.Write([]byte(`{"status":"RUNNING"}`))
				return
			}
			w.Write([]byte(`{"status":"FINISHED"}`))
		}
	})
	mux.HandleFunc("POST /v3/sessions/s1/operations/{op}/cancel", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status":"CANCELED"}`))
	})
	mux.HandleFunc("DELETE /v3/sessions/s1/operations/{op}/close", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status":"CLOSED"}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/bad/result/0", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		w.Write([]byte(`{"errors":["Internal server error.","<Exception on server side:\norg.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n\tat X.y(X.java:1)\nCaused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 3, column 8 to line 3, column 10: Column 'idx' not found in any table\n\tat Y.z(Y.java:2)\n\t... 7 more\nCaused by: org.apache.calcite.sql.validate.SqlValidatorException: Column 'idx' not found in any table\n\t... 39 more\n\nEnd of exception on server side>"]}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/o1/result/0", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("rowFormat") != "JSON" {
			w.WriteHeader(400)
			w.Write([]byte(`{"errors":["rowFormat missing"]}`))
			return
		}
		w.Write([]byte(`{"resultType":"NOT_READY","nextResultUri":"/v3/sessions/s1/operations/o1/result/1?rowFormat=JSON"}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/o1/result/1", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"resultType":"PAYLOAD","isQueryResult":true,"resultKind":"SUCCESS_WITH_CONTENT","results":{"columns":[{"name":"a","logicalType":{"type":"INTEGER"}}],"rowFormat":"JSON","data":[{"kind":"INSERT","fields":[1]}]},"nextResultUri":"/v3/sessions/s1/operations/o1/result/2?rowFormat=JSON"}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/o1/result/2", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"resultType":"PAYLOAD","isQueryResult":true,"resultKind":"SUCCESS_WITH_CONTENT","results":{"columns":[{"name":"a","logicalType":{"type":"INTEGER"}}],"rowFormat":"JSON","data":[{"kind":"INSERT","fields":[2]},{"kind":"UPDATE_AFTER","fields":[3]}]},"nextResultUri":"/v3/sessions/s1/operations/o1/result/3?rowFormat=JSON"}`))
	})
	mux.HandleFunc("GET /v3/sessions/s1/operations/o1/result/3", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"resultType":"EOS","results":{"columns":[],"data":[]}}`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &polls
}

func TestFakeProtocol(t *testing.T) {
	srv, polls := fake(t, `["V1","V2","V3"]`)
	ctx := context.Background()
	c := gateway.New(srv.URL, nil)
	c.PollInterval = time.Millisecond
	s, err := c.OpenSession(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Run(ctx, s, "SELECT a FROM t", nil)
	if err != nil {
		t.Fatal(err)
	}
	if polls.Load() != 3 {
		t.Errorf("status polled %d times, want 3", polls.Load())
	}
	if len(res.Columns) != 1 || len(res.Rows) != 3 || res.Rows[2].Kind != "UPDATE_AFTER" || !res.IsQuery {
		t.Errorf("result = %+v", res)
	}

	_, err = c.Run(ctx, s, "BAD", nil)
	var ge *gateway.Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v, want *gateway.Error", err)
	}
	if ge.Message != "Column 'idx' not found in any table" || ge.Pos == nil || *ge.Pos != (gateway.Span{Line: 3, Col: 8, EndLine: 3, EndCol: 10}) {
		t.Errorf("error = %q at %+v", ge.Message, ge.Pos)
	}
	if len(ge.Causes) != 2 {
		t.Errorf("causes = %q", ge.Causes)
	}

	c.StatementTimeout = 50 * time.Millisecond
	_, err = c.Run(ctx, s, "SLOW", nil)
	if err == nil || !strings.Contains(err.Error(), "did not finish within 50ms") {
		t.Errorf("slow statement: err = %v", err)
	}
}

func TestFakeOldGateway(t *testing.T) {
	srv, _ := fake(t, `["V1"]`)
	_, err := gateway.New(srv.URL, nil).OpenSession(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "needs v2 or later") {
		t.Errorf("err = %v", err)
	}
}
