// Package confluent is a client for the Confluent Cloud for Apache Flink
// statements REST API (sql/v1), and a dry run of a generated Flink project
// on it: every INSERT is submitted as an EXPLAIN statement with a
// recognisable name, its plan or its failure is read back, and every
// statement is deleted afterwards.
//
// The API, as documented by Confluent (Statements (sql/v1) in the Confluent
// Cloud API reference, and the SQL API v1 OpenAPI document):
//
//	base  https://flink.<region>.<cloud>.confluent.cloud
//	POST   /sql/v1/organizations/{org}/environments/{env}/statements
//	       {"name", "organization_id", "environment_id",
//	        "spec": {"statement", "properties", "compute_pool_id", "principal"}}
//	GET    .../statements/{name}          status.phase, status.detail
//	GET    .../statements/{name}/results  results.data[].row, metadata.next
//	DELETE .../statements/{name}
//
// Authentication is HTTP basic with a Flink API key and secret of the
// environment and region. Errors come as {"errors": [{"status", "code",
// "title", "detail"}]}; 429 may carry Retry-After (seconds).
package confluent

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Statement phases (status.phase).
const (
	Pending   = "PENDING"
	Running   = "RUNNING"
	Completed = "COMPLETED"
	Deleting  = "DELETING"
	Failing   = "FAILING"
	Failed    = "FAILED"
	Stopping  = "STOPPING"
	Stopped   = "STOPPED"
	Degraded  = "DEGRADED"
)

// Statement is the sql/v1 Statement resource, with the fields this client
// uses.
type Statement struct {
	Name           string           `json:"name"`
	OrganizationID string           `json:"organization_id,omitempty"`
	EnvironmentID  string           `json:"environment_id,omitempty"`
	Spec           StatementSpec    `json:"spec"`
	Status         *StatementStatus `json:"status,omitempty"`
}

// StatementSpec is the statement's spec.
type StatementSpec struct {
	Statement     string            `json:"statement"`
	Properties    map[string]string `json:"properties,omitempty"`
	ComputePoolID string            `json:"compute_pool_id,omitempty"`
	Principal     string            `json:"principal,omitempty"`
}

// StatementStatus is the statement's status.
type StatementStatus struct {
	Phase  string `json:"phase"`
	Detail string `json:"detail,omitempty"`
}

// Result is what a finished statement returned.
type Result struct {
	Name  string
	Phase string
	// Rows are results.data[].row of every page, in order.
	Rows [][]any
}

