package live

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestFramesRoundTrip(t *testing.T) {
	var stream bytes.Buffer
	want := []Snapshot[room]{
		{Seq: 1, Value: room{Session: "A", Step: 1, Deadline: deadline}},
		{Seq: 5, Value: room{Session: "A", Step: 2, Text: "line one\nline two \x1b]8;;evil\x07 <b>"}},
		{Seq: 6, Value: room{Session: "B"}},
	}
	for _, s := range want {
		line, err := encodeFrame(s)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Count(line, []byte("\n")) != 1 || line[len(line)-1] != '\n' {
			t.Fatalf("frame %q is not exactly one line", line)
		}
		stream.Write(line)
	}
	dec := newDecoder[room](&stream, MaxLineBytes)
	for _, w := range want {
		got, err := dec.next()
		if err != nil {
			t.Fatal(err)
		}
		if got.Seq != w.Seq || got.Value.Text != w.Value.Text || !got.Value.Deadline.Equal(w.Value.Deadline) {
			t.Fatalf("decoded %+v, want %+v", got, w)
		}
	}
	if _, err := dec.next(); !errors.Is(err, io.EOF) {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
}

func TestDecoderRefusesBrokenLines(t *testing.T) {
	for _, tc := range []struct {
		name, stream string
		want         error
	}{
		{"not JSON", "hello\n", ErrProtocol},
		{"no version", `{"seq":1,"value":{}}` + "\n", ErrProtocol},
		{"another version", `{"v":9,"seq":1,"value":{}}` + "\n", ErrVersion},
		{"no value", `{"v":1,"seq":1}` + "\n", ErrProtocol},
		{"null value", `{"v":1,"seq":1,"value":null}` + "\n", ErrProtocol},
		{"sequence zero", `{"v":1,"seq":0,"value":{}}` + "\n", ErrProtocol},
		{"sequence going back", `{"v":1,"seq":2,"value":{}}` + "\n" + `{"v":1,"seq":2,"value":{}}` + "\n", ErrProtocol},
		{"wrong type", `{"v":1,"seq":1,"value":{"step":"two"}}` + "\n", ErrProtocol},
		{"trailing data", `{"v":1,"seq":1,"value":{}} {}` + "\n", ErrProtocol},
		{"too long", `{"v":1,"seq":1,"value":{"text":"` + strings.Repeat("x", 300) + `"}}` + "\n", ErrProtocol},
		{"cut off", `{"v":1,"seq":1,"val`, io.ErrUnexpectedEOF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dec := newDecoder[room](strings.NewReader(tc.stream), 256)
			var err error
			for err == nil {
				_, err = dec.next()
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestEncodeRefusesASnapshotLargerThanALine(t *testing.T) {
	_, err := encodeFrame(Snapshot[room]{Seq: 1, Value: room{Text: strings.Repeat("x", MaxLineBytes)}})
	if !errors.Is(err, errTooLarge) {
		t.Fatalf("encodeFrame: %v", err)
	}
}

func FuzzDecodeStream(f *testing.F) {
	valid, _ := encodeFrame(Snapshot[room]{Seq: 1, Value: room{Session: "A", Step: 3, Deadline: deadline, Text: "hi"}})
	f.Add(valid)
	f.Add(append(append([]byte{}, valid...), valid...))
	f.Add([]byte(`{"v":1,"seq":2,"value":{}}` + "\n" + `{"v":1,"seq":1,"value":{}}` + "\n"))
	f.Add([]byte(`{"v":2,"seq":1,"value":{}}` + "\n"))
	f.Add([]byte(`{"v":1,"seq":18446744073709551615,"value":{"deadline":"not a time"}}` + "\n"))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte{0xff, 0xfe, '\n', 0})
	f.Add([]byte(strings.Repeat("[", 300) + "\n"))
	f.Add([]byte(`{"v":1,"seq":1,"value":{"text":"` + strings.Repeat("é", 200) + `"}}`))
	const max = 256
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := newDecoder[room](bytes.NewReader(data), max)
		var last uint64
		for range len(data) + 1 {
			s, err := dec.next()
			if err != nil {
				if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) &&
					!errors.Is(err, ErrProtocol) && !errors.Is(err, ErrVersion) {
					t.Fatalf("unexpected kind of error %v", err)
				}
				if cap(dec.lines.buf) > 2*max {
					t.Fatalf("the decoder holds %d bytes for lines of at most %d", cap(dec.lines.buf), max)
				}
				return
			}
			if s.Seq <= last {
				t.Fatalf("seq %d after %d", s.Seq, last)
			}
			last = s.Seq
			if _, err := encodeFrame(s); err != nil && !strings.Contains(err.Error(), "year outside") {
				t.Fatalf("a decoded snapshot does not encode again: %v", err)
			}
		}
		t.Fatal("the decoder did not stop")
	})
}
