package cluster

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"liberate/internal/textsafe"
)

// ReadTexts reads the notes to cluster. Input is a CSV with a header row
// holding a `text` column (else the first column is taken), or, when it does
// not parse as a CSV of two or more columns, one text per line. A UTF-8 byte
// order mark, CRLF line ends and invalid UTF-8 (replaced by U+FFFD) are
// handled; empty texts are skipped.
func ReadTexts(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read the texts: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	if texts, ok := readCSV(data); ok {
		return texts, nil
	}
	var texts []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line != "" {
			texts = append(texts, line)
		}
	}
	return texts, nil
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
			fmt.Fprintf(&b, "## %s (%d)\n\n", mdEscape(textsafe.Display(g.Label)), len(g.Members))
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
			ID      string   `json:"id"`
			Label   string   `json:"label"`
			Terms   []string `json:"terms"`
			Count   int      `json:"count"`
			Members []int    `json:"members"`
			Texts   []string `json:"texts"`
		}
		out := struct {
			Groups []jgroup `json:"groups"`
		}{Groups: []jgroup{}}
		for _, g := range res.Groups {
			jg := jgroup{ID: g.ID, Label: g.Label, Terms: g.Terms, Count: len(g.Members), Members: g.Members}
			if jg.Terms == nil {
				jg.Terms = []string{}
			}
			for _, i := range g.Members {
				jg.Texts = append(jg.Texts, texts[i])
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
