package load

import (
	"fmt"
	"strings"
)

// This file builds the statement tree of a template from its tags: if,
// for, set, macro, and the text and {{ }} expressions between them.

type (
	node interface{}

	textNode struct {
		text string
		off  int
	}
	outputNode struct {
		x   expr // nil when the expression did not parse
		off int  // offset of "{{"
	}
	ifNode struct {
		conds  []expr // nil entries for conditions that did not parse
		bodies [][]node
		els    []node
		off    int
	}
	forNode struct {
		names []string
		iter  expr
		body  []node
		els   []node
		off   int
	}
	setNode struct {
		names []string
		x     expr   // nil for a block set
		body  []node // block set: {% set x %}...{% endset %}
		block bool
		off   int
	}
	// badNode stands for a statement that did not parse; it renders nothing.
	badNode struct{ off int }
)

// macroDef is one {% macro %} definition.
type macroDef struct {
	name   string
	params []param
	body   []node
	off    int
	tpl    *template
}

type param struct {
	name string
	def  expr // nil if the parameter is required
}

// template is one parsed file.
type template struct {
	path   string
	src    string
	lines  lineIndex
	nodes  []node
	macros map[string]*macroDef
	order  []*macroDef // macros in source order
	jinja  bool        // any tag seen
}

// maxNesting bounds the nesting of block tags.
const maxNesting = 100

// tparser turns template tokens into nodes.
type tparser struct {
	tpl    *template
	toks   []ttok
	i      int
	depth  int
	report func(off int, msg string)
	// scanBudget bounds the look-ahead of skipUnknownBlock over the
	// whole file, so that many unknown tags cannot make parsing quadratic.
	scanBudget int
}

// parseTemplate lexes and parses src. report receives every syntax error.
func parseTemplate(path, src string, report func(off int, msg string)) *template {
	t := &template{path: path, src: src, lines: newLineIndex(src), macros: map[string]*macroDef{}}
	t.jinja = indexTagOpen(src, 0) >= 0
	if !t.jinja {
		t.nodes = []node{&textNode{text: src}}
		return t
	}
	p := &tparser{tpl: t, toks: lexTemplate(src, report), report: report, scanBudget: 1 << 20}
	t.nodes, _ = p.parseBody(nil, "")
	return t
}

// blockTag is a {% %} tag split into its keyword and the expression tokens
// that follow it.
type blockTag struct {
	tok  ttok
	kw   string
	rest *eparser
}

// parseBody parses nodes until one of the stop keywords or the end of the
// template. closer names the tag that is expected to end the current block,
// for error messages ("" at top level). It returns the stop tag found, or
// nil at the end of input; a stray end tag at top level is reported and
// returned as a non-nil stop only when it is in stops.
func (p *tparser) parseBody(stops []string, closer string) ([]node, *blockTag) {
	var nodes []node
	for p.i < len(p.toks) {
		tk := p.toks[p.i]
		p.i++
		switch tk.kind {
		case tText:
			nodes = append(nodes, &textNode{text: tk.text, off: tk.off})
		case tComment:
		case tVar:
			nodes = append(nodes, p.parseOutput(tk))
		case tBlock:
			if tk.raw {
				continue
			}
			bt := p.splitTag(tk)
			if bt == nil {
				nodes = append(nodes, &badNode{off: tk.off})
				continue
			}
			for _, s := range stops {
				if bt.kw == s {
					return nodes, bt
				}
			}
			if n := p.parseStatement(bt, closer); n != nil {
				nodes = append(nodes, n)
			}
		}
	}
	return nodes, nil
}

// splitTag lexes a block tag's content. It reports and returns nil when the
// content does not lex or has no keyword.
func (p *tparser) splitTag(tk ttok) *blockTag {
	toks, err := lexExpr(tk.text, tk.inner)
	if err != nil {
		p.report(err.off, err.msg)
		return nil
	}
	if toks[0].kind != eName {
		p.report(toks[0].off, "expected a tag name (if, elif, else, endif, for, endfor, set, endset, macro, endmacro, raw) after \"{%\", found "+describeTok(toks[0]))
		return nil
	}
	return &blockTag{tok: tk, kw: toks[0].s, rest: &eparser{toks: toks, i: 1}}
}

// endTagOpener names the tags that an end or middle tag belongs to.
var endTagOpener = map[string]string{
	"endif": "{% if %}", "elif": "{% if %}", "else": "{% if %} or {% for %}", "endfor": "{% for %}",
	"endset": "{% set %}", "endmacro": "{% macro %}",
}

