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
		if v.File != "" {
			detail = v.File + ": " + detail
		}
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
	if r.SparkError != "" {
		fmt.Fprintf(&b, "\nspark_error: %s\n", r.SparkError)
	}
	eq, df, nr := r.Counts()
	fmt.Fprintf(&b, "\n%d tables: %d equal, %d differ, %d could not run (%.1f s)\n", len(r.Tables), eq, df, nr, float64(r.Millis)/1000)
	_, err := io.WriteString(w, b.String())
	return err
}

// sideBySide shows the first differing rows, one column a line, Spark's
// next to Flink's: a row only Spark has is paired with a row only Flink
// has that starts with the same value (usually the key), if any.
func sideBySide(d *Diff, indent string) string {
	var b strings.Builder
	if d.ColumnDiff != "" {
		fmt.Fprintf(&b, "%scolumns: %s\n", indent, d.ColumnDiff)
	}
	for i, p := range pairRows(d.OnlySpark, d.OnlyFlink) {
		if i == maxShown {
			break
		}
		fmt.Fprintf(&b, "%sdiffering row %d (%d only in Spark, %d only in Flink), Spark | Flink:\n", indent, i+1, len(d.OnlySpark), len(d.OnlyFlink))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for c, name := range d.Columns {
			s, f := "-", "-"
			if p[0] != nil {
				s = p[0][c]
			}
			if p[1] != nil {
				f = p[1][c]
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

// pairRows pairs each Spark row with the first unused Flink row that has
// the same first value, then lists the Flink rows left alone.
func pairRows(spark, flink [][]string) [][2][]string {
	used := make([]bool, len(flink))
	var out [][2][]string
	for _, s := range spark {
		p := [2][]string{s, nil}
		for j, f := range flink {
			if !used[j] && len(s) > 0 && len(f) > 0 && s[0] == f[0] {
				used[j], p[1] = true, f
				break
			}
		}
		out = append(out, p)
	}
	for j, f := range flink {
		if !used[j] {
			out = append(out, [2][]string{nil, f})
		}
	}
	return out
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
