// Package check compares a folder as it is with the folder a run would
// produce, file by file, and renders the differences as unified diffs
// (github.com/sergi/go-diff, line mode). migrate --check uses it to prove
// that a committed output is up to date without writing into it.
package check

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Kind says how a file differs.
type Kind string

const (
	// Changed: the file is in both folders with different bytes.
	Changed Kind = "changed"
	// Missing: the run produces the file; the folder does not have it.
	Missing Kind = "missing"
	// Extra: the folder has the file; the run would remove it.
	Extra Kind = "extra"
)

// Difference is one file that differs.
type Difference struct {
	Path string // slash path relative to the compared folders
	Kind Kind
	// Diff is the unified diff of a Changed file ("" for the others).
	Diff string
}

// Options tune Compare.
type Options struct {
	// Name is how the existing folder is named in the diff headers
	// (--- Name/path); default: the folder as given.
	Name string
	// Context is the number of unchanged lines around each change
	// (default 3).
	Context int
	// Normalize, when set, rewrites an existing file's bytes before they are
	// compared (for parts that depend on the environment, not on the
	// input). It gets the slash path and returns the bytes to compare.
	Normalize func(rel string, data []byte) []byte
}

// Compare lists the regular files that differ between existing (the folder
// as it is) and generated (what the run produces), sorted by path. A
// missing folder has no files.
func Compare(existing, generated string, o Options) ([]Difference, error) {
	if o.Name == "" {
		o.Name = filepath.ToSlash(existing)
	}
	if o.Context <= 0 {
		o.Context = 3
	}
	old, err := Files(existing)
	if err != nil {
		return nil, err
	}
	gen, err := Files(generated)
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for n := range old {
		names[n] = true
	}
	for n := range gen {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var out []Difference
	for _, n := range sorted {
		_, inOld := old[n]
		_, inGen := gen[n]
		switch {
		case !inOld:
			out = append(out, Difference{Path: n, Kind: Missing})
			continue
		case !inGen:
			out = append(out, Difference{Path: n, Kind: Extra})
			continue
		}
		a, err := os.ReadFile(filepath.Join(existing, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		b, err := os.ReadFile(filepath.Join(generated, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		if o.Normalize != nil {
			a = o.Normalize(n, a)
		}
		if bytes.Equal(a, b) {
			continue
		}
		out = append(out, Difference{Path: n, Kind: Changed,
			Diff: Unified(string(a), string(b), path.Join(o.Name, n), "generated", o.Context)})
	}
	return out, nil
}

// Files returns the regular files below dir as slash paths relative to it.
// A missing dir has none.
func Files(dir string) (map[string]bool, error) {
	out := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			out[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	return out, err
}

// op is one line of a diff: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	text string // with its newline, if it had one
}

// Unified renders the line differences between a and b as a unified diff
// with headers "--- aName" and "+++ bName" and context lines around each
// change; "" when they are equal.
func Unified(a, b, aName, bName string, context int) string {
	if a == b {
		return ""
	}
	dmp := diffmatchpatch.New()
	ra, rb, lines := dmp.DiffLinesToRunes(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(ra, rb, false), lines)
	var ops []op
	for _, d := range diffs {
		k := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			k = '-'
		case diffmatchpatch.DiffInsert:
			k = '+'
		}
		for _, l := range splitLines(d.Text) {
			ops = append(ops, op{k, l})
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", aName, bName)
	// Old and new line numbers (1-based) at the start of each op.
	oldAt := make([]int, len(ops)+1)
	newAt := make([]int, len(ops)+1)
	oldAt[0], newAt[0] = 1, 1
	for i, o := range ops {
		oldAt[i+1], newAt[i+1] = oldAt[i], newAt[i]
		if o.kind != '+' {
			oldAt[i+1]++
		}
		if o.kind != '-' {
			newAt[i+1]++
		}
	}
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change that is at most 2*context lines further.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
				continue
			}
			if j-end >= 2*context {
				break
			}
		}
		stop := min(end+context, len(ops))
		writeHunk(&sb, ops[start:stop], oldAt[start], newAt[start])
		i = stop
	}
	return sb.String()
}

func writeHunk(sb *strings.Builder, ops []op, oldLine, newLine int) {
	oldN, newN := 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			oldN++
		}
		if o.kind != '-' {
			newN++
		}
	}
	fmt.Fprintf(sb, "@@ -%s +%s @@\n", hunkRange(oldLine, oldN), hunkRange(newLine, newN))
	for _, o := range ops {
		sb.WriteByte(o.kind)
		sb.WriteString(o.text)
		if !strings.HasSuffix(o.text, "\n") {
			sb.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange prints start,count as diff -u does: an empty range starts at
// the line before it.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitLines splits s after each newline; a last line without one is kept.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
