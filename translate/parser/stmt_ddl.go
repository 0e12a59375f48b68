package parser

import "github.com/c360-migrate/c360-migrate/translate/ast"

// Placeholders: the DDL, DML and utility statements are being written.

func (p *parser) parseInsert(with *ast.With) ast.Stmt { p.fail("INSERT support"); return nil }
func (p *parser) parseCreate() ast.Stmt               { p.fail("CREATE support"); return nil }
func (p *parser) parseDrop() ast.Stmt                 { p.fail("DROP support"); return nil }
func (p *parser) parseAlter() ast.Stmt                { p.fail("ALTER support"); return nil }
func (p *parser) parseCommentOn() ast.Stmt            { p.fail("COMMENT support"); return nil }
func (p *parser) parseMerge() ast.Stmt                { p.fail("MERGE support"); return nil }
func (p *parser) parseUpdate() ast.Stmt               { p.fail("UPDATE support"); return nil }
func (p *parser) parseDelete() ast.Stmt               { p.fail("DELETE support"); return nil }
func (p *parser) parseSet() ast.Stmt                  { p.fail("SET support"); return nil }
func (p *parser) parseUse() ast.Stmt                  { p.fail("USE support"); return nil }
func (p *parser) parseCache() ast.Stmt                { p.fail("CACHE support"); return nil }
func (p *parser) parseUncache() ast.Stmt              { p.fail("UNCACHE support"); return nil }
func (p *parser) parseExplain() ast.Stmt              { p.fail("EXPLAIN support"); return nil }
func (p *parser) parseDescribe() ast.Stmt             { p.fail("DESCRIBE support"); return nil }
func (p *parser) parseStatementSet() ast.Stmt         { p.fail("STATEMENT SET support"); return nil }
func (p *parser) parseCommand() ast.Stmt              { return nil }
