package printer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/printer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

const corpusDir = "../parser/testdata/corpus"

// treeDiff compares two statements ignoring positions, statement text and
// end, and what the printer writes canonically rather than as written (the
// raw text of a TABLESAMPLE; in Flink, the raw text of non-numeric
// literals, printed from their value). It returns "" when they are equal.
func treeDiff(d token.Dialect, want, got ast.Node) string {
	normalize(d, want)
	normalize(d, got)
	return cmp.Diff(want, got,
		cmpopts.IgnoreTypes(token.Pos{}),
		cmpopts.IgnoreFields(ast.StmtBase{}, "Text", "End"),
		cmpopts.IgnoreFields(ast.TableSample{}, "Raw"),
	)
}

func normalize(d token.Dialect, n ast.Node) {
	if d != token.Flink {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if l, ok := n.(*ast.Literal); ok && l.Kind != ast.LitNumber {
			l.Raw = ""
			if l.Kind == ast.LitBool || l.Kind == ast.LitNull {
				l.Value = strings.ToUpper(l.Value)
			}
		}
		return true
	})
}

type corpusStmt struct {
	file string
	idx  int
	stmt ast.Stmt
}

func loadCorpus(t *testing.T, d token.Dialect) []corpusStmt {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, d.String(), "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var out []corpusStmt
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, _ := parser.ParseFile(f, string(src), d)
		for i, s := range file.Stmts {
			out = append(out, corpusStmt{file: filepath.Base(f), idx: i, stmt: s})
		}
	}
	return out
}

// TestRoundTripCorpus checks, for every statement of the parser corpus in
// its own dialect, that parse(print(parse(x))) equals parse(x) and that
// printing is idempotent.
func TestRoundTripCorpus(t *testing.T) {
	for _, d := range []token.Dialect{token.Spark, token.Flink} {
		t.Run(d.String(), func(t *testing.T) {
			stmts := loadCorpus(t, d)
			if len(stmts) == 0 {
				t.Skip("no corpus yet")
			}
			cfg := printer.Config{Dialect: d}
			pass, bad := 0, 0
			for _, cs := range stmts {
				if _, isBad := cs.stmt.(*ast.BadStmt); isBad {
					bad++
					continue
				}
				name := fmt.Sprintf("%s#%d", cs.file, cs.idx+1)
				strict := false
				t.Run(name, func(t *testing.T) {
					checkRoundTrip(t, d, cfg, cs.stmt)
					strict = !t.Skipped()
				})
				if strict {
					pass++
				}
			}
			t.Logf("%s: %d/%d statements round-trip exactly (%d did not parse and were skipped)",
				d, pass, len(stmts)-bad, bad)
		})
	}
}

func checkRoundTrip(t *testing.T, d token.Dialect, cfg printer.Config, s ast.Stmt) {
	t.Helper()
	out := printer.PrintFile(&ast.File{Stmts: []ast.Stmt{s}}, cfg)
	f2, errs := parser.ParseFile("printed.sql", out, d)
	if len(errs) > 0 || len(f2.Stmts) != 1 {
		t.Fatalf("printed statement does not re-parse (%d statements): %v\n--- source\n%s\n--- printed\n%s",
			len(f2.Stmts), errs, s.Base().Text, out)
	}
	if diff := treeDiff(d, s, f2.Stmts[0]); diff != "" {
		if sameButComments(d, s, f2.Stmts[0]) {
			t.Errorf("comments moved to other nodes:\n%s\n--- printed\n%s", diff, out)
		}
		t.Fatalf("re-parsed tree differs (-want +got):\n%s\n--- source\n%s\n--- printed\n%s", diff, s.Base().Text, out)
	}
	out2 := printer.PrintFile(f2, cfg)
	if out2 != out {
		t.Fatalf("printing is not idempotent:\n--- first\n%s\n--- second\n%s", out, out2)
	}
}

// TestRoundTripCorpusFiles does the same for whole corpus files, so that
// comments between statements stay with the statement they belong to.
func TestRoundTripCorpusFiles(t *testing.T) {
	for _, d := range []token.Dialect{token.Spark, token.Flink} {
		files, err := filepath.Glob(filepath.Join(corpusDir, d.String(), "*.sql"))
		if err != nil {
			t.Fatal(err)
		}
		cfg := printer.Config{Dialect: d}
		for _, name := range files {
			t.Run(d.String()+"/"+filepath.Base(name), func(t *testing.T) {
				src, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				f1, _ := parser.ParseFile(name, string(src), d)
				out := printer.PrintFile(f1, cfg)
				f2, _ := parser.ParseFile(name, out, d)
				if len(f1.Stmts) != len(f2.Stmts) {
					t.Fatalf("%d statements, %d after printing:\n%s", len(f1.Stmts), len(f2.Stmts), out)
				}
				for i := range f1.Stmts {
					if diff := treeDiff(d, f1.Stmts[i], f2.Stmts[i]); diff != "" {
						if sameFileButComments(d, f1, f2) {
							t.Errorf("comments moved to other nodes:\n%s", diff)
						}
						t.Errorf("statement %d differs after printing (-want +got):\n%s\n--- source\n%s", i+1, diff, f1.Stmts[i].Base().Text)
					}
				}
				if out2 := printer.PrintFile(f2, cfg); out2 != out && !t.Skipped() {
					t.Errorf("printing is not idempotent:\n%s", cmp.Diff(out, out2))
				}
			})
		}
	}
}

// sameButComments reports whether a and b are equal once every comment is
// detached, and hold the same comments (as a multiset).
func sameButComments(d token.Dialect, a, b ast.Stmt) bool {
	ca, cb := detachComments(reflect.ValueOf(a)), detachComments(reflect.ValueOf(b))
	sort.Strings(ca)
	sort.Strings(cb)
	return treeDiff(d, a, b) == "" && reflect.DeepEqual(ca, cb)
}

func sameFileButComments(d token.Dialect, f1, f2 *ast.File) bool {
	var ca, cb []string
	for i := range f1.Stmts {
		ca = append(ca, detachComments(reflect.ValueOf(f1.Stmts[i]))...)
		cb = append(cb, detachComments(reflect.ValueOf(f2.Stmts[i]))...)
		if treeDiff(d, f1.Stmts[i], f2.Stmts[i]) != "" {
			return false
		}
	}
	sort.Strings(ca)
	sort.Strings(cb)
	return reflect.DeepEqual(ca, cb)
}

var commentsType = reflect.TypeOf(ast.Comments{})

// detachComments clears every ast.Comments in the tree under v and returns
// the comments it held.
func detachComments(v reflect.Value) []string {
	var out []string
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = append(out, detachComments(v.Elem())...)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			out = append(out, detachComments(v.Index(i))...)
		}
	case reflect.Struct:
		if v.Type() == commentsType {
			c := v.Addr().Interface().(*ast.Comments)
			out = append(out, c.Before...)
			out = append(out, c.After...)
			*c = ast.Comments{}
			return out
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = append(out, detachComments(v.Field(i))...)
			}
		}
	}
	return out
}
