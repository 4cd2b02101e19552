package live

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ProtocolVersion is the version of the snapshot stream. Every line carries
// it; a client refuses a stream of another version with ErrVersion.
const ProtocolVersion = 1

// MaxLineBytes is the largest line of the stream, newline included. The
// server does not send a snapshot that encodes to more (Server.Err says so);
// a client drops a server that sends a longer line instead of allocating
// without bound.
const MaxLineBytes = 8 << 20

// frame is one line of the stream: {"v":1,"seq":N,"value":{…}}.
type frame[T any] struct {
	V     int    `json:"v"`
	Seq   uint64 `json:"seq"`
	Value *T     `json:"value"`
}

// errTooLarge says a snapshot encodes to more than MaxLineBytes.
var errTooLarge = errors.New("snapshot too large")

// encodeFrame encodes s as one line. encoding/json escapes control
// characters inside strings, so the only newline is the final one.
func encodeFrame[T any](s Snapshot[T]) ([]byte, error) {
	b, err := json.Marshal(frame[T]{V: ProtocolVersion, Seq: s.Seq, Value: &s.Value})
	if err != nil {
		return nil, fmt.Errorf("encode snapshot %d: %w", s.Seq, err)
	}
	if len(b)+1 > MaxLineBytes {
		return nil, fmt.Errorf("snapshot %d encodes to %d bytes, more than %d: %w", s.Seq, len(b)+1, MaxLineBytes, errTooLarge)
	}
	return append(b, '\n'), nil
}

// lineReader reads newline-terminated lines of at most max bytes (newline
// included) and never holds more than about max bytes, whatever it is fed.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	size := 64 << 10
	if max < size {
		size = max
	}
	return &lineReader{r: bufio.NewReaderSize(r, size), max: max}
}

// next returns the next line without its newline; the slice is valid until
// the following call. io.EOF at a line boundary, io.ErrUnexpectedEOF for a
// line cut off by the end of the stream, ErrProtocol for a line that is too
// long.
func (l *lineReader) next() ([]byte, error) {
	if cap(l.buf) > 1<<20 {
		l.buf = nil // do not keep a huge buffer after one huge line
	}
	l.buf = l.buf[:0]
	for {
		chunk, err := l.r.ReadSlice('\n')
		if len(l.buf)+len(chunk) > l.max {
			return nil, fmt.Errorf("a line longer than %d bytes: %w", l.max, ErrProtocol)
		}
		l.buf = append(l.buf, chunk...)
		switch {
		case err == nil:
			return l.buf[:len(l.buf)-1], nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && len(l.buf) > 0:
			// The server went away mid-line (it was killed): not a
			// protocol error, the stream just ended.
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}

// decoder turns lines into snapshots and checks that sequence numbers grow.
type decoder[T any] struct {
	lines *lineReader
	last  uint64
}

func newDecoder[T any](r io.Reader, max int) *decoder[T] {
	return &decoder[T]{lines: newLineReader(r, max)}
}

// next reads and decodes the next snapshot.
func (d *decoder[T]) next() (Snapshot[T], error) {
	line, err := d.lines.next()
	if err != nil {
		return Snapshot[T]{}, err
	}
	s, err := decodeLine[T](line, d.last)
	if err != nil {
		return Snapshot[T]{}, err
	}
	d.last = s.Seq
	return s, nil
}

// decodeLine decodes one line (without its newline) that must follow the
// snapshot numbered last.
func decodeLine[T any](line []byte, last uint64) (Snapshot[T], error) {
	var f frame[T]
	if err := json.Unmarshal(line, &f); err != nil {
		return Snapshot[T]{}, fmt.Errorf("%w: %w", ErrProtocol, err)
	}
	switch {
	case f.V == 0:
		return Snapshot[T]{}, fmt.Errorf("a line without a version: %w", ErrProtocol)
	case f.V != ProtocolVersion:
		return Snapshot[T]{}, fmt.Errorf("stream version %d, this liberate reads %d: %w", f.V, ProtocolVersion, ErrVersion)
	case f.Value == nil:
		return Snapshot[T]{}, fmt.Errorf("a line without a value: %w", ErrProtocol)
	case f.Seq <= last:
		return Snapshot[T]{}, fmt.Errorf("sequence %d after %d: %w", f.Seq, last, ErrProtocol)
	}
	return Snapshot[T]{Seq: f.Seq, Value: *f.Value}, nil
}
