package dryrun

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report for a reader: one block per table, then the
// findings one per line as file:line:col, then a summary line.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "dry run of %s on Flink %s at %s (profile %s)\n", r.Dir, r.FlinkVersion, r.Gateway, r.Profile)
	for _, t := range r.Tables {
		fmt.Fprintf(&b, "\n%s (%s, %s)\n", t.Table, t.Layer, t.Status)
		for _, s := range t.Raw {
			what := "raw DDL"
			if strings.Contains(s.File, "/insert_") {
				what = "raw insert"
			}
			step(&b, what, s)
		}
		step(&b, "DDL", t.DDL)
		step(&b, "DML", t.DML)
		if t.DML != nil && t.DML.Skipped == "" && t.DML.Error == nil || len(t.Produced) > 0 {
			fmt.Fprintf(&b, "  changelog: produced [%s], declared %s\n", strings.Join(t.Produced, ","), t.Declared)
		}
		if t.DML != nil {
			for _, n := range t.DML.Notes {
				fmt.Fprintf(&b, "  note: %s\n", n)
			}
		}
		for _, a := range t.Adaptations {
			fmt.Fprintf(&b, "  adapted %s\n", a)
		}
	}
	if len(r.Findings) > 0 {
		b.WriteString("\n")
		for _, f := range r.Findings {
			b.WriteString(f.String())
			b.WriteString("\n")
		}
	}
	ok := 0
	for _, t := range r.Tables {
		if tableOK(t) {
			ok++
		}
	}
	fmt.Fprintf(&b, "\ndry run: %d of %d tables clean, %d findings, %.1fs\n", ok, len(r.Tables), len(r.Findings), float64(r.Millis)/1000)
	_, err := io.WriteString(w, b.String())
	return err
}

func tableOK(t *TableReport) bool {
	if t.DDL == nil || !t.DDL.OK {
		return false
	}
	for _, s := range t.Raw {
		if !s.OK {
			return false
		}
	}
	return t.DML == nil || t.DML.OK || t.DML.Skipped != ""
}

func step(b *strings.Builder, what string, s *Step) {
	if s == nil {
		return
	}
	switch {
	case s.Skipped != "":
		fmt.Fprintf(b, "  %-10s skipped  %s: %s\n", what, s.File, s.Skipped)
	case s.OK:
		fmt.Fprintf(b, "  %-10s ok       %s (%d ms)\n", what, s.File, s.Millis)
	default:
		msg := ""
		if s.Error != nil {
			msg = s.Error.Message
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i] + " …"
			}
		}
		fmt.Fprintf(b, "  %-10s ERROR    %s:%d: %s\n", what, s.File, errLine(s), msg)
	}
}

func errLine(s *Step) int {
	if s.Error != nil {
		return s.Error.Line
	}
	return s.Line
}
