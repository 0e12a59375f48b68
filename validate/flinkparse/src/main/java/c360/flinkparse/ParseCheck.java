package c360.flinkparse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;
import org.apache.flink.sql.parser.validate.FlinkSqlConformance;

/**
 * Checks .sql files with Apache Flink's own SQL parser, configured as Flink's
 * table planner configures it: FlinkSqlParserImpl, Flink's conformance,
 * back-tick quoting, case-sensitive identifiers left as written.
 *
 * <pre>
 * java c360.flinkparse.ParseCheck [--expect-error] [-q] PATH...
 * </pre>
 *
 * Files are split into statements at ';' outside strings, quoted identifiers
 * and comments; an {@code EXECUTE STATEMENT SET BEGIN ... END} block (also
 * after EXPLAIN) is one statement. Prints "file:line: OK" or "file:line:col: ERROR message" per
 * statement and "N passed, N failed"; exits 1 when any statement fails. With
 * --expect-error every statement must be rejected, and a file holding
 * "-- ERROR" lines is split into blocks at those lines.
 */
public final class ParseCheck {

    /** One statement: the line of its first token, its text, the line its text begins on. */
    record Stmt(int line, int textLine, String sql) {}

    private static final Pattern STMT_SET_OPEN =
            Pattern.compile("^\\s*(EXECUTE|EXPLAIN)\\b[^;]*?\\bSTATEMENT\\s+SET\\s+BEGIN\\b.*", Pattern.DOTALL);
    private static final Pattern ENDS_WITH_END = Pattern.compile(".*\\bEND\\s*$", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        boolean expectError = false;
        boolean quiet = false;
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--expect-error" -> expectError = true;
                case "-q", "--quiet" -> quiet = true;
                default -> roots.add(Paths.get(a));
            }
        }
        if (roots.isEmpty()) {
            System.err.println("usage: ParseCheck [--expect-error] [-q] PATH...");
            System.exit(2);
        }
        final boolean neg = expectError;
        List<Path> files = new ArrayList<>();
        for (Path r : roots) {
            if (Files.isDirectory(r)) {
                try (Stream<Path> s = Files.walk(r)) {
                    files.addAll(s.filter(p -> {
                                String n = p.getFileName().toString();
                                return n.endsWith(".sql") || (neg && n.endsWith(".txt"));
                            })
                            .collect(Collectors.toList()));
                }
            } else {
                files.add(r);
            }
        }
        files.sort(null);

        SqlParser.Config config = SqlParser.config()
                .withParserFactory(FlinkSqlParserImpl.FACTORY)
                .withConformance(FlinkSqlConformance.DEFAULT)
                .withQuoting(Quoting.BACK_TICK)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(true)
                .withIdentifierMaxLength(256);

        int passed = 0, failed = 0, count = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<Stmt> stmts = neg && ("\n" + text).contains("\n-- ERROR")
                    ? splitErrorBlocks(text) : split(text);
            for (Stmt st : stmts) {
                count++;
                String err = null;
                int errLine = st.line(), errCol = 0;
                try {
                    SqlParser.create(st.sql(), config).parseStmt();
                } catch (SqlParseException e) {
                    SqlParserPos pos = e.getPos();
                    if (pos != null && pos.getLineNum() > 0) {
                        errLine = st.textLine() + pos.getLineNum() - 1;
                        errCol = pos.getColumnNum();
                    }
                    err = firstLine(e.getMessage());
                } catch (RuntimeException e) {
                    err = e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()));
                }
                String where = f + ":" + (errCol > 0 ? errLine + ":" + errCol : String.valueOf(errLine));
                if ((err == null) != neg) {
                    passed++;
                    if (!quiet) {
                        System.out.println(err == null
                                ? f + ":" + st.line() + ": OK"
                                : where + ": OK (rejected: " + err + ")");
                    }
                } else {
                    failed++;
                    System.out.println(err == null
                            ? f + ":" + st.line() + ": ERROR Flink accepted a statement expected to fail"
                            : where + ": ERROR " + err);
                }
            }
        }
        System.out.println(files.size() + " files, " + count + " statements");
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed > 0 ? 1 : 0);
    }

    private static String firstLine(String msg) {
        if (msg == null) {
            return "";
        }
        String m = msg.strip();
        int nl = m.indexOf('\n');
        String first = nl < 0 ? m : m.substring(0, nl).strip();
        // Calcite lists every expected token after "Was expecting"; keep it short.
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }

    /** Splits at ';' outside strings, quoted identifiers and comments. */
    static List<Stmt> split(String text) {
        List<Stmt> out = new ArrayList<>();
        int n = text.length(), i = 0, line = 1;
        int start = 0, startLine = 1, firstLine = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && text.startsWith("--", i)) {
                int j = text.indexOf('\n', i);
                i = j < 0 ? n : j;
                continue;
            }
            if (c == '/' && text.startsWith("/*", i)) {
                int j = text.indexOf("*/", i + 2);
                int end = j < 0 ? n : j + 2;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = end;
                continue;
            }
            if (firstLine < 0 && c != ';') {
                firstLine = line;
            }
            if (c == '\'' || c == '"' || c == '`') {
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\n') {
                        line++;
                    }
                    if (d == c) {
                        if (i + 1 < n && text.charAt(i + 1) == c) { // doubled quote
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                continue;
            }
            if (c == ';') {
                String sql = text.substring(start, i);
                String bare = stripComments(sql).toUpperCase(Locale.ROOT);
                if (STMT_SET_OPEN.matcher(bare).matches() && !ENDS_WITH_END.matcher(bare).matches()) {
                    i++; // inside EXECUTE STATEMENT SET BEGIN ... END
                    continue;
                }
                if (firstLine > 0) {
                    out.add(new Stmt(firstLine, startLine, sql));
                }
                start = i + 1;
                startLine = line;
                firstLine = -1;
                i++;
                continue;
            }
            i++;
        }
        if (firstLine > 0) {
            out.add(new Stmt(firstLine, startLine, text.substring(start)));
        }
        return out;
    }

    /** Removes comments (and string contents, for keyword matching only). */
    private static String stripComments(String sql) {
        StringBuilder b = new StringBuilder();
        int n = sql.length(), i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int j = sql.indexOf('\n', i);
                i = j < 0 ? n : j;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int j = sql.indexOf("*/", i + 2);
                i = j < 0 ? n : j + 2;
                b.append(' ');
            } else if (c == '\'' || c == '`' || c == '"') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                b.append(c).append(c);
                i = Math.min(n, j + 1);
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Negative-corpus format: blocks separated by "-- ERROR" lines. */
    static List<Stmt> splitErrorBlocks(String text) {
        List<Stmt> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        int curStart = -1;
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String s = lines[k].strip();
            if (s.startsWith("-- ERROR")) {
                if (!cur.isEmpty()) {
                    out.add(block(curStart, cur));
                }
                cur = new ArrayList<>();
                continue;
            }
            if (cur.isEmpty() && (s.isEmpty() || s.startsWith("--"))) {
                continue;
            }
            if (cur.isEmpty()) {
                curStart = k + 1;
            }
            cur.add(lines[k]);
        }
        if (!cur.isEmpty() && !String.join("\n", cur).isBlank()) {
            out.add(block(curStart, cur));
        }
        return out;
    }

    private static Stmt block(int start, List<String> lines) {
        String sql = String.join("\n", lines).stripTrailing();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        return new Stmt(start, start, sql);
    }

    private ParseCheck() {}
}
