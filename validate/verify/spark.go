package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/load"
	"github.com/c360-migrate/c360-migrate/translate/parser"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// InputError is an error in what the user gave: a Spark file that does not
// parse, a CSV that cannot be found, a folder that is not a Flink project.
type InputError struct{ Msg string }

func (e *InputError) Error() string { return e.Msg }

func inputErrorf(format string, args ...any) error {
	return &InputError{Msg: fmt.Sprintf(format, args...)}
}

// sparkProject is the Spark project as verify runs it: a copy with the
// clock pinned and every CSV path made absolute.
type sparkProject struct {
	dir    string            // the copy
	csv    map[string]string // raw input (lower case) → absolute CSV path
	pinned int               // clock expressions replaced
}

// prepareSpark loads the Spark project in src (dbt-Jinja expanded), pins
// the clock on its AST, resolves the CSV paths of its raw inputs against
// dataDirs, and prints the result, file by file, into dst.
func prepareSpark(src, dst string, dataDirs []string, now time.Time) (*sparkProject, error) {
	if st, err := os.Stat(src); err != nil || !st.IsDir() {
		return nil, inputErrorf("%s: not a folder", src)
	}
	proj, errs := load.LoadProject(src, load.Options{Dialect: token.Spark})
	if errs.HasErrors() {
		return nil, inputErrorf("%s: %v", src, errs.Err())
	}
	sp := &sparkProject{dir: dst, csv: map[string]string{}}
	for _, sf := range proj.Files {
		f, perrs := parser.ParseFile(sf.Path, sf.Expanded, token.Spark)
		for _, e := range perrs {
			e.Pos = sf.MapPos(e.Pos)
		}
		if perrs.HasErrors() {
			return nil, inputErrorf("%s: %v", src, perrs.Err())
		}
		// The copy is the file as Spark would read it with only the clock
		// and the CSV paths changed in place, so Spark's errors keep the
		// project's lines and columns.
		var edits []Edit
		for _, s := range f.Stmts {
			if s == nil {
				continue
			}
			ce := ClockEdits(s, sf.Expanded, token.Spark, now)
			if n := PinClock(s, token.Spark, now); n != len(ce) {
				at := s.Base().At.At
				return nil, fmt.Errorf("%s:%d:%d: %d clock expressions, %d found in the text", sf.Path, at.Line, at.Col, n, len(ce))
			}
			sp.pinned += len(ce)
			edits = append(edits, ce...)
			pe, err := sp.resolveCSV(s, sf.Expanded, filepath.Join(src, sf.Path), dataDirs)
			if err != nil {
				return nil, err
			}
			edits = append(edits, pe...)
		}
		out := filepath.Join(dst, filepath.FromSlash(sf.Path))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, []byte(ApplyEdits(sf.Expanded, edits)), 0o644); err != nil {
			return nil, err
		}
	}
	return sp, nil
}

// resolveCSV makes the path option of a CSV view absolute, looking a
// relative path up in each data folder in turn, and records it: the Flink
// side reads the same file.
func (sp *sparkProject) resolveCSV(s ast.Stmt, text, file string, dataDirs []string) ([]Edit, error) {
	v, ok := s.(*ast.CreateView)
	if !ok || !strings.EqualFold(v.Using, "csv") {
		return nil, nil
	}
	var edits []Edit
	for _, p := range v.Options {
		k, _, ok := propertyText(p)
		if !ok || !strings.EqualFold(k, "path") {
			continue
		}
		lit, ok := p.Value.(*ast.Literal)
		if !ok {
			continue
		}
		abs, found := resolvePath(lit.Value, dataDirs)
		if !found {
			at := s.Base().At.At
			return nil, inputErrorf("%s:%d:%d: CSV %q of %s not found in %s (set --data)", file, at.Line, at.Col,
				lit.Value, v.Name.Last().Name, strings.Join(dataDirs, ", "))
		}
		start := lit.Pos().Offset
		if start < 0 || start+len(lit.Raw) > len(text) || text[start:start+len(lit.Raw)] != lit.Raw {
			return nil, fmt.Errorf("%s: the path literal of %s is not where the parser put it", file, v.Name.Last().Name)
		}
		edits = append(edits, Edit{Start: start, End: start + len(lit.Raw), Text: "'" + strings.ReplaceAll(abs, "'", "\\'") + "'"})
		sp.csv[strings.ToLower(v.Name.Last().Name)] = abs
	}
	return edits, nil
}

