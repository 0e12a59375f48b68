// Package diag is the one list of findings shared by every stage: parse
// errors, untranslatable constructs, lint findings and dry-run errors. Each
// entry prints as "file:line:col: severity: [rule] message".
package diag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Severity orders findings; Error is the most severe.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// Diagnostic is one finding at a position.
type Diagnostic struct {
	token.Position
	Severity Severity
	Rule     string // stable identifier, empty for plain syntax errors
	Msg      string
}

func (d *Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Position.String())
	b.WriteString(": ")
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if d.Rule != "" {
		b.WriteString("[" + d.Rule + "] ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List is a list of findings. The zero value is ready to use.
type List []*Diagnostic

// Add appends a finding.
func (l *List) Add(file string, pos token.Pos, sev Severity, rule, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	*l = append(*l, &Diagnostic{Position: token.Position{File: file, Pos: pos}, Severity: sev, Rule: rule, Msg: msg})
}

// Errorf appends an error without a rule id.
func (l *List) Errorf(file string, pos token.Pos, format string, args ...any) {
	l.Add(file, pos, Error, "", format, args...)
}

// Append adds all findings of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders findings by file, then position.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// HasErrors reports whether any finding is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns how many findings have the given severity.
func (l List) Count(sev Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == sev {
			n++
		}
	}
	return n
}

// Err returns nil when the list holds no error, else the list as an error.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error prints the first finding and how many more there are.
func (l List) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", l[0].Error(), len(l)-1)
}

// String prints one finding per line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.Error())
		b.WriteByte('\n')
	}
	return b.String()
}
