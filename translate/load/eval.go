package load

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// supportedFuncs is listed in the error for an unknown function.
const supportedFuncs = "ref, source, config, var, this, is_incremental, range, macros from macros/"

// unsupportedNames are dbt and Jinja globals the loader knows but cannot
// provide, with the reason given in the error.
var unsupportedNames = map[string]string{
	"adapter":     "adapter.* needs a live warehouse connection",
	"run_query":   "run_query needs a live warehouse connection",
	"statement":   "statement blocks need a live warehouse connection",
	"load_result": "load_result needs a live warehouse connection",
	"execute":     "execute is only meaningful inside a dbt run",
	"graph":       "the dbt graph is not available",
	"model":       "the dbt model node is not available",
	"exceptions":  "exceptions.* is not supported",
	"log":         "log is not supported",
	"modules":     "modules.* (Python modules) is not supported",
	"env_var":     "env_var would make the migration depend on the environment; pass the value as a var",
	"caller":      "call blocks are not supported",
	"varargs":     "macros with *varargs are not supported",
	"kwargs":      "macros with **kwargs are not supported",
	"return":      "return() is not supported; a macro's value is its rendered text",
}

// eval evaluates an expression.
func (r *renderer) eval(x expr) (value, *jerr) {
	if err := r.step(x.at()); err != nil {
		return nil, err
	}
	switch e := x.(type) {
	case *litExpr:
		return e.v, nil
	case *nameExpr:
		if v, ok := r.lookup(e.name); ok {
			return v, nil
		}
		if why, ok := unsupportedNames[e.name]; ok {
			return nil, r.undef(e.off, "unsupported dbt/Jinja name %q: %s", e.name, why)
		}
		return nil, r.undef(e.off, "unknown Jinja variable %q (expected a {%% set %%} variable, a loop variable, a macro argument, this or target)", e.name)
	case *listExpr:
		l := make([]value, 0, len(e.items))
		for _, it := range e.items {
			v, err := r.eval(it)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case *dictExpr:
		d := newDict()
		for i, k := range e.keys {
			kv, err := r.eval(k)
			if err != nil {
				return nil, err
			}
			ks, ok := kv.(string)
			if !ok {
				return nil, r.errf(k.at(), "dict keys must be strings, found %s", describeValue(kv))
			}
			v, err := r.eval(e.vals[i])
			if err != nil {
				return nil, err
			}
			d.set(ks, v)
		}
		return d, nil
	case *attrExpr:
		v, err := r.eval(e.x)
		if err != nil {
			return nil, err
		}
		return r.attr(v, e.name, e.off)
	case *indexExpr:
		return r.evalIndex(e)
	case *callExpr:
		return r.evalCall(e)
	case *filterExpr:
		return r.evalFilter(e)
	case *testExpr:
		return r.evalTest(e)
	case *unaryExpr:
		v, err := r.eval(e.x)
		if err != nil {
			return nil, err
		}
		switch e.op {
		case "not":
			return !truthy(v), nil
		case "-":
			switch n := v.(type) {
			case int64:
				return -n, nil
			case float64:
				return -n, nil
			}
		case "+":
			if isNumber(v) {
				return v, nil
			}
		}
		return nil, r.errf(e.off, "unary %q needs a number, found %s", e.op, describeValue(v))
	case *binaryExpr:
		return r.evalBinary(e)
	case *condExpr:
		c, err := r.eval(e.cond)
		if err != nil {
			return nil, err
		}
		if truthy(c) {
			return r.eval(e.then)
		}
		if e.els == nil {
			return "", nil
		}
		return r.eval(e.els)
	}
	return nil, r.errf(x.at(), "unsupported expression")
}

// lookup resolves a name: local scopes, then this and target, then
// macros (the running file's, the model's, macros/), then built-ins.
func (r *renderer) lookup(name string) (value, bool) {
	for i := len(r.scopes) - 1; i >= 0; i-- {
		if v, ok := r.scopes[i][name]; ok {
			return v, true
		}
	}
	switch name {
	case "this":
		return modelName(r.model.path), true
	case "target":
		return r.target, true
	}
	if m, ok := r.cur.macros[name]; ok {
		return m, true
	}
	if m, ok := r.model.macros[name]; ok {
		return m, true
	}
	if m, ok := r.env.macros[name]; ok {
		return m, true
	}
	if b, ok := builtins[name]; ok {
		return b, true
	}
	return nil, false
}

func (r *renderer) attr(v value, name string, off int) (value, *jerr) {
	switch x := v.(type) {
	case *loopInfo:
		if a, ok := x.attr(name); ok {
			return a, nil
		}
	case *dict:
		if a, ok := x.m[name]; ok {
			return a, nil
		}
		if dictMethods[name] {
			return &boundMethod{recv: x, name: name}, nil
		}
	case string:
		if stringMethods[name] {
			return &boundMethod{recv: x, name: name}, nil
		}
	}
	if v == value(r.target) {
		return nil, r.undef(off, "target has no attribute %q (available: target.name, target.type)", name)
	}
	return nil, r.undef(off, "%s has no attribute %q", typeName(v), name)
}

func (r *renderer) evalIndex(e *indexExpr) (value, *jerr) {
	v, err := r.eval(e.x)
	if err != nil {
		return nil, err
	}
	idx, err := r.eval(e.idx)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case *dict:
		k, ok := idx.(string)
		if !ok {
			return nil, r.errf(e.idx.at(), "dict index must be a string, found %s", describeValue(idx))
		}
		if a, ok := x.m[k]; ok {
			return a, nil
		}
		return nil, r.undef(e.idx.at(), "dict has no key %q", k)
	case []value, string:
		i, ok := idx.(int64)
		if !ok {
			return nil, r.errf(e.idx.at(), "index must be an integer, found %s", describeValue(idx))
		}
		var n int64
		if l, isList := x.([]value); isList {
			n = int64(len(l))
		} else {
			n = int64(len(x.(string)))
		}
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			return nil, r.undef(e.idx.at(), "index %d out of range (length %d)", i, n)
		}
		if l, isList := x.([]value); isList {
			return l[i], nil
		}
		return x.(string)[i : i+1], nil
	}
	return nil, r.errf(e.x.at(), "cannot index %s", describeValue(v))
}

