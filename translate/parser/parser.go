// Package parser is a hand-written recursive-descent parser for Spark SQL and
// Flink SQL. Both dialects produce the one tree of package ast; the dialect
// switch only matters where the grammars differ (string escapes, nested
// comments, a few clauses). The parser never panics on bad input: a statement
// that does not parse becomes an *ast.BadStmt, its error (file:line:col, the
// token found and what was expected) goes into the diagnostics, and parsing
// resumes after the next top-level semicolon.
package parser

import (
	"fmt"
	"strings"
	"sync"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/lexer"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// maxDepth bounds nesting (parentheses, subqueries) so that hostile input
// cannot exhaust the stack.
const maxDepth = 500

// ParseFile parses every statement of src.
func ParseFile(filename, src string, d token.Dialect) (*ast.File, diag.List) {
	p := newParser(filename, src, d, token.Pos{}, nil)
	f := &ast.File{Name: filename}
	f.Stmts = p.parseStatements()
	p.release()
	return f, p.errs
}

// ParseAt parses src as text that starts at pos inside filename, so that
// positions are those of the enclosing file.
func ParseAt(filename, src string, d token.Dialect, pos token.Pos) ([]ast.Stmt, diag.List) {
	p := newParser(filename, src, d, pos, nil)
	stmts := p.parseStatements()
	p.release()
	return stmts, p.errs
}

// ParseExpr parses a single expression (for tests and for rules written as SQL).
func ParseExpr(src string, d token.Dialect) (ast.Expr, error) {
	p := newParser("", src, d, token.Pos{}, nil)
	var e ast.Expr
	err := p.guard(func() {
		e = p.parseExpr()
		if p.tok().Kind != token.EOF {
			p.fail("end of expression")
		}
	})
	p.release()
	if err != nil {
		return nil, err
	}
	return e, nil
}

// ParseType parses a single data type.
func ParseType(src string, d token.Dialect) (*ast.Type, error) {
	p := newParser("", src, d, token.Pos{}, nil)
	var t *ast.Type
	err := p.guard(func() {
		t = p.parseType()
		if p.tok().Kind != token.EOF {
			p.fail("end of type")
		}
	})
	p.release()
	return t, err
}

type parser struct {
	file    string
	src     string
	base    int // offset of src inside the file
	dialect token.Dialect
	toks    []compactToken // significant tokens, EOF last
	// comments holds every comment and hint in order; those written
	// before toks[i] are comments[cmtStart[i]:cmtStart[i+1]] (cmtStart[0]
	// is 0, cmtStart[i+1] the count when toks[i] was read).
	comments []token.Token
	cmtStart []int32
	buf      *tokenBuf      // where toks, comments and cmtStart come from
	used     map[int32]bool // hints consumed, by index in comments
	i        int            // index of the current token
	cmtFrom  int            // comments before toks[cmtFrom] and earlier are taken
	cmtSkip  int            // how many comments of toks[cmtFrom] are taken
	depth    int
	noIn     bool   // inside POSITION(a IN b): IN ends the expression
	a        *arena // where nodes are allocated (see alloc.go)
	lists    lists
	errs     diag.List
}

// compactToken is a token as the parser keeps it: a third of the size of
// token.Token, its text a slice of the source. The token array is most of
// the parser's own memory; parses reuse it (see tokenBuf).
type compactToken struct {
	off, line, col, n int32
	kind              uint8
	space             bool
}

// at returns token k. (Written out rather than with pos and text: it
// stays under the inlining budget, and tok with it.)
func (p *parser) at(k int) token.Token {
	c := p.toks[k]
	start := int(c.off) - p.base
	return token.Token{
		Kind:        token.Kind(c.kind),
		Pos:         token.Pos{Offset: int(c.off), Line: int(c.line), Col: int(c.col)},
		Lit:         p.src[start : start+int(c.n)],
		SpaceBefore: c.space,
	}
}

// The hottest rules read the compact tokens through the helpers below
// rather than build a token.Token.

// pos returns the position of token c.
func (c *compactToken) pos() token.Pos {
	return token.Pos{Offset: int(c.off), Line: int(c.line), Col: int(c.col)}
}

// text returns the source text of token c.
func (p *parser) text(c *compactToken) string {
	start := int(c.off) - p.base
	return p.src[start : start+int(c.n)]
}

// cur returns the current token; like tok, it keeps p.i on a token.
func (p *parser) cur() *compactToken {
	p.clamp()
	return &p.toks[p.i]
}

// clamp keeps p.i on a token: past the end it stays on EOF, so a rule
// that skips ahead with p.i += n can never index out of range.
func (p *parser) clamp() {
	if p.i >= len(p.toks) {
		p.i = len(p.toks) - 1
	}
}

// kindAt returns the kind of token k, EOF past the end.
func (p *parser) kindAt(k int) token.Kind {
	return token.Kind(p.toks[min(k, len(p.toks)-1)].kind)
}

// tokenBuf holds the token arrays of a parse. They are garbage once the
// parse is over (the syntax tree refers to the source text, never to
// them), so the next parse reuses them: they were about 30% of the bytes a
// parse allocated, and fewer bytes allocated means fewer collections.
type tokenBuf struct {
	toks     []compactToken
	cmtStart []int32
	comments []token.Token
}

var tokenBufs = sync.Pool{New: func() any { return new(tokenBuf) }}

// release gives the parser's token arrays back for reuse; the parser
// must not read a token afterwards.
func (p *parser) release() {
	clear(p.comments) // their texts would keep the source alive
	p.buf.toks, p.buf.cmtStart, p.buf.comments = p.toks[:0], p.cmtStart[:0], p.comments[:0]
	tokenBufs.Put(p.buf)
	p.buf, p.toks, p.cmtStart, p.comments = nil, nil, nil, nil
}

// cmtsOf returns the comments and hints written before toks[k].
func (p *parser) cmtsOf(k int) []token.Token {
	return p.comments[p.cmtStart[k]:p.cmtStart[k+1]]
}

// bailout unwinds the parser to the statement loop after an error.
type bailout struct{ d *diag.Diagnostic }

// newParser returns a parser of src that allocates its nodes in a, or in
// an arena of its own when a is nil.
func newParser(filename, src string, d token.Dialect, start token.Pos, a *arena) *parser {
	p := &parser{file: filename, src: src, dialect: d, base: start.Offset, a: a}
	if a == nil {
		p.a = &arena{}
	}
	lx := lexer.NewAt(src, d, start)
	p.buf = tokenBufs.Get().(*tokenBuf)
	// About one token per five bytes of SQL: one allocation in most files,
	// and none when the arrays of an earlier parse are large enough.
	if n := len(src)/5 + 16; cap(p.buf.toks) < n {
		p.buf.toks = make([]compactToken, 0, n)
		p.buf.cmtStart = make([]int32, 0, n+1)
	}
	p.toks = p.buf.toks[:0]
	p.cmtStart = append(p.buf.cmtStart[:0], 0)
	p.comments = p.buf.comments[:0]
	for {
		k := lx.Scan()
		if k == token.Comment || k == token.Hint {
			p.comments = append(p.comments, token.Token{Kind: k, Pos: lx.Pos(), Lit: lx.Text(), SpaceBefore: lx.SpaceBefore()})
			continue
		}
		pos := lx.Pos()
		p.cmtStart = append(p.cmtStart, int32(len(p.comments)))
		p.toks = append(p.toks, compactToken{off: int32(pos.Offset), line: int32(pos.Line), col: int32(pos.Col),
			n: int32(len(lx.Text())), kind: uint8(k), space: lx.SpaceBefore()})
		if k == token.EOF {
			break
		}
	}
	return p
}

// ---------------------------------------------------------------------------
// token access

// tok returns the current token (see clamp).
func (p *parser) tok() token.Token {
	p.clamp()
	return p.at(p.i)
}

func (p *parser) peek(k int) token.Token { return p.at(min(p.i+k, len(p.toks)-1)) }

func (p *parser) next() token.Token {
	t := p.tok()
	p.skip()
	return t
}

// skip moves past the current token without building it.
func (p *parser) skip() {
	if p.i < len(p.toks)-1 {
		p.i++
	}
}

func (p *parser) prevTok() token.Token {
	if p.i == 0 {
		return p.at(0)
	}
	return p.at(p.i - 1)
}

// isKw reports whether token t is the bare word kw (upper case).
func isKw(t token.Token, kw string) bool {
	return t.Kind == token.Word && spellsKeyword(t.Lit, kw)
}

// The token tests below read the compact token array directly: they run
// for nearly every token and building a token.Token each time costs.

func (p *parser) is(kw string) bool { return p.wordAt(p.i, kw) }

func (p *parser) isAt(k int, kw string) bool { return p.wordAt(p.i+k, kw) }

// wordAt reports whether token k is the bare word kw (upper case). It is
// small enough to be inlined, which matters: it runs three times per token.
// It compares the letters as spellsKeyword does, written out: the call
// would put it over the inlining budget.
func (p *parser) wordAt(k int, kw string) bool {
	if k >= len(p.toks) {
		return false
	}
	c := &p.toks[k]
	if c.kind != uint8(token.Word) || int(c.n) != len(kw) {
		return false
	}
	w := p.src[int(c.off)-p.base:][:len(kw)]
	for i := range len(kw) {
		if w[i]|0x20 != kw[i]|0x20 {
			return false
		}
	}
	return true
}

// opAt reports whether token k is the operator op.
func (p *parser) opAt(k int, op string) bool {
	if k >= len(p.toks) {
		return false
	}
	c := &p.toks[k]
	if c.kind != uint8(token.Op) || int(c.n) != len(op) {
		return false
	}
	// The first byte decides nearly always, without the call that comparing
	// strings costs when op is not a constant.
	w := p.src[int(c.off)-p.base:][:len(op)]
	return w[0] == op[0] && (len(op) == 1 || w == op)
}

// isSeq reports whether the next tokens are the given keywords.
func (p *parser) isSeq(kws ...string) bool {
	for k, kw := range kws {
		if !p.isAt(k, kw) {
			return false
		}
	}
	return true
}

func (p *parser) isOp(op string) bool { return p.opAt(p.i, op) }

func (p *parser) isOpAt(k int, op string) bool { return p.opAt(p.i+k, op) }

// accept consumes the keyword if present.
func (p *parser) accept(kw string) bool {
	if p.is(kw) {
		p.skip()
		return true
	}
	return false
}

// acceptSeq consumes the keywords if all are present.
func (p *parser) acceptSeq(kws ...string) bool {
	if p.isSeq(kws...) {
		p.i += len(kws)
		return true
	}
	return false
}

func (p *parser) acceptOp(op string) bool {
	if p.isOp(op) {
		p.skip()
		return true
	}
	return false
}

// expect consumes the keyword or fails.
func (p *parser) expect(kw string) token.Pos {
	if !p.is(kw) {
		p.fail(kw)
	}
	pos := p.toks[p.i].pos()
	p.skip()
	return pos
}

func (p *parser) expectOp(op string) token.Pos {
	if !p.isOp(op) {
		p.fail("'" + op + "'")
	}
	pos := p.toks[p.i].pos()
	p.skip()
	return pos
}

// upper returns the current word in upper case.
func (p *parser) upper() string { return strings.ToUpper(p.tok().Lit) }

// ---------------------------------------------------------------------------
// errors

// fail reports that something else was expected at the current token and
// abandons the statement.
func (p *parser) fail(expected string) {
	t := p.tok()
	if t.Kind == token.Illegal {
		p.failAt(t.Pos, "%s", describeIllegal(t.Lit))
	}
	p.failAt(t.Pos, "expected %s, found %s", expected, t.Describe())
}

// describeIllegal explains a token the lexer could not read.
func describeIllegal(lit string) string {
	switch {
	case strings.HasPrefix(lit, "'") || strings.HasPrefix(lit, "\"") || len(lit) > 1 && (lit[1] == '\'' || lit[1] == '"'):
		return "unterminated string: no closing quote before the end of input"
	case strings.HasPrefix(lit, "/*"):
		return "unterminated block comment: no closing */ before the end of input"
	case strings.HasPrefix(lit, "`"):
		return "unterminated quoted identifier: no closing backtick before the end of input"
	case strings.HasPrefix(lit, "${"):
		return "unterminated variable: no closing } before the end of input"
	}
	return fmt.Sprintf("unexpected character %q", lit)
}

func (p *parser) failAt(pos token.Pos, format string, args ...any) {
	d := &diag.Diagnostic{
		Position: token.Position{File: p.file, Pos: pos},
		Severity: diag.Error,
		Msg:      fmt.Sprintf(format, args...),
	}
	panic(bailout{d})
}

// guard runs f, turning a bailout into an error.
func (p *parser) guard(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.d
		}
	}()
	f()
	return nil
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.failAt(p.tok().Pos, "nesting deeper than %d levels", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// ---------------------------------------------------------------------------
// comments and hints

// The comments of consecutive tokens are consecutive in p.comments, so the
// comments of toks[a..b] are p.comments[p.cmtStart[a]:p.cmtStart[b+1]], and
// those not yet taken start at p.firstUntaken(). The functions below work on
// such ranges: most tokens have no comment, and an empty range is then
// found without visiting the tokens one by one.

// firstUntaken returns the index in p.comments of the first comment of
// toks[cmtFrom] that is not taken yet.
func (p *parser) firstUntaken() int { return int(p.cmtStart[p.cmtFrom]) + p.cmtSkip }

// untaken returns the texts of p.comments[lo:hi], consumed hints left out.
func (p *parser) untaken(lo, hi int) []string {
	var out []string
	for j := lo; j < hi; j++ {
		if !p.usedAt(j) {
			out = append(out, p.comments[j].Lit)
		}
	}
	return out
}

// takeComments returns the comments written before the current token that
// no node has taken yet; hints that were consumed are skipped.
func (p *parser) takeComments() []string {
	p.clamp()
	var out []string
	if p.cmtFrom <= p.i {
		out = p.untaken(p.firstUntaken(), int(p.cmtStart[p.i+1]))
	}
	p.cmtFrom = p.i
	p.cmtSkip = int(p.cmtStart[p.i+1] - p.cmtStart[p.i])
	return out
}

// takeTrailing returns comments that follow the previous token on its own
// line (a "-- note" after "col,"), so they stay with the node just parsed.
// It takes nothing while earlier comments are still pending, to keep order.
func (p *parser) takeTrailing() []string {
	p.clamp()
	k := p.i
	lo, hi := int(p.cmtStart[k]), int(p.cmtStart[k+1])
	if k == p.cmtFrom {
		lo += p.cmtSkip
	}
	if lo >= hi || p.pendingBefore(k) {
		return nil
	}
	prevLine := int(p.toks[max(p.i-1, 0)].line)
	var out []string
	j := lo
	for ; j < hi; j++ {
		if p.comments[j].Pos.Line != prevLine || p.usedAt(j) {
			break
		}
		out = append(out, p.comments[j].Lit)
	}
	if len(out) > 0 {
		p.cmtFrom = k
		p.cmtSkip = j - int(p.cmtStart[k])
	}
	return out
}

// pendingBefore reports whether comments of tokens before index k are
// still untaken.
func (p *parser) pendingBefore(k int) bool {
	if p.cmtFrom >= k {
		return false
	}
	for j := p.firstUntaken(); j < int(p.cmtStart[k]); j++ {
		if !p.usedAt(j) {
			return true
		}
	}
	return false
}

func (p *parser) hintUsed(k, j int) bool {
	return p.usedAt(int(p.cmtStart[min(k, len(p.toks)-1)]) + j)
}

// usedAt reports whether p.comments[j] is a hint that was consumed.
func (p *parser) usedAt(j int) bool { return p.used != nil && p.used[int32(j)] }

// takeHints parses the /*+ ... */ hints written just before the current
// token. Hints elsewhere stay comments.
func (p *parser) takeHints() []*ast.Hint {
	p.clamp()
	var out []*ast.Hint
	k := p.i
	for j, c := range p.cmtsOf(k) {
		if c.Kind != token.Hint || p.hintUsed(k, j) || (k == p.cmtFrom && j < p.cmtSkip) {
			continue
		}
		hs, err := p.parseHintText(c)
		if err != nil {
			p.errs = append(p.errs, err.(*diag.Diagnostic))
			continue
		}
		if p.used == nil {
			p.used = map[int32]bool{}
		}
		p.used[p.cmtStart[k]+int32(j)] = true
		out = append(out, hs...)
	}
	return out
}

// parseHintText parses the inside of /*+ a(x), b */.
func (p *parser) parseHintText(c token.Token) ([]*ast.Hint, error) {
	inner := strings.TrimSuffix(strings.TrimPrefix(c.Lit, "/*+"), "*/")
	start := c.Pos
	start.Offset += 3
	start.Col += 3
	sub := newParser(p.file, inner, p.dialect, start, p.a)
	var hs []*ast.Hint
	err := sub.guard(func() {
		for sub.tok().Kind != token.EOF {
			h := &ast.Hint{At: ast.At{At: sub.tok().Pos}, Name: sub.parseIdent()}
			if sub.acceptOp("(") {
				for !sub.isOp(")") {
					h.Args = append(h.Args, sub.parseHintArg())
					if !sub.acceptOp(",") {
						break
					}
				}
				sub.expectOp(")")
			}
			hs = append(hs, h)
			sub.acceptOp(",")
		}
	})
	sub.release()
	return hs, err
}

// parseHintArg reads one hint argument: a name, a literal, or 'k' = 'v'.
func (p *parser) parseHintArg() ast.Expr { return p.parseExpr() }

// ---------------------------------------------------------------------------
// statements

func (p *parser) parseStatements() []ast.Stmt {
	var stmts []ast.Stmt
	for {
		for p.isOp(";") {
			p.skip()
		}
		if p.tok().Kind == token.EOF {
			if cs := p.takeComments(); len(cs) > 0 && len(stmts) > 0 {
				b := stmts[len(stmts)-1].Base()
				b.After = append(b.After, cs...)
			}
			return stmts
		}
		stmts = append(stmts, p.parseOneStatement())
	}
}

func (p *parser) parseOneStatement() (s ast.Stmt) {
	startIdx := p.i
	start := p.tok().Pos
	before := p.takeComments()
	p.depth = 0
	p.lists.reset()
	p.noIn = false
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			p.errs = append(p.errs, b.d)
			p.skipToSemicolon()
			bad := &ast.BadStmt{Err: b.d.Msg}
			p.finish(bad, startIdx, start, before)
			s = bad
		}
	}()
	s = p.parseStatement()
	if !p.isOp(";") && p.tok().Kind != token.EOF {
		p.fail("';' or end of statement")
	}
	p.finish(s, startIdx, start, before)
	if p.isOp(";") {
		// Comments before the ';' are inside the statement, and so is a
		// comment on the same line after it.
		b := s.Base()
		b.After = append(b.After, p.takeComments()...)
		p.skip()
		b.After = append(b.After, p.takeTrailing()...)
	}
	return s
}

