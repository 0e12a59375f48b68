package parser

import (
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/ast"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

// multiWordTypes lists type names written as several words.
var multiWordTypes = [][]string{
	{"DOUBLE", "PRECISION"},
	{"CHARACTER", "VARYING"},
	{"CHAR", "VARYING"},
	{"BINARY", "VARYING"},
}

// parseType parses a data type in either dialect.
func (p *parser) parseType() *ast.Type {
	p.enter()
	defer p.leave()
	t := p.tok()
	if t.Kind != token.Word {
		p.fail("a type name")
	}
	typ := &ast.Type{At: at(t), Name: strings.ToUpper(t.Lit)}
	p.skip()
	for _, mw := range multiWordTypes {
		if typ.Name == mw[0] && p.is(mw[1]) {
			p.skip()
			typ.Name += " " + mw[1]
		}
	}
	switch typ.Name {
	case "ARRAY", "MULTISET":
		if p.acceptOp("<") {
			typ.Elem = p.parseType()
			p.parseInnerNotNull(typ.Elem)
			p.expectOp(">")
		} else if p.acceptOp("(") {
			typ.Parens = true
			typ.Elem = p.parseType()
			p.expectOp(")")
		}
	case "MAP":
		if p.acceptOp("<") {
			typ.Key = p.parseType()
			p.parseInnerNotNull(typ.Key)
			p.expectOp(",")
			typ.Val = p.parseType()
			p.parseInnerNotNull(typ.Val)
			p.expectOp(">")
		}
	case "STRUCT", "ROW":
		switch {
		case p.acceptOp("<"):
			if !p.isOp(">") {
				typ.Fields = p.parseTypeFields()
			}
			p.expectOp(">")
		case p.acceptOp("("):
			typ.Parens = true
			if !p.isOp(")") {
				typ.Fields = p.parseTypeFields()
			}
			p.expectOp(")")
		}
	case "INTERVAL":
		// INTERVAL DAY TO SECOND(3), INTERVAL YEAR TO MONTH, INTERVAL DAY
		var words []string
		for p.isIntervalUnit() || p.is("TO") {
			words = append(words, p.upper())
			p.skip()
			if p.isOp("(") {
				words[len(words)-1] += p.parseTypeParamsText()
			}
		}
		typ.Suffix = strings.Join(words, " ")
		return typ
	default:
		if p.isOp("(") {
			typ.Params = p.parseTypeParams()
		}
	}
	switch {
	case p.isSeq("WITH", "LOCAL", "TIME", "ZONE"):
		p.i += 4
		typ.Suffix = "WITH LOCAL TIME ZONE"
	case p.isSeq("WITH", "TIME", "ZONE"):
		p.i += 3
		typ.Suffix = "WITH TIME ZONE"
	case p.isSeq("WITHOUT", "TIME", "ZONE"):
		p.i += 3
		typ.Suffix = "WITHOUT TIME ZONE"
	}
	return typ
}

// parseInnerNotNull reads Flink's NOT NULL after an element type.
func (p *parser) parseInnerNotNull(t *ast.Type) {
	if p.isSeq("NOT", "NULL") {
		p.i += 2
		t.NotNull = true
	}
}

func (p *parser) parseTypeParams() []string {
	p.expectOp("(")
	var params []string
	for {
		t := p.tok()
		switch {
		case t.Kind == token.Number || t.Kind == token.Word:
			p.skip()
			params = append(params, t.Lit)
		case t.Kind == token.Op && t.Lit == "-" && p.kindAt(p.i+1) == token.Number:
			p.skip()
			params = append(params, "-"+p.next().Lit)
		default:
			p.fail("a type parameter")
		}
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectOp(")")
	return params
}

func (p *parser) parseTypeParamsText() string {
	return "(" + strings.Join(p.parseTypeParams(), ", ") + ")"
}

func (p *parser) parseTypeFields() []*ast.TypeField {
	var fields []*ast.TypeField
	for {
		f := &ast.TypeField{Name: p.parseIdent()}
		if p.acceptOp(":") {
			f.Colon = true
		}
		f.Type = p.parseType()
		if p.isSeq("NOT", "NULL") {
			p.i += 2
			f.NotNull = true
		}
		if p.accept("COMMENT") {
			f.Comment = p.expectString()
		}
		fields = append(fields, f)
		if !p.acceptOp(",") {
			return fields
		}
	}
}

// expectString parses a string literal or fails.
func (p *parser) expectString() *ast.Literal {
	if p.tok().Kind != token.String {
		p.fail("a string literal")
	}
	return p.parseStringLiteral().(*ast.Literal)
}