func (r *renderer) evalBinary(e *binaryExpr) (value, *jerr) {
	x, err := r.eval(e.x)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "and":
		if !truthy(x) {
			return x, nil
		}
		return r.eval(e.y)
	case "or":
		if truthy(x) {
			return x, nil
		}
		return r.eval(e.y)
	}
	y, err := r.eval(e.y)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "==":
		return equal(x, y), nil
	case "!=":
		return !equal(x, y), nil
	case "<", ">", "<=", ">=":
		c, ok := compare(x, y)
		if !ok {
			return nil, r.errf(e.off, "cannot compare %s and %s with %q", describeValue(x), describeValue(y), e.op)
		}
		switch e.op {
		case "<":
			return c < 0, nil
		case ">":
			return c > 0, nil
		case "<=":
			return c <= 0, nil
		}
		return c >= 0, nil
	case "in", "not in":
		in, err := r.contains(y, x, e.off)
		if err != nil {
			return nil, err
		}
		return in == (e.op == "in"), nil
	case "~":
		a, err := r.str(x, e.off)
		if err != nil {
			return nil, err
		}
		b, err := r.str(y, e.off)
		if err != nil {
			return nil, err
		}
		if len(a)+len(b) > r.env.limits.maxOutput {
			return nil, r.tooLarge(e.off)
		}
		return a + b, nil
	}
	return r.arith(e.op, x, y, e.off)
}

func (r *renderer) contains(container, item value, off int) (bool, *jerr) {
	switch c := container.(type) {
	case []value:
		for _, e := range c {
			if equal(e, item) {
				return true, nil
			}
		}
		return false, nil
	case *dict:
		k, ok := item.(string)
		if !ok {
			return false, nil
		}
		_, in := c.m[k]
		return in, nil
	case string:
		s, ok := item.(string)
		if !ok {
			return false, r.errf(off, "\"in\" a string needs a string on the left, found %s", describeValue(item))
		}
		return strings.Contains(c, s), nil
	}
	return false, r.errf(off, "\"in\" needs a list, a dict or a string on the right, found %s", describeValue(container))
}

