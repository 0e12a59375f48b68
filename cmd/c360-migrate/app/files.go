package app

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// stdinPath is the PATH argument that means "read SQL from standard input".
const stdinPath = "-"

// dialectAuto is the --dialect value that picks the dialect per file.
const dialectAuto = "auto"

// source is one input file to parse: where it came from, and the error that
// prevented reading it, if any.
type source struct {
	path string
	err  error // the path could not be read; nothing to parse
}

// sqlFiles expands the PATH arguments into the files to parse, in order:
// each argument in the order given; a folder becomes every *.sql file below
// it, sorted by path, skipping folders whose name starts with "."; a file
// is taken whatever its suffix. A path that cannot be read is kept with its
// error, so that one bad path never hides the others. Paths named twice are
// read once.
func sqlFiles(paths []string) []source {
	var out []source
	seen := map[string]bool{}
	add := func(s source) {
		if s.err == nil && seen[s.path] {
			return
		}
		seen[s.path] = true
		out = append(out, s)
	}
	for _, root := range paths {
		if root == stdinPath {
			add(source{path: stdinPath})
			continue
		}
		info, err := os.Stat(root)
		if err != nil {
			add(source{path: root, err: err})
			continue
		}
		if !info.IsDir() {
			add(source{path: root})
			continue
		}
		var found []string
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				add(source{path: path, err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".sql") {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			add(source{path: root, err: err})
		}
		// WalkDir visits a folder's entries in lexical order, which puts
		// "a/b.sql" before "a.sql"; sorting the paths gives the order of ls.
		sort.Strings(found)
		for _, p := range found {
			add(source{path: p})
		}
	}
	return out
}

// parsedFile is the result of parsing one source.
type parsedFile struct {
	path    string
	dialect token.Dialect
	file    *ast.File // nil when the file could not be read
	diags   diag.List // sorted; a read error is one entry without a position
}

// errors counts the errors found in the file, a read error included.
func (f *parsedFile) errors() int { return f.diags.Count(diag.Error) }

// parseSources reads and parses each source with its dialect. It stops early,
// returning what it has and ctx's error, only when ctx is cancelled.
func parseSources(ctx context.Context, srcs []source, stdin io.Reader, dialectOf func(string) token.Dialect) ([]*parsedFile, error) {
	out := make([]*parsedFile, 0, len(srcs))
	for _, s := range srcs {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		pf := &parsedFile{path: s.path, dialect: dialectOf(s.path)}
		text, err := readSource(s, stdin)
		if err != nil {
			pf.diags.Errorf(s.path, token.Pos{}, "cannot read: %v", unwrapPathError(err))
		} else {
			pf.file, pf.diags = parser.ParseFile(s.path, text, pf.dialect)
			pf.diags.Sort()
		}
		out = append(out, pf)
	}
	return out, nil
}

func readSource(s source, stdin io.Reader) (string, error) {
	if s.err != nil {
		return "", s.err
	}
	var b []byte
	var err error
	if s.path == stdinPath {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(s.path)
	}
	return string(b), err
}

// unwrapPathError drops the path from an *fs.PathError: the diagnostic
// already starts with it.
func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// dialectFor returns the function that gives the dialect of a path for the
// --dialect value v: fixed for spark and flink; for auto, flink when a
// folder in the path as given starts with "flink" or the file name ends in
// ".flink.sql", else spark.
func dialectFor(v string) (func(string) token.Dialect, error) {
	if v == dialectAuto {
		return autoDialect, nil
	}
	d, err := token.ParseDialect(v)
	if err != nil {
		return nil, err
	}
	return func(string) token.Dialect { return d }, nil
}

func autoDialect(path string) token.Dialect {
	if path == stdinPath {
		return token.Spark
	}
	p := filepath.ToSlash(filepath.Clean(path))
	if strings.HasSuffix(strings.ToLower(p), ".flink.sql") {
		return token.Flink
	}
	parts := strings.Split(p, "/")
	for _, dir := range parts[:len(parts)-1] {
		if strings.HasPrefix(strings.ToLower(dir), "flink") {
			return token.Flink
		}
	}
	return token.Spark
}
