package load

import (
	"fmt"
	"strconv"
	"strings"
)

// This file reads the expressions inside Jinja tags: literals, names,
// attribute and index access, calls, filters, tests and operators, with
// Jinja's precedence.

type ekind int

const (
	eEOF ekind = iota
	eName
	eString
	eInt
	eFloat
	eOp
)

// etok is one token of a tag's content; off is its offset in the file.
type etok struct {
	kind ekind
	s    string // name, operator, or the decoded string value
	off  int
	num  value // int64 or float64 for numbers
}

// jerr is a Jinja error at an offset of a template.
type jerr struct {
	off int
	msg string
	tpl *template // the file off is in; nil means the file being parsed or run
	// undef marks a lookup of something that does not exist: "is defined"
	// and the default filter catch it.
	undef bool
	// fatal stops the expansion of the file (a limit was exceeded).
	fatal bool
}

func (e *jerr) Error() string { return e.msg }

// lexExpr splits the content of a tag (starting at offset base) into tokens.
func lexExpr(src string, base int) ([]etok, *jerr) {
	toks := make([]etok, 0, len(src)/4+2)
	i := 0
	for i < len(src) {
		c := src[i]
		off := base + i
		switch {
		case isSpace(c):
			i++
		case c == '_' || isLetter(c):
			j := i + 1
			for j < len(src) && (src[j] == '_' || isLetter(src[j]) || isDigitByte(src[j])) {
				j++
			}
			toks = append(toks, etok{kind: eName, s: src[i:j], off: off})
			i = j
		case isDigitByte(c) || (c == '.' && i+1 < len(src) && isDigitByte(src[i+1])):
			j, t, err := lexNumber(src, i)
			if err != nil {
				return nil, &jerr{off: off, msg: err.Error()}
			}
			t.off = off
			toks = append(toks, t)
			i = j
		case c == '\'' || c == '"':
			end := skipJinjaString(src, i)
			if end < 0 {
				return nil, &jerr{off: off, msg: "unterminated string: expected a closing " + quoteName(c)}
			}
			toks = append(toks, etok{kind: eString, s: unescape(src[i+1 : end-1]), off: off})
			i = end
		default:
			n := 1
			if i+1 < len(src) {
				switch src[i : i+2] {
				case "==", "!=", "<=", ">=", "//", "**":
					n = 2
				}
			}
			op := src[i : i+n]
			if n == 1 && !strings.Contains("+-*/%~|.,:()[]{}<>=", op) {
				return nil, &jerr{off: off, msg: fmt.Sprintf("unexpected character %q in Jinja expression", rune(c))}
			}
			toks = append(toks, etok{kind: eOp, s: op, off: off})
			i += n
		}
	}
	toks = append(toks, etok{kind: eEOF, off: base + len(src)})
	return toks, nil
}

