package load

import (
	"fmt"
	"strconv"

	"github.com/c360-migrate/c360-migrate/translate/diag"
)

// limits bound the work of one file's expansion, so that no input can make
// the loader run out of memory or time.
type limits struct {
	maxOutput    int // bytes of expanded text, and of any one string value
	maxItems     int // elements of any one list
	maxSteps     int // nodes rendered plus expressions evaluated
	maxCallDepth int // nested macro calls
	maxErrors    int // errors reported per file before giving up
}

var defaultLimits = limits{
	maxOutput:    32 << 20,
	maxItems:     1 << 20,
	maxSteps:     1_000_000,
	maxCallDepth: 50,
	maxErrors:    50,
}

// env is what every file of a project shares.
type env struct {
	vars   map[string]value
	target string
	macros map[string]*macroDef // from macros/
	limits limits
}

// renderer expands one model file.
type renderer struct {
	env    *env
	model  *template
	file   *SourceFile
	errs   *diag.List
	seen   map[string]bool // reported errors, to drop duplicates
	nerrs  int
	target *dict

	cur    *template // the file of the code being run: the model or a macro's
	macro  *macroDef // the outermost macro being run, nil in the model
	scopes []map[string]value
	depth  int // macro call depth
	site   int // offset in the model of the outermost macro call
	steps  int
	failed bool // a fatal error stopped the expansion
}

func newRenderer(e *env, model *template, file *SourceFile, errs *diag.List) *renderer {
	target := newDict()
	target.set("name", e.target)
	target.set("type", "spark")
	return &renderer{
		env: e, model: model, file: file, errs: errs, seen: map[string]bool{}, target: target,
		cur: model, scopes: []map[string]value{{}},
	}
}

// run expands the model into file.Expanded and its segment table.
func (r *renderer) run() {
	out := &output{track: true, limit: r.env.limits.maxOutput}
	r.render(r.model.nodes, out)
	r.file.Expanded = out.b.String()
	r.file.segs = out.segs
	if r.file.segs == nil {
		r.file.segs = []segment{}
	}
}

// errf makes an error at an offset of the file being run.
func (r *renderer) errf(off int, format string, args ...any) *jerr {
	return &jerr{off: off, msg: fmt.Sprintf(format, args...), tpl: r.cur}
}

func (r *renderer) undef(off int, format string, args ...any) *jerr {
	e := r.errf(off, format, args...)
	e.undef = true
	return e
}

func (r *renderer) fatalf(off int, format string, args ...any) *jerr {
	e := r.errf(off, format, args...)
	e.fatal = true
	return e
}

// report records an error. It returns false when expansion must stop.
func (r *renderer) report(e *jerr) bool {
	if r.failed {
		return false
	}
	tpl := e.tpl
	if tpl == nil {
		tpl = r.cur
	}
	msg := e.msg
	if r.macro != nil {
		msg += fmt.Sprintf(" (in macro %q called from %s:%s)", r.macro.name, r.model.path, r.model.lines.pos(r.site))
	}
	pos := tpl.lines.pos(e.off)
	key := fmt.Sprintf("%s:%d:%s", tpl.path, e.off, msg)
	if !r.seen[key] {
		r.seen[key] = true
		r.errs.Errorf(tpl.path, pos, "%s", msg)
		r.nerrs++
	}
	if e.fatal {
		r.failed = true
		return false
	}
	if r.nerrs >= r.env.limits.maxErrors {
		r.errs.Errorf(r.model.path, r.model.lines.pos(0), "too many Jinja errors (%d); expansion of this file stopped", r.nerrs)
		r.failed = true
		return false
	}
	return true
}

// step counts one unit of work and fails once the budget is spent.
func (r *renderer) step(off int) *jerr {
	r.steps++
	if r.steps > r.env.limits.maxSteps {
		return r.fatalf(off, "Jinja expansion takes more than %d steps: a loop or macro recursion is too large", r.env.limits.maxSteps)
	}
	return nil
}

// render runs nodes, writing to out. It returns false when expansion must
// stop (a fatal error); every other error is reported and skipped.
func (r *renderer) render(nodes []node, out *output) bool {
	for _, n := range nodes {
		if r.failed {
			return false
		}
		if !r.renderNode(n, out) {
			return false
		}
	}
	return !r.failed
}

