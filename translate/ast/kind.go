package ast

import (
	"fmt"
	"strings"
)

// StmtKind returns a short upper-case name for the kind of s, for reports
// and routing: "SELECT", "INSERT", "CREATE TABLE AS", "CREATE VIEW",
// "CREATE TEMPORARY VIEW USING", "MERGE", "SET", "BAD", ...
// It panics on a statement type it does not know.
func StmtKind(s Stmt) string {
	switch s := s.(type) {
	case *SelectStmt:
		return "SELECT"
	case *InsertStmt:
		switch {
		case s.Table == nil && s.Directory != nil:
			return "INSERT OVERWRITE DIRECTORY"
		case s.Overwrite:
			return "INSERT OVERWRITE"
		}
		return "INSERT"
	case *MultiInsert:
		return "MULTI INSERT"
	case *StatementSet:
		return "STATEMENT SET"
	case *CreateTable:
		verb := "CREATE TABLE"
		if s.Replace {
			verb = "REPLACE TABLE"
		}
		switch {
		case s.Query != nil:
			return verb + " AS"
		case s.Like != nil:
			return verb + " LIKE"
		}
		return verb
	case *CreateView:
		if s.Using != "" {
			if s.Temporary {
				return "CREATE TEMPORARY VIEW USING"
			}
			return "CREATE VIEW USING"
		}
		return "CREATE VIEW"
	case *CreateFunction:
		return "CREATE FUNCTION"
	case *CreateDatabase:
		return joinKind("CREATE", s.Kind, "DATABASE")
	case *DropStmt:
		return joinKind("DROP", s.Kind, "")
	case *AlterTable:
		switch {
		case s.View && s.Query != nil:
			return "ALTER VIEW AS"
		case s.View:
			return "ALTER VIEW"
		}
		return "ALTER TABLE"
	case *CommentOn:
		return joinKind("COMMENT ON", s.Kind, "")
	case *MergeStmt:
		return "MERGE"
	case *UpdateStmt:
		return "UPDATE"
	case *DeleteStmt:
		return "DELETE"
	case *SetStmt:
		if s.Reset {
			return "RESET"
		}
		return "SET"
	case *UseStmt:
		return joinKind("USE", s.Kind, "")
	case *CacheStmt:
		return "CACHE TABLE"
	case *UncacheStmt:
		return "UNCACHE TABLE"
	case *Command:
		if s.Words == "" {
			return "COMMAND"
		}
		return strings.ToUpper(s.Words)
	case *ExplainStmt:
		return "EXPLAIN"
	case *DescribeStmt:
		return "DESCRIBE"
	case *BadStmt:
		return "BAD"
	case nil:
		return "NONE"
	}
	panic(fmt.Sprintf("ast.StmtKind: unexpected statement type %T", s))
}

// joinKind joins a verb and an object kind: ("DROP", "view") -> "DROP VIEW".
func joinKind(verb, kind, def string) string {
	if kind == "" {
		kind = def
	}
	if kind == "" {
		return verb
	}
	return verb + " " + strings.ToUpper(kind)
}
