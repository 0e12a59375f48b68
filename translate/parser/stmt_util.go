package parser

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// This file holds the utility statements (SET, RESET, USE, CACHE, UNCACHE,
// EXPLAIN, DESCRIBE, and the commands kept as written) and the small token
// helpers the statement parsers share.

// parseSet parses SET and RESET in both dialects. Key and Value keep the
// source text as written (quotes included):
//   - Spark: SET k=v (the key may be dotted or dashed words; the value is the
//     rest of the statement), SET k, SET, SET -v, SET TIME ZONE ...;
//   - Flink: SET 'k' = 'v', SET, RESET 'k', RESET (the key must be quoted);
//   - Spark: RESET, RESET k.
func (p *parser) parseSet() ast.Stmt {
	s := &ast.SetStmt{}
	if p.accept("RESET") {
		s.Reset = true
	} else {
		p.expect("SET")
	}
	if p.atStmtEnd() {
		return s
	}
	start := p.i
	if p.dialect == token.Flink && p.tok().Kind != token.String {
		p.fail("a string literal (Flink quotes the configuration key)")
	}
	switch {
	case p.tok().Kind == token.String:
		p.expectOneString()
		s.Key = p.textFrom(start)
		if s.Reset || p.atStmtEnd() {
			return s
		}
		s.Eq = true
		p.expectOp("=")
		if p.dialect == token.Flink {
			vstart := p.i
			p.expectOneString()
			s.Value = p.textFrom(vstart)
			return s
		}
		s.Value = p.restText()
		return s
	case !s.Reset && p.isSeq("TIME", "ZONE"):
		p.i += 2
		s.Key = p.textFrom(start)
		if p.atStmtEnd() {
			p.fail("LOCAL or a time zone after SET TIME ZONE")
		}
		s.Value = p.restText()
		return s
	}
	for !p.atStmtEnd() && !p.isOp("=") {
		p.skip()
	}
	s.Key = p.textFrom(start)
	if s.Reset {
		return s
	}
	if p.isOp("=") {
		if s.Key == "" {
			p.fail("a configuration key")
		}
		p.skip()
		s.Eq = true
		s.Value = p.restText()
	}
	return s
}

// parseUse parses USE [CATALOG|DATABASE|NAMESPACE|SCHEMA] name and Flink's
// USE MODULES a, b.
func (p *parser) parseUse() ast.Stmt {
	p.expect("USE")
	u := &ast.UseStmt{}
	switch p.upper() {
	case "CATALOG", "DATABASE", "NAMESPACE", "SCHEMA", "MODULES":
		if n := p.kindAt(p.i + 1); p.tok().Kind == token.Word && (n == token.Word || n == token.QuotedIdent) {
			u.Kind = p.upper()
			p.skip()
		}
	}
	what := "a database name"
	if u.Kind == "CATALOG" || u.Kind == "MODULES" {
		what = "a " + strings.ToLower(strings.TrimSuffix(u.Kind, "S")) + " name"
	}
	u.Names = []*ast.Name{p.expectName(what)}
	for u.Kind == "MODULES" && p.acceptOp(",") {
		u.Names = append(u.Names, p.expectName(what))
	}
	return u
}

// parseCache parses CACHE [LAZY] TABLE t [OPTIONS (...)] [[AS] query].
func (p *parser) parseCache() ast.Stmt {
	p.expect("CACHE")
	c := &ast.CacheStmt{}
	c.Lazy = p.accept("LAZY")
	p.expect("TABLE")
	c.Table = p.expectName("a table name")
	if p.accept("OPTIONS") {
		c.Options = p.parseProperties()
	}
	switch {
	case p.accept("AS"):
		c.AsKW = true
		c.Query = p.parseQueryHere("a query after AS")
	case p.queryStartsAt(p.i):
		c.Query = p.parseQuery()
	}
	return c
}

