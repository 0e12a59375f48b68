// Package gateway is a client for Apache Flink's SQL Gateway REST API
// (versions v2 and later): open a session, execute a statement, poll its
// status, fetch its result page by page, read the gateway's errors, close
// the session.
//
// The client speaks the highest API version both it and the server know
// (GET /api_versions), so one client works with Flink 1.17 to 2.x. Every call
// takes a context; a gateway that does not answer is reported as an
// *UnavailableError that says how to start one.
package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Operation status values reported by the gateway.
const (
	StatusInitialized = "INITIALIZED"
	StatusPending     = "PENDING"
	StatusRunning     = "RUNNING"
	StatusFinished    = "FINISHED"
	StatusError       = "ERROR"
	StatusCanceled    = "CANCELED"
	StatusClosed      = "CLOSED"
	StatusTimeout     = "TIMEOUT"
)

// supported lists the REST API versions this client speaks, oldest first.
// v1 has no rowFormat and is not used.
var supported = []string{"v2", "v3", "v4"}

// Client talks to one SQL Gateway. Its zero value is not usable: call New.
type Client struct {
	base string // scheme://host:port, no trailing slash
	http *http.Client

	// PollInterval is the first wait between two status polls; it doubles
	// up to MaxPollInterval. StatementTimeout bounds Run when the caller's
	// context has no deadline.
	PollInterval     time.Duration
	MaxPollInterval  time.Duration
	StatementTimeout time.Duration

	version string // negotiated API version, "" until the first call
}

// New returns a client for the gateway at baseURL (for example
// http://127.0.0.1:8083). A nil hc uses a client with a 60 s timeout per
// request.
func New(baseURL string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	return &Client{
		base:             strings.TrimRight(baseURL, "/"),
		http:             hc,
		PollInterval:     20 * time.Millisecond,
		MaxPollInterval:  500 * time.Millisecond,
		StatementTimeout: 2 * time.Minute,
	}
}

// URL returns the gateway's base URL.
func (c *Client) URL() string { return c.base }

// UnavailableError means nothing answered at the gateway's address.
type UnavailableError struct {
	URL string
	Err error
}

func (e *UnavailableError) Error() string {
	reason := e.Err.Error()
	if errors.Is(e.Err, syscall.ECONNREFUSED) {
		reason = "connection refused"
	}
	return fmt.Sprintf("no Flink SQL Gateway at %s: %s — start one with `make flink-up`", e.URL, reason)
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// Error is an error the gateway returned: an HTTP error status with the
// gateway's errors array, or an operation that ended in ERROR.
type Error struct {
	Op     string   // what the client was doing: "open session", "execute statement", ...
	Status int      // HTTP status, 0 for an operation that ended in ERROR without one
	Errors []string // the gateway's errors array, as sent
	// Message is the root cause: the deepest "Caused by" of the server-side
	// exception, or the first error when there is no exception text.
	Message string
	// Causes is the chain of exception messages, outermost first.
	Causes []string
	// Pos is the position in the statement Flink reported, if any
	// ("From line L, column C to line L2, column C2" or "at line L, column C").
	Pos *Span
}

// Span is a range of a statement, 1-based; End is zero when Flink reported
// a single point.
type Span struct {
	Line, Col       int
	EndLine, EndCol int
}

func (e *Error) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("%s: HTTP %d", e.Op, e.Status)
	}
	return fmt.Sprintf("%s: %s", e.Op, e.Message)
}

// newError builds an Error from the gateway's errors array.
func newError(op string, status int, errs []string) *Error {
	e := &Error{Op: op, Status: status, Errors: errs}
	text := strings.Join(errs, "\n")
	e.Causes = causes(text)
	switch {
	case len(e.Causes) > 0:
		e.Message = e.Causes[len(e.Causes)-1]
	case len(errs) > 0:
		e.Message = strings.TrimSpace(errs[len(errs)-1])
	}
	e.Pos = position(e.Causes)
	if e.Pos != nil {
		// The innermost cause often drops the position its wrapper
		// carried ("Column 'x' not found in any table"): keep the
		// message but strip a position prefix if it has one.
		e.Message = stripPosition(e.Message)
	}
	return e
}

