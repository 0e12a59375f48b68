package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// BenchmarkRerunUnchanged times a migrate of spark_src whose output is up
// to date (the target: under 50 ms, writing nothing). It uses the
// flags of `make migrate` with --no-llm (with the LLM on, the one
// needs-llm table goes back to the LLM loop on every run).
func BenchmarkRerunUnchanged(b *testing.B) {
	c360Copy(b)
	args := []string{"migrate", "--no-llm", "--product", "c360", "--report", "flink_out/report", "spark_src"}
	migrate := func() string {
		var out, errOut bytes.Buffer
		code := app.Run(context.Background(), args, strings.NewReader(""), &out, &errOut)
		if code != app.ExitOK && code != app.ExitNeedsLLM {
			b.Fatalf("exit %d: %s%s", code, out.String(), errOut.String())
		}
		return out.String()
	}
	migrate()
	if out := migrate(); !strings.Contains(out, "nothing written") || strings.Contains(out, "dry run on") || strings.Contains(out, "dry run skipped") {
		b.Fatalf("the re-run is not a no-op:\n%s", out)
	}
	b.ReportAllocs()
	for b.Loop() {
		migrate()
	}
}
