package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/c360-migrate/c360-migrate/validate/lint"
)

// TestCorpusDoesNotPanic lints every file of the Flink parser corpus (223
// statements validated with Flink's own parser), each as the DDL and the
// DML of one table, in both profiles: no rule may panic on valid Flink SQL,
// and none of it is a syntax error.
func TestCorpusDoesNotPanic(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "translate", "parser", "testdata", "corpus", "flink", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Skip("no Flink corpus")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, profile := range []string{lint.Confluent, lint.OSS} {
			l := lint.LintTable(name, string(data), name, string(data), profile, nil)
			for _, d := range l {
				if d.Rule == lint.SyntaxParse {
					t.Errorf("%s", d)
				}
			}
		}
	}
}
