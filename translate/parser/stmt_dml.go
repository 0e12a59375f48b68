package parser

import (
	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// This file holds the DML statements: INSERT, Flink statement sets, MERGE,
// UPDATE and DELETE.

// parseInsert parses INSERT INTO|OVERWRITE [TABLE] t [/*+ hints */]
// [PARTITION (...)] [IF NOT EXISTS] [(cols) | BY NAME] query, and Spark's
// INSERT OVERWRITE [LOCAL] DIRECTORY ['path'] [USING fmt] [OPTIONS (...)]
// [ROW FORMAT ...] [STORED AS fmt] query. with is the WITH clause Spark
// writes before INSERT; it becomes the query's WITH.
func (p *parser) parseInsert(with *ast.With) ast.Stmt {
	return p.parseInsertStmt(with)
}

func (p *parser) parseInsertStmt(with *ast.With) *ast.InsertStmt {
	p.expect("INSERT")
	s := &ast.InsertStmt{}
	switch {
	case p.accept("INTO"):
	case p.accept("OVERWRITE"):
		s.Overwrite = true
	default:
		p.fail("INTO or OVERWRITE after INSERT")
	}
	if s.Overwrite && (p.is("DIRECTORY") || p.isSeq("LOCAL", "DIRECTORY")) {
		p.parseInsertDirectory(s)
	} else {
		s.TableKeyword = p.accept("TABLE")
		s.Table = p.expectName("a table name")
		s.Hints = p.takeHints()
		if p.is("PARTITION") && p.isOpAt(1, "(") {
			p.skip()
			s.Partition = p.parsePartitionSpec()
		}
		s.IfNotExists = p.acceptSeq("IF", "NOT", "EXISTS")
		switch {
		case p.isOp("(") && !p.queryStartsAt(p.i):
			s.Columns = p.parseParenIdents()
		case p.acceptSeq("BY", "NAME"):
			s.ByName = true
		case p.acceptSeq("REPLACE", "WHERE"):
			s.ReplaceWhere = p.parseExpr()
		}
	}
	s.Query = p.parseQueryHere("a query (SELECT, VALUES, WITH or '(')")
	if with != nil {
		if s.Query.With == nil {
			s.Query.With = with
		} else {
			s.Query.With.CTEs = append(with.CTEs, s.Query.With.CTEs...)
		}
	}
	return s
}

// parseInsertDirectory parses [LOCAL] DIRECTORY ['path'] and the format
// clauses that may follow it.
func (p *parser) parseInsertDirectory(s *ast.InsertStmt) {
	s.Local = p.accept("LOCAL")
	p.expect("DIRECTORY")
	if p.tok().Kind == token.String {
		s.Directory = p.expectOneString()
	}
	for {
		switch {
		case p.accept("USING"):
			s.DirUsing = p.parseFormatName()
		case p.accept("OPTIONS"):
			s.DirOptions = p.parseProperties()
		case p.acceptSeq("ROW", "FORMAT"):
			s.RowFormat = p.parseRowFormat()
		case p.acceptSeq("STORED", "AS"):
			s.StoredAs = p.parseStoredAs()
		default:
			return
		}
	}
}

// parseStatementSet parses the statements that start with EXECUTE, BEGIN
// or END:
//   - EXECUTE STATEMENT SET BEGIN insert; ... END: one StatementSet with
//     its inserts, Execute true;
//   - EXECUTE INSERT ...: the insert itself;
//   - Spark's EXECUTE IMMEDIATE ...: a Command;
//   - the SQL client's BEGIN STATEMENT SET; and END;: each a StatementSet
//     with Execute false and no inserts (Text tells them apart). The inserts
//     written between them are separate statements of the file.
func (p *parser) parseStatementSet() ast.Stmt {
	switch {
	case p.isSeq("EXECUTE", "IMMEDIATE"):
		// Spark 4: EXECUTE IMMEDIATE 'sql' [INTO ...] [USING ...].
		start := p.i
		p.i += 2
		return p.command(start, false)
	case p.is("EXECUTE"):
		p.skip()
		if p.is("INSERT") {
			return p.parseInsertStmt(nil)
		}
		if !p.isSeq("STATEMENT", "SET") {
			p.fail("STATEMENT SET or INSERT after EXECUTE")
		}
		p.i += 2
		return p.parseStatementSetBody()
	case p.accept("BEGIN"):
		p.expect("STATEMENT")
		p.expect("SET")
		return &ast.StatementSet{}
	case p.accept("END"):
		return &ast.StatementSet{End: true}
	}
	p.fail("EXECUTE, BEGIN or END")
	return nil
}

// parseStatementSetBody parses BEGIN insert; ... END after STATEMENT SET.
func (p *parser) parseStatementSetBody() *ast.StatementSet {
	set := &ast.StatementSet{Execute: true}
	p.expect("BEGIN")
	for {
		p.skipSemicolons()
		if p.accept("END") {
			break
		}
		if !p.is("INSERT") {
			p.fail("INSERT or END in the statement set")
		}
		startIdx := p.i
		start := p.tok().Pos
		before := p.takeComments()
		ins := p.parseInsertStmt(nil)
		p.finish(ins, startIdx, start, before)
		set.Inserts = append(set.Inserts, ins)
		if !p.isOp(";") && !p.is("END") {
			p.fail("';' after the INSERT")
		}
		if p.acceptOp(";") {
			ins.After = append(ins.After, p.takeTrailing()...)
		}
	}
	if len(set.Inserts) == 0 {
		p.failAt(p.prevTok().Pos, "a statement set needs at least one INSERT")
	}
	return set
}

// parseMerge parses MERGE INTO target [[AS] alias] USING source [[AS] alias]
// ON cond followed by WHEN clauses.
func (p *parser) parseMerge() ast.Stmt {
	p.expect("MERGE")
	p.expect("INTO")
	m := &ast.MergeStmt{Target: p.expectName("a table name")}
	m.Alias = p.parseOptAlias()
	p.expect("USING")
	m.Source = p.parseTableRef()
	p.expect("ON")
	m.On = p.parseExpr()
	for p.is("WHEN") {
		m.Clauses = append(m.Clauses, p.parseMergeClause())
	}
	if len(m.Clauses) == 0 {
		p.fail("WHEN MATCHED or WHEN NOT MATCHED")
	}
	return m
}

// parseMergeClause parses WHEN [NOT] MATCHED [BY SOURCE|TARGET] [AND cond]
// THEN UPDATE SET ... | DELETE | INSERT ....
func (p *parser) parseMergeClause() *ast.MergeClause {
	t := p.next()
	c := &ast.MergeClause{At: at(t)}
	c.Matched = !p.accept("NOT")
	p.expect("MATCHED")
	if !c.Matched && p.accept("BY") {
		switch {
		case p.accept("SOURCE"):
			c.BySource = true
		case p.accept("TARGET"):
			c.ByTarget = true
		default:
			p.fail("SOURCE or TARGET after BY")
		}
	}
	if p.accept("AND") {
		c.Cond = p.parseExpr()
	}
	p.expect("THEN")
	inserting := !c.Matched && !c.BySource
	switch {
	case !inserting && p.accept("UPDATE"):
		c.Action = "UPDATE"
		p.expect("SET")
		if p.acceptOp("*") {
			c.Star = true
		} else {
			c.Sets = p.parseAssignments()
		}
	case !inserting && p.accept("DELETE"):
		c.Action = "DELETE"
	case inserting && p.accept("INSERT"):
		c.Action = "INSERT"
		if p.acceptOp("*") {
			c.Star = true
			break
		}
		if p.isOp("(") {
			c.Columns = p.parseParenIdents()
		}
		p.expect("VALUES")
		p.expectOp("(")
		c.Values = p.parseExprList()
		p.expectOp(")")
	default:
		if inserting {
			p.fail("INSERT after WHEN NOT MATCHED ... THEN")
		}
		p.fail("UPDATE or DELETE")
	}
	return c
}

// parseAssignments parses col = expr, ... of UPDATE SET.
func (p *parser) parseAssignments() []*ast.Assignment {
	var sets []*ast.Assignment
	for {
		if p.is("WHERE") {
			p.fail("a column name")
		}
		a := &ast.Assignment{Col: p.expectName("a column name")}
		p.expectOp("=")
		a.Value = p.parseExpr()
		sets = append(sets, a)
		if !p.acceptOp(",") {
			return sets
		}
	}
}

// parseUpdate parses UPDATE t [[AS] alias] SET a = e, ... [WHERE cond].
func (p *parser) parseUpdate() ast.Stmt {
	p.expect("UPDATE")
	u := &ast.UpdateStmt{Table: p.expectName("a table name")}
	u.Alias = p.parseOptAlias()
	p.expect("SET")
	u.Sets = p.parseAssignments()
	if p.accept("WHERE") {
		u.Where = p.parseExpr()
	}
	return u
}

// parseDelete parses DELETE FROM t [[AS] alias] [WHERE cond].
func (p *parser) parseDelete() ast.Stmt {
	p.expect("DELETE")
	p.expect("FROM")
	d := &ast.DeleteStmt{Table: p.expectName("a table name")}
	d.Alias = p.parseOptAlias()
	if p.accept("WHERE") {
		d.Where = p.parseExpr()
	}
	return d
}
