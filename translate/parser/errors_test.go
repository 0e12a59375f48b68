package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// errorCase is one block of testdata/errors/*.txt: an invalid statement and
// the position and message our parser must report for it.
type errorCase struct {
	src       string
	line, col int
	msg       *regexp.Regexp
	where     string
}

var errorLine = regexp.MustCompile(`^-- ERROR (\d+):(\d+): (.*)$`)

func readErrorCases(t *testing.T, path string) []errorCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []errorCase
	var block []string
	start := 0
	for i, line := range strings.Split(string(b), "\n") {
		if m := errorLine.FindStringSubmatch(line); m != nil {
			l, _ := strconv.Atoi(m[1])
			c, _ := strconv.Atoi(m[2])
			cases = append(cases, errorCase{src: strings.Join(block, "\n"), line: l, col: c,
				msg: regexp.MustCompile(m[3]), where: fmt.Sprintf("%s:%d", path, start+1)})
			block = nil
			continue
		}
		trimmed := strings.TrimSpace(line)
		if len(block) == 0 && (trimmed == "" || strings.HasPrefix(trimmed, "--")) {
			continue
		}
		if len(block) == 0 {
			start = i
		}
		block = append(block, line)
	}
	return cases
}

// TestErrorMessages checks every negative case: exactly the position of the
// offending token and a message saying what was expected.
func TestErrorMessages(t *testing.T) {
	for _, d := range []token.Dialect{token.Spark, token.Flink} {
		path := filepath.Join("testdata", "errors", d.String()+".txt")
		for _, ec := range readErrorCases(t, path) {
			_, errs := ParseFile("e.sql", ec.src, d)
			if len(errs) == 0 {
				t.Errorf("%s: no error for %q", ec.where, ec.src)
				continue
			}
			e := errs[0]
			if e.Line != ec.line || e.Col != ec.col || !ec.msg.MatchString(e.Msg) {
				t.Errorf("%s: got %d:%d: %s\n\twant %d:%d: %s", ec.where, e.Line, e.Col, e.Msg, ec.line, ec.col, ec.msg)
			}
		}
	}
}
