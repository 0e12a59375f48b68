package verify

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText prints one line per table (verdict, table, rows or reason),
// the first differing rows side by side, and a summary line.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "verify %s against %s (Flink SQL Gateway %s, batch mode; clock pinned to %s UTC on both sides)\n",
		r.FlinkDir, r.SparkDir, r.Gateway, strings.TrimSuffix(strings.Replace(r.Now, "T", " ", 1), "Z"))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, v := range r.Tables {
		detail := v.Reason
		if v.Verdict == Equal && v.Diff != nil {
			detail = fmt.Sprintf("%d rows", v.Diff.SparkRows)
		}
		if v.Note != "" {
			detail += " (" + v.Note + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", v.Verdict, v.Table, detail)
	}
	tw.Flush()
	for _, v := range r.Tables {
		if v.Verdict != Differs || v.Diff == nil {
			continue
		}
		fmt.Fprintf(&b, "\n%s differs (Spark %s):\n", v.Table, v.SparkName)
		b.WriteString(sideBySide(v.Diff, "  "))
	}
	eq, df, nr := r.Counts()
	fmt.Fprintf(&b, "\n%d tables: %d equal, %d differ, %d could not run (%.1f s)\n", len(r.Tables), eq, df, nr, float64(r.Millis)/1000)
	_, err := io.WriteString(w, b.String())
	return err
}

// sideBySide shows the first rows only Spark has next to the first rows
// only Flink has, one column a line.
func sideBySide(d *Diff, indent string) string {
	var b strings.Builder
	if d.ColumnDiff != "" {
		fmt.Fprintf(&b, "%scolumns: %s\n", indent, d.ColumnDiff)
	}
	n := len(d.OnlySpark)
	if len(d.OnlyFlink) > n {
		n = len(d.OnlyFlink)
	}
	if n > maxShown {
		n = maxShown
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%srow %d of %d/%d differing (Spark | Flink):\n", indent, i+1, len(d.OnlySpark), len(d.OnlyFlink))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for c, name := range d.Columns {
			s, f := "-", "-"
			if i < len(d.OnlySpark) {
				s = d.OnlySpark[i][c]
			}
			if i < len(d.OnlyFlink) {
				f = d.OnlyFlink[i][c]
			}
			mark := ""
			if s != f {
				mark = "   <>"
			}
			fmt.Fprintf(tw, "%s  %s\t%s\t| %s%s\n", indent, name, s, f, mark)
		}
		tw.Flush()
	}
	return b.String()
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