func isLetter(c byte) bool    { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func lexNumber(src string, i int) (int, etok, error) {
	j := i
	for j < len(src) && (isDigitByte(src[j]) || src[j] == '_') {
		j++
	}
	float := false
	if j < len(src) && src[j] == '.' && j+1 < len(src) && isDigitByte(src[j+1]) {
		float = true
		j++
		for j < len(src) && (isDigitByte(src[j]) || src[j] == '_') {
			j++
		}
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if k < len(src) && isDigitByte(src[k]) {
			float = true
			for k < len(src) && isDigitByte(src[k]) {
				k++
			}
			j = k
		}
	}
	lit := strings.ReplaceAll(src[i:j], "_", "")
	if float {
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil {
			return 0, etok{}, fmt.Errorf("bad number %q", src[i:j])
		}
		return j, etok{kind: eFloat, s: src[i:j], num: f}, nil
	}
	n, err := strconv.ParseInt(lit, 10, 64)
	if err != nil {
		return 0, etok{}, fmt.Errorf("bad number %q (integers are limited to 64 bits)", src[i:j])
	}
	return j, etok{kind: eInt, s: src[i:j], num: n}, nil
}

// unescape decodes the backslash escapes of a Jinja string literal.
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\', '\'', '"':
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// Expression tree. Every node records the offset it starts at.
type (
	expr interface{ at() int }

	litExpr struct {
		v   value
		off int
	}
	nameExpr struct {
		name string
		off  int
	}
	listExpr struct {
		items []expr
		off   int
	}
	dictExpr struct {
		keys, vals []expr
		off        int
	}
	attrExpr struct {
		x    expr
		name string
		off  int // offset of the attribute name
	}
	indexExpr struct {
		x, idx expr
		off    int
	}
	callExpr struct {
		fn   expr
		args []expr
		kw   []kwarg
		off  int
	}
	filterExpr struct {
		x    expr
		name string
		args []expr
		kw   []kwarg
		off  int // offset of the filter name
	}
	testExpr struct {
		x    expr
		name string
		neg  bool
		args []expr
		off  int // offset of the test name
	}
	unaryExpr struct {
		op  string
		x   expr
		off int
	}
	binaryExpr struct {
		op   string
		x, y expr
		off  int // offset of the operator
	}
	condExpr struct {
		then, cond, els expr
		off             int
	}
)

type kwarg struct {
	name string
	x    expr
	off  int
}

func (e *litExpr) at() int    { return e.off }
func (e *nameExpr) at() int   { return e.off }
func (e *listExpr) at() int   { return e.off }
func (e *dictExpr) at() int   { return e.off }
func (e *attrExpr) at() int   { return e.x.at() }
func (e *indexExpr) at() int  { return e.x.at() }
func (e *callExpr) at() int   { return e.fn.at() }
func (e *filterExpr) at() int { return e.x.at() }
func (e *testExpr) at() int   { return e.x.at() }
func (e *unaryExpr) at() int  { return e.off }
func (e *binaryExpr) at() int { return e.x.at() }
func (e *condExpr) at() int   { return e.then.at() }

// maxExprDepth bounds expression nesting so that hostile input cannot
// exhaust the stack.
const maxExprDepth = 100

// eparser parses the tokens of one tag. Errors stop it through a bailout
// panic that parse functions recover; no other panic is caught.
type eparser struct {
	toks  []etok
	i     int
	depth int
}

type bailout struct{ err *jerr }

func (p *eparser) tok() etok { return p.toks[p.i] }

func (p *eparser) next() etok {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *eparser) fail(off int, format string, args ...any) {
	panic(bailout{&jerr{off: off, msg: fmt.Sprintf(format, args...)}})
}

// failExpected reports the current token and what was expected instead.
func (p *eparser) failExpected(what string) {
	t := p.tok()
	p.fail(t.off, "expected %s, found %s", what, describeTok(t))
}

func describeTok(t etok) string {
	switch t.kind {
	case eEOF:
		return "end of tag"
	case eString:
		return "string " + strconv.Quote(t.s)
	case eInt, eFloat:
		return "number " + t.s
	}
	return strconv.Quote(t.s)
}

func (p *eparser) isOp(s string) bool { t := p.tok(); return t.kind == eOp && t.s == s }
func (p *eparser) isName(s string) bool {
	t := p.tok()
	return t.kind == eName && t.s == s
}

func (p *eparser) accept(op string) bool {
	if p.isOp(op) {
		p.next()
		return true
	}
	return false
}

func (p *eparser) expectOp(op string) etok {
	if !p.isOp(op) {
		p.failExpected(strconv.Quote(op))
	}
	return p.next()
}

func (p *eparser) expectName(what string) etok {
	if p.tok().kind != eName {
		p.failExpected(what)
	}
	return p.next()
}

func (p *eparser) atEnd() bool { return p.tok().kind == eEOF }

func (p *eparser) expectEnd(what string) {
	if !p.atEnd() {
		p.failExpected(what)
	}
}

// guard runs f, turning a parse bailout into an error.
func (p *eparser) guard(f func()) (err *jerr) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	f()
	return nil
}

func (p *eparser) enter() {
	p.depth++
	if p.depth > maxExprDepth {
		p.fail(p.tok().off, "expression nested too deeply (limit %d)", maxExprDepth)
	}
}

func (p *eparser) leave() { p.depth-- }

