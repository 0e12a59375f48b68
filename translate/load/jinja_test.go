package load

import (
	"reflect"
	"strings"
	"testing"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/token"
)

var testVars = map[string]string{
	"start_date": "'2024-01-01'",
	"limit":      "10",
	"regions":    "['us', 'eu']",
	"flag":       "true",
	"plain":      "hello world",
}

// TestExpandFeatures has one row per supported Jinja feature: the model
// source and its expected expansion.
func TestExpandFeatures(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"plain SQL unchanged", "SELECT 1;\n-- {not jinja}\n", "SELECT 1;\n-- {not jinja}\n"},
		{"ref", "SELECT * FROM {{ ref('orders') }}", "SELECT * FROM orders"},
		{"ref with package", "SELECT * FROM {{ ref('shop', 'orders') }}", "SELECT * FROM orders"},
		{"ref with version kwarg", "SELECT * FROM {{ ref('orders', v=2) }}", "SELECT * FROM orders"},
		{"ref double quotes", `SELECT * FROM {{ ref("orders") }}`, "SELECT * FROM orders"},
		{"source", "SELECT * FROM {{ source('raw', 'customers') }}", "SELECT * FROM customers"},
		{"config removed", "{{ config(materialized='table') }}\nSELECT 1", "\nSELECT 1"},
		{"config with trim", "{{- config(materialized='table') -}}\nSELECT 1", "SELECT 1"},
		{"var", "WHERE d >= '{{ var(\"start_date\") }}'", "WHERE d >= '2024-01-01'"},
		{"var number", "LIMIT {{ var('limit') }}", "LIMIT 10"},
		{"var plain text", "-- {{ var('plain') }}", "-- hello world"},
		{"var default", "{{ var('missing', 'dflt') }}", "dflt"},
		{"var list", "{{ var('regions') | join(',') }}", "us,eu"},
		{"this", "INSERT INTO {{ this }} SELECT 1", "INSERT INTO m SELECT 1"},
		{"comment", "a{# a comment; with {{ ref('x') }} #}b", "ab"},
		{"comment trim", "a \n{#- c -#}\n b", "ab"},
		{"expr trim left", "a   {{- 'x' }}", "ax"},
		{"expr trim right", "{{ 'x' -}}  \n  b", "xb"},
		{"block trim", "a\n{%- if true -%}\n  b\n{%- endif -%}\n c", "abc"},
		{"plus marker", "a {%+ if true +%} b {% endif %}", "a  b "},
		{"set literal", "{% set t = 'orders' %}SELECT * FROM {{ t }}", "SELECT * FROM orders"},
		{"set list", "{% set cols = ['a', 'b'] %}{{ cols | join(', ') }}", "a, b"},
		{"set tuple", "{% set a, b = 1, 2 %}{{ a }}{{ b }}", "12"},
		{"set block", "{% set s %}x{{ 1 }}{% endset %}[{{ s }}]", "[x1]"},
		{"if true", "{% if true %}yes{% endif %}", "yes"},
		{"if false", "{% if false %}yes{% endif %}", ""},
		{"if else", "{% if 1 > 2 %}a{% else %}b{% endif %}", "b"},
		{"if elif", "{% if 1 > 2 %}a{% elif 2 > 1 %}b{% else %}c{% endif %}", "b"},
		{"if equality", "{% if 'a' == 'a' and 1 != 2 %}ok{% endif %}", "ok"},
		{"if less", "{% if 1 < 2 and 2 <= 2 and 3 >= 2 %}ok{% endif %}", "ok"},
		{"if or", "{% if false or 1 %}ok{% endif %}", "ok"},
		{"if not", "{% if not false %}ok{% endif %}", "ok"},
		{"if in list", "{% if 'eu' in var('regions') %}ok{% endif %}", "ok"},
		{"if not in", "{% if 'x' not in ['a'] %}ok{% endif %}", "ok"},
		{"if in string", "{% if 'or' in 'orders' %}ok{% endif %}", "ok"},
		{"if var bool", "{% if var('flag') %}ok{% endif %}", "ok"},
		{"if var compare", "{% if var('limit') > 5 %}big{% endif %}", "big"},
		{"is defined", "{% set x = 1 %}{% if x is defined and y is not defined %}ok{% endif %}", "ok"},
		{"is undefined", "{% if y is undefined %}ok{% endif %}", "ok"},
		{"is none", "{% if none is none %}ok{% endif %}", "ok"},
		{"target.name", "{% if target.name == 'dev' %}dev{% else %}prod{% endif %}", "dev"},
		{"target in brackets", "{{ target['name'] }}", "dev"},
		{"is_incremental false", "SELECT 1{% if is_incremental() %} WHERE ts > 0{% endif %}", "SELECT 1"},
		{"for list", "{% for c in ['a','b'] %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}", "a, b"},
		{"for loop.first", "{% for c in ['a','b'] %}{% if loop.first %}first {% endif %}{{ c }} {% endfor %}", "first a b "},
		{"for loop.index", "{% for c in ['a','b'] %}{{ loop.index }}{{ loop.index0 }}{{ loop.length }}{% endfor %}", "102212"},
		{"for set variable", "{% set cs = ['x', 'y'] %}{% for c in cs %}{{ c }}{% endfor %}", "xy"},
		{"for pairs", "{% for k, v in [('a', 1), ('b', 2)] %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"},
		{"for dict items", "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}{{ v }}{% endfor %}", "a1b2"},
		{"for else", "{% for c in [] %}x{% else %}empty{% endfor %}", "empty"},
		{"for range", "{% for i in range(3) %}{{ i }}{% endfor %}", "012"},
		{"for scope does not leak", "{% set x = 1 %}{% for c in [1] %}{% set x = 2 %}{% endfor %}{{ x }}", "1"},
		{"nested for", "{% for a in [1,2] %}{% for b in ['x','y'] %}{{ a }}{{ b }} {% endfor %}{% endfor %}", "1x 1y 2x 2y "},
		{"filter upper", "{{ 'abc' | upper }}", "ABC"},
		{"filter lower", "{{ 'ABC' | lower }}", "abc"},
		{"filter trim", "[{{ '  a  ' | trim }}]", "[a]"},
		{"filter join", "{{ ['a', 'b', 'c'] | join(', ') }}", "a, b, c"},
		{"filter join numbers", "{{ [1, 2] | join }}", "12"},
		{"filter default undefined", "{{ nope | default('x') }}", "x"},
		{"filter default defined", "{{ 'v' | default('x') }}", "v"},
		{"filter default boolean", "{{ '' | default('x', true) }}", "x"},
		{"filter d", "{{ nope.attr | d('x') }}", "x"},
		{"filter chain", "{{ '  Ab ' | trim | lower }}", "ab"},
		{"filter length", "{{ ['a','b'] | length }}", "2"},
		{"filter replace", "{{ 'a-b' | replace('-', '_') }}", "a_b"},
		{"filter binds tighter than ~", "{{ 'a' ~ 'b' | upper }}", "aB"},
		{"concat", "{{ 'stg_' ~ 'orders' ~ 1 }}", "stg_orders1"},
		{"concat var", "{{ 'd_' ~ var('limit') }}", "d_10"},
		{"arithmetic", "{{ 1 + 2 * 3 }} {{ 7 // 2 }} {{ 7 % 3 }} {{ 1 / 2 }} {{ -3 }}", "7 3 1 0.5 -3"},
		{"string methods", "{{ 'A,B'.lower().split(',') | join('|') }}", "a|b"},
		{"inline if", "{{ 'y' if 1 else 'n' }}{{ 'y' if 0 }}", "y"},
		{"bool and none print", "{{ true }} {{ none }} {{ [1, 'a'] }}", "True None [1, 'a']"},
		{"index", "{{ ['a','b'][1] }}{{ ['a','b'][-1] }}{{ {'k': 'v'}['k'] }}", "bbv"},
		{"raw", "{% raw %}{{ not expanded }}{% endraw %}", "{{ not expanded }}"},
		{"raw with trim", "a {%- raw -%} {{ x }} {%- endraw -%} b", "a{{ x }}b"},
		{"comment hides tags", "{# {% if %} {{ #}ok", "ok"},
		{"loop revindex", "{% for c in 'ab' %}{{ loop.revindex }}{{ loop.revindex0 }}{% endfor %}", "2110"},
		{"dict get", "{{ {'a': 1}.get('a') }}{{ {'a': 1}.get('b', 2) }}", "12"},
		{"startswith", "{% if 'stg_x'.startswith('stg_') %}ok{% endif %}", "ok"},
		{"first last", "{{ [1, 2, 3] | first }}{{ [1, 2, 3] | last }}", "13"},
		{"is string number mapping", "{{ 'a' is string }}{{ 1 is number }}{{ {} is mapping }}{{ [] is sequence }}", "TrueTrueTrueTrue"},
		{"string with braces", "{{ '}}' }}", "}}"},
		{"dict with braces", "{{ {'a': {'b': 1}}['a']['b'] }}", "1"},
		{"macro same file", "{% macro cents(c) %}({{ c }} / 100){% endmacro %}SELECT {{ cents('amount') }}", "SELECT (amount / 100)"},
		{"macro default arg", "{% macro f(a, b='d') %}{{ a }}{{ b }}{% endmacro %}{{ f('x') }}{{ f('x', 'y') }}{{ f(b='z', a='w') }}", "xdxywz"},
		{"macro defined after use", "{{ f() }}{% macro f() %}late{% endmacro %}", "late"},
		{"macro calls macro", "{% macro a() %}[{{ b() }}]{% endmacro %}{% macro b() %}b{% endmacro %}{{ a() }}", "[b]"},
		{"macro output filtered", "{% macro a() %} x {% endmacro %}{{ a() | trim | upper }}", "X"},
		{"macro bounded recursion", "{% macro r(n) %}{% if n > 0 %}{{ n }}{{ r(n - 1) }}{% endif %}{% endmacro %}{{ r(3) }}", "321"},
		{"macro with for", "{% macro cols(cs) %}{% for c in cs %}{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}SELECT {{ cols(['a','b']) }}", "SELECT a, b"},
		{"semicolon in string", "{{ ';' }}", ";"},
		{"adjacent strings", "{{ 'a' 'b' }}", "ab"},
		{"escapes", `{{ 'it\'s' }}`, "it's"},
		{"float", "{{ 1.5 }} {{ 2.0 }}", "1.5 2.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, errs := Expand("models/m.sql", tt.src, Options{Vars: testVars})
			if len(errs) > 0 {
				t.Fatalf("errors:\n%s", errs)
			}
			if f.Expanded != tt.want {
				t.Errorf("Expanded = %q, want %q", f.Expanded, tt.want)
			}
			if want := indexTagOpen(tt.src, 0) >= 0; f.IsDbt != want {
				t.Errorf("IsDbt = %v, want %v", f.IsDbt, want)
			}
			checkCopiedBytes(t, f)
		})
	}
}

