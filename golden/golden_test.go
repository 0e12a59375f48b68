// Package golden holds the expected outputs of c360-migrate on its test
// corpora and the test that compares a fresh run with them. Each case is a
// folder cases/<name>/ with a Spark project in spark/ and the expected
// output in expected/ (the pipelines tree, the report and what the command
// printed). The c360 project (spark_src/) is compared with the committed
// flink_out/ and with c360/. Run `go test ./golden -update` to rewrite the
// expectations after a deliberate change, and review the diff.
package golden

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/c360-migrate/c360-migrate/cmd/c360-migrate/app"
)

// prFile is the pull-request description of the c360 run, compared with
// c360/PULL_REQUEST.md.
const prFile = "PULL_REQUEST.md"

var update = flag.Bool("update", false, "rewrite the golden files with the current output")

// run migrates spark into a temporary folder and returns the output tree
// (path -> content) including stdout.txt and report files.
func run(t *testing.T, spark string, extra ...string) map[string]string {
	t.Helper()
	out := t.TempDir()
	// The dry run on Flink is tested in cmd/c360-migrate/app; the golden
	// outputs are those of the translation alone.
	args := []string{"migrate", "--skip-dry-run", "--no-llm", "--out", out, "--report", filepath.Join(out, "report")}
	for _, a := range extra {
		// OUT/ in an argument is the output folder.
		args = append(args, strings.Replace(a, "OUT/", out+"/", 1))
	}
	args = append(args, spark)
	var stdout, stderr bytes.Buffer
	code := app.Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
	tree := readTree(t, out)
	if pr, ok := tree[prFile]; ok {
		tree[prFile] = strings.ReplaceAll(pr, out, "OUT") // its command line names the folder
	}
	// The temporary folder's name is not part of the expectation.
	tree["stdout.txt"] = strings.ReplaceAll(stdout.String(), out, "OUT")
	tree["exit_code.txt"] = strings.TrimSpace(strings.ReplaceAll(stderr.String(), out, "OUT")+"\n") + "\nexit " + itoa(code) + "\n"
	return tree
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// readTree reads every file below dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	if _, err := os.Stat(dir); err != nil {
		return tree
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// compare fails with a unified line diff per file that differs, or
// rewrites dir with -update.
func compare(t *testing.T, got map[string]string, dir string, only func(string) bool) {
	t.Helper()
	want := readTree(t, dir)
	for k := range want {
		if !only(k) {
			delete(want, k)
		}
	}
	for k := range got {
		if !only(k) {
			delete(got, k)
		}
	}
	if *update {
		for k := range want {
			if _, ok := got[k]; !ok {
				os.Remove(filepath.Join(dir, filepath.FromSlash(k)))
			}
		}
		for k, v := range got {
			p := filepath.Join(dir, filepath.FromSlash(k))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(v), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var names []string
	for k := range got {
		names = append(names, k)
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		g, gok := got[k]
		w, wok := want[k]
		switch {
		case !wok:
			t.Errorf("%s: new file not in %s (run go test ./golden -update and review)", k, dir)
		case !gok:
			t.Errorf("%s: expected file not produced", k)
		case g != w:
			t.Errorf("%s differs from %s:\n%s", k, dir, unifiedDiff(w, g))
		}
	}
}

// unifiedDiff renders a line diff of want -> got with 2 lines of context.
func unifiedDiff(want, got string) string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(want, got)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var out strings.Builder
	out.WriteString("--- want\n+++ got\n")
	const context = 2
	for i, d := range diffs {
		ls := strings.SplitAfter(d.Text, "\n")
		if ls[len(ls)-1] == "" {
			ls = ls[:len(ls)-1]
		}
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			for _, l := range ls {
				out.WriteString("-" + strings.TrimSuffix(l, "\n") + "\n")
			}
		case diffmatchpatch.DiffInsert:
			for _, l := range ls {
				out.WriteString("+" + strings.TrimSuffix(l, "\n") + "\n")
			}
		default:
			if len(ls) <= 2*context {
				for _, l := range ls {
					out.WriteString(" " + strings.TrimSuffix(l, "\n") + "\n")
				}
				continue
			}
			if i > 0 {
				for _, l := range ls[:context] {
					out.WriteString(" " + strings.TrimSuffix(l, "\n") + "\n")
				}
			}
			out.WriteString("@@\n")
			if i < len(diffs)-1 {
				for _, l := range ls[len(ls)-context:] {
					out.WriteString(" " + strings.TrimSuffix(l, "\n") + "\n")
				}
			}
		}
	}
	return out.String()
}

// TestCases runs every translation-corpus case.
func TestCases(t *testing.T) {
	cases, _ := filepath.Glob(filepath.Join("cases", "*"))
	if len(cases) == 0 {
		t.Fatal("no golden cases found")
	}
	for _, c := range cases {
		t.Run(filepath.Base(c), func(t *testing.T) {
			got := run(t, filepath.Join(c, "spark"), "--product", filepath.Base(c))
			compare(t, got, filepath.Join(c, "expected"), func(string) bool { return true })
		})
	}
}

// TestC360 migrates spark_src and compares with the committed flink_out/
// (the pipelines) and with c360/ (what the command printed and the report).
func TestC360(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "shared", "data")); err != nil {
		t.Skip("../shared/data (the c360 CSV inputs) is not beside the repository")
	}
	wd, _ := os.Getwd()
	root := filepath.Dir(wd)
	// spark_src refers to its CSVs relative to the repository root.
	if err := os.Chdir(root); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	got := run(t, "spark_src", "--product", "c360", "--pr-description", "OUT/"+prFile)
	flinkOut := map[string]string{}
	rest := map[string]string{}
	for k, v := range got {
		if strings.HasPrefix(k, "pipelines/") {
			flinkOut[k] = v
		} else {
			rest[k] = v
		}
	}
	compare(t, flinkOut, filepath.Join(root, "flink_out"), func(k string) bool { return strings.HasPrefix(k, "pipelines/") })
	compare(t, rest, filepath.Join(root, "golden", "c360"), func(string) bool { return true })
}
