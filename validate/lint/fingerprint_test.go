package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/c360-migrate/c360-migrate/translate/diag"
)

// TestFingerprint: the same rules give the same fingerprint; a new rule or
// a changed severity gives another one.
func TestFingerprint(t *testing.T) {
	fp := Fingerprint()
	assert.Len(t, fp, 16)
	assert.Equal(t, fp, Fingerprint())

	saved := registry
	defer func() { registry = saved }()

	registry = append(append([]*Rule(nil), saved...), &Rule{ID: "lint.new-rule", Severity: diag.Warning})
	assert.NotEqual(t, fp, Fingerprint(), "a new rule")

	registry = append([]*Rule(nil), saved...)
	changed := *registry[0]
	changed.Severity = diag.Info
	registry[0] = &changed
	assert.NotEqual(t, fp, Fingerprint(), "a changed severity")
}
