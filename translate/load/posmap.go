package load

import (
	"sort"
	"strings"

	"github.com/c360-migrate/c360-migrate/translate/token"
)

// lineIndex holds the byte offsets at which the lines of one text start, to
// turn offsets into line and column. lineIndex[0] is always 0.
type lineIndex []int

func newLineIndex(s string) lineIndex {
	idx := make(lineIndex, 1, 1+strings.Count(s, "\n"))
	for off := 0; ; {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		idx = append(idx, off)
	}
	return idx
}

// pos returns the position of byte offset off (clamped to be non-negative).
func (li lineIndex) pos(off int) token.Pos {
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(li), func(i int) bool { return li[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return token.Pos{Offset: off, Line: i + 1, Col: off - li[i] + 1}
}

// segment is one run of the expanded text. A copied segment maps byte for
// byte onto the original text starting at src; any other segment was
// produced by the Jinja tag at src and maps wholly onto it.
type segment struct {
	out  int // offset in Expanded where the segment starts
	src  int // offset in Original
	copy bool
}

// MapPos maps a position in f.Expanded back to f.Original. Text copied from
// the original maps exactly; text an expansion produced maps to the "{{" or
// "{%" that produced it. Only p.Offset is read; an invalid (zero) position
// is returned as is. For files without Jinja the mapping is the identity.
func (f *SourceFile) MapPos(p token.Pos) token.Pos {
	if !p.IsValid() || f == nil || f.segs == nil {
		return p
	}
	off := min(max(p.Offset, 0), len(f.Expanded))
	segs := f.segs
	i := sort.Search(len(segs), func(i int) bool { return segs[i].out > off }) - 1
	if i < 0 {
		return f.lines.pos(0)
	}
	s := segs[i]
	if !s.copy {
		return f.lines.pos(s.src)
	}
	return f.lines.pos(min(s.src+off-s.out, len(f.Original)))
}

// output collects expanded text. When track is set it also records the
// segment table that MapPos reads; the text of macro bodies and block sets
// is collected untracked, since it does not come from the model's file.
type output struct {
	b     strings.Builder
	segs  []segment
	track bool
	limit int // maximum length in bytes
}

// grow reports whether n more bytes fit within the limit.
func (o *output) fits(n int) bool { return o.b.Len()+n <= o.limit }

// copyText appends text that appears at offset src of the original.
func (o *output) copyText(s string, src int) {
	if s == "" {
		return
	}
	if o.track {
		n := len(o.segs)
		if n == 0 || !o.segs[n-1].copy || o.segs[n-1].src+o.b.Len()-o.segs[n-1].out != src {
			o.segs = append(o.segs, segment{out: o.b.Len(), src: src, copy: true})
		}
	}
	o.b.WriteString(s)
}

// expansion appends text produced by the tag at offset src of the original.
func (o *output) expansion(s string, src int) {
	if s == "" {
		return
	}
	if o.track {
		n := len(o.segs)
		if n == 0 || o.segs[n-1].copy || o.segs[n-1].src != src {
			o.segs = append(o.segs, segment{out: o.b.Len(), src: src})
		}
	}
	o.b.WriteString(s)
}
