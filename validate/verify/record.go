package verify

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/emit"
)

// The verdicts are written between emit's markers (emit.VerifyBegin,
// emit.VerifyEnd): migrate drops a stale section and --check ignores it.
const (
	beginMark = emit.VerifyBegin
	endMark   = emit.VerifyEnd
)

// StripSection returns data without its verify section.
func StripSection(data []byte) []byte { return emit.StripVerifySection(data) }

// withSection returns data with its verify section replaced by section
// (markers included), placed before the anchor (or at the end).
func withSection(data []byte, section, anchor string) []byte {
	data = StripSection(data)
	section = beginMark + "\n" + section + endMark + "\n"
	if anchor != "" {
		if i := bytes.LastIndex(data, []byte(anchor)); i >= 0 {
			out := append([]byte{}, data[:i]...)
			out = append(out, section...)
			return append(out, data[i:]...)
		}
	}
	if len(data) > 0 && !bytes.HasSuffix(data, []byte("\n")) {
		data = append(data, '\n')
	}
	return append(data, section...)
}

func updateFile(name string, f func([]byte) []byte) error {
	data, err := os.ReadFile(name)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, f(data), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

// WriteTracking writes each table's verdict into its tracking.md.
func (r *Report) WriteTracking(flinkDir string) error {
	inv, err := emit.ReadInventory(flinkDir)
	if err != nil {
		return err
	}
	for _, v := range r.Tables {
		e := inv.Tables[v.Table]
		if e == nil || e.Tracking == "" {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "\n## Verify (Spark versus Flink)\n\n%s — %s\n", mdVerdict(v), r.clockLine())
		if v.Verdict == Differs && v.Diff != nil {
			b.WriteString("\n```\n" + sideBySide(v.Diff, "") + "```\n")
		}
		name := filepath.Join(flinkDir, filepath.FromSlash(e.Tracking))
		if err := updateFile(name, func(d []byte) []byte { return withSection(d, b.String(), "") }); err != nil {
			return err
		}
	}
	return nil
}

func (r *Report) clockLine() string {
	return "clock pinned to " + r.Now + " on both sides; `c360-migrate verify`"
}

func mdVerdict(v *Verdict) string {
	s := "**" + v.Verdict + "**"
	switch {
	case v.Verdict == Equal && v.Diff != nil:
		s += fmt.Sprintf(": %d rows", v.Diff.SparkRows)
	case v.Reason != "":
		where := ""
		if v.File != "" {
			where = "`" + v.File + "`: "
		}
		s += ": " + where + strings.ReplaceAll(firstLine(v.Reason), "|", "\\|")
	}
	if v.Note != "" {
		s += " (" + strings.ReplaceAll(v.Note, "|", "\\|") + ")"
	}
	return s
}

// JSONFile is the name of the verdicts as JSON in a report folder, beside
// migrate's report.json (whose bytes `migrate --check` compares, so
// verify does not add to it). migrate removes it with the rest of a stale
// verify section.
const JSONFile = "verify.json"

// WriteReport adds the verdicts to the report folder: a section of
// report.md (a table of verdicts), a `verify` test suite in junit.xml
// (one test case per table: failed when it differs, errored when it could
// not run) and verify.json (as --json prints them). Missing files are
// created.
func (r *Report) WriteReport(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		return err
	}
	if err := updateFile(filepath.Join(dir, JSONFile), func([]byte) []byte { return js.Bytes() }); err != nil {
		return err
	}
	var md strings.Builder
	eq, df, nr := r.Counts()
	fmt.Fprintf(&md, "\n## Verify: Spark versus Flink\n\n%d tables: %d equal, %d differ, %d could not run (%s).\n\n| table | verdict |\n|---|---|\n",
		len(r.Tables), eq, df, nr, r.clockLine())
	for _, v := range r.Tables {
		fmt.Fprintf(&md, "| `%s` | %s |\n", v.Table, mdVerdict(v))
	}
	if err := updateFile(filepath.Join(dir, "report.md"), func(d []byte) []byte { return withSection(d, md.String(), "") }); err != nil {
		return err
	}
	var x strings.Builder
	fmt.Fprintf(&x, "  <testsuite name=\"verify\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n", len(r.Tables), df, nr)
	for _, v := range r.Tables {
		fmt.Fprintf(&x, "    <testcase classname=\"%s\" name=\"verify\">", xmlText(v.Table))
		switch v.Verdict {
		case Differs:
			body := v.Reason
			if v.Diff != nil {
				body += "\n" + sideBySide(v.Diff, "")
			}
			fmt.Fprintf(&x, "<failure message=\"%s\">%s</failure>", xmlText(firstLine(v.Reason)), xmlText(body))
		case NotRun:
			fmt.Fprintf(&x, "<error message=\"%s\">%s</error>", xmlText(firstLine(v.Reason)), xmlText(v.Reason))
		}
		if v.Note != "" {
			fmt.Fprintf(&x, "<system-out>%s</system-out>", xmlText(v.Note))
		}
		x.WriteString("</testcase>\n")
	}
	x.WriteString("  </testsuite>\n")
	return updateFile(filepath.Join(dir, "junit.xml"), func(d []byte) []byte {
		if len(bytes.TrimSpace(d)) == 0 {
			d = []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n</testsuites>\n")
		}
		return withSection(d, x.String(), "</testsuites>")
	})
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
