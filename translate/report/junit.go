package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// JUnit steps: the test case names of each table.
const (
	StepTranslate = "translate"
	StepLint      = "lint"
	StepDryRun    = "dry-run"
)

// JUnitSuites is junit.xml: one suite for the project (loading and parsing
// the Spark files), then one suite per layer in the run's order, each with
// one test case per table and step (translate, lint, and dry-run when the
// dry run ran). A failure carries its findings as file:line:col lines.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is one layer (or the project).
type JUnitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []JUnitCase `xml:"testcase"`
}

// JUnitCase is one step of one table.
type JUnitCase struct {
	Classname string        `xml:"classname,attr"` // the Flink table
	Name      string        `xml:"name,attr"`      // the step
	File      string        `xml:"file,attr,omitempty"`
	Failure   *JUnitMessage `xml:"failure"`
	Skipped   *JUnitMessage `xml:"skipped"`
	SystemOut *JUnitText    `xml:"system-out"` // notes and warnings
}

// JUnitText is text kept as CDATA, so its lines stay readable.
type JUnitText struct {
	Text string `xml:",cdata"`
}

func junitText(s string) *JUnitText {
	if s == "" {
		return nil
	}
	return &JUnitText{s}
}

// JUnitMessage is a failure or a reason for skipping.
type JUnitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",cdata"`
}

// JUnit renders junit.xml.
func JUnit(run *result.Run) ([]byte, error) {
	product := ""
	if run != nil {
		product = run.Product
	}
	doc := &JUnitSuites{Name: "c360-migrate " + orText(product, "(no product)")}

	load := JUnitCase{Classname: "project", Name: "load"}
	if run != nil {
		var errs, other []*diag.Diagnostic
		for _, d := range findings(run.Diags) {
			if d.Severity == diag.Error {
				errs = append(errs, d)
			} else {
				other = append(other, d)
			}
		}
		if len(errs) > 0 {
			load.Failure = &JUnitMessage{Message: plural(len(errs), "error", "errors") + " in the Spark project", Type: "input", Text: findingLines(errs)}
		}
		load.SystemOut = junitText(findingLines(other))
	}
	doc.Suites = append(doc.Suites, JUnitSuite{Name: "project", Cases: []JUnitCase{load}})

	byLayer := map[string]int{}
	for _, t := range tables(run) {
		i, ok := byLayer[t.Layer]
		if !ok {
			i = len(doc.Suites)
			byLayer[t.Layer] = i
			doc.Suites = append(doc.Suites, JUnitSuite{Name: orText(t.Layer, "(no layer)")})
		}
		doc.Suites[i].Cases = append(doc.Suites[i].Cases, tableCases(run, t)...)
	}
	return marshalJUnit(doc)
}

// tableCases returns the test cases of one table.
func tableCases(run *result.Run, t *result.Table) []JUnitCase {
	var tr, lintErrs, dry []*diag.Diagnostic
	for _, d := range findings(t.Residue) {
		switch result.FoundBy(d) {
		case result.ByLint:
			lintErrs = append(lintErrs, d)
		case result.ByDryRun:
			dry = append(dry, d)
		default:
			tr = append(tr, d)
		}
	}
	var notes, lintNotes []*diag.Diagnostic
	for _, d := range findings(t.Notes) {
		if result.FoundBy(d) == result.ByLint {
			lintNotes = append(lintNotes, d)
		} else {
			notes = append(notes, d)
		}
	}
	file := t.SparkFile
	translate := JUnitCase{Classname: t.FlinkName, Name: StepTranslate, File: file, SystemOut: junitText(findingLines(notes))}
	switch {
	case len(tr) > 0:
		translate.Failure = &JUnitMessage{
			Message: fmt.Sprintf("%s: %s no rule translates", t.Status, plural(len(tr), "construct", "constructs")),
			Type:    string(t.Status), Text: findingLines(tr),
		}
	case t.Status == result.Failed:
		translate.Failure = &JUnitMessage{Message: "failed: the Spark input could not be read or modelled", Type: string(t.Status)}
	}
	lint := JUnitCase{Classname: t.FlinkName, Name: StepLint, File: file, SystemOut: junitText(findingLines(lintNotes))}
	if len(lintErrs) > 0 {
		lint.Failure = &JUnitMessage{
			Message: fmt.Sprintf("%s Flink cannot run", plural(len(lintErrs), "lint error", "lint errors")),
			Type:    "lint", Text: findingLines(lintErrs),
		}
	}
	cases := []JUnitCase{translate, lint}
	if run.DryRun == "" {
		return cases
	}
	dr := JUnitCase{Classname: t.FlinkName, Name: StepDryRun, File: file}
	switch {
	case len(dry) > 0:
		dr.Failure = &JUnitMessage{
			Message: fmt.Sprintf("%s rejects it: %s", run.DryRun, plural(len(dry), "finding", "findings")),
			Type:    "dry-run", Text: findingLines(dry),
		}
	case t.Status != result.Translated && t.Status != result.LLM:
		dr.Skipped = &JUnitMessage{Message: "not dry-run: the translation is not complete"}
	}
	return append(cases, dr)
}

// findingLines prints one finding a line: file:line:col: severity [rule] message.
func findingLines(ds []*diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s: %s%s: %s\n", d.Position.String(), d.Severity, ruleSuffix(d), oneLine(d.Msg))
	}
	return b.String()
}

// marshalJUnit counts the cases and prints the document.
func marshalJUnit(doc *JUnitSuites) ([]byte, error) {
	doc.Tests, doc.Failures, doc.Skipped = 0, 0, 0
	for i := range doc.Suites {
		s := &doc.Suites[i]
		s.Tests, s.Failures, s.Skipped = len(s.Cases), 0, 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				s.Failures++
			}
			if c.Skipped != nil {
				s.Skipped++
			}
		}
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Skipped += s.Skipped
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// JUnitWithoutDryRun returns junit.xml data without its dry-run test cases,
// printed as JUnit prints it: what a run without the dry run writes, given
// the same translation. migrate --check compares with it when it does not
// dry-run itself, since the dry run depends on a Flink being at hand.
func JUnitWithoutDryRun(data []byte) ([]byte, error) {
	var doc JUnitSuites
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	for i := range doc.Suites {
		s := &doc.Suites[i]
		kept := s.Cases[:0]
		for _, c := range s.Cases {
			if c.Name != StepDryRun {
				kept = append(kept, c)
			}
		}
		s.Cases = kept
	}
	return marshalJUnit(&doc)
}
