// Package confluenttest is a local, in-memory fake of the Confluent Cloud
// for Apache Flink statements API (sql/v1), served by net/http/httptest,
// for the tests of validate/confluent and of the validate command. The
// real Confluent Cloud cannot be reached from the test machines: the fake
// follows the documented API (paths, JSON fields, phases, errors array,
// basic auth, Retry-After, results paging through metadata.next), not
// observed traffic.
package confluenttest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/confluent"
)

// Fake is one organisation and environment of the statements API.
type Fake struct {
	*httptest.Server
	Org, Env, Key, Secret string

	// Knobs, set before the requests they affect.

	// PendingPolls and RunningPolls are how many reads of a statement
	// answer PENDING, then RUNNING, before its final phase.
	PendingPolls, RunningPolls int
	// PageSize is the number of result rows per page (0: all on one).
	PageSize int
	// Fail returns status.detail for a statement that must end FAILED,
	// "" for one that completes.
	Fail func(sql string) string
	// Throttle is how many requests answer 429 (Retry-After: 0) first;
	// Unavailable how many then answer 503.
	Throttle, Unavailable int
	// Delay holds every answer back this long.
	Delay time.Duration
	// PlanFor, if set, is the EXPLAIN output for sql (default Plan).
	PlanFor func(sql string) string
	// CreateError, if set, makes every create answer 400 with this
	// detail.
	CreateError string

	mu         sync.Mutex
	statements map[string]*entry
	created    []string
	deleted    []string
	bodies     []confluent.Statement
	requests   int
}

type entry struct {
	st    confluent.Statement
	polls int
}

// New starts a fake; it stops when the test ends.
func New(t testing.TB) *Fake {
	f := &Fake{
		Org: "8c5d0e43-0b8f-4a1c-9d5b-3f1f0c6b2a11", Env: "env-test01",
		Key: "FAKEKEY123", Secret: "s3cr3t-Do-Not-Print-0xC0FFEE",
		statements: map[string]*entry{},
	}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Server.Close)
	return f
}

// Config is a client configuration for the fake, with short timeouts and
// polls.
func (f *Fake) Config() *confluent.Config {
	return &confluent.Config{
		OrganizationID: f.Org, EnvironmentID: f.Env, ComputePoolID: "lfcp-test01",
		Endpoint: f.URL, Catalog: "dev-env", Database: "dev-cluster",
		APIKey: f.Key, APISecret: confluent.Secret(f.Secret),
	}
}

// EnvVars returns the environment variables that configure the client for
// the fake.
func (f *Fake) EnvVars() map[string]string {
	return map[string]string{
		confluent.EnvOrganization: f.Org, confluent.EnvEnvironment: f.Env, confluent.EnvComputePool: "lfcp-test01",
		confluent.EnvEndpoint: f.URL, confluent.EnvCatalog: "dev-env", confluent.EnvDatabase: "dev-cluster",
		confluent.EnvAPIKey: f.Key, confluent.EnvAPISecret: f.Secret,
	}
}

// Created, Deleted, Live and Bodies report what the fake saw.
func (f *Fake) Created() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.created...)
}
func (f *Fake) Deleted() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.deleted...)
}
func (f *Fake) Bodies() []confluent.Statement {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]confluent.Statement(nil), f.bodies...)
}

// Live lists the statements not deleted.
func (f *Fake) Live() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for n := range f.statements {
		out = append(out, n)
	}
	return out
}

// Requests is the number of requests served, refused ones included.
func (f *Fake) Requests() int { f.mu.Lock(); defer f.mu.Unlock(); return f.requests }

// Plan is the fake's EXPLAIN output for sql.
func Plan(sql string) string {
	return "== Physical Plan ==\n\nStreamSink [2]\n  +- StreamTableSourceScan [1]\n\n== Physical Details ==\n-- " +
		strconv.Itoa(len(sql)) + " characters explained"
}

// ValidationError is a status.detail in the shape of a Flink validation
// error, at the first occurrence of word in sql (the submitted text).
func ValidationError(sql, word, msg string) string {
	i := strings.Index(sql, word)
	if i < 0 {
		return ""
	}
	line := strings.Count(sql[:i], "\n") + 1
	col := i - strings.LastIndex(sql[:i], "\n")
	return fmt.Sprintf("SQL validation failed. Error from line %d, column %d to line %d, column %d.\n\nCaused by: %s",
		line, col, line, col+len(word)-1, msg)
}

func failure(w http.ResponseWriter, status int, code, title, detail string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", "req-"+strconv.Itoa(status))
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{
		"id": "e1", "status": strconv.Itoa(status), "code": code, "title": title, "detail": detail,
	}}})
}