// parseUncache parses UNCACHE TABLE [IF EXISTS] t.
func (p *parser) parseUncache() ast.Stmt {
	p.expect("UNCACHE")
	p.expect("TABLE")
	u := &ast.UncacheStmt{}
	u.IfExists = p.acceptSeq("IF", "EXISTS")
	u.Table = p.expectName("a table name")
	return u
}

// explainModes are the words that may precede the explained statement.
var explainModes = map[string]bool{
	"EXTENDED": true, "CODEGEN": true, "COST": true, "FORMATTED": true, "LOGICAL": true,
	"ESTIMATED_COST": true, "CHANGELOG_MODE": true, "JSON_EXECUTION_PLAN": true, "PLAN_ADVICE": true,
}

// parseExplain parses EXPLAIN [modes] statement. Spark writes one mode
// (EXTENDED, CODEGEN, COST, FORMATTED, LOGICAL); Flink writes PLAN FOR or
// a comma-separated list (ESTIMATED_COST, CHANGELOG_MODE, ...). Flink's
// EXPLAIN STATEMENT SET BEGIN ... END is a StatementSet.
func (p *parser) parseExplain() ast.Stmt {
	p.expect("EXPLAIN")
	p.enter()
	defer p.leave()
	e := &ast.ExplainStmt{}
	for {
		switch {
		case p.acceptSeq("PLAN", "FOR"):
			e.Modes = append(e.Modes, "PLAN FOR")
		case p.tok().Kind == token.Word && explainModes[p.upper()]:
			e.Modes = append(e.Modes, p.upper())
			p.skip()
			if p.acceptOp(",") {
				if p.tok().Kind != token.Word || !explainModes[p.upper()] {
					p.fail("an EXPLAIN mode (ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE)")
				}
			}
			continue
		}
		break
	}
	startIdx := p.i
	if p.isSeq("STATEMENT", "SET") {
		p.i += 2
		e.Stmt = p.parseStatementSetBody()
	} else {
		e.Stmt = p.parseStatement()
	}
	p.setSpan(e.Stmt, startIdx)
	return e
}

// describeKinds are the object words of DESCRIBE.
var describeKinds = map[string]bool{
	"TABLE": true, "QUERY": true, "FUNCTION": true, "DATABASE": true, "SCHEMA": true,
	"NAMESPACE": true, "CATALOG": true, "VIEW": true,
}

// parseDescribe parses DESCRIBE|DESC [EXTENDED|FORMATTED] [TABLE|QUERY|
// FUNCTION|DATABASE|...] name|query. Forms that say more than that (a
// partition spec or column after the table, Delta's DESCRIBE HISTORY|DETAIL)
// become a Command so that nothing is lost.
func (p *parser) parseDescribe() ast.Stmt {
	start := p.i
	t := p.next()
	d := &ast.DescribeStmt{Keyword: strings.ToUpper(t.Lit)}
	if (p.is("HISTORY") || p.is("DETAIL")) && p.isNameTokAt(1) {
		p.skip()
		return p.command(start, true)
	}
	if p.is("EXTENDED") || p.is("FORMATTED") {
		d.Modifier = p.upper()
		p.skip()
	}
	if p.tok().Kind == token.Word && describeKinds[p.upper()] && (p.isNameTokAt(1) || p.queryStartsAt(p.i+1)) {
		d.Kind = p.upper()
		p.skip()
		// Spark writes DESC TABLE EXTENDED t and DESC FUNCTION EXTENDED f.
		if d.Modifier == "" && (p.is("EXTENDED") || p.is("FORMATTED")) && p.isNameTokAt(1) {
			d.Modifier = p.upper()
			p.skip()
		}
	}
	if d.Kind == "QUERY" || (d.Kind == "" && p.queryStartsAt(p.i)) {
		d.Query = p.parseQueryHere("a query")
		return d
	}
	nameIdx := p.i
	d.Name = p.expectName("a table name")
	if !p.atStmtEnd() {
		p.i = nameIdx
		return p.command(start, true)
	}
	return d
}