func propertyText(p *ast.Property) (key, value string, ok bool) {
	switch {
	case p == nil:
		return "", "", false
	case p.Key != nil:
		key = p.Key.Value
	case p.Name != nil:
		key = p.Name.Last().Name
	default:
		return "", "", false
	}
	if l, isLit := p.Value.(*ast.Literal); isLit && l != nil {
		value = l.Value
	}
	return key, value, true
}

func resolvePath(path string, dirs []string) (string, bool) {
	if filepath.IsAbs(path) {
		_, err := os.Stat(path)
		return path, err == nil
	}
	for _, d := range dirs {
		cand, err := filepath.Abs(filepath.Join(d, filepath.FromSlash(path)))
		if err != nil {
			continue
		}
		if _, err := os.Stat(cand); err == nil {
			return cand, true
		}
	}
	return "", false
}

// sparkTable is a table as validate/sparkenv/run_project.py writes it.
type sparkTable struct {
	File    string   `json:"file"`
	Columns []Column `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// runSpark runs the prepared project on local Spark (pyspark from the
// project's virtual environment, made by validate/sparkenv/venv.sh) and
// returns every table's rows by lower-case Spark name.
func runSpark(ctx context.Context, sparkEnv, project, work string) (map[string]*sparkTable, error) {
	venv := exec.CommandContext(ctx, "bash", filepath.Join(sparkEnv, "venv.sh"))
	var verr bytes.Buffer
	venv.Stderr = &verr
	out, err := venv.Output()
	if err != nil {
		return nil, fmt.Errorf("setting up pyspark (validate/sparkenv/venv.sh): %v: %s", err, lastLines(verr.String(), 10))
	}
	python := strings.TrimSpace(string(out))
	jsonOut := filepath.Join(work, "spark.json")
	cmd := exec.CommandContext(ctx, python, filepath.Join(sparkEnv, "run_project.py"), project, "--json", jsonOut, "--samples", "0")
	var stderr, stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if err := cmd.Run(); err != nil {
		// run_project.py names files relative to the repository root; the
		// copy's files are named as in the project (statement lines are
		// those of the copy, whose clock is pinned).
		msg := lastLines(sparkNoise.ReplaceAllString(stderr.String(), ""), 12)
		if rel, rerr := filepath.Rel(filepath.Join(sparkEnv, "..", ".."), project); rerr == nil {
			msg = strings.ReplaceAll(msg, rel+string(filepath.Separator), "")
		}
		msg = strings.ReplaceAll(msg, project+string(filepath.Separator), "")
		return nil, fmt.Errorf("the Spark project failed on Spark: %v: %s", err, msg)
	}
	data, err := os.ReadFile(jsonOut)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Tables map[string]*sparkTable `json:"tables"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading Spark's rows: %w", err)
	}
	tables := map[string]*sparkTable{}
	for k, t := range doc.Tables {
		tables[strings.ToLower(k)] = t
	}
	return tables, nil
}

// sparkNoise is what Spark prints on every start.
var sparkNoise = regexp.MustCompile(`(?m)^(Setting default log level|To adjust logging level).*\n`)

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// FindSparkEnv returns the folder holding venv.sh and run_project.py: the
// repository's validate/sparkenv, looked up from the working directory
// upwards, then from the executable's folder upwards.
func FindSparkEnv() (string, error) {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if exe, err := os.Executable(); err == nil {
		starts = append(starts, filepath.Dir(exe))
	}
	for _, s := range starts {
		for d := s; ; d = filepath.Dir(d) {
			cand := filepath.Join(d, "validate", "sparkenv")
			if _, err := os.Stat(filepath.Join(cand, "run_project.py")); err == nil {
				return cand, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return "", fmt.Errorf("validate/sparkenv (venv.sh, run_project.py) not found above the working directory: run verify from the c360-migrate repository")
}
