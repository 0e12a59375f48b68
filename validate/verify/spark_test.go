package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Spark copy of spark_src keeps every line of every file: only the
// clock and the CSV paths change, in place.
func TestPrepareSparkKeepsLines(t *testing.T) {
	root := repoRoot(t)
	src := filepath.Join(root, "spark_src")
	dst := t.TempDir()
	sp, err := prepareSpark(src, dst, []string{root}, DefaultNow)
	if err != nil {
		t.Fatal(err)
	}
	if sp.pinned == 0 || len(sp.csv) != 10 {
		t.Errorf("pinned %d clock expressions, %d CSV inputs; want some, and 10", sp.pinned, len(sp.csv))
	}
	for name, path := range sp.csv {
		if !filepath.IsAbs(path) {
			t.Errorf("%s: CSV path %s is not absolute", name, path)
		}
	}
	err = filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(dst, rel))
		if err != nil {
			t.Errorf("%s: not copied: %v", rel, err)
			return nil
		}
		al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
		if len(al) != len(bl) {
			t.Errorf("%s: %d lines, copy %d", rel, len(al), len(bl))
			return nil
		}
		for i := range al {
			if al[i] != bl[i] && !strings.Contains(bl[i], "DATE '2024-06-15'") && !strings.Contains(bl[i], "path '/") {
				t.Errorf("%s:%d: changed beyond the clock and the path:\n%s\n%s", rel, i+1, al[i], bl[i])
			}
			if strings.Contains(strings.ToLower(bl[i]), "current_date()") {
				t.Errorf("%s:%d: clock left: %s", rel, i+1, bl[i])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
