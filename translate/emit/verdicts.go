package emit

import "bytes"

// verify (validate/verify) writes its verdicts into files migrate owns
// (report.md, junit.xml, a table's tracking.md) between these markers. The
// section is the tool's own, not a hand edit: a re-run that produces the
// same text keeps it, a changed table drops it (its verdict is stale), and
// migrate --check ignores it.
const (
	VerifyBegin = "<!-- verify -->"
	VerifyEnd   = "<!-- /verify -->"
)

// StripVerifySection returns data without its verify section.
func StripVerifySection(data []byte) []byte {
	i := bytes.Index(data, []byte(VerifyBegin))
	if i < 0 {
		return data
	}
	j := bytes.Index(data[i:], []byte(VerifyEnd))
	if j < 0 {
		return data
	}
	end := i + j + len(VerifyEnd)
	if end < len(data) && data[end] == '\n' {
		end++
	}
	out := append([]byte{}, data[:i]...)
	return append(out, data[end:]...)
}
