package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// corpusFiles returns the statement corpus of one dialect.
func corpusFiles(tb testing.TB, dialect string) map[string]string {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "corpus", dialect, "*.sql"))
	out := map[string]string{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[p] = string(b)
	}
	return out
}

// FuzzParser checks that no input makes the parser panic or hang, and that
// every statement's recorded text is a slice of the input.
func FuzzParser(f *testing.F) {
	for _, d := range []string{"spark", "flink"} {
		for _, src := range corpusFiles(f, d) {
			for _, stmt := range strings.Split(src, ";") {
				f.Add(stmt, d == "flink")
			}
		}
	}
	f.Add("SELECT a, b FROM t WHERE x IN (1, 2) GROUP BY a", false)
	f.Add("CREATE TABLE t (a INT, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka')", true)
	f.Fuzz(func(t *testing.T, src string, flink bool) {
		d := token.Spark
		if flink {
			d = token.Flink
		}
		file, errs := ParseFile("fuzz.sql", src, d)
		for _, s := range file.Stmts {
			if txt := s.Base().Text; txt != "" && !strings.Contains(src, txt) {
				t.Fatalf("statement text %q is not part of the input", txt)
			}
		}
		for _, e := range errs {
			if !e.Pos.IsValid() {
				t.Fatalf("error without position: %v", e)
			}
		}
	})
}

func benchCorpus(b *testing.B, dialect string, d token.Dialect) {
	files := corpusFiles(b, dialect)
	if len(files) == 0 {
		b.Skip("no corpus")
	}
	var total int
	stmts := 0
	for name, src := range files {
		total += len(src)
		f, _ := ParseFile(name, src, d)
		stmts += len(f.Stmts)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		for name, src := range files {
			ParseFile(name, src, d)
		}
	}
	b.ReportMetric(float64(stmts)*float64(b.N)/b.Elapsed().Seconds(), "stmts/s")
}

// BenchmarkParseSpark measures parse throughput on the Spark corpus.
func BenchmarkParseSpark(b *testing.B) { benchCorpus(b, "spark", token.Spark) }

// BenchmarkParseFlink measures parse throughput on the Flink corpus.
func BenchmarkParseFlink(b *testing.B) { benchCorpus(b, "flink", token.Flink) }