// commandFollows lists, for each leading word of a command, the words that
// may follow it as part of its Words; required tells whether one of them
// must follow; target tells whether a name after the words is the Target.
var commandFollows = map[string]struct {
	follow   []string
	required bool
	target   bool
}{
	"REFRESH":  {[]string{"TABLE", "FUNCTION"}, false, true},
	"ANALYZE":  {[]string{"TABLE", "TABLES"}, true, true},
	"SHOW":     {[]string{"CREATE", "TABLE", "TABLES", "VIEW", "VIEWS", "COLUMNS", "DATABASES", "SCHEMAS", "CATALOGS", "FUNCTIONS", "USER", "SYSTEM", "ALL", "PARTITIONS", "TBLPROPERTIES", "CURRENT", "CATALOG", "DATABASE", "MODULES", "FULL", "JOBS", "JARS", "EXTENDED", "NAMESPACES", "TEMPORARY", "GRANTS", "MATERIALIZED", "PROCEDURES"}, false, true},
	"MSCK":     {[]string{"REPAIR", "TABLE"}, true, true},
	"REPAIR":   {[]string{"TABLE"}, true, true},
	"FSCK":     {[]string{"REPAIR", "TABLE"}, true, true},
	"OPTIMIZE": {nil, false, true},
	"VACUUM":   {nil, false, true},
	"ADD":      {[]string{"JAR", "JARS", "FILE", "FILES", "ARCHIVE", "ARCHIVES"}, true, false},
	"LIST":     {[]string{"JAR", "JARS", "FILE", "FILES", "ARCHIVE", "ARCHIVES"}, true, false},
	"REMOVE":   {[]string{"JAR"}, true, false},
	"CLEAR":    {[]string{"CACHE"}, true, false},
	"TRUNCATE": {[]string{"TABLE"}, false, true},
	"LOAD":     {[]string{"DATA", "MODULE"}, true, true},
	"UNLOAD":   {[]string{"MODULE"}, true, true},
	"STOP":     {[]string{"JOB"}, true, false},
	"RESTORE":  {[]string{"TABLE"}, true, true},
	"CONVERT":  {[]string{"TO", "DELTA"}, true, true},
	"GENERATE": {nil, false, false},
	"DECLARE":  {[]string{"OR", "REPLACE", "VARIABLE", "VAR"}, false, true},
}

// showTargets are the last words of a SHOW command that name an object.
var showTargets = map[string]bool{"TABLE": true, "VIEW": true, "TBLPROPERTIES": true, "PARTITIONS": true}

// parseCommand parses the utility statements the translator passes over
// (REFRESH, ANALYZE, SHOW, MSCK, OPTIMIZE, VACUUM, ADD JAR, LIST, CLEAR
// CACHE, TRUNCATE, LOAD DATA, ...) into a Command kept as written. It
// returns nil, having consumed nothing, when the statement is none of these.
func (p *parser) parseCommand() ast.Stmt {
	if p.tok().Kind != token.Word {
		return nil
	}
	lead := p.upper()
	spec, ok := commandFollows[lead]
	if !ok {
		return nil
	}
	isFollow := func(k int) bool {
		t := p.peek(k)
		if t.Kind != token.Word {
			return false
		}
		for _, w := range spec.follow {
			if strings.EqualFold(t.Lit, w) {
				return true
			}
		}
		return false
	}
	if spec.required && !isFollow(1) {
		return nil
	}
	start := p.i
	p.skip()
	for isFollow(0) {
		p.skip()
	}
	target := spec.target
	last := strings.ToUpper(p.prevTok().Lit)
	switch lead {
	case "SHOW":
		target = showTargets[last]
	case "ANALYZE":
		target = last == "TABLE"
	case "LOAD":
		// LOAD DATA ... INTO TABLE t names its table at the end.
		target = last == "MODULE"
	}
	return p.command(start, target)
}