func (r *renderer) renderNode(n node, out *output) bool {
	switch n := n.(type) {
	case *textNode:
		if err := r.step(n.off); err != nil {
			return r.report(err)
		}
		if !out.fits(len(n.text)) {
			return r.report(r.tooLarge(n.off))
		}
		out.copyText(n.text, n.off)
	case *outputNode:
		if n.x == nil {
			return true
		}
		v, err := r.eval(n.x)
		if err != nil {
			return r.report(err)
		}
		s, err := r.str(v, n.off)
		if err != nil {
			return r.report(err)
		}
		if !out.fits(len(s)) {
			return r.report(r.tooLarge(n.off))
		}
		out.expansion(s, n.off)
	case *ifNode:
		for i, cond := range n.conds {
			if cond == nil {
				return true // reported when parsed
			}
			v, err := r.eval(cond)
			if err != nil {
				return r.report(err)
			}
			if truthy(v) {
				return r.render(n.bodies[i], out)
			}
		}
		return r.render(n.els, out)
	case *forNode:
		return r.renderFor(n, out)
	case *setNode:
		var v value
		if n.block {
			sub := &output{limit: r.env.limits.maxOutput}
			if !r.render(n.body, sub) {
				return false
			}
			v = sub.b.String()
		} else {
			var err *jerr
			if v, err = r.eval(n.x); err != nil {
				return r.report(err)
			}
		}
		if err := r.assign(n.names, v, n.off); err != nil {
			return r.report(err)
		}
	case *badNode:
	}
	return true
}

func (r *renderer) tooLarge(off int) *jerr {
	return r.fatalf(off, "Jinja expansion is larger than %d bytes", r.env.limits.maxOutput)
}

// assign binds names in the innermost scope, unpacking a list for several
// names.
func (r *renderer) assign(names []string, v value, off int) *jerr {
	scope := r.scopes[len(r.scopes)-1]
	if len(names) == 1 {
		scope[names[0]] = v
		return nil
	}
	l, ok := v.([]value)
	if !ok || len(l) != len(names) {
		return r.errf(off, "cannot unpack %s into %d variables", describeValue(v), len(names))
	}
	for i, name := range names {
		scope[name] = l[i]
	}
	return nil
}

func describeValue(v value) string {
	if l, ok := v.([]value); ok {
		return fmt.Sprintf("a list of %d", len(l))
	}
	return "a " + typeName(v)
}

func (r *renderer) renderFor(n *forNode, out *output) bool {
	it, err := r.eval(n.iter)
	if err != nil {
		return r.report(err)
	}
	items, err := r.iterate(it, n.iter.at())
	if err != nil {
		return r.report(err)
	}
	if len(items) == 0 {
		return r.render(n.els, out)
	}
	// One scope for the loop, emptied at each iteration: what the body
	// sets does not outlive its iteration.
	scope := map[string]value{}
	r.scopes = append(r.scopes, scope)
	defer func() { r.scopes = r.scopes[:len(r.scopes)-1] }()
	for i, item := range items {
		clear(scope)
		scope["loop"] = &loopInfo{index: i, length: len(items)}
		err := r.assign(n.names, item, n.off)
		ok := true
		if err != nil {
			ok = r.report(err)
		} else {
			ok = r.render(n.body, out)
		}
		if !ok || err != nil {
			return ok
		}
	}
	return true
}

// iterate returns the elements a for loop runs over.
func (r *renderer) iterate(v value, off int) ([]value, *jerr) {
	switch x := v.(type) {
	case []value:
		return x, nil
	case *dict:
		l := make([]value, len(x.keys))
		for i, k := range x.keys {
			l[i] = k
		}
		return l, nil
	case string:
		l := make([]value, 0, len(x))
		for _, c := range x {
			l = append(l, string(c))
		}
		return l, nil
	}
	return nil, r.errf(off, "cannot loop over %s: expected a list, a dict or a string", describeValue(v))
}

// str renders v as {{ v }} prints it, within the size limit.
func (r *renderer) str(v value, off int) (string, *jerr) {
	switch x := v.(type) {
	case string:
		return x, nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	}
	w := &strWriter{limit: r.env.limits.maxOutput}
	w.str(v)
	if w.over {
		return "", r.tooLarge(off)
	}
	return w.b.String(), nil
}
