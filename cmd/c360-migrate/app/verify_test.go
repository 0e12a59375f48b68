package app_test

import (
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// The end-to-end run of verify (real Spark, real Flink) is tested in
// validate/verify; these are the command line's own answers, which come
// before any engine starts.
func TestVerifyCommandLine(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"one argument", []string{"verify", dir}, app.ExitUsage, "verify takes SPARK_DIR and FLINK_DIR"},
		{"bad --now", []string{"verify", "--now", "yesterday", dir, dir}, app.ExitUsage, "--now must be an RFC 3339 time"},
		{"flags after the folders", []string{"verify", dir, dir, "--json"}, app.ExitUsage, "--json"},
		{"no Spark folder", []string{"verify", dir + "/missing", dir}, app.ExitInputErrors, "not a folder (SPARK_DIR)"},
		{"no Flink project", []string{"verify", dir, dir}, app.ExitInputErrors, "is not a c360-migrate Flink project"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "", tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tt.code, tt.stderr)
			}
		})
	}
}
