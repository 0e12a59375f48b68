package emit

import (
	"path"
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/manifest"
)

// guard decides which files on disk are the user's to keep: a file the
// previous run did not write with these bytes was edited by hand (or
// created by hand). Without a previous manifest nothing can be told apart
// and every file is the tool's, as before manifests existed.
type guard struct {
	prev  *manifest.Manifest // nil: none
	force bool
	// files is the record of this run: prev's entries updated with what
	// was written, kept or removed.
	files      map[string]string
	handEdited []string
}

func newGuard(prev *manifest.Manifest, force bool) *guard {
	g := &guard{force: force, files: map[string]string{}}
	g.prev = prev
	if prev != nil {
		for k, v := range prev.Files {
			g.files[k] = v
		}
	}
	return g
}

// handEdited reports whether the file rel, holding disk, must be kept.
// verify's section (StripVerifySection) is not a hand edit.
func (g *guard) isHandEdited(rel string, disk []byte) bool {
	return !g.force && g.prev.HandEdited(rel, disk) && g.prev.HandEdited(rel, StripVerifySection(disk))
}

// kept records that rel was hand-edited and kept; its recorded hash stays
// the one written, so it stays detected.
func (g *guard) kept(rel string) {
	g.handEdited = append(g.handEdited, rel)
}

// wasKept reports whether rel was kept as hand-edited.
func (g *guard) wasKept(rel string) bool {
	for _, k := range g.handEdited {
		if k == rel {
			return true
		}
	}
	return false
}

// wrote records rel as written (or found unchanged) with data.
func (g *guard) wrote(rel string, data []byte) {
	g.files[rel] = manifest.Hash(data)
}

// removed forgets rel.
func (g *guard) removed(rel string) {
	delete(g.files, rel)
}

// protect applies the guard to one folder (dir, slash path relative to
// out) before it is rewritten: files maps the new files by their path in
// the folder, existing the files on disk with their bytes. A hand-edited
// file keeps its bytes, whether the run still produces it or not.
//
// The table's tracking.md (unless it is itself hand-edited) then lists the
// files kept, for the reviewer.
func (g *guard) protect(dir string, files map[string][]byte, existing map[string][]byte) {
	var kept []string
	for n, disk := range existing {
		rel := path.Join(dir, n)
		want, ok := files[n]
		if ok && string(want) == string(disk) {
			continue
		}
		if ok && !g.force && n == trackingName && string(want) == string(StripVerifySection(disk)) && sameOtherwise(files, existing) {
			files[n] = disk // the same folder with verify's verdicts: still true
			continue
		}
		if g.isHandEdited(rel, disk) {
			files[n] = disk
			g.kept(rel)
			kept = append(kept, n)
		}
	}
	if len(kept) == 0 || g.wasKept(path.Join(dir, trackingName)) {
		return
	}
	if t, ok := files[trackingName]; ok {
		sort.Strings(kept)
		var b strings.Builder
		b.Write(t)
		b.WriteString("\n## Hand-edited files, kept\n\n")
		b.WriteString("Edited (or added) by hand since c360-migrate wrote this folder; re-runs keep them as they are, `--force` overwrites them.\n\n")
		for _, n := range kept {
			b.WriteString("- `" + n + "`\n")
		}
		files[trackingName] = []byte(b.String())
	}
}

// sameOtherwise reports whether the folder's files other than tracking.md
// are the ones on disk: verify's verdicts in tracking.md still hold then.
func sameOtherwise(files, existing map[string][]byte) bool {
	if len(files) != len(existing) {
		return false
	}
	for n, data := range files {
		disk, ok := existing[n]
		if !ok || (n != trackingName && string(disk) != string(data)) {
			return false
		}
	}
	return true
}