// parseExpr parses a full expression: a conditional expression.
func (p *eparser) parseExpr() expr {
	p.enter()
	defer p.leave()
	x := p.parseOr()
	if p.isName("if") {
		off := p.next().off
		cond := p.parseOr()
		var els expr
		if p.isName("else") {
			p.next()
			els = p.parseExpr()
		}
		return &condExpr{then: x, cond: cond, els: els, off: off}
	}
	return x
}

// parseTuple parses "a, b, c" without brackets (in set and for), giving a
// list when there is more than one element.
func (p *eparser) parseTuple() expr {
	x := p.parseExpr()
	if !p.isOp(",") {
		return x
	}
	items := []expr{x}
	for p.accept(",") {
		if p.atEnd() {
			break
		}
		items = append(items, p.parseExpr())
	}
	return &listExpr{items: items, off: x.at()}
}

func (p *eparser) parseOr() expr {
	x := p.parseAnd()
	for p.isName("or") {
		off := p.next().off
		x = &binaryExpr{op: "or", x: x, y: p.parseAnd(), off: off}
	}
	return x
}

func (p *eparser) parseAnd() expr {
	x := p.parseNot()
	for p.isName("and") {
		off := p.next().off
		x = &binaryExpr{op: "and", x: x, y: p.parseNot(), off: off}
	}
	return x
}

func (p *eparser) parseNot() expr {
	if p.isName("not") {
		p.enter()
		defer p.leave()
		off := p.next().off
		return &unaryExpr{op: "not", x: p.parseNot(), off: off}
	}
	return p.parseCompare()
}

func (p *eparser) parseCompare() expr {
	x := p.parseConcat()
	for {
		t := p.tok()
		var op string
		switch {
		case t.kind == eOp && (t.s == "==" || t.s == "!=" || t.s == "<" || t.s == ">" || t.s == "<=" || t.s == ">="):
			op = t.s
			p.next()
		case t.kind == eName && t.s == "in":
			op = "in"
			p.next()
		case t.kind == eName && t.s == "not" && p.toks[min(p.i+1, len(p.toks)-1)].kind == eName && p.toks[min(p.i+1, len(p.toks)-1)].s == "in":
			op = "not in"
			p.next()
			p.next()
		default:
			return x
		}
		x = &binaryExpr{op: op, x: x, y: p.parseConcat(), off: t.off}
	}
}

func (p *eparser) parseConcat() expr {
	x := p.parseAdd()
	for p.isOp("~") {
		off := p.next().off
		x = &binaryExpr{op: "~", x: x, y: p.parseAdd(), off: off}
	}
	return x
}

func (p *eparser) parseAdd() expr {
	x := p.parseMul()
	for p.isOp("+") || p.isOp("-") {
		t := p.next()
		x = &binaryExpr{op: t.s, x: x, y: p.parseMul(), off: t.off}
	}
	return x
}

func (p *eparser) parseMul() expr {
	x := p.parseUnary()
	for p.isOp("*") || p.isOp("/") || p.isOp("//") || p.isOp("%") {
		t := p.next()
		x = &binaryExpr{op: t.s, x: x, y: p.parseUnary(), off: t.off}
	}
	return x
}

func (p *eparser) parseUnary() expr {
	if p.isOp("-") || p.isOp("+") {
		p.enter()
		defer p.leave()
		t := p.next()
		return &unaryExpr{op: t.s, x: p.parseUnary(), off: t.off}
	}
	return p.parsePostfix(p.parsePrimary())
}