// TestExpandErrors has one row per error: the expected diagnostic,
// position included.
func TestExpandErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown function", "SELECT 1\nFROM t\nWHERE {{ run_query('x') }}", `models/x.sql:3:10: error: unsupported dbt function "run_query": run_query needs a live warehouse connection (supported: ref, source, config, var, this, is_incremental, range, macros from macros/)`},
		{"unknown function plain", "  {{ my_macro() }}", `models/x.sql:1:6: error: unknown Jinja function "my_macro" (supported: ref, source, config, var, this, is_incremental, range, macros from macros/)`},
		{"package macro", "{{ dbt_utils.star(ref('a')) }}", `models/x.sql:1:4: error: unknown Jinja function "dbt_utils.star" (supported: ref, source, config, var, this, is_incremental, range, macros from macros/; macros of dbt packages are not available)`},
		{"adapter", "{{ adapter.dispatch('x')() }}", `models/x.sql:1:4: error: unsupported dbt function "adapter.dispatch": adapter.* needs a live warehouse connection`},
		{"unknown variable", "SELECT {{ foo }}", `models/x.sql:1:11: error: unknown Jinja variable "foo" (expected a {% set %} variable, a loop variable, a macro argument, this or target)`},
		{"env_var", "{{ env_var('X') }}", `models/x.sql:1:4: error: unsupported dbt function "env_var"`},
		{"unclosed expression", "SELECT\n  {{ ref('a') ", `models/x.sql:2:3: error: unclosed Jinja expression {{ ... }}: expected "}}"`},
		{"unclosed tag", "{% if true ", `models/x.sql:1:1: error: unclosed Jinja tag {% ... %}: expected "%}"`},
		{"unclosed comment", "a {# b", `models/x.sql:1:3: error: unclosed Jinja comment {# ... #}: expected "#}"`},
		{"unterminated string", "{{ ref('a) }}", `models/x.sql:1:8: error: unterminated string in Jinja tag: expected a closing "'"`},
		{"endif without if", "a\n{% endif %}", `models/x.sql:2:1: error: unexpected {% endif %}: no open {% if %}`},
		{"endfor in if", "{% if true %}{% endfor %}{% endif %}", `models/x.sql:1:14: error: unexpected {% endfor %}: expected {% endif %}`},
		{"else stray", "{% else %}", `models/x.sql:1:1: error: unexpected {% else %}: no open {% if %} or {% for %}`},
		{"unclosed if", "{% if true %}\nx", `models/x.sql:1:1: error: unclosed {% if %}: expected {% endif %}`},
		{"unclosed for", "{% for x in [1] %}", `models/x.sql:1:1: error: unclosed {% for %}: expected {% endfor %}`},
		{"unclosed macro", "{% macro m() %}", `models/x.sql:1:1: error: unclosed {% macro %}: expected {% endmacro %}`},
		{"unknown tag", "{% call statement('x') %}select 1{% endcall %}", `models/x.sql:1:4: error: unsupported Jinja tag "call"`},
		{"empty tag", "{% %}", `models/x.sql:1:4: error: expected a tag name`},
		{"empty expression", "{{ }}", `models/x.sql:1:4: error: empty Jinja expression: expected an expression inside {{ }}`},
		{"bad expression", "{{ ref('a') ) }}", `models/x.sql:1:13: error: expected end of expression, found ")"`},
		{"missing paren", "{{ ref('a' }}", `models/x.sql:1:12: error: expected ")", found end of tag`},
		{"bad character", "{{ a ! b }}", `models/x.sql:1:6: error: unexpected character '!' in Jinja expression`},
		{"for without in", "{% for x [1] %}{% endfor %}", `models/x.sql:1:10: error: expected "in", found "["`},
		{"set without value", "{% set x = %}", `models/x.sql:1:12: error: expected an expression, found end of tag`},
		{"ref no args", "{{ ref() }}", `models/x.sql:1:4: error: ref() expects 1 or 2 string arguments`},
		{"ref non-string", "{{ ref(1) }}", `models/x.sql:1:4: error: ref() expects 1 or 2 string arguments`},
		{"source one arg", "{{ source('a') }}", `models/x.sql:1:4: error: source() expects 2 string arguments`},
		{"undefined var", "x\n  {{ var('nope') }}", `models/x.sql:2:6: error: undefined dbt var "nope"`},
		{"unknown filter", "{{ 'a' | wat }}", `models/x.sql:1:10: error: unknown Jinja filter "wat" (supported: `},
		{"unknown test", "{% if a is odd %}{% endif %}", `models/x.sql:1:12: error: unknown Jinja test "odd"`},
		{"unknown target attribute", "{{ target.schema }}", `models/x.sql:1:11: error: target has no attribute "schema" (available: target.name, target.type)`},
		{"unknown loop attribute", "{% for x in [1] %}{{ loop.depth }}{% endfor %}", `models/x.sql:1:27: error: loop has no attribute "depth"`},
		{"unknown method", "{{ 'a'.zfill(3) }}", `models/x.sql:1:8: error: string has no attribute "zfill"`},
		{"unclosed raw", "{% raw %}{{ x }}", `models/x.sql:1:1: error: unclosed {% raw %}: expected {% endraw %}`},
		{"stray endraw", "{% endraw %}", `models/x.sql:1:4: error: unsupported Jinja tag "endraw"`},
		{"compare mismatch", "{% if 'a' < 1 %}{% endif %}", `models/x.sql:1:11: error: cannot compare a string and a integer with "<"`},
		{"division by zero", "{{ 1 // 0 }}", `models/x.sql:1:6: error: division by zero`},
		{"loop over number", "{% for x in 3 %}{% endfor %}", `models/x.sql:1:13: error: cannot loop over a integer`},
		{"unpack mismatch", "{% for a, b in [1] %}{% endfor %}", `models/x.sql:1:1: error: cannot unpack a integer into 2 variables`},
		{"macro too many args", "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", `models/x.sql:1:34: error: macro "m" takes 1 arguments, got 2`},
		{"macro unknown kwarg", "{% macro m(a) %}{% endmacro %}{{ m(b=1) }}", `models/x.sql:1:36: error: macro "m" has no argument "b"`},
		{"macro missing arg", "{% macro m(a) %}{% endmacro %}{{ m() }}", `models/x.sql:1:34: error: macro "m" needs argument "a"`},
		{"macro duplicate", "{% macro m() %}{% endmacro %}{% macro m() %}{% endmacro %}", `models/x.sql:1:30: error: macro "m" is already defined at line 1`},
		{"macro recursion", "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}", `error: macro calls nested more than 50 deep (recursive macro "r"?)`},
		{"error inside macro", "{% macro m() %}\n{{ nope }}{% endmacro %}{{ m() }}", `models/x.sql:2:4: error: unknown Jinja variable "nope" (expected a {% set %} variable, a loop variable, a macro argument, this or target) (in macro "m" called from models/x.sql:2:28)`},
		{"for if filter", "{% for x in [1] if x %}{% endfor %}", `models/x.sql:1:17: error: unsupported in {% for %}: "if"`},
		{"else with args", "{% if 1 %}{% else x %}{% endif %}", `models/x.sql:1:19: error: expected "%}" after else, found "x"`},
		{"int too large", "{{ 99999999999999999999 }}", `models/x.sql:1:4: error: bad number "99999999999999999999"`},
		{"not callable", "{{ 'a'() }}", `models/x.sql:1:4: error: a string is not callable`},
		{"list too long", "{{ range(100000000) }}", `models/x.sql:1:4: error: range() longer than`},
		{"deep nesting", strings.Repeat("{% if 1 %}", 150), `error: Jinja blocks nested too deeply (limit 100)`},
		{"deep expression", "{{ " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300) + " }}", `error: expression nested too deeply (limit 100)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Expand("models/x.sql", tt.src, Options{})
			if len(errs) == 0 {
				t.Fatalf("no error, want %q", tt.want)
			}
			got := errs.String()
			if !strings.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant one containing:\n%s", got, tt.want)
			}
		})
	}
}

// TestExpandRecordsConfigAndRefs checks what the expansion learns about
// the model.
func TestExpandRecordsConfigAndRefs(t *testing.T) {
	src := "{{ config(materialized='incremental', unique_key=['id', 'day'], enabled=true, tags=['a'], partition_by={'field': 'day'}) }}\n" +
		"SELECT * FROM {{ ref('orders') }}\n" +
		"JOIN {{ source('raw', 'customers') }} USING (id)\n" +
		"{% macro r() %}{{ ref('shop', 'items') }}{% endmacro %}JOIN {{ r() }}"
	f, errs := Expand("models/m.sql", src, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	wantCfg := map[string]string{"materialized": "incremental", "unique_key": "id,day", "enabled": "true", "tags": "a", "partition_by": "{'field': 'day'}"}
	if !reflect.DeepEqual(f.Config, wantCfg) {
		t.Errorf("Config = %v, want %v", f.Config, wantCfg)
	}
	at := func(line, col int, needle string) token.Pos {
		return token.Pos{Offset: strings.Index(src, needle), Line: line, Col: col}
	}
	wantRefs := []Ref{
		{Kind: "ref", Args: []string{"orders"}, Pos: at(2, 18, "ref('orders')")},
		{Kind: "source", Args: []string{"raw", "customers"}, Pos: at(3, 9, "source(")},
		// Made inside a macro: recorded at the model's call of the macro.
		{Kind: "ref", Args: []string{"shop", "items"}, Pos: at(4, 64, "r() }}")},
	}
	if !reflect.DeepEqual(f.Refs, wantRefs) {
		t.Errorf("Refs =\n%+v\nwant\n%+v", f.Refs, wantRefs)
	}
	if !f.IsDbt || f.ModelName() != "m" {
		t.Errorf("IsDbt = %v, ModelName = %q", f.IsDbt, f.ModelName())
	}
}

// TestExpandKeepsGoingAfterErrors checks that one bad tag does not stop
// the rest of the file.
func TestExpandKeepsGoingAfterErrors(t *testing.T) {
	src := "SELECT {{ nope }}, {{ ref('a') }}\n{% if bad( %}x{% endif %}\nFROM {{ ref('b') }}"
	f, errs := Expand("m.sql", src, Options{})
	if len(errs) != 2 {
		t.Fatalf("want 2 errors, got:\n%s", errs)
	}
	if want := "SELECT , a\n\nFROM b"; f.Expanded != want {
		t.Errorf("Expanded = %q, want %q", f.Expanded, want)
	}
}

func TestVarsOverrideAndTarget(t *testing.T) {
	f, errs := Expand("m.sql", "{{ var('a') }} {{ target.name }}", Options{Vars: map[string]string{"a": "x"}, Target: "prod"})
	if len(errs) > 0 || f.Expanded != "x prod" {
		t.Fatalf("Expanded = %q, errs = %v", f.Expanded, errs)
	}
}

func TestInferValue(t *testing.T) {
	tests := []struct {
		in   string
		want value
	}{
		{"10", int64(10)}, {"-2", int64(-2)}, {"1.5", 1.5}, {"true", true}, {"False", false},
		{"none", nil}, {"null", nil}, {"'quoted'", "quoted"}, {"hello", "hello"},
		{"2024-01-01", "2024-01-01"}, {"a b", "a b"}, {"[1, 'x']", []value{int64(1), "x"}},
		{"ref('x')", "ref('x')"}, {"", ""},
	}
	for _, tt := range tests {
		if got := inferValue(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("inferValue(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseProjectVars(t *testing.T) {
	src := `name: shop