var (
	causeLine = regexp.MustCompile(`^(?:Caused by: )?([a-zA-Z_$][\w$]*(?:\.[a-zA-Z_$][\w$]*)+(?:Exception|Error|Throwable))(?:: (.*))?$`)
	fromLine  = regexp.MustCompile(`From line (\d+), column (\d+) to line (\d+), column (\d+)`)
	atLine    = regexp.MustCompile(`at line (\d+), column (\d+)`)
	posPrefix = regexp.MustCompile(`^(?:SQL validation failed\. )*From line \d+, column \d+ to line \d+, column \d+: `)
)

// causes extracts the exception messages of a Java stack trace, outermost
// first; a message runs until the next stack frame or cause.
func causes(text string) []string {
	var out []string
	var cur []string
	in := false
	flush := func() {
		if in {
			out = append(out, strings.TrimSpace(strings.Join(cur, "\n")))
		}
		cur, in = nil, false
	}
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimLeft(line, "<")
		if strings.HasPrefix(t, "Exception on server side:") {
			continue
		}
		if m := causeLine.FindStringSubmatch(t); m != nil {
			flush()
			in = true
			cur = append(cur, m[2])
			continue
		}
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "at ") || strings.HasPrefix(trimmed, "... ") ||
			strings.HasPrefix(trimmed, "End of exception on server side") {
			flush()
			continue
		}
		if in {
			cur = append(cur, line)
		}
	}
	flush()
	// Drop the gateway's own wrappers, which say nothing about the SQL.
	var kept []string
	for _, c := range out {
		if c == "" || strings.HasPrefix(c, "Failed to fetchResults") ||
			strings.HasPrefix(c, "Failed to execute the operation") ||
			strings.HasPrefix(c, "org.apache.flink.table.gateway.api.utils.SqlGatewayException") {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// position returns the innermost statement position the causes mention.
func position(cs []string) *Span {
	for i := len(cs) - 1; i >= 0; i-- {
		if m := fromLine.FindStringSubmatch(cs[i]); m != nil {
			return &Span{Line: atoi(m[1]), Col: atoi(m[2]), EndLine: atoi(m[3]), EndCol: atoi(m[4])}
		}
		if m := atLine.FindStringSubmatch(cs[i]); m != nil {
			return &Span{Line: atoi(m[1]), Col: atoi(m[2])}
		}
	}
	return nil
}

func stripPosition(msg string) string {
	return posPrefix.ReplaceAllString(msg, "")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Info is GET /info.
type Info struct {
	ProductName string `json:"productName"`
	Version     string `json:"version"`
}

// Info returns the product name and Flink version of the gateway.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	var info Info
	if err := c.call(ctx, "info", http.MethodGet, "/info", nil, &info); err != nil {
		return nil, err
	}
	return &info, nil
}

// APIVersion returns the REST API version the client uses with this
// gateway: the highest one both know. It asks the gateway once.
func (c *Client) APIVersion(ctx context.Context) (string, error) {
	if c.version != "" {
		return c.version, nil
	}
	var resp struct {
		Versions []string `json:"versions"`
	}
	if err := c.do(ctx, "api versions", http.MethodGet, c.base+"/api_versions", nil, &resp); err != nil {
		return "", err
	}
	best := ""
	for _, v := range resp.Versions {
		v = strings.ToLower(v)
		for _, s := range supported {
			if v == s && (best == "" || vnum(v) > vnum(best)) {
				best = v
			}
		}
	}
	if best == "" {
		return "", fmt.Errorf("the Flink SQL Gateway at %s speaks REST API versions %v; this client needs v2 or later (Flink 1.17+)", c.base, resp.Versions)
	}
	c.version = best
	return best, nil
}

func vnum(v string) int { return atoi(strings.TrimPrefix(v, "v")) }

// Session is an open gateway session: its catalog, tables and settings.
type Session struct{ Handle string }

// OpenSession opens a session with the given configuration properties.
func (c *Client) OpenSession(ctx context.Context, properties map[string]string) (*Session, error) {
	if properties == nil {
		properties = map[string]string{}
	}
	body := map[string]any{"properties": properties, "sessionName": "c360-migrate"}
	var resp struct {
		SessionHandle string `json:"sessionHandle"`
	}
	if err := c.call(ctx, "open session", http.MethodPost, "/sessions", body, &resp); err != nil {
		return nil, err
	}
	if resp.SessionHandle == "" {
		return nil, fmt.Errorf("open session: the gateway returned no session handle")
	}
	return &Session{Handle: resp.SessionHandle}, nil
}

// CloseSession closes s and frees what it holds on the gateway.
func (c *Client) CloseSession(ctx context.Context, s *Session) error {
	return c.call(ctx, "close session", http.MethodDelete, "/sessions/"+url.PathEscape(s.Handle), nil, nil)
}

// Operation is a statement submitted in a session.
type Operation struct {
	Session *Session
	Handle  string
}

func (op *Operation) path() string {
	return "/sessions/" + url.PathEscape(op.Session.Handle) + "/operations/" + url.PathEscape(op.Handle)
}

// ExecuteStatement submits sql in session s, with optional per-statement
// configuration, and returns without waiting for it.
func (c *Client) ExecuteStatement(ctx context.Context, s *Session, sql string, config map[string]string) (*Operation, error) {
	body := map[string]any{"statement": sql}
	if len(config) > 0 {
		body["executionConfig"] = config
	}
	var resp struct {
		OperationHandle string `json:"operationHandle"`
	}
	if err := c.call(ctx, "execute statement", http.MethodPost, "/sessions/"+url.PathEscape(s.Handle)+"/statements", body, &resp); err != nil {
		return nil, err
	}
	if resp.OperationHandle == "" {
		return nil, fmt.Errorf("execute statement: the gateway returned no operation handle")
	}
	return &Operation{Session: s, Handle: resp.OperationHandle}, nil
}

// Status returns the status of op (StatusRunning, StatusFinished, ...).
func (c *Client) Status(ctx context.Context, op *Operation) (string, error) {
	var resp struct {
		Status string `json:"status"`
	}
	if err := c.call(ctx, "operation status", http.MethodGet, op.path()+"/status", nil, &resp); err != nil {
		return "", err
	}
	return resp.Status, nil
}

// Wait polls the status of op until it is FINISHED, ERROR or CANCELED, or
// until timeout (0: no limit but ctx) has passed. A statement that ended in
// ERROR returns the gateway's *Error with its root cause.
func (c *Client) Wait(ctx context.Context, op *Operation, timeout time.Duration) (string, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	wait := c.PollInterval
	for {
		st, err := c.Status(ctx, op)
		if err != nil {
			return "", c.timeoutErr(ctx, op, timeout, err)
		}
		switch st {
		case StatusFinished:
			return st, nil
		case StatusError:
			// The error itself comes with the result.
			_, ferr := c.fetchPage(ctx, op, op.path()+"/result/0")
			if ferr == nil {
				ferr = &Error{Op: "execute statement", Message: "the statement failed and the gateway gave no reason"}
			}
			return st, ferr
		case StatusCanceled, StatusClosed, StatusTimeout:
			return st, &Error{Op: "execute statement", Message: "the statement was " + strings.ToLower(st)}
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", c.timeoutErr(ctx, op, timeout, ctx.Err())
		case <-t.C:
		}
		if wait *= 2; wait > c.MaxPollInterval {
			wait = c.MaxPollInterval
		}
	}
}

// timeoutErr cancels op when the wait ran out of time, and says so.
func (c *Client) timeoutErr(ctx context.Context, op *Operation, timeout time.Duration, err error) error {
	if ctx.Err() == nil {
		return err
	}
	cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = c.call(cctx, "cancel operation", http.MethodPost, op.path()+"/cancel", nil, nil)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && timeout > 0 {
		return fmt.Errorf("the statement did not finish within %s (cancelled): %w", timeout, ctx.Err())
	}
	return err
}

// Column is a result column.
type Column struct {
	Name        string          `json:"name"`
	LogicalType json.RawMessage `json:"logicalType"`
	Comment     *string         `json:"comment"`
}

// Row is a result row: its change kind (INSERT, UPDATE_BEFORE, ...) and
// its fields as JSON values.
type Row struct {
	Kind   string `json:"kind"`
	Fields []any  `json:"fields"`
}

// Result is the whole result of an operation.
type Result struct {
	Kind    string // resultKind: SUCCESS or SUCCESS_WITH_CONTENT
	IsQuery bool
	JobID   string
	Columns []Column
	Rows    []Row
}

type page struct {
	ResultType    string `json:"resultType"` // NOT_READY, PAYLOAD, EOS
	IsQueryResult bool   `json:"isQueryResult"`
	JobID         string `json:"jobID"`
	ResultKind    string `json:"resultKind"`
	Results       struct {
		Columns []Column `json:"columns"`
		Data    []Row    `json:"data"`
	} `json:"results"`
	NextResultURI string `json:"nextResultUri"`
}

// FetchResults reads every page of op's result, following nextResultUri
// until the end of the stream. An unbounded query never ends: bound it
// with ctx.
func (c *Client) FetchResults(ctx context.Context, op *Operation) (*Result, error) {
	v, err := c.APIVersion(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	next := "/" + v + op.path() + "/result/0?rowFormat=JSON"
	wait := c.PollInterval
	for next != "" {
		p, err := c.fetchPage(ctx, op, next)
		if err != nil {
			return nil, err
		}
		switch p.ResultType {
		case "NOT_READY":
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil, ctx.Err()
			case <-t.C:
			}
			if wait *= 2; wait > c.MaxPollInterval {
				wait = c.MaxPollInterval
			}
		case "EOS":
			return res, nil
		default:
			wait = c.PollInterval
			if res.Kind == "" {
				res.Kind, res.IsQuery, res.JobID = p.ResultKind, p.IsQueryResult, p.JobID
			}
			if len(res.Columns) == 0 {
				res.Columns = p.Results.Columns
			}
			res.Rows = append(res.Rows, p.Results.Data...)
		}
		if p.NextResultURI == "" {
			return res, nil
		}
		next = p.NextResultURI
	}
	return res, nil
}

// fetchPage GETs one result page; uri is a path with or without the
// version prefix (nextResultUri carries it), or the operation's first page.
func (c *Client) fetchPage(ctx context.Context, op *Operation, uri string) (*page, error) {
	var p page
	if !strings.HasPrefix(uri, "/v") {
		v, err := c.APIVersion(ctx)
		if err != nil {
			return nil, err
		}
		uri = "/" + v + uri + "?rowFormat=JSON"
	}
	if err := c.do(ctx, "fetch results", http.MethodGet, c.base+uri, nil, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Run executes sql in s, waits for it (bounded by StatementTimeout), and
// returns its whole result. A statement Flink rejects returns an *Error.
func (c *Client) Run(ctx context.Context, s *Session, sql string, config map[string]string) (*Result, error) {
	op, err := c.ExecuteStatement(ctx, s, sql, config)
	if err != nil {
		return nil, err
	}
	if _, err := c.Wait(ctx, op, c.StatementTimeout); err != nil {
		return nil, err
	}
	res, err := c.FetchResults(ctx, op)
	// The operation's result stays on the gateway until closed.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	_ = c.call(cctx, "close operation", http.MethodDelete, op.path()+"/close", nil, nil)
	return res, err
}

// call sends a request to the versioned API path.
func (c *Client) call(ctx context.Context, op, method, path string, body, out any) error {
	v, err := c.APIVersion(ctx)
	if err != nil {
		return err
	}
	return c.do(ctx, op, method, c.base+"/"+v+path, body, out)
}

func (c *Client) do(ctx context.Context, op, method, u string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", op, ctx.Err())
		}
		if isUnreachable(err) {
			return &UnavailableError{URL: c.base, Err: unwrapURL(err)}
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("%s: reading the response: %w", op, err)
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Errors []string `json:"errors"`
		}
		if json.Unmarshal(data, &e) != nil || len(e.Errors) == 0 {
			e.Errors = []string{strings.TrimSpace(string(data))}
		}
		return newError(op, resp.StatusCode, e.Errors)
	}
	if out == nil || len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("%s: the gateway's answer is not what the REST API describes: %w", op, err)
	}
	return nil
}

func isUnreachable(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.EOF)
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
