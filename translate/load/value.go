package load

import (
	"math"
	"strconv"
	"strings"
)

// value is a Jinja value: string, int64, float64, bool, nil (none),
// []value (list or tuple), *dict, *builtin, *macroDef or *boundMethod.
type value = any

// dict is a string-keyed mapping that remembers insertion order.
type dict struct {
	keys []string
	m    map[string]value
}

func newDict() *dict { return &dict{m: map[string]value{}} }

func (d *dict) set(k string, v value) {
	if _, ok := d.m[k]; !ok {
		d.keys = append(d.keys, k)
	}
	d.m[k] = v
}

// loopInfo is the loop variable of a for loop.
type loopInfo struct{ index, length int }

// attr returns loop.index, loop.first, ...
func (l *loopInfo) attr(name string) (value, bool) {
	switch name {
	case "index":
		return int64(l.index + 1), true
	case "index0":
		return int64(l.index), true
	case "revindex":
		return int64(l.length - l.index), true
	case "revindex0":
		return int64(l.length - l.index - 1), true
	case "first":
		return l.index == 0, true
	case "last":
		return l.index == l.length-1, true
	case "length":
		return int64(l.length), true
	}
	return nil, false
}

// boundMethod is a method looked up on a value: 'a'.upper, d.items.
type boundMethod struct {
	recv value
	name string
}

func typeName(v value) string {
	switch v.(type) {
	case nil:
		return "none"
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case []value:
		return "list"
	case *dict:
		return "dict"
	case *loopInfo:
		return "loop"
	case *macroDef:
		return "macro"
	case *builtin, *boundMethod:
		return "function"
	}
	return "value"
}

func truthy(v value) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []value:
		return len(x) > 0
	case *dict:
		return len(x.keys) > 0
	}
	return true
}

// strWriter renders values as Jinja prints them, up to a size limit.
type strWriter struct {
	b     strings.Builder
	limit int
	over  bool
}

func (w *strWriter) write(s string) {
	if w.over {
		return
	}
	if w.b.Len()+len(s) > w.limit {
		w.over = true
		return
	}
	w.b.WriteString(s)
}

// str writes v as {{ v }} prints it.
func (w *strWriter) str(v value) {
	switch x := v.(type) {
	case string:
		w.write(x)
	default:
		w.repr(v)
	}
}

// repr writes v as Python's repr does; strings inside lists are quoted.
func (w *strWriter) repr(v value) {
	if w.over {
		return
	}
	switch x := v.(type) {
	case nil:
		w.write("None")
	case bool:
		if x {
			w.write("True")
		} else {
			w.write("False")
		}
	case int64:
		w.write(strconv.FormatInt(x, 10))
	case float64:
		w.write(formatFloat(x))
	case string:
		w.write(pyQuote(x))
	case []value:
		w.write("[")
		for i, e := range x {
			if i > 0 {
				w.write(", ")
			}
			w.repr(e)
			if w.over {
				return
			}
		}
		w.write("]")
	case *dict:
		w.write("{")
		for i, k := range x.keys {
			if i > 0 {
				w.write(", ")
			}
			w.write(pyQuote(k))
			w.write(": ")
			w.repr(x.m[k])
			if w.over {
				return
			}
		}
		w.write("}")
	case *macroDef:
		w.write("<macro " + x.name + ">")
	case *builtin:
		w.write("<function " + x.name + ">")
	case *boundMethod:
		w.write("<method " + x.name + ">")
	case *loopInfo:
		w.write("<loop>")
	default:
		w.write("?")
	}
}

func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

func pyQuote(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c == q {
				b.WriteByte('\\')
			}
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// toFloat returns a number as float64.
func toFloat(v value) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func isNumber(v value) bool {
	switch v.(type) {
	case int64, float64:
		return true
	}
	return false
}

// equal is Jinja's ==.
func equal(a, b value) bool {
	if isNumber(a) && isNumber(b) {
		if x, ok := a.(int64); ok {
			if y, ok := b.(int64); ok {
				return x == y
			}
		}
		x, _ := toFloat(a)
		y, _ := toFloat(b)
		return x == y
	}
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case []value:
		y, ok := b.([]value)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case *dict:
		y, ok := b.(*dict)
		if !ok || len(x.keys) != len(y.keys) {
			return false
		}
		for _, k := range x.keys {
			w, ok := y.m[k]
			if !ok || !equal(x.m[k], w) {
				return false
			}
		}
		return true
	case *macroDef:
		y, ok := b.(*macroDef)
		return ok && x == y
	}
	return false
}

// compare orders two numbers or two strings: -1, 0 or 1; ok is false for
// values that have no order.
func compare(a, b value) (int, bool) {
	if isNumber(a) && isNumber(b) {
		if x, ok := a.(int64); ok {
			if y, ok := b.(int64); ok {
				return cmpInt(x, y), true
			}
		}
		x, _ := toFloat(a)
		y, _ := toFloat(b)
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	if x, ok := a.(string); ok {
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	}
	return 0, false
}

func cmpInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// inferValue reads a var given as text (a command-line --var or an
// unquoted dbt_project.yml scalar): a Jinja literal (number, true/false,
// none, quoted string, list or dict of literals) becomes that value, any
// other text is a plain string.
func inferValue(s string) value {
	t := strings.TrimSpace(s)
	switch t {
	case "null", "~", "":
		if t == "" {
			return s
		}
		return nil
	case "yes", "Yes":
		return true
	case "no", "No":
		return false
	}
	x, err := parseExprString(t, 0)
	if err != nil {
		return s
	}
	if v, ok := literalValue(x); ok {
		return v
	}
	return s
}

// literalValue evaluates an expression made only of literals, lists and
// dicts (and a leading minus on numbers).
func literalValue(x expr) (value, bool) {
	switch e := x.(type) {
	case *litExpr:
		return e.v, true
	case *unaryExpr:
		if e.op != "-" {
			return nil, false
		}
		v, ok := literalValue(e.x)
		switch n := v.(type) {
		case int64:
			return -n, ok
		case float64:
			return -n, ok
		}
		return nil, false
	case *listExpr:
		l := make([]value, 0, len(e.items))
		for _, it := range e.items {
			v, ok := literalValue(it)
			if !ok {
				return nil, false
			}
			l = append(l, v)
		}
		return l, true
	case *dictExpr:
		d := newDict()
		for i, k := range e.keys {
			kv, ok := literalValue(k)
			ks, isStr := kv.(string)
			if !ok || !isStr {
				return nil, false
			}
			v, ok := literalValue(e.vals[i])
			if !ok {
				return nil, false
			}
			d.set(ks, v)
		}
		return d, true
	}
	return nil, false
}