// parseStatement parses one block statement whose tag has been read.
func (p *tparser) parseStatement(bt *blockTag, closer string) node {
	off := bt.tok.off
	switch bt.kw {
	case "if", "for", "macro", "set":
		if p.depth >= maxNesting {
			p.report(off, fmt.Sprintf("Jinja blocks nested too deeply (limit %d)", maxNesting))
			p.skipToEnd()
			return &badNode{off: off}
		}
		p.depth++
		defer func() { p.depth-- }()
	}
	switch bt.kw {
	case "if":
		return p.parseIf(bt)
	case "for":
		return p.parseFor(bt)
	case "set":
		return p.parseSet(bt)
	case "macro":
		p.parseMacro(bt)
		return nil
	}
	if opener, ok := endTagOpener[bt.kw]; ok {
		msg := fmt.Sprintf("unexpected {%% %s %%}: no open %s", bt.kw, opener)
		if closer != "" {
			msg = fmt.Sprintf("unexpected {%% %s %%}: expected {%% %s %%}", bt.kw, closer)
		}
		p.report(off, msg)
		return &badNode{off: off}
	}
	p.report(bt.rest.toks[0].off, fmt.Sprintf("unsupported Jinja tag %q (supported: if/elif/else/endif, for/endfor, set/endset, macro/endmacro, raw/endraw)", bt.kw))
	// Skip a block of the unknown tag when its end tag follows, so that
	// the end tag does not cause a second error.
	p.skipUnknownBlock(bt.kw)
	return &badNode{off: off}
}

// skipUnknownBlock skips to the matching {% end<kw> %} if there is one.
func (p *tparser) skipUnknownBlock(kw string) {
	depth := 0
	for j := p.i; j < len(p.toks) && p.scanBudget > 0; j++ {
		p.scanBudget--
		tk := p.toks[j]
		if tk.kind != tBlock {
			continue
		}
		switch firstWord(tk.text) {
		case kw:
			depth++
		case "end" + kw:
			if depth == 0 {
				p.i = j + 1
				return
			}
			depth--
		}
	}
}

// skipToEnd drops the rest of the template (after a nesting overflow).
func (p *tparser) skipToEnd() { p.i = len(p.toks) }

func firstWord(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] == '_' || isLetter(s[i]) || isDigitByte(s[i])) {
		i++
	}
	return s[:i]
}

func (p *tparser) parseOutput(tk ttok) node {
	x, err := parseExprString(tk.text, tk.inner)
	if err != nil {
		if strings.TrimSpace(tk.text) == "" {
			err.msg = "empty Jinja expression: expected an expression inside {{ }}"
		}
		p.report(err.off, err.msg)
		return &outputNode{off: tk.off}
	}
	return &outputNode{x: x, off: tk.off}
}

// tagExpr parses the rest of a tag as one expression (or a tuple).
func (p *tparser) tagExpr(bt *blockTag, tuple bool) expr {
	var x expr
	if err := bt.rest.guard(func() {
		if tuple {
			x = bt.rest.parseTuple()
		} else {
			x = bt.rest.parseExpr()
		}
		bt.rest.expectEnd(`"%}"`)
	}); err != nil {
		p.report(err.off, err.msg)
		return nil
	}
	return x
}

// unclosed reports a block that reached the end of the file.
func (p *tparser) unclosed(bt *blockTag, end string) {
	p.report(bt.tok.off, fmt.Sprintf("unclosed {%% %s %%}: expected {%% %s %%}", bt.kw, end))
}

func (p *tparser) parseIf(bt *blockTag) node {
	n := &ifNode{off: bt.tok.off}
	cond := p.tagExpr(bt, false)
	for {
		body, stop := p.parseBody([]string{"elif", "else", "endif"}, "endif")
		n.conds = append(n.conds, cond)
		n.bodies = append(n.bodies, body)
		if stop == nil {
			p.unclosed(bt, "endif")
			return n
		}
		switch stop.kw {
		case "elif":
			cond = p.tagExpr(stop, false)
			continue
		case "else":
			p.noArgs(stop)
			els, end := p.parseBody([]string{"endif"}, "endif")
			n.els = els
			if end == nil {
				p.unclosed(bt, "endif")
			} else {
				p.noArgs(end)
			}
			return n
		}
		p.noArgs(stop)
		return n
	}
}

