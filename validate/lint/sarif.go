package lint

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/diag"
)

// SARIF 2.1.0 (OASIS), the subset code-scanning tools read: one run, the
// tool's rules, one result per finding with its physical location.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// SARIFOptions configures WriteSARIF.
type SARIFOptions struct {
	// BaseDir is the repository root: artifact URIs are relative to it
	// (uriBaseId %SRCROOT%). Empty: file names are used as they are.
	BaseDir string
	// Version is the tool version to record, optional.
	Version string
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "note"
}

// WriteSARIF writes findings as a SARIF 2.1.0 log with every rule of the
// registry (a finding with an unknown rule id gets a rule entry of its
// own, so that every result refers to a rule).
func WriteSARIF(w io.Writer, findings diag.List, opts SARIFOptions) error {
	driver := sarifDriver{Name: "c360-migrate", Version: opts.Version, InformationURI: "https://github.com/c360-migrate/c360-migrate"}
	index := map[string]int{}
	addRule := func(r *Rule) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: r.Doc},
			Help:                 sarifText{Text: r.Fix, Markdown: "**Fix:** " + r.Fix},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		})
	}
	for _, r := range registry {
		addRule(r)
	}
	results := []sarifResult{}
	for _, d := range findings {
		id := d.Rule
		if id == "" {
			id = SyntaxParse
		}
		if _, ok := index[id]; !ok {
			addRule(&Rule{ID: id, Severity: d.Severity, Title: id, Doc: id, Fix: "See the message."})
		}
		loc := sarifPhysical{ArtifactLocation: artifact(d.File, opts.BaseDir)}
		if d.Line > 0 {
			loc.Region = &sarifRegion{StartLine: d.Line, StartColumn: d.Col}
		}
		results = append(results, sarifResult{
			RuleID: id, RuleIndex: index[id], Level: sarifLevel(d.Severity),
			Message:   sarifText{Text: d.Msg},
			Locations: []sarifLocation{{PhysicalLocation: loc}},
		})
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, Results: results}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// artifact makes a file name a URI relative to base when it lies inside it.
func artifact(file, base string) sarifArtifact {
	a := sarifArtifact{URI: filepath.ToSlash(file)}
	if base == "" {
		return a
	}
	abs, err1 := filepath.Abs(file)
	absBase, err2 := filepath.Abs(base)
	if err1 != nil || err2 != nil {
		return a
	}
	rel, err := filepath.Rel(absBase, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return a
	}
	a.URI = (&url.URL{Path: filepath.ToSlash(rel)}).String()
	a.URIBaseID = "%SRCROOT%"
	return a
}
