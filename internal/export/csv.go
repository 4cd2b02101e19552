package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"liberate/internal/cluster"
	"liberate/internal/i18n"
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

// csvRow is what a CSV column reads one note from.
type csvRow struct {
	p     *prepared
	note  *session.Note
	group *clusterGroup // nil for an unclustered note
}

// csvColumn is one column of the CSV export: its header in the export's
// language and its cell for a note. A new column is one more entry in
// csvColumns.
type csvColumn struct {
	header func(i18n.Table) string
	cell   func(csvRow) string
}

var csvColumns = []csvColumn{
	{func(t i18n.Table) string { return t.Cluster }, func(r csvRow) string {
		if r.group == nil {
			return ""
		}
		return cell(textsafe.Display(r.group.Label))
	}},
	{func(t i18n.Table) string { return t.ClusterVotes }, func(r csvRow) string {
		if r.group == nil {
			return ""
		}
		return strconv.Itoa(r.group.votes)
	}},
	{func(t i18n.Table) string { return t.Pillar }, func(r csvRow) string {
		if r.group == nil || r.group.Pillar == cluster.PillarNone {
			return ""
		}
		return cell(r.p.pl.Name(r.group.Pillar.String()))
	}},
	{func(t i18n.Table) string { return t.Kind }, func(r csvRow) string {
		k := string(r.note.Kind)
		if w := r.p.table.Kinds[k]; w != "" {
			k = w
		}
		return cell(textsafe.Display(k))
	}},
	{func(t i18n.Table) string { return t.Text }, func(r csvRow) string { return cell(textsafe.Display(r.note.Text)) }},
	{func(t i18n.Table) string { return t.Structure }, func(r csvRow) string {
		name, _ := r.p.noteStep(*r.note)
		return cell(name)
	}},
	{func(t i18n.Table) string { return t.Step }, func(r csvRow) string {
		_, step := r.p.noteStep(*r.note)
		return cell(step)
	}},
	{func(t i18n.Table) string { return t.Votes }, func(r csvRow) string { return strconv.Itoa(r.note.Votes) }},
	{func(t i18n.Table) string { return t.Time }, func(r csvRow) string { return r.p.local(r.note.CreatedAt).Format(time.RFC3339) }},
	{func(t i18n.Table) string { return t.Owner }, func(r csvRow) string { return cell(textsafe.Display(r.note.Owner)) }},
	{func(t i18n.Table) string { return t.Due }, func(r csvRow) string { return cell(textsafe.Display(r.note.Due)) }},
}

// CSVHeader is the first row of a CSV export in lang ("en" keeps the keys
// tools read: cluster, cluster_votes, pillar, kind, text, structure, step, votes,
// time, owner, due; "nl" is in Dutch).
func CSVHeader(lang string) []string {
	t := i18n.For(lang).Table
	h := make([]string, len(csvColumns))
	for i, c := range csvColumns {
		h[i] = c.header(t)
	}
	return h
}

// CSV writes one row per live note under CSVHeader in the export's
// language: the theme and its votes, the kind (frustration, idea, action,
// note), the text, the structure and step names, the note's votes, the
// capture time (RFC 3339 in the export's zone), and an action's owner and
// due date (YYYY-MM-DD). Rows follow the Markdown:
// themes ranked by votes, then unclustered notes, each in capture order. A
// cell that a spreadsheet would read as a formula gets a leading apostrophe.
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
	if err := cw.Write(CSVHeader(p.lang)); err != nil {
		return err
	}
	record := make([]string, len(csvColumns))
	write := func(g *clusterGroup, n *session.Note) error {
		r := csvRow{p: p, note: n, group: g}
		for i, c := range csvColumns {
			record[i] = c.cell(r)
		}
		return cw.Write(record)
	}
	for i := range p.clusters {
		for _, n := range p.clusters[i].notes {
			if err := write(&p.clusters[i], n); err != nil {
				return err
			}
		}
	}
	for _, n := range p.unclustered {
		if err := write(nil, n); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// cell guards against formula injection with the one guard every CSV
// writer uses (textsafe.Cell).
func cell(s string) string { return textsafe.Cell(s) }
