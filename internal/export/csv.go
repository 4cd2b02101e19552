package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"liberate/internal/session"
	"liberate/internal/textsafe"
)

// CSVOptions shapes the CSV for the spreadsheet that opens it.
type CSVOptions struct {
	// Semicolon separates cells with `;` instead of `,`: what Excel expects
	// where the decimal separator is a comma (the Netherlands, Belgium).
	Semicolon bool
	// BOM starts the file with a UTF-8 byte order mark, so Excel reads it as
	// UTF-8 instead of the local code page. The CLI sets it by default.
	BOM bool
}

// CSVHeader is the first row of a CSV export.
var CSVHeader = []string{"cluster", "kind", "text", "structure", "step", "votes", "time", "owner", "due"}

// CSV writes one row per live note under CSVHeader: the cluster label, the
// kind (frustration, idea, action, note), the text, the structure and step
// names in the export's language, the votes, the capture time (RFC 3339
// in the export's zone), and for actions the owner and the due date
// (YYYY-MM-DD). Rows follow the Markdown: clusters ranked by votes,
// then unclustered notes, each in capture order. A cell that a spreadsheet
// would read as a formula gets a leading apostrophe.
func CSV(w io.Writer, d Data, opt CSVOptions) error {
	p, err := prepare(d)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if opt.BOM {
		bw.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(bw)
	if opt.Semicolon {
		cw.Comma = ';'
	}
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	record := make([]string, len(CSVHeader))
	write := func(label string, n *session.Note) error {
		name, step := p.noteStep(*n)
		record[0] = cell(textsafe.Display(label))
		record[1] = cell(textsafe.Display(string(n.Kind)))
		record[2] = cell(textsafe.Display(n.Text))
		record[3] = cell(name)
		record[4] = cell(step)
		record[5] = strconv.Itoa(n.Votes)
		record[6] = p.local(n.CreatedAt).Format(time.RFC3339)
		record[7] = cell(textsafe.Display(n.Owner))
		record[8] = cell(textsafe.Display(n.Due))
		return cw.Write(record)
	}
	for _, g := range p.clusters {
		for _, n := range g.notes {
			if err := write(g.Label, n); err != nil {
				return err
			}
		}
	}
	for _, n := range p.unclustered {
		if err := write("", n); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// cell guards against formula injection: a spreadsheet runs a cell that
// starts with =, +, -, @, a tab or a carriage return, so such a cell gets a
// leading apostrophe and is shown as text.
func cell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
