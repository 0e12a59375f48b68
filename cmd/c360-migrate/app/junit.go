package app

import (
	"path/filepath"

	"github.com/c360-migrate/c360-migrate/translate/emit"
	"github.com/c360-migrate/c360-migrate/translate/report"
	"github.com/c360-migrate/c360-migrate/translate/result"
)

// junitFile is the name of the JUnit report in --report DIR.
const junitFile = "junit.xml"

// writeJUnit writes junit.xml into dir (which exists): one test case per
// table and step, for CI test views.
func writeJUnit(run *result.Run, dir string) error {
	data, err := report.JUnit(run)
	if err != nil {
		return err
	}
	_, err = emit.WriteFileAtomic(emit.OS, filepath.Join(dir, junitFile), data)
	return err
}
