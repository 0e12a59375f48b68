package load

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// Options control loading.
type Options struct {
	// Vars are the values of {{ var('name') }}. They override the vars:
	// of dbt_project.yml. A value that reads as a Jinja literal (42, 1.5,
	// true, none, 'quoted', ['a', 'b']) takes that type; any other text
	// is a string.
	Vars map[string]string
	// Target is target.name in Jinja; "" means "dev".
	Target string
	// Dialect is the SQL dialect of the files (for Split).
	Dialect token.Dialect
}

// Project is a loaded project.
type Project struct {
	Root  string        // the directory as given
	Files []*SourceFile // the models, sorted by Path; macros/ files are not models
}

// SourceFile is one SQL file: its text as written and as expanded.
type SourceFile struct {
	Path     string // relative to the project root, slash-separated
	Original string
	// Expanded is Original with its Jinja expanded; for a file without
	// Jinja it is Original.
	Expanded string
	// Config holds the keys of {{ config(...) }} as plain strings; lists
	// are comma-joined, booleans are true/false. Nil when there is none.
	Config map[string]string
	Refs   []Ref // ref() and source() calls, in the order they ran
	IsDbt  bool  // the file contains Jinja

	lines lineIndex // of Original
	segs  []segment // nil: identity mapping
}

// Ref is one {{ ref(...) }} or {{ source(...) }} call.
type Ref struct {
	Kind string   // "ref" or "source"
	Args []string // as written: [model], [package, model] or [source, table]
	// Pos is in Original: the ref or source name of the call, or, for a
	// call a macro made, the model's call of that macro.
	Pos token.Pos
}

// ModelName is the model's name, {{ this }}: the file name without .sql.
func (f *SourceFile) ModelName() string { return modelName(f.Path) }

// skipDirs are never searched for SQL files.
var skipDirs = map[string]bool{"target": true, "dbt_packages": true}

// macroDir is the folder whose files hold macros rather than models.
const macroDir = "macros"

// LoadProject loads every *.sql file under dir. (It is not named Project,
// as the brief had it, because Go cannot give a function and a type the
// same name in one package.) Files in a macros/ folder are
// not models, but every {% macro %} they define can be called from any
// model. Hidden folders, target/ and dbt_packages/ are skipped. A file
// that cannot be read or expanded is reported in the returned list and the
// other files load all the same; a model with Jinja errors is still
// returned, expanded as far as it could be.
func LoadProject(dir string, opts Options) (*Project, diag.List) {
	var errs diag.List
	p := &Project{Root: dir}
	e := newEnv(opts)
	if b, err := os.ReadFile(filepath.Join(dir, "dbt_project.yml")); err == nil {
		for k, v := range parseProjectVars(string(b)) {
			if _, set := opts.Vars[k]; !set {
				e.vars[k] = v
			}
		}
	}
	var models, macroFiles []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			errs.Errorf(rel, token.Pos{}, "cannot read: %v", err)
			if d != nil && d.IsDir() && rel != "." {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || skipDirs[d.Name()]) {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".sql") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if inMacroDir(rel) {
			macroFiles = append(macroFiles, rel)
		} else {
			models = append(models, rel)
		}
		return nil
	})
	if err != nil {
		errs.Errorf(dir, token.Pos{}, "cannot read project: %v", err)
	}
	sort.Strings(models)
	sort.Strings(macroFiles)

	for _, rel := range macroFiles {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			errs.Errorf(rel, token.Pos{}, "cannot read: %v", err)
			continue
		}
		e.addMacros(rel, string(src), &errs)
	}
	for _, rel := range models {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			errs.Errorf(rel, token.Pos{}, "cannot read: %v", err)
			continue
		}
		p.Files = append(p.Files, e.expand(rel, string(src), &errs))
	}
	errs.Sort()
	return p, errs
}

// inMacroDir reports whether a slash-separated relative path lies in a
// folder named macros.
func inMacroDir(rel string) bool {
	for _, part := range strings.Split(path.Dir(rel), "/") {
		if part == macroDir {
			return true
		}
	}
	return false
}

// Expand expands one file on its own, without the macros of a project;
// path names it in diagnostics and gives {{ this }}.
func Expand(path, src string, opts Options) (*SourceFile, diag.List) {
	var errs diag.List
	f := newEnv(opts).expand(path, src, &errs)
	errs.Sort()
	return f, errs
}

