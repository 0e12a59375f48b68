package parser

import (
	"path/filepath"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// TestCorpusParses parses every file of the statement corpus
// (testdata/corpus/{spark,flink}/*.sql) and reports each error.
func TestCorpusParses(t *testing.T) {
	for _, d := range []token.Dialect{token.Spark, token.Flink} {
		for path, src := range corpusFiles(t, d.String()) {
			t.Run(d.String()+"/"+filepath.Base(path), func(t *testing.T) {
				f, errs := ParseFile(path, src, d)
				for _, e := range errs {
					t.Errorf("%v", e)
				}
				if len(f.Stmts) == 0 && len(src) > 0 {
					t.Logf("no statements")
				}
			})
		}
	}
}