// Text joins the first column of every row: the plan of an EXPLAIN.
func (r *Result) Text() string {
	var parts []string
	for _, row := range r.Rows {
		if len(row) > 0 {
			if s, ok := row[0].(string); ok {
				parts = append(parts, s)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// Client talks to the statements API of one organisation and environment.
// The zero values of the tuning fields take the defaults shown.
type Client struct {
	cfg  *Config
	base string
	hc   *http.Client

	// RequestTimeout bounds each HTTP request (30s).
	RequestTimeout time.Duration
	// StatementTimeout bounds the wait for a statement to finish (2m).
	StatementTimeout time.Duration
	// MaxAttempts bounds the tries of one request on 429, 5xx and
	// network errors, the first included (5).
	MaxAttempts int
	// BackoffBase doubles on each retry up to BackoffMax (500ms, 8s); a
	// Retry-After header is obeyed up to RetryAfterMax (30s).
	BackoffBase, BackoffMax, RetryAfterMax time.Duration
	// PollInterval grows by half on each status poll up to PollMax
	// (250ms, 2s).
	PollInterval, PollMax time.Duration
}

// New returns a client for cfg; hc nil uses a fresh http.Client (its
// timeouts are the client's, per request).
func New(cfg *Config, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{}
	}
	return &Client{cfg: cfg, base: cfg.BaseURL(), hc: hc}
}

// URL is the regional endpoint the client calls.
func (c *Client) URL() string { return c.base }

// Config is the client's configuration (its secret prints redacted).
func (c *Client) Config() *Config { return c.cfg }

func dur(v, def time.Duration) time.Duration {
	if v > 0 {
		return v
	}
	return def
}

// ---- errors ----

// APIError is an error status of the API with its errors array.
type APIError struct {
	Op        string // "create statement x", "read statement x", ...
	Status    int
	Code      string
	Title     string
	Detail    string
	RequestID string
}

func (e *APIError) Error() string {
	msg := strings.TrimSpace(strings.Join(nonEmpty(e.Title, e.Detail), ": "))
	if msg == "" {
		msg = http.StatusText(e.Status)
	}
	s := fmt.Sprintf("Confluent Cloud: %s: HTTP %d: %s", e.Op, e.Status, msg)
	switch e.Status {
	case http.StatusForbidden:
		s += " (the API key's principal lacks a role on this environment or compute pool, e.g. FlinkDeveloper)"
	case http.StatusNotFound:
		if !strings.Contains(e.Op, "statement ") {
			s += " (check CONFLUENT_ORG_ID and CONFLUENT_ENV_ID, and that the endpoint's cloud and region are the compute pool's)"
		}
	}
	if e.RequestID != "" {
		s += " [request " + e.RequestID + "]"
	}
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// AuthError is a 401: the key or the secret is wrong, or the key is not
// a Flink key of this environment and region.
type AuthError struct {
	Op, Endpoint, Environment string
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("Confluent Cloud rejected the API key for %s (environment %s) while trying to %s (HTTP 401): "+
		"check %s and %s; the key must be a Flink API key of that environment and region",
		e.Endpoint, e.Environment, e.Op, EnvAPIKey, EnvAPISecret)
}

// UnavailableError is an endpoint that did not answer.
type UnavailableError struct {
	URL string
	Err error
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("Confluent Cloud Flink endpoint %s did not answer: %v (check %s and %s, or %s)",
		e.URL, e.Err, EnvCloud, EnvRegion, EnvEndpoint)
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// StatementError is a statement that ended FAILED (or STOPPED): Flink
// rejected it. Detail is status.detail; Pos is the position in the
// statement's text it names, if any.
type StatementError struct {
	Name   string
	Phase  string
	Detail string
	Pos    *Span
}

// Span is a range of a statement's text, 1-based; EndLine is zero for a
// single point.
type Span struct {
	Line, Col       int
	EndLine, EndCol int
}

func (e *StatementError) Error() string {
	d := e.Detail
	if d == "" {
		d = "no detail given"
	}
	return fmt.Sprintf("statement %s %s: %s", e.Name, e.Phase, d)
}

// TimeoutError is a statement that did not finish in time.
type TimeoutError struct {
	Name, Phase string
	After       time.Duration
}

func (e *TimeoutError) Error() string {
	hint := ""
	if e.Phase == Pending || e.Phase == "" {
		hint = " (the compute pool may be at its CFU limit, or still starting)"
	}
	return fmt.Sprintf("statement %s still %s after %s%s", e.Name, orUnknown(e.Phase), e.After, hint)
}

func orUnknown(s string) string {
	if s == "" {
		return "without a phase"
	}
	return s
}

var (
	posRange = regexp.MustCompile(`(?i)line (\d+), column (\d+) to line (\d+), column (\d+)`)
	posPoint = regexp.MustCompile(`(?i)line (\d+), column (\d+)`)
)

// position finds the statement position a detail names.
func position(detail string) *Span {
	if m := posRange.FindStringSubmatch(detail); m != nil {
		return &Span{Line: atoi(m[1]), Col: atoi(m[2]), EndLine: atoi(m[3]), EndCol: atoi(m[4])}
	}
	if m := posPoint.FindStringSubmatch(detail); m != nil {
		return &Span{Line: atoi(m[1]), Col: atoi(m[2])}
	}
	return nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ---- statements ----

func (c *Client) statementsPath() string {
	return fmt.Sprintf("/sql/v1/organizations/%s/environments/%s/statements",
		url.PathEscape(c.cfg.OrganizationID), url.PathEscape(c.cfg.EnvironmentID))
}

func (c *Client) statementPath(name string) string {
	return c.statementsPath() + "/" + url.PathEscape(name)
}

// Create submits sql as a statement called name, with the configured
// compute pool, principal and catalog/database properties (extra
// properties are added to them).
func (c *Client) Create(ctx context.Context, name, sql string, extra map[string]string) (*Statement, error) {
	if err := CheckName(name); err != nil {
		return nil, err
	}
	props := c.cfg.Properties()
	for k, v := range extra {
		props[k] = v
	}
	in := &Statement{
		Name:           name,
		OrganizationID: c.cfg.OrganizationID,
		EnvironmentID:  c.cfg.EnvironmentID,
		Spec: StatementSpec{
			Statement:     sql,
			Properties:    props,
			ComputePoolID: c.cfg.ComputePoolID,
			Principal:     c.cfg.Principal,
		},
	}
	var out Statement
	err := c.do(ctx, "create statement "+name, http.MethodPost, c.base+c.statementsPath(), in, &out)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusConflict {
		// A retried POST whose first try went through: the statement is
		// ours if its text is.
		got, gerr := c.Get(ctx, name)
		if gerr == nil && got.Spec.Statement == sql {
			return got, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if out.Name == "" {
		out = *in
	}
	return &out, nil
}

// Get reads a statement.
func (c *Client) Get(ctx context.Context, name string) (*Statement, error) {
	var out Statement
	if err := c.do(ctx, "read statement "+name, http.MethodGet, c.base+c.statementPath(name), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Delete deletes a statement; one that does not exist (any more) is not
// an error.
func (c *Client) Delete(ctx context.Context, name string) error {
	err := c.do(ctx, "delete statement "+name, http.MethodDelete, c.base+c.statementPath(name), nil, nil)
	var ae *APIError
	if errors.As(err, &ae) && ae.Status == http.StatusNotFound {
		return nil
	}
	return err
}

// Wait polls the statement until its phase is one of until, and returns
// it. FAILED, FAILING and STOPPED (unless waited for) end the wait with a
// *StatementError; StatementTimeout ends it with a *TimeoutError.
func (c *Client) Wait(ctx context.Context, name string, until ...string) (*Statement, error) {
	timeout := dur(c.StatementTimeout, 2*time.Minute)
	deadline := time.Now().Add(timeout)
	interval := dur(c.PollInterval, 250*time.Millisecond)
	maxInterval := dur(c.PollMax, 2*time.Second)
	phase := ""
	for {
		st, err := c.Get(ctx, name)
		if err != nil {
			return nil, err
		}
		if st.Status != nil {
			phase = st.Status.Phase
		}
		for _, u := range until {
			if phase == u {
				return st, nil
			}
		}
		switch phase {
		case Failed, Failing, Stopped, Stopping, Deleting:
			detail := ""
			if st.Status != nil {
				detail = strings.TrimSpace(st.Status.Detail)
			}
			if phase == Failing || phase == Stopping {
				// Let it settle, but a failing statement has failed.
				if p := c.settle(ctx, name, deadline); p != nil {
					phase = p.Phase
					detail = strings.TrimSpace(p.Detail)
				}
			}
			return st, &StatementError{Name: name, Phase: phase, Detail: detail, Pos: position(detail)}
		}
		if time.Now().Add(interval).After(deadline) {
			return st, &TimeoutError{Name: name, Phase: phase, After: timeout}
		}
		if err := sleep(ctx, interval); err != nil {
			return nil, err
		}
		interval = min(interval*3/2, maxInterval)
	}
}

// settle waits briefly for a FAILING statement to reach FAILED, to read
// its final detail; it returns nil if it does not in time.
func (c *Client) settle(ctx context.Context, name string, deadline time.Time) *StatementStatus {
	for i := 0; i < 10 && time.Now().Before(deadline); i++ {
		st, err := c.Get(ctx, name)
		if err != nil || st.Status == nil {
			return nil
		}
		if st.Status.Phase == Failed || st.Status.Phase == Stopped {
			return st.Status
		}
		if sleep(ctx, dur(c.PollInterval, 250*time.Millisecond)) != nil {
			return nil
		}
	}
	return nil
}

type resultPage struct {
	Metadata struct {
		Next string `json:"next"`
	} `json:"metadata"`
	Results struct {
		Data []struct {
			Op  int   `json:"op"`
			Row []any `json:"row"`
		} `json:"data"`
	} `json:"results"`
}

// maxPages bounds the result pages read for one statement.
const maxPages = 1000

// Results reads every page of a statement's results. The next page is
// requested from the client's own endpoint with the page_token of
// metadata.next, so credentials never go to a host the server names.
func (c *Client) Results(ctx context.Context, name string) ([][]any, error) {
	var rows [][]any
	token := ""
	for i := 0; i < maxPages; i++ {
		u := c.base + c.statementPath(name) + "/results"
		if token != "" {
			u += "?page_token=" + url.QueryEscape(token)
		}
		var p resultPage
		if err := c.do(ctx, "read results of statement "+name, http.MethodGet, u, nil, &p); err != nil {
			return nil, err
		}
		for _, d := range p.Results.Data {
			rows = append(rows, d.Row)
		}
		next := ""
		if p.Metadata.Next != "" {
			nu, err := url.Parse(p.Metadata.Next)
			if err != nil {
				return nil, fmt.Errorf("confluent cloud: results of statement %s: bad next page URL: %v", name, err)
			}
			next = nu.Query().Get("page_token")
		}
		if next == "" || (next == token && len(p.Results.Data) == 0) {
			return rows, nil
		}
		token = next
	}
	return rows, fmt.Errorf("confluent cloud: results of statement %s: more than %d pages", name, maxPages)
}

// Run submits sql as statement name, waits until it is COMPLETED and
// reads its results. The caller deletes the statement.
func (c *Client) Run(ctx context.Context, name, sql string) (*Result, error) {
	if _, err := c.Create(ctx, name, sql, nil); err != nil {
		return nil, err
	}
	st, err := c.Wait(ctx, name, Completed)
	if err != nil {
		return nil, err
	}
	rows, err := c.Results(ctx, name)
	if err != nil {
		return nil, err
	}
	return &Result{Name: name, Phase: st.Status.Phase, Rows: rows}, nil
}

// ---- names ----

// MaxNameLen bounds the statement names this client makes. The API takes
// up to 255 characters (name: maxLength 255); shorter names stay readable
// in the Console and the CLI's tables.
const MaxNameLen = 100

var namePattern = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)

// CheckName checks a statement name against the API's rule: lower-case
// letters, digits, '-' and '.', starting and ending with a letter or
// digit, at most 255 characters.
func CheckName(name string) error {
	if len(name) > 255 || !namePattern.MatchString(name) {
		return fmt.Errorf("invalid Confluent Cloud statement name %q: use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 255 characters", name)
	}
	return nil
}

// kebab lower-cases s and turns every run of other characters than
// letters and digits into one '-'.
func kebab(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// StatementName is <prefix>-dryrun-<table-in-kebab-case>-<6 random
// characters>, cut to MaxNameLen.
func (c *Client) StatementName(table string) string {
	return statementName(c.cfg.prefix(), table, randomSuffix())
}

func statementName(prefix, table, suffix string) string {
	head := kebab(prefix) + "-dryrun-"
	t := kebab(table)
	if room := MaxNameLen - len(head) - 1 - len(suffix); len(t) > room {
		t = strings.TrimRight(t[:max(room, 0)], "-")
	}
	if t == "" {
		return head + suffix
	}
	return head + t + "-" + suffix
}

func randomSuffix() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	var b [6]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b[:])
}

// ---- HTTP ----

// do sends one API request, retrying 429, 5xx, timeouts and network
// errors with a bounded backoff.
func (c *Client) do(ctx context.Context, op, method, u string, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return err
		}
	}
	attempts := c.MaxAttempts
	if attempts <= 0 {
		attempts = 5
	}
	backoff := dur(c.BackoffBase, 500*time.Millisecond)
	for attempt := 1; ; attempt++ {
		retryAfter, retry, err := c.once(ctx, op, method, u, payload, out)
		if err == nil {
			return nil
		}
		if !retry || attempt >= attempts || ctx.Err() != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("confluent cloud: %s: %w", op, ctx.Err())
			}
			if retry && attempt > 1 {
				return fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
			}
			return err
		}
		wait := backoff
		if retryAfter > 0 {
			wait = min(retryAfter, dur(c.RetryAfterMax, 30*time.Second))
		}
		if err := sleep(ctx, wait); err != nil {
			return fmt.Errorf("confluent cloud: %s: %w", op, err)
		}
		backoff = min(backoff*2, dur(c.BackoffMax, 8*time.Second))
	}
}

// once sends a request once. retry says whether another try may succeed;
// retryAfter is the server's Retry-After, if any.
func (c *Client) once(ctx context.Context, op, method, u string, payload []byte, out any) (retryAfter time.Duration, retry bool, err error) {
	rctx, cancel := context.WithTimeout(ctx, dur(c.RequestTimeout, 30*time.Second))
	defer cancel()
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(rctx, method, u, body)
	if err != nil {
		return 0, false, err
	}
	req.SetBasicAuth(c.cfg.APIKey, c.cfg.APISecret.Reveal())
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "c360-migrate")
	resp, err := c.hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return 0, false, ctx.Err()
		}
		if rctx.Err() != nil {
			return 0, true, fmt.Errorf("confluent cloud: %s: no answer from %s within %s", op, c.base, dur(c.RequestTimeout, 30*time.Second))
		}
		return 0, true, &UnavailableError{URL: c.base, Err: errors.New(c.redact(unwrapURL(err).Error()))}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		if ctx.Err() != nil {
			return 0, false, ctx.Err()
		}
		return 0, true, fmt.Errorf("confluent cloud: %s: reading the answer: %v", op, c.redact(err.Error()))
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return 0, false, &AuthError{Op: op, Endpoint: c.base, Environment: c.cfg.EnvironmentID}
	}
	if resp.StatusCode >= 400 {
		e := c.apiError(op, resp, data)
		retry = resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		return parseRetryAfter(resp.Header.Get("Retry-After")), retry, e
	}
	if out != nil && len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return 0, false, fmt.Errorf("confluent cloud: %s: unexpected answer (HTTP %d): %v", op, resp.StatusCode, err)
		}
	}
	return 0, false, nil
}

