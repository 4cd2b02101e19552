package cluster

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"liberate/internal/textsafe"
)

// Limits on what ReadTexts takes in, so that any input, however large,
// is clustered in bounded memory.
const (
	// MaxNotes is the most notes read; the rest of the input is left unread.
	MaxNotes = 100_000
	// MaxNoteRunes is the longest note kept; longer notes are cut.
	MaxNoteRunes = 2000
	// wholeInput is the size up to which the input is read whole, so that
	// a file that is not a consistent CSV can still be read line by line.
	wholeInput = 8 << 20
	// maxLine is the longest physical line looked at; the rest of a longer
	// line is skipped unread into memory.
	maxLine = 64 << 10
	// maxInput is the most bytes read from any input (/dev/zero ends too).
	maxInput = 256 << 20
)

// ReadInfo says what ReadTexts left out.
type ReadInfo struct {
	// Capped is true when the input held more than MaxNotes notes: only
	// the first MaxNotes were read.
	Capped bool
	// Cut is the number of notes longer than MaxNoteRunes that were cut.
	Cut int
}

// ReadTexts reads the notes to cluster. Input is a CSV with a header row
// holding a `text` column (else the first column is taken), or, when it does
// not parse as a CSV of two or more columns, one text per line. A UTF-8 byte
// order mark, CRLF line ends and invalid UTF-8 (replaced by U+FFFD) are
// handled; empty texts are skipped. See ReadTextsLimited for the limits.
func ReadTexts(r io.Reader) ([]string, error) {
	texts, _, err := ReadTextsLimited(r)
	return texts, err
}

// ReadTextsLimited is ReadTexts that says what it left out: at most
// MaxNotes notes are read (the rest of the input is not read at all), each
// cut to MaxNoteRunes, and no line is held beyond 64 KB. Inputs up to 8 MB
// are read whole; larger ones are streamed as a CSV when their first line
// is a CSV header, else line by line.
func ReadTextsLimited(r io.Reader) ([]string, ReadInfo, error) {
	lc := &lineCapper{r: r}
	texts, info, err := readLimited(lc)
	info.Capped = info.Capped || lc.full
	return texts, info, err
}

func readLimited(lc *lineCapper) ([]string, ReadInfo, error) {
	var info ReadInfo
	br := bufio.NewReaderSize(lc, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		_, _ = br.Discard(3)
	}
	head := make([]byte, wholeInput+1)
	n, err := io.ReadFull(br, head)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		texts := readWhole(head[:n])
		return limitTexts(texts, &info), info, nil
	case err != nil:
		return nil, info, fmt.Errorf("read the texts: %w", err)
	}
	// Too large to read whole: stream the rest after the head.
	in := io.MultiReader(bytes.NewReader(head[:n]), br)
	header, _, _ := bytes.Cut(head[:n], []byte("\n"))
	var texts []string
	add := func(t string) bool {
		t = strings.TrimSpace(strings.ToValidUTF8(t, "\uFFFD"))
		if t == "" {
			return true
		}
		if len(texts) == MaxNotes {
			info.Capped = true
			return false
		}
		texts = append(texts, cutNote(t, &info))
		return true
	}
	if col, ok := csvHeader(header); ok {
		cr := csv.NewReader(in)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		first := true
		for {
			row, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					continue // a damaged row is skipped, the rest is read
				}
				return nil, info, fmt.Errorf("read the texts: %w", err)
			}
			if first {
				first = false
				continue
			}
			if col < len(row) && !add(row[col]) {
				break
			}
		}
		return texts, info, nil
	}
	lr := bufio.NewReaderSize(in, 64<<10)
	for {
		line, err := lr.ReadString('\n')
		if line != "" && !add(strings.TrimSuffix(line, "\r")) {
			break
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, info, fmt.Errorf("read the texts: %w", err)
		}
	}
	return texts, info, nil
}

// readWhole reads an input held in memory as CSV, else as lines.
func readWhole(data []byte) []string {
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	if texts, ok := readCSV(data); ok {
		return texts
	}
	var texts []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line != "" {
			texts = append(texts, line)
		}
	}
	return texts
}

// limitTexts applies the note cap and the length cut.
func limitTexts(texts []string, info *ReadInfo) []string {
	if len(texts) > MaxNotes {
		texts, info.Capped = texts[:MaxNotes], true
	}
	for i, t := range texts {
		texts[i] = cutNote(t, info)
	}
	return texts
}

// cutNote cuts t to MaxNoteRunes, counting the cut in info.
func cutNote(t string, info *ReadInfo) string {
	if len(t) <= MaxNoteRunes {
		return t
	}
	n := 0
	for i := range t {
		if n == MaxNoteRunes {
			info.Cut++
			return strings.TrimSpace(t[:i])
		}
		n++
	}
	return t
}

// csvHeader reports whether line is a CSV header this reader takes, and
// which column holds the text.
func csvHeader(line []byte) (int, bool) {
	line = bytes.TrimSuffix(line, []byte("\r"))
	row, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil || len(row) == 0 {
		return 0, false
	}
	if len(row) < 2 && !strings.EqualFold(strings.TrimSpace(row[0]), "text") {
		return 0, false
	}
	for i, h := range row {
		if strings.EqualFold(strings.TrimSpace(h), "text") {
			return i, true
		}
	}
	return 0, true
}

