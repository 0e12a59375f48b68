package parser

import "github.com/c360-migrate/c360-migrate/translate/ast"

// Allocation. A parse allocates a node or two for nearly every token;
// allocated one by one, with their lists grown by append, they cost about a
// fifth of a parse's instructions. The parser takes identifiers and names,
// the most frequent nodes, from slabs instead, and builds its lists on a
// stack from which each finished list is copied, at its final length, into
// a slab.
//
// Larger nodes are allocated one by one: for them a slab saves little, the
// part of the last slab a parse leaves unused adds up (and with it the work
// of the garbage collector), and storing into a slab takes write barriers
// that initialising a new object does not.
//
// Nodes in a slab stay reachable as long as any node of the same slab is,
// which costs little: a syntax tree is kept or dropped as a whole.

// slab hands out values of type T from arrays allocated a few at a time.
// The first arrays are small, so that a short text (a hint, an expression)
// allocates little; later ones are larger.
type slab[T any] struct {
	free []T
	size int // length of the last array allocated
}

const (
	minSlab = 8
	maxSlab = 64
)

// alloc returns a pointer to a zero T.
func (s *slab[T]) alloc() *T {
	if len(s.free) == 0 {
		s.refill(1)
	}
	x := &s.free[0]
	s.free = s.free[1:]
	return x
}

// refill replaces the free values with a new array of at least n.
func (s *slab[T]) refill(n int) {
	s.size = min(max(2*s.size, minSlab), maxSlab)
	s.free = make([]T, max(s.size, n))
}

// carve returns a copy of items held in the slab, or nil when items is
// empty. Its capacity is its length, so appending to it reallocates and
// never writes over the next list.
func (s *slab[T]) carve(items []T) []T {
	n := len(items)
	if n == 0 {
		return nil
	}
	if len(s.free) < n {
		s.refill(n)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	if n == 1 { // most lists: a name of one part, a call of one argument
		out[0] = items[0]
	} else {
		copy(out, items)
	}
	return out
}

// listStack holds the elements of the lists being parsed. Lists nest (the
// arguments of a call that is an argument), so each list starts at a mark
// and ends, popped, when complete.
type listStack[T any] struct {
	stack []T
}

func (l *listStack[T]) mark() int { return len(l.stack) }

func (l *listStack[T]) push(x T) { l.stack = append(l.stack, x) }

// pop removes the elements pushed since mark and returns them carved out
// of s (nil when there are none).
// The stack is not cleared: it goes with the parser, at the end of a parse.
func (l *listStack[T]) pop(mark int, s *slab[T]) []T {
	out := s.carve(l.stack[mark:])
	l.stack = l.stack[:mark]
	return out
}

// reset empties the stack after an error abandoned lists half built.
func (l *listStack[T]) reset() { l.stack = l.stack[:0] }

// arena holds the slabs. Parsers of the hints of a statement share the
// arena of the statement's parser.
type arena struct {
	idents slab[ast.Ident]
	names  slab[ast.Name]

	// lists
	exprs     slab[ast.Expr]
	identPtrs slab[*ast.Ident]
	itemPtrs  slab[*ast.SelectItem]
	tableRefs slab[ast.TableRef]
}

// lists holds a parser's list stacks. Unlike the arena they are not
// shared: an error in a hint abandons the hint parser's lists, which must
// not end up in those of the statement.
type lists struct {
	exprs     listStack[ast.Expr]
	idents    listStack[*ast.Ident]
	items     listStack[*ast.SelectItem]
	tableRefs listStack[ast.TableRef]
}

func (l *lists) reset() {
	l.exprs.reset()
	l.idents.reset()
	l.items.reset()
	l.tableRefs.reset()
}

// newNode returns v stored in s.
func newNode[T any](s *slab[T], v T) *T {
	x := s.alloc()
	*x = v
	return x
}