// arith applies + - * / // % to numbers; + also joins two strings or two
// lists.
func (r *renderer) arith(op string, x, y value, off int) (value, *jerr) {
	if op == "+" {
		if a, ok := x.(string); ok {
			if b, ok := y.(string); ok {
				if len(a)+len(b) > r.env.limits.maxOutput {
					return nil, r.tooLarge(off)
				}
				return a + b, nil
			}
		}
		if a, ok := x.([]value); ok {
			if b, ok := y.([]value); ok {
				if len(a)+len(b) > r.env.limits.maxItems {
					return nil, r.fatalf(off, "list longer than %d elements", r.env.limits.maxItems)
				}
				return append(append(make([]value, 0, len(a)+len(b)), a...), b...), nil
			}
		}
	}
	if !isNumber(x) || !isNumber(y) {
		return nil, r.errf(off, "%q needs two numbers, found %s and %s", op, describeValue(x), describeValue(y))
	}
	a, aInt := x.(int64)
	b, bInt := y.(int64)
	if aInt && bInt {
		switch op {
		case "+":
			return a + b, nil
		case "-":
			return a - b, nil
		case "*":
			return a * b, nil
		case "//", "%":
			if b == 0 {
				return nil, r.errf(off, "division by zero")
			}
			q, m := a/b, a%b
			if m != 0 && (m < 0) != (b < 0) { // floor, as Python does
				q--
				m += b
			}
			if op == "//" {
				return q, nil
			}
			return m, nil
		}
	}
	f, _ := toFloat(x)
	g, _ := toFloat(y)
	switch op {
	case "+":
		return f + g, nil
	case "-":
		return f - g, nil
	case "*":
		return f * g, nil
	}
	if g == 0 {
		return nil, r.errf(off, "division by zero")
	}
	switch op {
	case "/":
		return f / g, nil
	case "//":
		return math.Floor(f / g), nil
	}
	return f - g*math.Floor(f/g), nil
}

// evalArgs evaluates call arguments.
func (r *renderer) evalArgs(args []expr, kw []kwarg) ([]value, []kwval, *jerr) {
	vals := make([]value, 0, len(args))
	for _, a := range args {
		v, err := r.eval(a)
		if err != nil {
			return nil, nil, err
		}
		vals = append(vals, v)
	}
	var kws []kwval
	for _, k := range kw {
		v, err := r.eval(k.x)
		if err != nil {
			return nil, nil, err
		}
		kws = append(kws, kwval{name: k.name, v: v, off: k.off})
	}
	return vals, kws, nil
}

type kwval struct {
	name string
	v    value
	off  int
}

func (r *renderer) evalCall(c *callExpr) (value, *jerr) {
	var fn value
	switch f := c.fn.(type) {
	case *nameExpr:
		v, ok := r.lookup(f.name)
		if !ok {
			if why, known := unsupportedNames[f.name]; known {
				return nil, r.errf(f.off, "unsupported dbt function %q: %s (supported: %s)", f.name, why, supportedFuncs)
			}
			return nil, r.errf(f.off, "unknown Jinja function %q (supported: %s)", f.name, supportedFuncs)
		}
		fn = v
	case *attrExpr:
		if base, ok := f.x.(*nameExpr); ok {
			if _, known := r.lookup(base.name); !known {
				if why, known := unsupportedNames[base.name]; known {
					return nil, r.errf(base.off, "unsupported dbt function \"%s.%s\": %s (supported: %s)", base.name, f.name, why, supportedFuncs)
				}
				return nil, r.errf(base.off, "unknown Jinja function \"%s.%s\" (supported: %s; macros of dbt packages are not available)", base.name, f.name, supportedFuncs)
			}
		}
		v, err := r.eval(f)
		if err != nil {
			return nil, err
		}
		fn = v
	default:
		v, err := r.eval(f)
		if err != nil {
			return nil, err
		}
		fn = v
	}
	args, kws, err := r.evalArgs(c.args, c.kw)
	if err != nil {
		return nil, err
	}
	switch f := fn.(type) {
	case *builtin:
		return f.call(r, c, args, kws)
	case *macroDef:
		return r.callMacro(f, c, args, kws)
	case *boundMethod:
		return r.callMethod(f, c, args, kws)
	}
	return nil, r.errf(c.fn.at(), "%s is not callable", describeValue(fn))
}