// command builds a Command whose leading words are the tokens from start
// to the current one. With target, a name that follows them is its Target.
// The rest of the statement is kept as written in Rest.
func (p *parser) command(start int, target bool) *ast.Command {
	ws := make([]string, 0, p.i-start)
	for k := start; k < p.i; k++ {
		ws = append(ws, strings.ToUpper(p.at(k).Lit))
	}
	c := &ast.Command{Words: strings.Join(ws, " ")}
	if target && p.isNameTok() {
		c.Target = p.parseName()
	}
	c.Rest = p.restText()
	return c
}

// ---------------------------------------------------------------------------
// helpers

// isNameTok reports whether the current token can start a name.
func (p *parser) isNameTok() bool { return p.isNameTokAt(0) }

func (p *parser) isNameTokAt(k int) bool {
	kind := p.kindAt(p.i + k)
	return kind == token.Word || kind == token.QuotedIdent
}

// expectName parses a qualified name, or fails saying what was expected.
func (p *parser) expectName(what string) *ast.Name {
	if !p.isNameTok() {
		p.fail(what)
	}
	return p.parseName()
}

// expectOneString parses one string literal; unlike expectString it does
// not join adjacent literals ('k' 'v' in Spark's OPTIONS is a key and a
// value).
func (p *parser) expectOneString() *ast.Literal {
	t := p.tok()
	if t.Kind != token.String {
		p.fail("a string literal")
	}
	switch c := t.Lit[0]; {
	case c == 'x' || c == 'X' || c == '"' && p.dialect == token.Flink:
		// a binary literal, or the error for a Flink double-quoted string
		return p.parseStringLiteral().(*ast.Literal)
	}
	p.skip()
	return &ast.Literal{At: at(t), Kind: ast.LitString, Raw: t.Lit, Value: p.decodeString(t.Lit)}
}

// parseQueryHere parses a query, or fails saying what was expected.
func (p *parser) parseQueryHere(what string) *ast.Query {
	if !p.queryStartsAt(p.i) {
		p.fail(what)
	}
	return p.parseQuery()
}

// atStmtEnd reports whether the statement ends at the current token.
func (p *parser) atStmtEnd() bool { return p.tok().Kind == token.EOF || p.isOp(";") }

func (p *parser) skipSemicolons() {
	for p.isOp(";") {
		p.skip()
	}
}

// textFrom returns the source text of the tokens from index from up to the
// current token (excluded), as written.
func (p *parser) textFrom(from int) string {
	if p.i <= from {
		return ""
	}
	first, last := p.at(from), p.at(p.i-1)
	return p.src[first.Pos.Offset-p.base : last.Pos.Offset-p.base+len(last.Lit)]
}

// restText consumes the tokens up to the statement's end (a ';' outside
// parentheses, or EOF) and returns their text as written.
func (p *parser) restText() string {
	from := p.i
	depth := 0
	for p.tok().Kind != token.EOF {
		switch {
		case p.isOp("("):
			depth++
		case p.isOp(")"):
			if depth > 0 {
				depth--
			}
		case p.isOp(";") && depth == 0:
			return p.textFrom(from)
		}
		p.skip()
	}
	return p.textFrom(from)
}

// skipParens consumes a balanced ( ... ) group.
func (p *parser) skipParens() {
	p.expectOp("(")
	depth := 1
	for depth > 0 {
		switch {
		case p.tok().Kind == token.EOF:
			p.fail("')'")
		case p.isOp("("):
			depth++
		case p.isOp(")"):
			depth--
		}
		p.skip()
	}
}

// setSpan records the position and text of a statement nested in another
// (the statement of EXPLAIN), from token index startIdx to the current one.
func (p *parser) setSpan(s ast.Stmt, startIdx int) {
	if s == nil || p.i <= startIdx {
		return
	}
	b := s.Base()
	b.At = at(p.at(startIdx))
	last := p.at(p.i - 1)
	b.End = last.Pos
	b.End.Offset += len(last.Lit)
	b.End.Col += len(last.Lit)
	b.Text = p.textFrom(startIdx)
}

func lowerWord(s string) string { return strings.ToLower(s) }

func upperWord(s string) string { return strings.ToUpper(s) }

func joinComma(list []string) string { return strings.Join(list, ", ") }