func (p *parser) finish(s ast.Stmt, startIdx int, start token.Pos, before []string) {
	b := s.Base()
	b.At = ast.At{At: start}
	b.Comments.Before = append(before, b.Comments.Before...)
	if cs := p.takeTrailing(); len(cs) > 0 {
		b.After = append(b.After, cs...)
	}
	endIdx := p.i
	if endIdx > startIdx {
		last := p.at(endIdx - 1)
		b.End = last.Pos
		b.End.Offset += len(last.Lit)
		b.End.Col += len(last.Lit)
		b.Text = p.src[start.Offset-p.base : last.Pos.Offset-p.base+len(last.Lit)]
	}
	// Comments inside the statement that no node took are kept on it.
	if p.i > startIdx {
		if cs := p.takeCommentsBefore(p.i); len(cs) > 0 {
			b.After = append(b.After, cs...)
		}
	}
}

// takeCommentsBefore takes pending comments of tokens before index end
// (not the comments before toks[end] itself).
func (p *parser) takeCommentsBefore(end int) []string {
	var out []string
	if p.cmtFrom < end {
		out = p.untaken(p.firstUntaken(), int(p.cmtStart[end]))
		p.cmtFrom = end
		p.cmtSkip = 0
	}
	return out
}

// skipToSemicolon moves to the next top-level ';' (or EOF) after an error.
func (p *parser) skipToSemicolon() {
	depth := 0
	for p.tok().Kind != token.EOF {
		t := p.tok()
		if t.Kind == token.Op {
			switch t.Lit {
			case "(":
				depth++
			case ")":
				if depth > 0 {
					depth--
				}
			case ";":
				if depth == 0 {
					return
				}
			}
		}
		p.skip()
	}
}
