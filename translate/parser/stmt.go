package parser

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// parseStatement dispatches on the statement's leading keyword.
func (p *parser) parseStatement() ast.Stmt {
	t := p.tok()
	if t.Kind != token.Word {
		if t.Kind == token.Op && t.Lit == "(" && p.queryStartsAt(p.i) {
			return &ast.SelectStmt{Query: p.parseQuery()}
		}
		p.fail("a statement")
	}
	switch strings.ToUpper(t.Lit) {
	case "FROM":
		return p.parseFromFirst()
	case "SELECT", "VALUES":
		return &ast.SelectStmt{Query: p.parseQuery()}
	case "WITH":
		return p.parseWithStatement()
	case "INSERT":
		return p.parseInsert(nil)
	case "CREATE", "REPLACE":
		return p.parseCreate()
	case "DROP":
		return p.parseDrop()
	case "ALTER":
		return p.parseAlter()
	case "COMMENT":
		return p.parseCommentOn()
	case "MERGE":
		return p.parseMerge()
	case "UPDATE":
		return p.parseUpdate()
	case "DELETE":
		return p.parseDelete()
	case "SET", "RESET":
		return p.parseSet()
	case "USE":
		return p.parseUse()
	case "CACHE":
		return p.parseCache()
	case "UNCACHE":
		return p.parseUncache()
	case "EXPLAIN":
		return p.parseExplain()
	case "DESCRIBE", "DESC":
		return p.parseDescribe()
	case "EXECUTE", "BEGIN", "END":
		return p.parseStatementSet()
	}
	if cmd := p.parseCommand(); cmd != nil {
		return cmd
	}
	p.fail("a statement (SELECT, INSERT, CREATE, ...)")
	return nil
}

// parseWithStatement parses WITH ... SELECT and Spark's WITH ... INSERT.
func (p *parser) parseWithStatement() ast.Stmt {
	start := p.tok()
	w := p.parseWith()
	if p.is("INSERT") {
		return p.parseInsert(w)
	}
	if p.is("MERGE") {
		m, ok := p.parseMerge().(*ast.MergeStmt)
		if !ok {
			p.fail("MERGE INTO")
		}
		m.With = w
		return m
	}
	q := &ast.Query{At: at(start), With: w}
	q.Body = p.parseSetExpr()
	p.parseQueryTail(q)
	return &ast.SelectStmt{Query: q}
}

// parseFromFirst parses FROM src SELECT ... and the multi-insert form
// FROM src INSERT INTO a SELECT ... [INSERT INTO b SELECT ...].
func (p *parser) parseFromFirst() ast.Stmt {
	k := p.i + 1
	depth := 0
	for ; k < len(p.toks); k++ {
		t := p.at(k)
		if t.Kind == token.Op && (t.Lit == "(" || t.Lit == ")") {
			if t.Lit == "(" {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 && (isKw(t, "SELECT") || isKw(t, "INSERT") || (t.Kind == token.Op && t.Lit == ";") || t.Kind == token.EOF) {
			break
		}
	}
	if k >= len(p.toks) || !isKw(p.at(k), "INSERT") {
		return &ast.SelectStmt{Query: p.parseQuery()}
	}
	p.skip()
	tmp := &ast.Select{}
	p.parseFromClause(tmp)
	mi := &ast.MultiInsert{From: tmp.From, LateralViews: tmp.LateralViews}
	for p.is("INSERT") {
		ins, ok := p.parseInsert(nil).(*ast.InsertStmt)
		if !ok {
			p.fail("INSERT")
		}
		mi.Inserts = append(mi.Inserts, ins)
	}
	return mi
}