version: '1.0'
vars:
  start_date: '2024-01-01'   # a comment
  limit: 10
  enabled: true
  "quoted key": "v # not a comment"
  shop:
    scoped: inner
  regions: [us, 'eu']
  countries:
    - fr
    - de
models:
  shop:
    +materialized: view
`
	got := parseProjectVars(src)
	want := map[string]value{
		"start_date": "2024-01-01", "limit": int64(10), "enabled": true, "quoted key": "v # not a comment",
		"scoped": "inner", "regions": []value{"us", "eu"}, "countries": []value{"fr", "de"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseProjectVars =\n%#v\nwant\n%#v", got, want)
	}
}

// TestLimits checks that every resource bound stops the expansion with an
// error at the position that exceeded it, instead of running away.
func TestLimits(t *testing.T) {
	small := limits{maxOutput: 1000, maxItems: 100, maxSteps: 5000, maxCallDepth: 10, maxErrors: 3}
	tests := []struct {
		name, src, want string
	}{
		{"steps", "{% for a in range(50) %}{% for b in range(50) %}{% for c in range(50) %}{% set x = c %}{% endfor %}{% endfor %}{% endfor %}",
			"error: Jinja expansion takes more than 5000 steps"},
		{"output", "{% for a in range(99) %}0123456789abcdef{% endfor %}", "m.sql:1:25: error: Jinja expansion is larger than 1000 bytes"},
		{"string value", "{% set s = 'x' %}{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ d(s, 12) }}",
			"m.sql:1:54: error: Jinja expansion is larger than 1000 bytes (in macro \"d\" called from m.sql:1:96)"},
		{"list", "{{ range(101) }}", "m.sql:1:4: error: range() longer than 100 elements"},
		{"list concat", "{% set l = range(60) %}{{ l + l }}", "m.sql:1:29: error: list longer than 100 elements"},
		{"call depth", "{% macro r() %}{{ r() }}{% endmacro %}{{ r() }}", "m.sql:1:19: error: macro calls nested more than 10 deep"},
		{"errors", "{{ a }}{{ b }}{{ c }}{{ d }}", "m.sql:1:1: error: too many Jinja errors (3); expansion of this file stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(Options{})
			e.limits = small
			var errs diag.List
			e.expand("m.sql", tt.src, &errs)
			if got := errs.String(); !strings.Contains(got, tt.want) {
				t.Errorf("errors:\n%s\nwant one containing:\n%s", got, tt.want)
			}
		})
	}
}