func newEnv(opts Options) *env {
	e := &env{vars: map[string]value{}, target: opts.Target, macros: map[string]*macroDef{}, limits: defaultLimits}
	if e.target == "" {
		e.target = "dev"
	}
	for k, v := range opts.Vars {
		e.vars[k] = inferValue(v)
	}
	return e
}

// addMacros reads the macros a macros/ file defines; text outside the
// macros is ignored, as dbt does.
func (e *env) addMacros(path, src string, errs *diag.List) {
	t := parseTemplate(path, src, reporter(path, src, errs))
	for _, m := range t.order {
		if prev, dup := e.macros[m.name]; dup {
			errs.Errorf(path, t.lines.pos(m.off), "macro %q is already defined in %s:%s", m.name, prev.tpl.path, prev.tpl.lines.pos(prev.off))
			continue
		}
		e.macros[m.name] = m
	}
}

// reporter returns the syntax-error callback for one file. After
// maxErrors errors it reports that it stops and drops the rest.
func reporter(path, src string, errs *diag.List) func(off int, msg string) {
	var lines lineIndex
	n := 0
	return func(off int, msg string) {
		if lines == nil {
			lines = newLineIndex(src)
		}
		n++
		switch {
		case n < defaultLimits.maxErrors:
			errs.Errorf(path, lines.pos(off), "%s", msg)
		case n == defaultLimits.maxErrors:
			errs.Errorf(path, lines.pos(off), "%s (too many Jinja syntax errors; later ones are not reported)", msg)
		}
	}
}

// expand parses and renders one model.
func (e *env) expand(path, src string, errs *diag.List) *SourceFile {
	f := &SourceFile{Path: path, Original: src, Expanded: src}
	t := parseTemplate(path, src, reporter(path, src, errs))
	if !t.jinja {
		return f
	}
	f.IsDbt = true
	f.lines = t.lines
	newRenderer(e, t, f, errs).run()
	return f
}

// parseProjectVars reads the vars: section of a dbt_project.yml: a block
// mapping of scalars, possibly scoped under a project name (the scope is
// ignored), with block lists ("- item") and inline lists ([a, b]). Only
// that one key is read, with a line-based reader of this subset of YAML.
func parseProjectVars(src string) map[string]value {
	vars := map[string]value{}
	in := false
	listKey := ""
	var list []value
	flush := func() {
		if listKey != "" && list != nil {
			vars[listKey] = list
		}
		listKey, list = "", nil
	}
	for _, line := range strings.Split(src, "\n") {
		line = stripYAMLComment(strings.TrimRight(line, "\r"))
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if indent == 0 {
			flush()
			in = trimmed == "vars:"
			continue
		}
		if !in {
			continue
		}
		if item, ok := strings.CutPrefix(trimmed, "- "); ok || trimmed == "-" {
			if listKey != "" {
				list = append(list, yamlScalar(strings.TrimSpace(item)))
			}
			continue
		}
		key, val, ok := strings.Cut(trimmed, ":")
		if !ok {
			continue
		}
		flush()
		key = unquoteYAML(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if val == "" {
			listKey = key // a nested scope or a block list follows
			continue
		}
		vars[key] = yamlScalar(val)
	}
	flush()
	return vars
}

// yamlScalar reads one YAML value: quoted text is a string, anything else
// is inferred.
func yamlScalar(s string) value {
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'' || s[0] == '"' && s[len(s)-1] == '"') {
		return unquoteYAML(s)
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		var l []value
		inner := strings.TrimSpace(s[1 : len(s)-1])
		if inner != "" {
			for _, part := range strings.Split(inner, ",") {
				l = append(l, yamlScalar(strings.TrimSpace(part)))
			}
		}
		if l == nil {
			l = []value{}
		}
		return l
	}
	switch s {
	case "true", "True", "TRUE":
		return true
	case "false", "False", "FALSE":
		return false
	}
	return inferValue(s)
}

func unquoteYAML(s string) string {
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'') {
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return unescape(s[1 : len(s)-1])
	}
	return s
}

// stripYAMLComment drops a "#" comment that is not inside quotes.
func stripYAMLComment(line string) string {
	var q byte
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
			return line[:i]
		}
	}
	return line
}