var pathRE = regexp.MustCompile(`^/sql/v1/organizations/([^/]+)/environments/([^/]+)/statements(?:/([^/]+)(/results)?)?$`)

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	if f.Delay > 0 {
		select {
		case <-time.After(f.Delay):
		case <-r.Context().Done():
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	if user, pass, ok := r.BasicAuth(); !ok || user != f.Key || pass != f.Secret {
		w.Header().Set("WWW-Authenticate", `Basic error="invalid_key", error_description="The API Key is invalid"`)
		failure(w, http.StatusUnauthorized, "user_unauthenticated", "Authentication Required", "Valid authentication credentials must be provided")
		return
	}
	if f.Throttle > 0 {
		f.Throttle--
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	if f.Unavailable > 0 {
		f.Unavailable--
		failure(w, http.StatusServiceUnavailable, "unavailable", "Service Unavailable", "try again")
		return
	}
	m := pathRE.FindStringSubmatch(r.URL.Path)
	if m == nil || m[1] != f.Org || m[2] != f.Env {
		failure(w, http.StatusNotFound, "", "Not Found", "")
		return
	}
	name, results := m[3], m[4] != ""
	switch {
	case name == "" && r.Method == http.MethodPost:
		f.create(w, r)
	case name != "" && !results && r.Method == http.MethodGet:
		e, ok := f.statements[name]
		if !ok {
			failure(w, http.StatusNotFound, "", "Not Found", "")
			return
		}
		e.polls++
		writeJSON(w, f.view(e))
	case name != "" && results && r.Method == http.MethodGet:
		f.results(w, r, name)
	case name != "" && !results && r.Method == http.MethodDelete:
		if _, ok := f.statements[name]; !ok {
			failure(w, http.StatusNotFound, "", "Not Found", "")
			return
		}
		delete(f.statements, name)
		f.deleted = append(f.deleted, name)
		w.WriteHeader(http.StatusAccepted)
	default:
		failure(w, http.StatusMethodNotAllowed, "", "Method Not Allowed", "")
	}
}

var nameRE = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

func (f *Fake) create(w http.ResponseWriter, r *http.Request) {
	var st confluent.Statement
	if err := json.NewDecoder(r.Body).Decode(&st); err != nil {
		failure(w, http.StatusBadRequest, "bad_request", "Bad Request", err.Error())
		return
	}
	if f.CreateError != "" {
		failure(w, http.StatusBadRequest, "invalid_input", "Bad Request", f.CreateError)
		return
	}
	if len(st.Name) > 255 || !nameRE.MatchString(st.Name) {
		failure(w, http.StatusUnprocessableEntity, "invalid_configuration", "Validation Failed", "invalid statement name "+st.Name)
		return
	}
	if _, ok := f.statements[st.Name]; ok {
		failure(w, http.StatusConflict, "resource_already_exists", "Resource Already exists", "statement "+st.Name+" already exists")
		return
	}
	f.bodies = append(f.bodies, st)
	st.Status = &confluent.StatementStatus{Phase: confluent.Pending}
	e := &entry{st: st}
	f.statements[st.Name] = e
	f.created = append(f.created, st.Name)
	writeJSON(w, e.st)
}

// view is the statement as read after e.polls reads.
func (f *Fake) view(e *entry) confluent.Statement {
	st := e.st
	switch {
	case e.polls <= f.PendingPolls:
		st.Status = &confluent.StatementStatus{Phase: confluent.Pending}
	case e.polls <= f.PendingPolls+f.RunningPolls:
		st.Status = &confluent.StatementStatus{Phase: confluent.Running}
	default:
		if f.Fail != nil {
			if d := f.Fail(st.Spec.Statement); d != "" {
				st.Status = &confluent.StatementStatus{Phase: confluent.Failed, Detail: d}
				return st
			}
		}
		st.Status = &confluent.StatementStatus{Phase: confluent.Completed, Detail: "COMPLETED: SQL statement is completed"}
	}
	return st
}

func (f *Fake) results(w http.ResponseWriter, r *http.Request, name string) {
	e, ok := f.statements[name]
	if !ok {
		failure(w, http.StatusNotFound, "", "Not Found", "")
		return
	}
	var rows [][]any
	plan := Plan(e.st.Spec.Statement)
	if f.PlanFor != nil {
		plan = f.PlanFor(e.st.Spec.Statement)
	}
	for _, l := range strings.Split(plan, "\n") {
		rows = append(rows, []any{l})
	}
	off, _ := strconv.Atoi(r.URL.Query().Get("page_token"))
	end := len(rows)
	if f.PageSize > 0 {
		end = min(off+f.PageSize, len(rows))
	}
	data := []map[string]any{}
	for _, row := range rows[min(off, len(rows)):end] {
		data = append(data, map[string]any{"op": 0, "row": row})
	}
	meta := map[string]any{"self": f.URL + r.URL.Path}
	if end < len(rows) {
		meta["next"] = f.URL + r.URL.Path + "?page_token=" + strconv.Itoa(end)
	}
	writeJSON(w, map[string]any{"api_version": "sql/v1", "kind": "StatementResult", "metadata": meta, "results": map[string]any{"data": data}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