// callMacro runs a macro and returns its rendered body.
func (r *renderer) callMacro(m *macroDef, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	if r.depth >= r.env.limits.maxCallDepth {
		return nil, r.fatalf(c.fn.at(), "macro calls nested more than %d deep (recursive macro %q?)", r.env.limits.maxCallDepth, m.name)
	}
	if len(args) > len(m.params) {
		return nil, r.errf(c.fn.at(), "macro %q takes %d arguments, got %d", m.name, len(m.params), len(args))
	}
	scope := map[string]value{}
	for i, a := range args {
		scope[m.params[i].name] = a
	}
	for _, k := range kws {
		known := false
		for _, p := range m.params {
			known = known || p.name == k.name
		}
		if !known {
			return nil, r.errf(k.off, "macro %q has no argument %q", m.name, k.name)
		}
		if _, dup := scope[k.name]; dup {
			return nil, r.errf(k.off, "macro %q got argument %q twice", m.name, k.name)
		}
		scope[k.name] = k.v
	}
	// Enter the macro: its own file, its own scope.
	saved := struct {
		cur    *template
		macro  *macroDef
		scopes []map[string]value
		site   int
	}{r.cur, r.macro, r.scopes, r.site}
	if r.depth == 0 {
		r.site = c.fn.at()
		r.macro = m
	}
	r.depth++
	r.cur = m.tpl
	r.scopes = []map[string]value{scope}
	defer func() {
		r.cur, r.macro, r.scopes, r.site = saved.cur, saved.macro, saved.scopes, saved.site
		r.depth--
	}()
	for _, p := range m.params {
		if _, ok := scope[p.name]; ok {
			continue
		}
		if p.def == nil {
			err := r.errf(c.fn.at(), "macro %q needs argument %q", m.name, p.name)
			err.tpl = saved.cur
			return nil, err
		}
		v, err := r.eval(p.def)
		if err != nil {
			return nil, err
		}
		scope[p.name] = v
	}
	out := &output{limit: r.env.limits.maxOutput}
	if !r.render(m.body, out) {
		return nil, r.fatalf(m.off, "expansion stopped inside macro %q", m.name)
	}
	return out.b.String(), nil
}

// builtin is a function the loader provides (ref, source, ...).
type builtin struct {
	name string
	call func(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr)
}

var builtins map[string]*builtin

func init() {
	builtins = map[string]*builtin{
		"ref":            {"ref", builtinRef},
		"source":         {"source", builtinSource},
		"config":         {"config", builtinConfig},
		"var":            {"var", builtinVar},
		"is_incremental": {"is_incremental", builtinIsIncremental},
		"range":          {"range", builtinRange},
	}
}

// refPos is where a ref or source call is recorded: the call itself in the
// model, or the model's call of the macro that made it.
func (r *renderer) refPos(c *callExpr) int {
	if r.depth > 0 {
		return r.site
	}
	return c.fn.at()
}

func stringArgs(args []value) ([]string, bool) {
	out := make([]string, len(args))
	for i, a := range args {
		s, ok := a.(string)
		if !ok {
			return nil, false
		}
		out[i] = s
	}
	return out, true
}

func builtinRef(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	for _, k := range kws {
		if k.name != "v" && k.name != "version" {
			return nil, r.errf(k.off, "ref() has no argument %q (expected ref('model') or ref('package', 'model'))", k.name)
		}
	}
	s, ok := stringArgs(args)
	if !ok || len(s) < 1 || len(s) > 2 {
		return nil, r.errf(c.fn.at(), "ref() expects 1 or 2 string arguments: ref('model') or ref('package', 'model')")
	}
	r.file.Refs = append(r.file.Refs, Ref{Kind: "ref", Args: s, Pos: r.model.lines.pos(r.refPos(c))})
	return s[len(s)-1], nil
}

func builtinSource(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	s, ok := stringArgs(args)
	if !ok || len(s) != 2 || len(kws) > 0 {
		return nil, r.errf(c.fn.at(), "source() expects 2 string arguments: source('source_name', 'table_name')")
	}
	r.file.Refs = append(r.file.Refs, Ref{Kind: "source", Args: s, Pos: r.model.lines.pos(r.refPos(c))})
	return s[1], nil
}

