// Package load reads a Spark SQL project from disk into SQL text ready for
// the parser: it finds the *.sql files, expands the dbt flavour of Jinja
// they may contain, records what the expansion learnt (config keys, refs
// and sources), and keeps a table that maps every position of the expanded
// text back to the file as written. Split cuts SQL text into statements.
//
//	p, errs := load.LoadProject("spark_src", load.Options{Vars: vars})
//	for _, f := range p.Files {
//		for _, pc := range load.Split(f.Expanded, token.Spark) {
//			stmts, perrs := parser.ParseAt(f.Path, pc.Text, token.Spark, pc.Start)
//			// report a position pos of f.Expanded as f.MapPos(pos)
//		}
//	}
//
// # Project layout
//
// Every *.sql file under the root is a model, sorted by path, except the
// files in a folder named macros (at any depth), whose {% macro %}
// definitions every model can call. Hidden folders, target/ and
// dbt_packages/ are skipped. The vars: section of dbt_project.yml is read
// (block mappings, optionally scoped under a project name, scalars, inline
// and block lists); Options.Vars override it.
//
// # The Jinja subset
//
// The interpreter is our own and small; anything outside it is an error
// at its position naming what was expected, never a guess:
//
//   - delimiters {{ }}, {% %}, {# #}, with "-" white-space control on
//     either side; {% raw %}...{% endraw %}
//   - dbt functions: ref('m'), ref('pkg', 'm') -> m; source('s', 't') -> t;
//     config(k=v, ...) -> "" (keys kept in SourceFile.Config); var('x'),
//     var('x', default); this -> the model's file name; target.name
//     (Options.Target, default "dev") and target.type ("spark");
//     is_incremental() -> false (the streaming query reads its whole
//     input, as a full refresh does)
//   - statements: if/elif/else/endif; for x in ... / for k, v in ... with
//     else, loop.index, index0, revindex, revindex0, first, last, length;
//     set x = ..., set a, b = ..., set x %}...{% endset; macro with
//     positional and default parameters, called with positional and
//     keyword arguments
//   - expressions: string, integer, float, true/false/none, list, tuple
//     and dict literals; names; .attr and [index]; calls; and, or, not;
//     == != < > <= >=; in, not in; is [not] defined / undefined / none /
//     string / number / mapping / sequence / iterable / true / false;
//     ~ (concatenation); + - * / // %; x if c else y; range()
//   - filters: upper, lower, trim, join, default (d), length (count),
//     replace, string, first, last; string methods upper, lower, strip,
//     replace, split, startswith, endswith; dict methods items, keys,
//     values, get
//
// Macro definitions are hoisted: a macro can be called anywhere in the
// file that defines it, and macros/ macros anywhere in the project. A
// macro sees its arguments, other macros, this and target, not the
// caller's variables. Values printed by {{ }} follow Python: True, None,
// ['a', 1].
//
// # Errors and limits
//
// One bad file never stops the others, and one bad tag does not stop the
// rest of its file: a failing {{ }} prints nothing, a failing if or for is
// skipped, and the error goes to the diagnostics with file:line:col. An
// error inside a macro is reported where the macro is written, followed by
// the model position that called it. Each file's expansion is bounded
// (steps, output size, list length, macro call depth, error count), so no
// input makes the loader run away; parsing is linear.
//
// # Positions
//
// SourceFile.MapPos maps a position of Expanded to Original through a
// table of segments: text copied from the file (including the bodies of
// if and for, once per iteration) maps byte for byte; text that a {{ }}
// produced, including a macro's whole output, maps to its "{{".
//
// # Known limits
//
// Not supported: {% call %}, {% do %}, {% include %}, {% import %},
// {% filter %}, {% snapshot %}, materializations, for ... if and
// recursive loops, macros with varargs/kwargs/caller, return(), dbt
// package macros (dbt_utils.*), adapter.*, run_query, statement, env_var,
// exceptions, log, graph. A YAML flow mapping (vars: {a: 1}) in
// dbt_project.yml is not read.
package load
