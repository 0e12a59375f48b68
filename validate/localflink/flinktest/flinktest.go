// Package flinktest gives tests a running Flink SQL Gateway: the one
// named by $C360_FLINK_GATEWAY, or the local one from validate/localflink,
// started once and shared by every test package of a `go test ./...` run.
package flinktest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/c360-migrate/c360-migrate/validate/localflink"
)

var (
	ensureOnce sync.Once
	ensureURL  string
	ensureErr  error
	ensureSkip string
)

// Ensure returns the URL of a running SQL Gateway for a test: the one named
// by $C360_FLINK_GATEWAY, else the local one, started if needed (once per
// test binary; parallel test binaries share it through flink.sh's lock). It
// skips the test only when java or mvn is missing, and fails it when the
// gateway cannot be started. The gateway is left running for the next
// package and the next run; `make flink-down` stops it.
func Ensure(t testing.TB) string {
	t.Helper()
	ensureOnce.Do(func() {
		if u := os.Getenv(localflink.GatewayEnv); u != "" {
			ensureURL = u
			return
		}
		if m := localflink.Missing(); len(m) > 0 {
			ensureSkip = fmt.Sprintf("the local Flink SQL Gateway needs %s on PATH (missing: %s); skipping the tests against a real Flink", "java 17+, mvn, curl and bash", strings.Join(m, ", "))
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
		defer cancel()
		var log bytes.Buffer
		start := time.Now()
		ensureURL, ensureErr = localflink.Up(ctx, &log)
		if ensureErr == nil {
			fmt.Fprintf(os.Stderr, "localflink: SQL Gateway at %s (ready after %s)\n", ensureURL, time.Since(start).Round(10*time.Millisecond))
		}
	})
	if ensureSkip != "" {
		t.Skip(ensureSkip)
	}
	if ensureErr != nil {
		t.Fatalf("cannot start the local Flink SQL Gateway: %v", ensureErr)
	}
	return ensureURL
}
