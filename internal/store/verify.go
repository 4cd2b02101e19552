package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// The checks in this file read a bbolt file with ReadAt, never through the
// memory map bbolt uses, so a file that is cut short or has damaged pages
// cannot make the process fault: Open checks a file this way before bbolt
// ever maps it, and Repair reads what is left of a damaged file this way.
//
// The layout is bbolt's on-disk format (version 2, native byte order):
// every page starts with a 16-byte header (id u64, flags u16, count u16,
// overflow u32); pages 0 and 1 hold the meta (magic, version, page size,
// flags, root bucket, freelist, high-water mark, txid, checksum); branch and
// leaf pages hold 16-byte elements whose keys and values follow them.

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	pageElemSize   = 16
	flagBranch     = 0x01
	flagLeaf       = 0x02
	flagMeta       = 0x04
	flagFreelist   = 0x10
	leafBucketFlag = 0x01
	noFreelist     = ^uint64(0)
	maxTreeDepth   = 64
)

var le = binary.LittleEndian

// rawMeta is one of the two meta pages of a bbolt file.
type rawMeta struct {
	magic, version, pageSize uint32
	root, rootSeq            uint64
	freelist, pgid, txid     uint64
	valid                    bool   // magic, version, checksum and bounds hold
	why                      string // why it is not valid
}

func parseMeta(b []byte) rawMeta {
	var m rawMeta
	if len(b) < 64 {
		m.why = "the file is too short for a database header"
		return m
	}
	m.magic = le.Uint32(b[0:])
	m.version = le.Uint32(b[4:])
	m.pageSize = le.Uint32(b[8:])
	m.root = le.Uint64(b[16:])
	m.rootSeq = le.Uint64(b[24:])
	m.freelist = le.Uint64(b[32:])
	m.pgid = le.Uint64(b[40:])
	m.txid = le.Uint64(b[48:])
	sum := le.Uint64(b[56:])
	h := fnv.New64a()
	_, _ = h.Write(b[:56])
	switch {
	case m.magic != boltMagic:
		m.why = "it is not a liberate database, or its header is destroyed"
	case m.version != boltVersion:
		m.why = fmt.Sprintf("it has database format %d, not %d", m.version, boltVersion)
	case h.Sum64() != sum:
		m.why = "its header does not match its checksum"
	case m.pageSize < 512 || m.pageSize > 1<<16 || m.pageSize&(m.pageSize-1) != 0:
		m.why = fmt.Sprintf("its page size %d is not possible", m.pageSize)
	case m.pgid < 2 || m.root < 2 || m.root >= m.pgid || (m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid)):
		m.why = "its header points outside the file"
	default:
		m.valid = true
	}
	return m
}

// rawFile is a bbolt file opened for checking.
type rawFile struct {
	f     *os.File
	size  int64
	data  []byte // the whole file when it is small enough to read at once
	metas [2]rawMeta
	meta  rawMeta // the meta bbolt would use
}

// wholeFileLimit is the largest file read into memory in one go for a
// check (a year of workshops is a few megabytes); larger files are read
// page by page.
const wholeFileLimit = 64 << 20

// readAt reads len(p) bytes at off: from memory when the pages in use were
// read at once and off lies among them, else from the file.
func (r *rawFile) readAt(p []byte, off int64) (int, error) {
	if r.data == nil || off+int64(len(p)) > int64(len(r.data)) {
		return r.f.ReadAt(p, off)
	}
	return copy(p, r.data[off:]), nil
}

// openRaw reads the two meta pages of the file at path and picks the one
// bbolt would use (the valid one with the higher transaction id).
func openRaw(path string) (*rawFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	r := &rawFile{f: f, size: fi.Size()}
	head := make([]byte, 4096)
	n, _ := f.ReadAt(head, 0)
	r.metas[0] = parseMeta(head[min(n, pageHeaderSize):n])
	ps := int64(4096)
	if r.metas[0].valid {
		ps = int64(r.metas[0].pageSize)
	}
	second := make([]byte, pageHeaderSize+64)
	n, _ = f.ReadAt(second, ps)
	r.metas[1] = parseMeta(second[min(n, pageHeaderSize):n])
	a, b := r.metas[0], r.metas[1]
	if b.txid > a.txid {
		a, b = b, a
	}
	switch {
	case a.valid:
		r.meta = a
	case b.valid:
		r.meta = b
	}
	// The pages in use, read in one go when that is a sane amount: one
	// read instead of two per page.
	if r.meta.valid {
		used := min(int64(r.meta.pgid)*int64(r.meta.pageSize), r.size)
		if used <= wholeFileLimit {
			buf := make([]byte, used)
			n, err := f.ReadAt(buf, 0)
			if err != nil && !errors.Is(err, io.EOF) {
				f.Close()
				return nil, err
			}
			r.data = buf[:n]
		}
	}
	return r, nil
}

