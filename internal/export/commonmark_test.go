package export

import (
	"bytes"
	"html"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"liberate/internal/textsafe"
)

// commonMark parses out as CommonMark with GitHub tables, the way a wiki,
// Obsidian or a mail client that takes Markdown would read it.
func commonMark(t *testing.T, out string) ast.Node {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	return md.Parser().Parse(text.NewReader([]byte(out)))
}

// plain is the text a reader sees in n: escapes resolved, markup gone.
func plain(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(readable(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var entity = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// readable resolves, in one pass as CommonMark does, the backslash escapes
// of ASCII punctuation and the character references in a text run.
func readable(v []byte) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '\\' && i+1 < len(v) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", v[i+1]) >= 0:
			i++
			b.WriteByte(v[i])
		case c == '&':
			if m := entity.Find(v[i:]); m != nil {
				b.WriteString(html.UnescapeString(string(m)))
				i += len(m) - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// checkCommonMark parses the export and fails when note text turned into
// markup (raw HTML, links, images, code, extra headings or tables) or when
// a live note does not read back literally in a list item.
func checkCommonMark(t *testing.T, d Data, out string) {
	t.Helper()
	src := []byte(out)
	doc := commonMark(t, out)
	var items []string
	headings, tables := map[int]int{}, 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock, *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *east.Strikethrough:
			t.Errorf("the export holds a %s: %q", n.Kind(), plain(n.Parent(), src))
		case *ast.Heading:
			headings[n.Level]++
		case *east.Table:
			tables++
		case *ast.ListItem:
			items = append(items, plain(n, src))
		}
		return ast.WalkContinue, nil
	})
	if headings[1] != 1 {
		t.Errorf("%d level-1 headings, want the one title", headings[1])
	}
	want := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "### ") {
			want++
		}
	}
	if got := headings[2] + headings[3]; got != want {
		t.Errorf("%d section headings parsed, the exporter wrote %d", got, want)
	}
	if tables < 1 {
		t.Error("the timeline is not a table")
	}
	for _, n := range d.Notes {
		if n.Deleted {
			continue
		}
		lit := strings.Join(strings.Fields(textsafe.Display(n.Text)), " ")
		if lit == "" {
			continue
		}
		found := false
		for _, it := range items {
			if strings.Contains(strings.Join(strings.Fields(it), " "), lit) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("note %q does not read back literally in any list item", lit)
		}
	}
}

func TestMarkdownIsCommonMarkThatReadsBackEveryNoteLiterally(t *testing.T) {
	checkCommonMark(t, irritationSession(), render(t, irritationSession(), "md", CSVOptions{}))
	r := rand.New(rand.NewPCG(7, 11))
	for range 40 {
		d := randomSession(r, 30)
		checkCommonMark(t, d, render(t, d, "md", CSVOptions{}))
	}
}