// lineCapper passes its reader on with every line cut to maxLine bytes: the
// rest of a longer line is read and dropped, so no line, however long,
// fills memory.
type lineCapper struct {
	r    io.Reader
	run  int   // bytes of the current line passed on
	read int64 // bytes read in all
	full bool  // maxInput was reached
	buf  [32 << 10]byte
	pend []byte
}

func (l *lineCapper) Read(p []byte) (int, error) {
	for {
		if len(l.pend) == 0 {
			if l.read >= maxInput {
				l.full = true
				return 0, io.EOF
			}
			n, err := l.r.Read(l.buf[:])
			l.read += int64(n)
			l.pend = l.buf[:n]
			if n == 0 {
				if err == nil {
					continue
				}
				return 0, err
			}
		}
		out := 0
		for len(l.pend) > 0 && out < len(p) {
			c := l.pend[0]
			l.pend = l.pend[1:]
			if c == '\n' {
				l.run = 0
			} else if l.run >= maxLine {
				continue
			} else {
				l.run++
			}
			p[out] = c
			out++
		}
		if out > 0 {
			return out, nil
		}
	}
}

// readCSV parses data as a CSV with a header of at least two columns.
func readCSV(data []byte) ([]string, bool) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = 0
	rows, err := cr.ReadAll()
	if err != nil || len(rows) == 0 {
		return nil, false
	}
	// One column is a CSV only when its header says `text`.
	if len(rows[0]) < 2 && !strings.EqualFold(strings.TrimSpace(rows[0][0]), "text") {
		return nil, false
	}
	col := 0
	for i, h := range rows[0] {
		if strings.EqualFold(strings.TrimSpace(h), "text") {
			col = i
			break
		}
	}
	var texts []string
	for _, row := range rows[1:] {
		if col < len(row) {
			if t := strings.TrimSpace(row[col]); t != "" {
				texts = append(texts, t)
			}
		}
	}
	return texts, true
}

// WriteResult writes a clustering of texts as `csv` (header `text,cluster`,
// one row per text in input order, cluster = the group's unique id), `md`
// (one section per group with its label, size and notes) or `json`.
func WriteResult(w io.Writer, texts []string, res Result, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write([]string{"text", "cluster"}); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		for i, t := range texts {
			id := ""
			if i < len(res.Assign) {
				id = res.Groups[res.Assign[i]].ID
			}
			if err := cw.Write([]string{textsafe.Cell(textsafe.Display(t)), id}); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		return nil
	case "md":
		var b strings.Builder
		for _, g := range res.Groups {
			fmt.Fprintf(&b, "## %s (%d)\n\n", mdHeading(textsafe.Display(g.Label)), len(g.Members))
			if len(g.Terms) > 0 {
				fmt.Fprintf(&b, "*%s*\n\n", mdEscape(textsafe.Display(strings.Join(g.Terms, ", "))))
			}
			for _, i := range g.Members {
				fmt.Fprintf(&b, "- %s\n", mdEscape(textsafe.Display(texts[i])))
			}
			b.WriteString("\n")
		}
		_, err := io.WriteString(w, b.String())
		if err != nil {
			return fmt.Errorf("write markdown: %w", err)
		}
		return nil
	case "json":
		type jgroup struct {
			ID      string     `json:"id"`
			Label   string     `json:"label"`
			Pillar  string     `json:"pillar"`
			Why     []string   `json:"why"`
			Terms   []string   `json:"terms"`
			Count   int        `json:"count"`
			Members []int      `json:"members"`
			Texts   []string   `json:"texts"`
			NoteWhy [][]string `json:"note_why"`
		}
		out := struct {
			Groups []jgroup `json:"groups"`
		}{Groups: []jgroup{}}
		for _, g := range res.Groups {
			jg := jgroup{ID: g.ID, Label: g.Label, Pillar: g.Pillar.String(), Why: g.Why, Terms: g.Terms, Count: len(g.Members), Members: g.Members}
			if jg.Terms == nil {
				jg.Terms = []string{}
			}
			if jg.Why == nil {
				jg.Why = []string{}
			}
			for _, i := range g.Members {
				jg.Texts = append(jg.Texts, texts[i])
				why := []string{}
				if i < len(res.NoteWhy) && res.NoteWhy[i] != nil {
					why = res.NoteWhy[i]
				}
				jg.NoteWhy = append(jg.NoteWhy, why)
			}
			out.Groups = append(out.Groups, jg)
		}
		data, err := json.MarshalIndent(out, "", "  ")
		if err == nil {
			_, err = w.Write(append(textsafe.EscapeJSON(data), '\n'))
		}
		if err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		return nil
	}
	return fmt.Errorf("unknown format %s: use csv, md or json", strconv.Quote(format))
}

// oneLine keeps a note on one Markdown list line and drops control
// characters (terminal escapes among them).
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}

// mdHeading escapes a theme label for a heading line: only what Markdown
// reads as inline markup, so a word like "re-entered" stays as typed.
func mdHeading(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_[]<>#|~&$", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdEscape stops note text from being read as Markdown markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_{}[]<>()#+-.!|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
