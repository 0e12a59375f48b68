package app

// SetLintFingerprint makes the run see another lint rule set until the
// returned function restores it.
func SetLintFingerprint(fp string) (restore func()) {
	old := lintFingerprint
	lintFingerprint = func() string { return fp }
	return func() { lintFingerprint = old }
}