func builtinConfig(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	set := func(k string, v value, off int) *jerr {
		s, err := configString(r, v, off)
		if err != nil {
			return err
		}
		if r.file.Config == nil {
			r.file.Config = map[string]string{}
		}
		r.file.Config[k] = s
		return nil
	}
	for _, a := range args {
		d, ok := a.(*dict)
		if !ok {
			return nil, r.errf(c.fn.at(), "config() expects keyword arguments: config(materialized='table', unique_key='id')")
		}
		for _, k := range d.keys {
			if err := set(k, d.m[k], c.fn.at()); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range kws {
		if err := set(k.name, k.v, k.off); err != nil {
			return nil, err
		}
	}
	return "", nil
}

// configString renders a config value as plain text: lists comma-joined,
// booleans as true/false.
func configString(r *renderer, v value, off int) (string, *jerr) {
	switch x := v.(type) {
	case nil:
		return "", nil
	case bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case []value:
		parts := make([]string, len(x))
		for i, e := range x {
			s, err := configString(r, e, off)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
		return r.joinLimited(parts, ",", off)
	}
	return r.str(v, off)
}

func (r *renderer) joinLimited(parts []string, sep string, off int) (string, *jerr) {
	n := 0
	for _, p := range parts {
		n += len(p) + len(sep)
		if n > r.env.limits.maxOutput+len(sep) {
			return "", r.tooLarge(off)
		}
	}
	return strings.Join(parts, sep), nil
}

func builtinVar(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	if len(kws) > 0 || len(args) < 1 || len(args) > 2 {
		return nil, r.errf(c.fn.at(), "var() expects var('name') or var('name', default)")
	}
	name, ok := args[0].(string)
	if !ok {
		return nil, r.errf(c.fn.at(), "var() expects a string name, found %s", describeValue(args[0]))
	}
	if v, ok := r.env.vars[name]; ok {
		return v, nil
	}
	if len(args) == 2 {
		return args[1], nil
	}
	return nil, r.errf(c.fn.at(), "undefined dbt var %q: expected a value in Options.Vars (--var %s=...) or in dbt_project.yml vars:, or a default: var('%s', default)", name, name, name)
}

// builtinIsIncremental is always false: the migrated pipeline is a
// continuous query over the whole input, which is what a full refresh
// computes.
func builtinIsIncremental(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	if len(args) > 0 || len(kws) > 0 {
		return nil, r.errf(c.fn.at(), "is_incremental() takes no arguments")
	}
	return false, nil
}

func builtinRange(r *renderer, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	var n [3]int64
	n[2] = 1
	if len(kws) > 0 || len(args) < 1 || len(args) > 3 {
		return nil, r.errf(c.fn.at(), "range() expects range(stop), range(start, stop) or range(start, stop, step)")
	}
	for i, a := range args {
		v, ok := a.(int64)
		if !ok {
			return nil, r.errf(c.fn.at(), "range() expects integers, found %s", describeValue(a))
		}
		n[i] = v
	}
	start, stop, step := int64(0), n[0], n[2]
	if len(args) >= 2 {
		start, stop = n[0], n[1]
	}
	if step == 0 {
		return nil, r.errf(c.fn.at(), "range() step must not be zero")
	}
	count := math.Ceil((float64(stop) - float64(start)) / float64(step))
	if count > float64(r.env.limits.maxItems) {
		return nil, r.fatalf(c.fn.at(), "range() longer than %d elements", r.env.limits.maxItems)
	}
	var l []value
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		l = append(l, i)
	}
	if l == nil {
		l = []value{}
	}
	return l, nil
}

var stringMethods = map[string]bool{"upper": true, "lower": true, "strip": true, "replace": true, "split": true, "startswith": true, "endswith": true}
var dictMethods = map[string]bool{"items": true, "keys": true, "values": true, "get": true}

func (r *renderer) callMethod(m *boundMethod, c *callExpr, args []value, kws []kwval) (value, *jerr) {
	off := c.fn.at()
	if len(kws) > 0 {
		return nil, r.errf(kws[0].off, "%s() takes no keyword arguments", m.name)
	}
	nargs := func(lo, hi int) *jerr {
		if len(args) < lo || len(args) > hi {
			return r.errf(off, "%s() takes %d to %d arguments, got %d", m.name, lo, hi, len(args))
		}
		return nil
	}
	strArg := func(i int) (string, *jerr) {
		s, ok := args[i].(string)
		if !ok {
			return "", r.errf(off, "%s() expects a string argument, found %s", m.name, describeValue(args[i]))
		}
		return s, nil
	}
	switch recv := m.recv.(type) {
	case string:
		switch m.name {
		case "upper", "lower", "strip":
			if err := nargs(0, 0); err != nil {
				return nil, err
			}
			return applyCase(m.name, recv), nil
		case "startswith", "endswith":
			if err := nargs(1, 1); err != nil {
				return nil, err
			}
			s, err := strArg(0)
			if err != nil {
				return nil, err
			}
			if m.name == "startswith" {
				return strings.HasPrefix(recv, s), nil
			}
			return strings.HasSuffix(recv, s), nil
		case "replace":
			if err := nargs(2, 2); err != nil {
				return nil, err
			}
			return r.replace(recv, args[0], args[1], off)
		case "split":
			if err := nargs(0, 1); err != nil {
				return nil, err
			}
			var parts []string
			if len(args) == 0 {
				parts = strings.Fields(recv)
			} else {
				sep, err := strArg(0)
				if err != nil {
					return nil, err
				}
				if sep == "" {
					return nil, r.errf(off, "split() separator must not be empty")
				}
				parts = strings.Split(recv, sep)
			}
			l := make([]value, len(parts))
			for i, p := range parts {
				l[i] = p
			}
			return l, nil
		}
	case *dict:
		switch m.name {
		case "items", "keys", "values":
			if err := nargs(0, 0); err != nil {
				return nil, err
			}
			l := make([]value, len(recv.keys))
			for i, k := range recv.keys {
				switch m.name {
				case "items":
					l[i] = []value{k, recv.m[k]}
				case "keys":
					l[i] = k
				default:
					l[i] = recv.m[k]
				}
			}
			return l, nil
		case "get":
			if err := nargs(1, 2); err != nil {
				return nil, err
			}
			k, err := strArg(0)
			if err != nil {
				return nil, err
			}
			if v, ok := recv.m[k]; ok {
				return v, nil
			}
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, nil
		}
	}
	return nil, r.errf(off, "unsupported method %q", m.name)
}

func applyCase(name, s string) string {
	switch name {
	case "upper":
		return strings.ToUpper(s)
	case "lower":
		return strings.ToLower(s)
	}
	return strings.TrimSpace(s)
}

func (r *renderer) replace(s string, oldV, newV value, off int) (value, *jerr) {
	old, ok1 := oldV.(string)
	nw, ok2 := newV.(string)
	if !ok1 || !ok2 {
		return nil, r.errf(off, "replace() expects two strings")
	}
	if old == "" {
		return nil, r.errf(off, "replace() needs a non-empty string to replace")
	}
	if n := strings.Count(s, old); len(s)+n*(len(nw)-len(old)) > r.env.limits.maxOutput {
		return nil, r.tooLarge(off)
	}
	return strings.ReplaceAll(s, old, nw), nil
}

// filterNames is listed in the error for an unknown filter.
var filterNames = func() string {
	names := []string{"upper", "lower", "trim", "join", "default (d)", "length (count)", "replace", "string", "first", "last"}
	sort.Strings(names)
	return strings.Join(names, ", ")
}()

func (r *renderer) evalFilter(f *filterExpr) (value, *jerr) {
	if f.name == "default" || f.name == "d" {
		args, kws, err := r.evalArgs(f.args, f.kw)
		if err != nil {
			return nil, err
		}
		var def value = ""
		boolean := false
		if len(args) > 0 {
			def = args[0]
		}
		if len(args) > 1 {
			boolean = truthy(args[1])
		}
		for _, k := range kws {
			if k.name != "boolean" {
				return nil, r.errf(k.off, "default() has no argument %q", k.name)
			}
			boolean = truthy(k.v)
		}
		if len(args) > 2 {
			return nil, r.errf(f.off, "default() takes at most 2 arguments")
		}
		v, err := r.eval(f.x)
		if err != nil {
			if err.undef && !err.fatal {
				return def, nil
			}
			return nil, err
		}
		if boolean && !truthy(v) {
			return def, nil
		}
		return v, nil
	}
	v, err := r.eval(f.x)
	if err != nil {
		return nil, err
	}
	args, kws, err := r.evalArgs(f.args, f.kw)
	if err != nil {
		return nil, err
	}
	nargs := func(lo, hi int) *jerr {
		if len(kws) > 0 {
			return r.errf(kws[0].off, "filter %q takes no keyword arguments", f.name)
		}
		if len(args) < lo || len(args) > hi {
			return r.errf(f.off, "filter %q takes %d to %d arguments, got %d", f.name, lo, hi, len(args))
		}
		return nil
	}
	switch f.name {
	case "upper", "lower", "trim", "string":
		if err := nargs(0, 0); err != nil {
			return nil, err
		}
		s, err := r.str(v, f.off)
		if err != nil {
			return nil, err
		}
		if f.name == "string" {
			return s, nil
		}
		if f.name == "trim" {
			return strings.TrimSpace(s), nil
		}
		return applyCase(f.name, s), nil
	case "join":
		if err := nargs(0, 1); err != nil {
			return nil, err
		}
		sep := ""
		if len(args) == 1 {
			s, ok := args[0].(string)
			if !ok {
				return nil, r.errf(f.off, "join() separator must be a string, found %s", describeValue(args[0]))
			}
			sep = s
		}
		items, err := r.iterate(v, f.x.at())
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			s, err := r.str(it, f.off)
			if err != nil {
				return nil, err
			}
			parts[i] = s
		}
		return r.joinLimited(parts, sep, f.off)
	case "length", "count":
		if err := nargs(0, 0); err != nil {
			return nil, err
		}
		switch x := v.(type) {
		case string:
			return int64(len([]rune(x))), nil
		case []value:
			return int64(len(x)), nil
		case *dict:
			return int64(len(x.keys)), nil
		}
		return nil, r.errf(f.off, "filter %q needs a string, list or dict, found %s", f.name, describeValue(v))
	case "replace":
		if err := nargs(2, 2); err != nil {
			return nil, err
		}
		s, err := r.str(v, f.off)
		if err != nil {
			return nil, err
		}
		return r.replace(s, args[0], args[1], f.off)
	case "first", "last":
		if err := nargs(0, 0); err != nil {
			return nil, err
		}
		items, err := r.iterate(v, f.x.at())
		if err != nil {
			return nil, err
		}
		if len(items) == 0 {
			return nil, r.undef(f.off, "filter %q of an empty sequence", f.name)
		}
		if f.name == "first" {
			return items[0], nil
		}
		return items[len(items)-1], nil
	}
	return nil, r.errf(f.off, "unknown Jinja filter %q (supported: %s)", f.name, filterNames)
}

func (r *renderer) evalTest(t *testExpr) (value, *jerr) {
	var result bool
	switch t.name {
	case "defined", "undefined":
		_, err := r.eval(t.x)
		if err != nil && (!err.undef || err.fatal) {
			return nil, err
		}
		result = (err == nil) == (t.name == "defined")
	case "none", "string", "number", "mapping", "sequence", "iterable", "true", "false":
		v, err := r.eval(t.x)
		if err != nil {
			return nil, err
		}
		switch t.name {
		case "none":
			result = v == nil
		case "string":
			_, result = v.(string)
		case "number":
			result = isNumber(v)
		case "mapping":
			_, result = v.(*dict)
		case "true", "false":
			b, ok := v.(bool)
			result = ok && b == (t.name == "true")
		default:
			switch v.(type) {
			case string, []value, *dict:
				result = true
			}
		}
	default:
		return nil, r.errf(t.off, "unknown Jinja test %q (supported: defined, undefined, none, string, number, mapping, sequence, iterable, true, false)", t.name)
	}
	if len(t.args) > 0 {
		return nil, r.errf(t.off, "test %q takes no arguments", t.name)
	}
	return result != t.neg, nil
}

// modelName is a model's name: its file name without the .sql extension.
func modelName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	return strings.TrimSuffix(path, ".sql")
}

var _ = fmt.Sprintf