// noArgs reports anything after the keyword of an else or end tag.
func (p *tparser) noArgs(bt *blockTag) {
	if !bt.rest.atEnd() {
		t := bt.rest.tok()
		p.report(t.off, fmt.Sprintf("expected \"%%}\" after %s, found %s", bt.kw, describeTok(t)))
	}
}

func (p *tparser) parseFor(bt *blockTag) node {
	n := &forNode{off: bt.tok.off}
	ep := bt.rest
	err := ep.guard(func() {
		for {
			name := ep.expectName("a loop variable name")
			n.names = append(n.names, name.s)
			if !ep.accept(",") {
				break
			}
		}
		if !ep.isName("in") {
			ep.failExpected(`"in"`)
		}
		ep.next()
		// Not parseTuple: "x in list if cond" must not read as a
		// conditional expression.
		n.iter = ep.parseOr()
		if ep.isOp(",") {
			items := []expr{n.iter}
			for ep.accept(",") && !ep.atEnd() {
				items = append(items, ep.parseOr())
			}
			n.iter = &listExpr{items: items, off: items[0].at()}
		}
		if ep.isName("if") || ep.isName("recursive") {
			ep.fail(ep.tok().off, "unsupported in {%% for %%}: %q (supported: for x in list, for k, v in list)", ep.tok().s)
		}
		ep.expectEnd(`"%}"`)
	})
	if err != nil {
		p.report(err.off, err.msg)
		n.iter = nil
	}
	body, stop := p.parseBody([]string{"else", "endfor"}, "endfor")
	n.body = body
	if stop != nil && stop.kw == "else" {
		p.noArgs(stop)
		n.els, stop = p.parseBody([]string{"endfor"}, "endfor")
	}
	if stop == nil {
		p.unclosed(bt, "endfor")
	} else {
		p.noArgs(stop)
	}
	if n.iter == nil {
		return &badNode{off: n.off}
	}
	return n
}

func (p *tparser) parseSet(bt *blockTag) node {
	n := &setNode{off: bt.tok.off}
	ep := bt.rest
	err := ep.guard(func() {
		for {
			name := ep.expectName("a variable name after set")
			n.names = append(n.names, name.s)
			if !ep.accept(",") {
				break
			}
		}
		if ep.atEnd() {
			n.block = true
			return
		}
		ep.expectOp("=")
		n.x = ep.parseTuple()
		ep.expectEnd(`"%}"`)
	})
	if err != nil {
		p.report(err.off, err.msg)
		return &badNode{off: n.off}
	}
	if n.block {
		if len(n.names) != 1 {
			p.report(bt.tok.off, "a block {% set %} takes exactly one variable name")
		}
		body, stop := p.parseBody([]string{"endset"}, "endset")
		n.body = body
		if stop == nil {
			p.unclosed(bt, "endset")
		} else {
			p.noArgs(stop)
		}
	}
	return n
}

func (p *tparser) parseMacro(bt *blockTag) {
	m := &macroDef{off: bt.tok.off, tpl: p.tpl}
	ep := bt.rest
	err := ep.guard(func() {
		m.name = ep.expectName("a macro name").s
		ep.expectOp("(")
		seen := map[string]bool{}
		for !ep.isOp(")") {
			name := ep.expectName("a parameter name")
			if seen[name.s] {
				ep.fail(name.off, "duplicate parameter %q", name.s)
			}
			seen[name.s] = true
			pr := param{name: name.s}
			if ep.accept("=") {
				pr.def = ep.parseExpr()
			} else if len(m.params) > 0 && m.params[len(m.params)-1].def != nil {
				ep.fail(name.off, "parameter %q without a default follows one with a default", name.s)
			}
			m.params = append(m.params, pr)
			if !ep.accept(",") {
				break
			}
		}
		ep.expectOp(")")
		ep.expectEnd(`"%}"`)
	})
	if err != nil {
		p.report(err.off, err.msg)
	}
	body, stop := p.parseBody([]string{"endmacro"}, "endmacro")
	m.body = body
	if stop == nil {
		p.unclosed(bt, "endmacro")
	} else {
		p.noArgs(stop)
	}
	if err != nil || m.name == "" {
		return
	}
	if prev, dup := p.tpl.macros[m.name]; dup {
		pos := p.tpl.lines.pos(prev.off)
		p.report(bt.tok.off, fmt.Sprintf("macro %q is already defined at line %d", m.name, pos.Line))
		return
	}
	p.tpl.macros[m.name] = m
	p.tpl.order = append(p.tpl.order, m)
}