func (r *rawFile) close() { _ = r.f.Close() }

// damage is a problem found in the file, in words for the facilitator.
type damage struct{ why string }

func (d *damage) Error() string { return d.why }

func damaged(format string, args ...any) error { return &damage{why: fmt.Sprintf(format, args...)} }

// check verifies the file as bbolt will read it: a valid meta, a file as
// long as the meta says, and every page reachable from the root bucket and
// the freelist inside the file, of the right type, with its elements inside
// the page and referenced only once. It returns a *damage or nil.
func (r *rawFile) check() error {
	if !r.meta.valid {
		why := r.metas[0].why
		if why == "" {
			why = r.metas[1].why
		}
		return damaged("%s", why)
	}
	m := r.meta
	need := int64(m.pgid) * int64(m.pageSize)
	if r.size < need {
		return damaged("the file is cut short: it holds %d of its %d bytes", r.size, need)
	}
	w := &walker{r: r, seen: map[uint64]bool{0: true, 1: true}}
	if m.freelist != noFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	return w.bucket(m.root, nil, 0, nil)
}

// walker reads the tree of a bbolt file page by page.
type walker struct {
	r    *rawFile
	seen map[uint64]bool
	// tolerant makes bucket skip a damaged page (counting it in lost)
	// instead of stopping at it.
	tolerant bool
	lost     int
	first    error // the first damage met in tolerant mode
}

// page reads page id with its overflow pages and checks its header.
func (w *walker) page(id uint64) ([]byte, error) {
	m := w.r.meta
	if id < 2 || id >= m.pgid {
		return nil, damaged("page %d is outside the file", id)
	}
	if w.seen[id] {
		return nil, damaged("page %d is used twice", id)
	}
	ps := int64(m.pageSize)
	head := make([]byte, pageHeaderSize)
	if _, err := w.r.readAt(head, int64(id)*ps); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, damaged("page %d is missing: the file is cut short", id)
		}
		return nil, damaged("page %d cannot be read: %v", id, err)
	}
	if got := le.Uint64(head); got != id {
		return nil, damaged("page %d says it is page %d", id, got)
	}
	overflow := uint64(le.Uint32(head[12:]))
	if id+overflow >= m.pgid {
		return nil, damaged("page %d runs past the end of the file", id)
	}
	for i := uint64(0); i <= overflow; i++ {
		if w.seen[id+i] {
			return nil, damaged("page %d is used twice", id+i)
		}
	}
	var buf []byte
	if end := (id + overflow + 1) * uint64(ps); w.r.data != nil && end <= uint64(len(w.r.data)) {
		buf = w.r.data[id*uint64(ps) : end] // no copy: the walk only reads
	} else {
		buf = make([]byte, (overflow+1)*uint64(ps))
		if _, err := w.r.readAt(buf, int64(id)*ps); err != nil {
			return nil, damaged("page %d is missing: the file is cut short", id)
		}
	}
	for i := uint64(0); i <= overflow; i++ {
		w.seen[id+i] = true
	}
	return buf, nil
}

