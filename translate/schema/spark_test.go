package schema

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Spark's answers are cached in testdata so that go test is fast and works
// offline. -spark re-runs real Spark (pyspark from validate/sparkenv) and
// compares with its live answer; -update also rewrites the cached files.
var (
	runSpark = flag.Bool("spark", false, "ask real Spark (validate/sparkenv) instead of the cached answers")
	update   = flag.Bool("update", false, "ask real Spark and rewrite the cached answers in testdata")
)

// repoRoot is the repository root, two levels above this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// sparkPython returns the venv python with pyspark, or skips the test when
// it is not available.
func sparkPython(t testing.TB) string {
	t.Helper()
	root := repoRoot(t)
	out, err := exec.Command("bash", filepath.Join(root, "validate/sparkenv/venv.sh")).Output()
	py := strings.TrimSpace(string(out))
	if err != nil || py == "" {
		t.Skipf("no Spark python (validate/sparkenv/venv.sh: %v)", err)
	}
	if _, err := os.Stat(py); err != nil {
		t.Skipf("no Spark python at %s", py)
	}
	return py
}

// runPython runs a helper script of validate/sparkenv and returns stdout.
func runPython(t testing.TB, script string, args ...string) []byte {
	t.Helper()
	py := sparkPython(t)
	cmd := exec.Command(py, append([]string{filepath.Join(repoRoot(t), "validate/sparkenv", script)}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	return out
}

// sparkAnswer returns the cached answer in testdata/name, refreshed from
// Spark first with -spark or -update.
func sparkAnswer(t testing.TB, name string, ask func() []byte) []byte {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *runSpark || *update {
		out := ask()
		if *update {
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return out
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to ask Spark)", err)
	}
	return b
}
