package emit

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// FS is the file system the writer uses. The default, OS, is the real one;
// tests substitute one that fails on a chosen call to check that a failed
// write leaves the previous output intact.
type FS interface {
	ReadFile(name string) ([]byte, error)
	// WriteFile creates or truncates name, writes data and syncs it to disk
	// before closing.
	WriteFile(name string, data []byte, perm fs.FileMode) error
	Rename(oldpath, newpath string) error
	MkdirAll(path string, perm fs.FileMode) error
	RemoveAll(path string) error
	Remove(name string) error
	ReadDir(name string) ([]fs.DirEntry, error)
	Stat(name string) (fs.FileInfo, error)
	// Link makes newname a hard link to oldname; the writer falls back to a
	// copy when it fails.
	Link(oldname, newname string) error
	// SyncDir makes a directory's entries (created, renamed) durable; best
	// effort where the platform cannot sync a directory.
	SyncDir(name string) error
}

// OS is the operating system's file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) Rename(oldpath, newpath string) error         { return os.Rename(oldpath, newpath) }
func (osFS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }
func (osFS) RemoveAll(path string) error                  { return os.RemoveAll(path) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }
func (osFS) ReadDir(name string) ([]fs.DirEntry, error)   { return os.ReadDir(name) }
func (osFS) Stat(name string) (fs.FileInfo, error)        { return os.Stat(name) }
func (osFS) Link(oldname, newname string) error           { return os.Link(oldname, newname) }

func (osFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (osFS) SyncDir(name string) error {
	d, err := os.Open(name)
	if err != nil {
		return err
	}
	_ = d.Sync() // not supported for directories on every platform
	return d.Close()
}

const (
	dirPerm  fs.FileMode = 0o755
	filePerm fs.FileMode = 0o644
)

// WriteFileAtomic writes data to name unless the file already holds exactly
// these bytes. It writes a temporary file in the same directory, syncs it
// and renames it over name, so a reader sees the old or the new content,
// never a part. changed reports whether the file was written.
func WriteFileAtomic(fsys FS, name string, data []byte) (changed bool, err error) {
	if fsys == nil {
		fsys = OS
	}
	if old, err := fsys.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return false, nil
	}
	dir := filepath.Dir(name)
	if err := fsys.MkdirAll(dir, dirPerm); err != nil {
		return false, err
	}
	tmp := filepath.Join(dir, "."+filepath.Base(name)+".tmp")
	if err := fsys.WriteFile(tmp, data, filePerm); err != nil {
		_ = fsys.Remove(tmp)
		return false, err
	}
	if err := fsys.Rename(tmp, name); err != nil {
		_ = fsys.Remove(tmp)
		return false, err
	}
	return true, fsys.SyncDir(dir)
}

// folderResult says what replacing one folder did, in slash paths relative
// to the folder.
type folderResult struct {
	written, unchanged, removed []string
}

// writeFolder makes dir hold exactly files (slash paths relative to dir).
// When every file is already there with the same bytes and nothing else is,
// nothing is touched. Otherwise the whole folder is built next to dir in
// .<name>.tmp (unchanged files hard-linked, so their mtimes stay), synced,
// and swapped in with two renames: dir → .<name>.old, .<name>.tmp → dir.
// A failure before the swap removes the temporary folder and leaves dir as
// it was; a failure in the swap puts the old folder back.
//
// protect, when not nil, sees the files on disk (with their bytes) before
// anything is decided and may change files, to keep hand-edited ones.
func writeFolder(fsys FS, dir string, files map[string][]byte, protect func(existing map[string][]byte)) (*folderResult, error) {
	parent, base := filepath.Dir(dir), filepath.Base(dir)
	tmp := filepath.Join(parent, "."+base+".tmp")
	old := filepath.Join(parent, "."+base+".old")

	// Recover from an interrupted earlier run: a swap cut between its two
	// renames leaves only .old; a build cut short leaves .tmp.
	if _, err := fsys.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if _, err := fsys.Stat(old); err == nil {
			if err := fsys.Rename(old, dir); err != nil {
				return nil, fmt.Errorf("restore %s: %w", dir, err)
			}
		}
	}
	for _, p := range []string{tmp, old} {
		if err := fsys.RemoveAll(p); err != nil {
			return nil, err
		}
	}

	existing, err := listFiles(fsys, dir)
	if err != nil {
		return nil, err
	}
	disk := make(map[string][]byte, len(existing))
	for n := range existing {
		b, err := fsys.ReadFile(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		disk[n] = b
	}
	if protect != nil {
		protect(disk)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	res := &folderResult{}
	same := map[string]bool{}
	for _, n := range names {
		if b, ok := disk[n]; ok {
			if bytes.Equal(b, files[n]) {
				same[n] = true
				res.unchanged = append(res.unchanged, n)
				continue
			}
		}
		res.written = append(res.written, n)
	}
	for n := range existing {
		if _, ok := files[n]; !ok {
			res.removed = append(res.removed, n)
		}
	}
	sort.Strings(res.removed)
	if len(res.written) == 0 && len(res.removed) == 0 {
		return res, nil
	}

	if err := build(fsys, dir, tmp, names, files, same); err != nil {
		_ = fsys.RemoveAll(tmp)
		return nil, err
	}
	_, statErr := fsys.Stat(dir)
	hadOld := statErr == nil
	if hadOld {
		if err := fsys.Rename(dir, old); err != nil {
			_ = fsys.RemoveAll(tmp)
			return nil, err
		}
	}
	if err := fsys.Rename(tmp, dir); err != nil {
		if hadOld {
			_ = fsys.Rename(old, dir)
		}
		_ = fsys.RemoveAll(tmp)
		return nil, err
	}
	if err := fsys.SyncDir(parent); err != nil {
		return nil, err
	}
	if hadOld {
		if err := fsys.RemoveAll(old); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// build writes the new folder's files into tmp.
func build(fsys FS, dir, tmp string, names []string, files map[string][]byte, same map[string]bool) error {
	dirs := map[string]bool{tmp: true}
	if err := fsys.MkdirAll(tmp, dirPerm); err != nil {
		return err
	}
	for _, n := range names {
		dst := filepath.Join(tmp, filepath.FromSlash(n))
		if d := filepath.Dir(dst); !dirs[d] {
			if err := fsys.MkdirAll(d, dirPerm); err != nil {
				return err
			}
			dirs[d] = true
		}
		if same[n] && fsys.Link(filepath.Join(dir, filepath.FromSlash(n)), dst) == nil {
			continue
		}
		if err := fsys.WriteFile(dst, files[n], filePerm); err != nil {
			return err
		}
	}
	ds := make([]string, 0, len(dirs))
	for d := range dirs {
		ds = append(ds, d)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(ds))) // children before parents
	for _, d := range ds {
		if err := fsys.SyncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// listFiles returns the regular files under dir as slash paths relative to
// it; a missing dir has none.
func listFiles(fsys FS, dir string) (map[string]bool, error) {
	out := map[string]bool{}
	var walk func(rel string) error
	walk = func(rel string) error {
		entries, err := fsys.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			if rel == "" && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		for _, e := range entries {
			p := e.Name()
			if rel != "" {
				p = rel + "/" + p
			}
			if e.IsDir() {
				if err := walk(p); err != nil {
					return err
				}
				continue
			}
			out[p] = true
		}
		return nil
	}
	return out, walk("")
}