func (w *walker) freelist(id uint64) error {
	p, err := w.page(id)
	if err != nil {
		return err
	}
	if flags := le.Uint16(p[8:]); flags != flagFreelist {
		return damaged("the list of free pages is damaged (page %d)", id)
	}
	count, off := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
	if count == 0xFFFF {
		if len(p) < pageHeaderSize+8 {
			return damaged("the list of free pages is damaged (page %d)", id)
		}
		count, off = le.Uint64(p[pageHeaderSize:]), off+8
	}
	if count > uint64(len(p)) || off+count*8 > uint64(len(p)) {
		return damaged("the list of free pages is damaged (page %d)", id)
	}
	for i := uint64(0); i < count; i++ {
		if pg := le.Uint64(p[off+i*8:]); pg < 2 || pg >= w.r.meta.pgid {
			return damaged("the list of free pages points outside the file (page %d)", id)
		}
	}
	return nil
}

// visitFunc receives the keys and values of a bucket in order. For a nested
// bucket sub is true and v is nil; its contents are visited next with a
// longer path. seq is the bucket's sequence number when sub is true.
type visitFunc func(path [][]byte, k, v []byte, sub bool, seq uint64)

// bucket walks the bucket whose root page is root (or, when root is 0, the
// inline page held in inline), calling fn for every key.
func (w *walker) bucket(root uint64, inline []byte, depth int, fn visitFunc) error {
	return w.node(root, inline, nil, depth, fn)
}

func (w *walker) node(id uint64, inline []byte, path [][]byte, depth int, fn visitFunc) error {
	if depth > maxTreeDepth {
		return w.fail(damaged("the tree of pages is too deep (page %d)", id))
	}
	p := inline
	if p == nil {
		var err error
		if p, err = w.page(id); err != nil {
			return w.fail(err)
		}
	}
	if len(p) < pageHeaderSize {
		return w.fail(damaged("a bucket is damaged"))
	}
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	if pageHeaderSize+count*pageElemSize > len(p) {
		return w.fail(damaged("page %d holds more entries than fit", id))
	}
	switch flags {
	case flagBranch:
		if inline != nil {
			return w.fail(damaged("a bucket is damaged"))
		}
		for i := range count {
			e := pageHeaderSize + i*pageElemSize
			pos, ksize, child := int(le.Uint32(p[e:])), int(le.Uint32(p[e+4:])), le.Uint64(p[e+8:])
			if pos < 0 || ksize < 0 || e+pos+ksize > len(p) {
				return w.fail(damaged("page %d has an entry outside it", id))
			}
			if err := w.node(child, nil, path, depth+1, fn); err != nil {
				return err
			}
		}
	case flagLeaf:
		for i := range count {
			e := pageHeaderSize + i*pageElemSize
			eflags := le.Uint32(p[e:])
			pos, ksize, vsize := int(le.Uint32(p[e+4:])), int(le.Uint32(p[e+8:])), int(le.Uint32(p[e+12:]))
			if pos < 0 || ksize < 0 || vsize < 0 || e+pos+ksize+vsize > len(p) || e+pos+ksize+vsize < e {
				if err := w.fail(damaged("page %d has an entry outside it", id)); err != nil {
					return err
				}
				continue
			}
			k := p[e+pos : e+pos+ksize]
			v := p[e+pos+ksize : e+pos+ksize+vsize]
			if eflags&leafBucketFlag == 0 {
				if fn != nil {
					fn(path, k, v, false, 0)
				}
				continue
			}
			if len(v) < 16 {
				if err := w.fail(damaged("a bucket in page %d is damaged", id)); err != nil {
					return err
				}
				continue
			}
			root, seq := le.Uint64(v), le.Uint64(v[8:])
			if fn != nil {
				fn(path, k, nil, true, seq)
			}
			sub := append(append([][]byte(nil), path...), k)
			var in []byte
			if root == 0 {
				in = v[16:]
			}
			if err := w.node(root, in, sub, depth+1, fn); err != nil {
				return err
			}
		}
	default:
		return w.fail(damaged("page %d is of an unknown kind", id))
	}
	return nil
}

// fail records damage: in tolerant mode it is counted and the walk goes on.
func (w *walker) fail(err error) error {
	if !w.tolerant {
		return err
	}
	w.lost++
	if w.first == nil {
		w.first = err
	}
	return nil
}

// verifyFile checks the file at path before bbolt opens it. It returns nil
// for a sound file, an error from the file system, or a *damage.
func verifyFile(path string) error {
	r, err := openRaw(path)
	if err != nil {
		return err
	}
	defer r.close()
	return r.check()
}
