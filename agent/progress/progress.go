// Package progress shows how far the LLM loop is: on a terminal one live
// line, rewritten in place (tables done/total, current table, attempt and
// step); otherwise, for logs and CI, one timestamped line per step.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Line writes progress to W. Its methods are not safe for concurrent use.
type Line struct {
	w    io.Writer
	live bool
	// Now stamps the plain lines; time.Now if nil.
	Now func() time.Time

	total, done int
	table       string
	shown       bool // a live line is on screen
}

// New returns a Line writing to w: live (rewritten with \r) when live is
// true, plain timestamped lines otherwise. See IsTerminal.
func New(w io.Writer, live bool) *Line { return &Line{w: w, live: live} }

// IsTerminal reports whether w is a character device (a terminal), the
// only place where a line rewritten with \r reads well.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Start sets the number of tables to do.
func (l *Line) Start(total int) { l.total, l.done = total, 0 }

// Table starts the work on one table.
func (l *Line) Table(name string) {
	l.table = name
	l.show("started")
}

// Step reports a step of an attempt on the current table.
func (l *Line) Step(attempt, max int, step string) {
	l.show(fmt.Sprintf("attempt %d/%d: %s", attempt, max, step))
}

// Done ends the current table with its outcome ("llm", "failed", ...).
func (l *Line) Done(outcome string) {
	l.done++
	l.show(outcome)
	l.table = ""
}

// Clear removes the live line, so that other output starts at column 0.
// Plain lines need no clearing.
func (l *Line) Clear() {
	if l.live && l.shown {
		io.WriteString(l.w, "\r\x1b[K")
		l.shown = false
	}
}

func (l *Line) show(what string) {
	msg := fmt.Sprintf("LLM %d/%d tables done", l.done, l.total)
	if l.table != "" {
		msg += " · " + l.table + ": " + what
	}
	if l.live {
		// \x1b[K erases what a longer previous line left behind.
		fmt.Fprintf(l.w, "\r%s\x1b[K", strings.ReplaceAll(msg, "\n", " "))
		l.shown = true
		return
	}
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	fmt.Fprintf(l.w, "%s %s\n", now().UTC().Format(time.RFC3339), msg)
}
