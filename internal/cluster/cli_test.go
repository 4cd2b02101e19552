package cluster

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadTextsTakesTheTextColumnOfACSV(t *testing.T) {
	in := "\ufeffid,text,votes\r\n1,\"ww vergeten, weer\",3\r\n2,\"two\nlines\",1\r\n3,,0\r\n"
	got, err := ReadTexts(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ww vergeten, weer", "two\nlines"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadTextsTakesTheFirstColumnWithoutATextHeader(t *testing.T) {
	got, _ := ReadTexts(strings.NewReader("note,label\nMFA again,login\nprinter kapot,printer\n"))
	if want := []string{"MFA again", "printer kapot"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReadTextsReadsOneNotePerLineOtherwise(t *testing.T) {
	in := "ww vergeten\r\n\r\nMFA again, again\n  \n\"quoted\" note\ninvalid \xff byte\n"
	got, err := ReadTexts(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ww vergeten", "MFA again, again", "\"quoted\" note", "invalid \uFFFD byte"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteResultCSVHasOneDistinctClusterPerGroupInInputOrder(t *testing.T) {
	texts, _ := workshopNotes(t)
	res := Cluster(texts, Options{})
	var b bytes.Buffer
	if err := WriteResult(&b, texts, res, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], []string{"text", "cluster"}) || len(rows) != len(texts)+1 {
		t.Fatalf("header %v, %d rows for %d texts", rows[0], len(rows), len(texts))
	}
	byCluster := map[string]int{}
	for i, r := range rows[1:] {
		if r[0] != texts[i] {
			t.Errorf("row %d is %q, want %q", i, r[0], texts[i])
		}
		g, ok := byCluster[r[1]]
		if ok && g != res.Assign[i] {
			t.Errorf("cluster value %q names two groups", r[1])
		}
		byCluster[r[1]] = res.Assign[i]
	}
	if len(byCluster) != len(res.Groups) {
		t.Errorf("%d cluster values for %d groups", len(byCluster), len(res.Groups))
	}
}

func TestWriteResultMarkdownAndJSONListEveryGroup(t *testing.T) {
	texts := []string{"ww vergeten", "wachtwoord vergeten", "printer **kapot**\x1b[31m", "printer jammed"}
	res := Cluster(texts, Options{})
	var md bytes.Buffer
	if err := WriteResult(&md, texts, res, "md"); err != nil {
		t.Fatal(err)
	}
	if strings.Count(md.String(), "## ") != len(res.Groups) || strings.Contains(md.String(), "\x1b") || strings.Contains(md.String(), "**kapot**") {
		t.Errorf("markdown:\n%s", md.String())
	}
	var js bytes.Buffer
	if err := WriteResult(&js, texts, res, "json"); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Groups []struct {
			ID    string `json:"id"`
			Count int    `json:"count"`
		} `json:"groups"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil || len(out.Groups) != len(res.Groups) {
		t.Errorf("json %s: %v", js.String(), err)
	}
	if err := WriteResult(&js, texts, res, "xml"); err == nil {
		t.Error("an unknown format is an error")
	}
}

func FuzzReadTexts(f *testing.F) {
	for _, s := range []string{"", "text\na\nb", "\ufeffa,text\n1,\"x\ny\"\n", "a\r\nb\r\n", "\xff\xfe", "\"unterminated\nline", "x,y\n1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		texts, err := ReadTexts(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range texts {
			if s == "" || !utf8.ValidString(s) {
				t.Fatalf("bad text %q", s)
			}
		}
	})
}

func FuzzCluster(f *testing.F) {
	for _, s := range []string{"", "ww vergeten\nMFA again\nprinter kapot", "a\na\na", "\x1b[2J\n\xff\n😀 emoji", "wachtwoordbeleidsregels\nwachtwoord"} {
		f.Add(s, uint8(0))
	}
	f.Add("one\ntwo\nthree\nfour", uint8(3))
	f.Fuzz(func(t *testing.T, in string, k uint8) {
		texts := strings.Split(in, "\n")
		res := Cluster(texts, Options{K: int(k % 8)})
		if in == "" {
			texts = []string{""}
		}
		checkPartition(t, texts, res)
	})
}

func TestReadTextsStopsAtTheNoteCapAndSaysSo(t *testing.T) {
	var b strings.Builder
	for i := range MaxNotes + 5 {
		fmt.Fprintf(&b, "note %d\n", i)
	}
	texts, info, err := ReadTextsLimited(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) != MaxNotes || !info.Capped || texts[MaxNotes-1] != fmt.Sprintf("note %d", MaxNotes-1) {
		t.Fatalf("got %d notes, capped %v, last %q", len(texts), info.Capped, texts[len(texts)-1])
	}
	texts, info, _ = ReadTextsLimited(strings.NewReader("a\nb\n"))
	if len(texts) != 2 || info.Capped || info.Cut != 0 {
		t.Fatalf("a small input is read as it is: %q %+v", texts, info)
	}
}

func TestReadTextsCutsVeryLongLinesAndReadsOn(t *testing.T) {
	for _, huge := range []int{3 * MaxNoteRunes, 20 << 20} { // read whole, streamed
		in := "first\n" + strings.Repeat("é", huge) + "\nlast\n"
		texts, info, err := ReadTextsLimited(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if len(texts) != 3 || texts[0] != "first" || texts[2] != "last" || info.Cut != 1 {
			t.Fatalf("%d runes: got %d notes, cut %d", huge, len(texts), info.Cut)
		}
		if n := utf8.RuneCountInString(texts[1]); n != MaxNoteRunes || !utf8.ValidString(texts[1]) {
			t.Fatalf("%d runes: the long note has %d runes, want %d", huge, n, MaxNoteRunes)
		}
	}
}

func TestReadTextsStreamsALargeCSVByItsTextColumn(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeffid,text\n")
	for b.Len() <= wholeInput {
		fmt.Fprintf(&b, "%d,\"printer, kapot %d %s\"\n", b.Len(), b.Len(), strings.Repeat("x", 120))
	}
	b.WriteString("x,\"two\nlines\"\n")
	texts, info, err := ReadTextsLimited(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if info.Capped || !strings.HasPrefix(texts[0], "printer, kapot ") || texts[len(texts)-1] != "two\nlines" {
		t.Fatalf("capped %v, first %q, last %q", info.Capped, texts[0], texts[len(texts)-1])
	}
}

func TestWriteResultHeadingsShowLabelsAsTyped(t *testing.T) {
	res := Result{Groups: []Group{{ID: "x", Label: "re-entered, e-mail", Members: []int{0}}}, Assign: []int{0}}
	var b bytes.Buffer
	if err := WriteResult(&b, []string{"re-entered e-mail"}, res, "md"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "## re-entered, e-mail (1)") {
		t.Errorf("heading escaped: %s", b.String())
	}
}
