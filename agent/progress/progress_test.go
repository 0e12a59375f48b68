package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// script drives a Line through one table repaired on its second attempt
// and one that fails.
func script(l *Line) {
	l.Start(2)
	l.Table("int_a")
	l.Step(1, 3, "asking the model")
	l.Step(1, 3, "dry run")
	l.Step(2, 3, "replaying the cache")
	l.Done("llm")
	l.Table("int_b")
	l.Step(1, 1, "parse and lint")
	l.Done("failed")
	l.Clear()
}

func TestPlainLines(t *testing.T) {
	var b bytes.Buffer
	l := New(&b, false)
	l.Now = func() time.Time { return time.Date(2026, 11, 22, 7, 45, 12, 0, time.UTC) }
	script(l)
	want := `2026-11-22T07:45:12Z LLM 0/2 tables done · int_a: started
2026-11-22T07:45:12Z LLM 0/2 tables done · int_a: attempt 1/3: asking the model
2026-11-22T07:45:12Z LLM 0/2 tables done · int_a: attempt 1/3: dry run
2026-11-22T07:45:12Z LLM 0/2 tables done · int_a: attempt 2/3: replaying the cache
2026-11-22T07:45:12Z LLM 1/2 tables done · int_a: llm
2026-11-22T07:45:12Z LLM 1/2 tables done · int_b: started
2026-11-22T07:45:12Z LLM 1/2 tables done · int_b: attempt 1/1: parse and lint
2026-11-22T07:45:12Z LLM 2/2 tables done · int_b: failed
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestLiveLine(t *testing.T) {
	var b bytes.Buffer
	script(New(&b, true))
	out := b.String()
	if strings.Contains(out, "\n") {
		t.Errorf("a live line has no newline: %q", out)
	}
	frames := strings.Split(out, "\r")
	if len(frames) != 10 || frames[0] != "" {
		t.Fatalf("want 8 rewrites and a clear, got %q", frames)
	}
	if frames[4] != "LLM 0/2 tables done · int_a: attempt 2/3: replaying the cache\x1b[K" {
		t.Errorf("frame %q", frames[4])
	}
	if frames[9] != "\x1b[K" {
		t.Errorf("Clear left %q", frames[9])
	}
}

func TestIsTerminal(t *testing.T) {
	if IsTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "x")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
}
