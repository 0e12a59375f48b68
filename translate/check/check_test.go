package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/check"
)

func TestUnified(t *testing.T) {
	var a, b []string
	for i := 1; i <= 20; i++ {
		a = append(a, "line "+string(rune('a'+i)))
	}
	b = append(b, a...)
	b[9] = "changed"
	b = append(b[:15], b[16:]...) // remove line 16
	got := check.Unified(strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n", "out/x.sql", "generated", 3)
	want := `--- out/x.sql
+++ generated
@@ -7,13 +7,12 @@
 line h
 line i
 line j
-line k
+changed
 line l
 line m
 line n
 line o
 line p
-line q
 line r
 line s
 line t
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if d := check.Unified("x\n", "x\n", "a", "b", 3); d != "" {
		t.Errorf("equal texts: got %q", d)
	}
	d := check.Unified("x", "y\n", "a", "b", 3)
	if want := "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n"; d != want {
		t.Errorf("no newline: got %q want %q", d, want)
	}
	// Two changes far apart make two hunks.
	b = append([]string(nil), a...)
	b[1], b[18] = "one", "two"
	d = check.Unified(strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n", "a", "b", 2)
	if n := strings.Count(d, "@@ -"); n != 2 {
		t.Errorf("want 2 hunks, got %d:\n%s", n, d)
	}
	if !strings.Contains(d, "@@ -1,4 +1,4 @@\n") || !strings.Contains(d, "@@ -17,4 +17,4 @@\n") {
		t.Errorf("hunk ranges:\n%s", d)
	}
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for n, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCompare(t *testing.T) {
	old, gen := t.TempDir(), t.TempDir()
	writeTree(t, old, map[string]string{"a/same.sql": "x\n", "a/changed.sql": "1\n2\n3\n", "extra.md": "e\n", "norm.xml": "<a><dry/></a>\n"})
	writeTree(t, gen, map[string]string{"a/same.sql": "x\n", "a/changed.sql": "1\nTWO\n3\n", "b/missing.sql": "m\n", "norm.xml": "<a></a>\n"})
	ds, err := check.Compare(old, gen, check.Options{Name: "flink_out", Normalize: func(rel string, b []byte) []byte {
		if rel == "norm.xml" {
			return []byte(strings.ReplaceAll(string(b), "<dry/>", ""))
		}
		return b
	}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, string(d.Kind)+" "+d.Path)
	}
	if want := "changed a/changed.sql,missing b/missing.sql,extra extra.md"; strings.Join(got, ",") != want {
		t.Fatalf("got %v, want %s", got, want)
	}
	if want := "--- flink_out/a/changed.sql\n+++ generated\n@@ -1,3 +1,3 @@\n 1\n-2\n+TWO\n 3\n"; ds[0].Diff != want {
		t.Errorf("diff:\n%s\nwant\n%s", ds[0].Diff, want)
	}
	// A folder that does not exist has no files: all generated ones are missing.
	ds, err = check.Compare(filepath.Join(old, "nope"), gen, check.Options{})
	if err != nil || len(ds) != 4 {
		t.Errorf("missing folder: %v %v", ds, err)
	}
}
