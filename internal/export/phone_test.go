package export

import (
	"strconv"
	"strings"
	"testing"
)

func TestExportsSayHowManyNotesCameFromPhones(t *testing.T) {
	d := irritationSession()
	live := 0
	for i := range d.Notes {
		if d.Notes[i].Deleted {
			continue
		}
		live++
		if live <= 2 {
			d.Notes[i].Phone, d.Notes[i].Seat = true, "0123456789abcdef0123456789abcdef"
		}
	}
	md := render(t, d, "md", CSVOptions{})
	if want := "2 of the " + strconv.Itoa(live) + " notes were sent from phones"; !strings.Contains(md, want) {
		t.Fatalf("Markdown lacks %q:\n%s", want, md)
	}
	d.Lang = "nl"
	if md := render(t, d, "md", CSVOptions{}); !strings.Contains(md, "2 van de "+strconv.Itoa(live)+" notities kwamen van telefoons") {
		t.Fatalf("Dutch Markdown:\n%s", md)
	}
	js := render(t, d, "json", CSVOptions{})
	if !strings.Contains(js, `"phone_notes": 2`) || strings.Count(js, `"phone": true`) != 2 {
		t.Fatalf("JSON does not count the phone notes")
	}
	if strings.Contains(js, "0123456789abcdef") {
		t.Fatal("the JSON export carries a phone's seat hash")
	}
	// Without phone notes the exports are as before.
	if md := render(t, irritationSession(), "md", CSVOptions{}); strings.Contains(md, "phones") {
		t.Fatal("a session without phones mentions them")
	}
}