func (c *Client) apiError(op string, resp *http.Response, data []byte) *APIError {
	e := &APIError{Op: op, Status: resp.StatusCode, RequestID: resp.Header.Get("X-Request-Id")}
	var f struct {
		Errors []struct {
			Status string `json:"status"`
			Code   string `json:"code"`
			Title  string `json:"title"`
			Detail string `json:"detail"`
		} `json:"errors"`
	}
	if json.Unmarshal(data, &f) == nil && len(f.Errors) > 0 {
		e.Code, e.Title = f.Errors[0].Code, f.Errors[0].Title
		var details []string
		for _, x := range f.Errors {
			if x.Detail != "" {
				details = append(details, x.Detail)
			}
		}
		e.Detail = strings.Join(details, "; ")
	} else if t := strings.TrimSpace(string(data)); t != "" && len(t) < 500 {
		e.Detail = t
	}
	e.Title, e.Detail = c.redact(e.Title), c.redact(e.Detail)
	return e
}

// redact removes the secret, and the basic-auth token that encodes it,
// from text the server or the transport produced.
func (c *Client) redact(s string) string {
	secret := c.cfg.APISecret.Reveal()
	if secret == "" {
		return s
	}
	token := base64.StdEncoding.EncodeToString([]byte(c.cfg.APIKey + ":" + secret))
	s = strings.ReplaceAll(s, token, redacted)
	return redactText(s, secret)
}

func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