func (p *eparser) parsePostfix(x expr) expr {
	for {
		t := p.tok()
		switch {
		case t.kind == eOp && t.s == ".":
			p.next()
			if p.tok().kind == eInt {
				n := p.next()
				x = &indexExpr{x: x, idx: &litExpr{v: n.num, off: n.off}, off: n.off}
				continue
			}
			name := p.expectName("an attribute name after \".\"")
			x = &attrExpr{x: x, name: name.s, off: name.off}
		case t.kind == eOp && t.s == "[":
			p.next()
			idx := p.parseExpr()
			p.expectOp("]")
			x = &indexExpr{x: x, idx: idx, off: t.off}
		case t.kind == eOp && t.s == "(":
			args, kw := p.parseArgs()
			x = &callExpr{fn: x, args: args, kw: kw, off: t.off}
		case t.kind == eOp && t.s == "|":
			p.next()
			name := p.expectName("a filter name after \"|\"")
			f := &filterExpr{x: x, name: name.s, off: name.off}
			if p.isOp("(") {
				f.args, f.kw = p.parseArgs()
			}
			x = f
		case t.kind == eName && t.s == "is":
			p.next()
			neg := false
			if p.isName("not") {
				p.next()
				neg = true
			}
			name := p.tok()
			if name.kind != eName {
				p.failExpected("a test name after \"is\" (defined, none, string, number, ...)")
			}
			p.next()
			te := &testExpr{x: x, name: name.s, neg: neg, off: name.off}
			if p.isOp("(") {
				te.args, _ = p.parseArgs()
			}
			x = te
		default:
			return x
		}
	}
}

// parseArgs parses "(a, b, k=v)".
func (p *eparser) parseArgs() ([]expr, []kwarg) {
	p.enter()
	defer p.leave()
	p.expectOp("(")
	var args []expr
	var kw []kwarg
	for !p.isOp(")") {
		t := p.tok()
		if t.kind == eName && p.toks[min(p.i+1, len(p.toks)-1)].kind == eOp && p.toks[p.i+1].s == "=" {
			p.next()
			p.next()
			kw = append(kw, kwarg{name: t.s, x: p.parseExpr(), off: t.off})
		} else {
			if len(kw) > 0 {
				p.fail(t.off, "positional argument after keyword argument")
			}
			args = append(args, p.parseExpr())
		}
		if !p.accept(",") {
			break
		}
	}
	p.expectOp(")")
	return args, kw
}

func (p *eparser) parsePrimary() expr {
	t := p.tok()
	switch t.kind {
	case eName:
		p.next()
		switch t.s {
		case "true", "True":
			return &litExpr{v: true, off: t.off}
		case "false", "False":
			return &litExpr{v: false, off: t.off}
		case "none", "None":
			return &litExpr{v: nil, off: t.off}
		}
		return &nameExpr{name: t.s, off: t.off}
	case eString:
		p.next()
		s := t.s
		for p.tok().kind == eString { // adjacent literals concatenate
			s += p.next().s
		}
		return &litExpr{v: s, off: t.off}
	case eInt, eFloat:
		p.next()
		return &litExpr{v: t.num, off: t.off}
	case eOp:
		switch t.s {
		case "(":
			p.enter()
			defer p.leave()
			p.next()
			if p.accept(")") {
				return &listExpr{off: t.off}
			}
			x := p.parseExpr()
			if p.isOp(",") {
				items := []expr{x}
				for p.accept(",") && !p.isOp(")") {
					items = append(items, p.parseExpr())
				}
				x = &listExpr{items: items, off: t.off}
			}
			p.expectOp(")")
			return x
		case "[":
			p.enter()
			defer p.leave()
			p.next()
			l := &listExpr{off: t.off}
			for !p.isOp("]") {
				l.items = append(l.items, p.parseExpr())
				if !p.accept(",") {
					break
				}
			}
			p.expectOp("]")
			return l
		case "{":
			p.enter()
			defer p.leave()
			p.next()
			d := &dictExpr{off: t.off}
			for !p.isOp("}") {
				d.keys = append(d.keys, p.parseExpr())
				p.expectOp(":")
				d.vals = append(d.vals, p.parseExpr())
				if !p.accept(",") {
					break
				}
			}
			p.expectOp("}")
			return d
		}
	}
	p.failExpected("an expression")
	return nil
}

// parseExprString parses a whole string as one expression; for tests and
// for values of vars.
func parseExprString(src string, base int) (expr, *jerr) {
	toks, err := lexExpr(src, base)
	if err != nil {
		return nil, err
	}
	p := &eparser{toks: toks}
	var x expr
	if err := p.guard(func() {
		x = p.parseExpr()
		p.expectEnd("end of expression")
	}); err != nil {
		return nil, err
	}
	return x, nil
}
