package cluster

import (
	"slices"
	"strings"
	"testing"
)

func TestNearDuplicatesAreFoldedIntoOneTheme(t *testing.T) {
	same := make([]string, 2000)
	for i := range same {
		same[i] = "De printer is weer kapot"
	}
	res := Cluster(same, Options{})
	checkPartition(t, same, res)
	if len(res.Groups) != 1 {
		t.Fatalf("2,000 identical notes gave %d themes", len(res.Groups))
	}
	texts := []string{"Printer kapot!", "printer   KAPOT", "kapot printer", "ww vergeten", "wachtwoord vergeten", "te veel vergaderingen"}
	res = Cluster(texts, Options{})
	if res.Assign[0] != res.Assign[1] || res.Assign[0] != res.Assign[2] {
		t.Errorf("spellings of one note split: %v", res.Assign)
	}
}

func TestDuplicatingEveryNoteChangesNothing(t *testing.T) {
	for _, name := range []string{"workshop_blind", "workshop_sectors", "xsid_mixed_dev"} {
		texts, _ := loadLabelled(t, devSet(name))
		a := Cluster(texts, Options{})
		b := Cluster(append(slices.Clone(texts), texts...), Options{})
		for i := range texts {
			for j := range texts {
				if (a.Assign[i] == a.Assign[j]) != (b.Assign[i] == b.Assign[j]) {
					t.Fatalf("%s: notes %d and %d together %v alone, %v doubled", name, i, j, a.Assign[i] == a.Assign[j], b.Assign[i] == b.Assign[j])
				}
			}
		}
	}
}

func TestForcedKLeavesNoBlob(t *testing.T) {
	for _, name := range []string{"workshop_heldout", "workshop_blind", "workshop_sectors", "workshop_fresh", "banking77_dev"} {
		texts, labels := loadLabelled(t, devSet(name))
		k := len(uniq(labels))
		res := Cluster(texts, Options{K: k})
		if len(res.Groups) != k {
			t.Fatalf("%s: %d themes for --k %d", name, len(res.Groups), k)
		}
		if big := len(res.Groups[0].Members); big > 3*len(texts)/k {
			t.Errorf("%s: the largest theme holds %d notes, more than 3·n/k = %d", name, big, 3*len(texts)/k)
		}
	}
}

func TestForcedTrueKIsAtLeastAsGoodAsWithout(t *testing.T) {
	// On the workshop sets, within what one merge or split more or less
	// costs: telling liberate the number of themes does not make it worse.
	for _, name := range []string{"workshop_notes", "workshop_heldout", "workshop_blind", "workshop_fresh"} {
		texts, labels := loadLabelled(t, devSet(name))
		auto := Evaluate(labels, Cluster(texts, Options{}).Assign)
		forced := Evaluate(labels, Cluster(texts, Options{K: len(uniq(labels))}).Assign)
		if forced.ARI < auto.ARI-0.05 {
			t.Errorf("%s: --k %d gives ARI %.3f, without %.3f", name, auto.Labels, forced.ARI, auto.ARI)
		}
	}
}

func TestIncidentalWordsAreNoFeatures(t *testing.T) {
	c := analyze([]string{
		"drie keer per week inloggen", "three times a day the printer jams",
		"management zegt niks", "nobody knows the process", "we krijgen te veel mail",
	})
	for _, w := range []string{"drie", "week", "three", "day", "management", "nobody", "krijg", "krijgen"} {
		for _, name := range c.names {
			if name == "w:"+w {
				t.Errorf("%q is a feature", w)
			}
		}
	}
}

func TestRepeatedEntryIsOneConcept(t *testing.T) {
	c := analyze([]string{"uren 2x invoeren", "2 keer hetzelfde typen", "twee keer registreren", "entering it twice", "dubbel werk"})
	for i, d := range c.docs {
		if !slices.Contains(d.concepts, "duplicate work") {
			t.Errorf("note %d has concepts %v, want duplicate work", i, d.concepts)
		}
	}
}

func TestDutchAndEnglishWordsOfOneConceptMeet(t *testing.T) {
	pairs := [][2]string{
		{"voorraad klopt niet", "stock levels are wrong"},
		{"alles heeft prioriteit", "conflicting priorities"},
		{"vertalingen lopen achter", "translation is always late"},
		{"geen rechten op de map", "no permission for the folder"},
		{"veranderingsmoe", "change fatigue again"},
		{"van het kastje naar de muur", "tickets bounce back and forth"},
	}
	for _, p := range pairs {
		c := analyze([]string{p[0], p[1]})
		shared := false
		for _, k := range c.docs[0].concepts {
			shared = shared || slices.Contains(c.docs[1].concepts, k)
		}
		if !shared {
			t.Errorf("%q %v and %q %v share no concept", p[0], c.docs[0].concepts, p[1], c.docs[1].concepts)
		}
	}
}

func TestThemesGetAPillarFromTheirConcepts(t *testing.T) {
	texts := []string{
		"wachtwoord vergeten", "ww weer verlopen", "MFA again", "can't log in", "inloggen duurt eeuwig",
		"geen training gehad", "opleiding te kort", "nobody explained the training", "cursus te laat",
		"goedkeuring duurt weken", "approval takes forever", "drie handtekeningen nodig", "fiat van de budgethouder",
	}
	res := Cluster(texts, Options{})
	want := map[int]Pillar{0: PillarTechnology, 5: PillarPeople, 9: PillarProcess}
	for i, p := range want {
		if got := res.Groups[res.Assign[i]].Pillar; got != p {
			t.Errorf("theme of %q: pillar %v, want %v", texts[i], got, p)
		}
	}
	for _, p := range Pillars {
		if q, ok := ParsePillar(p.String()); !ok || q != p {
			t.Errorf("pillar %v does not read back", p)
		}
	}
	if p, ok := ParsePillar("techniek"); !ok || p != PillarTechnology {
		t.Error("the Dutch name of a pillar is not read")
	}
	if PillarTechnology.Next() != PillarPeople || PillarPeople.Next() != PillarProcess {
		t.Error("Next does not cycle people → process → technology")
	}
}

func TestLabelsNameTheProblemInTheSessionsLanguage(t *testing.T) {
	for _, name := range []string{"workshop_notes", "workshop_heldout", "workshop_blind", "workshop_sectors", "workshop_fresh"} {
		texts, _ := loadLabelled(t, devSet(name))
		res := Cluster(texts, Options{})
		for _, g := range res.Groups {
			ws := strings.Split(g.Label, ", ")
			if len(g.Members) > 1 && (len(ws) < 1 || len(ws) > 3) {
				t.Errorf("%s: label %q has %d terms", name, g.Label, len(ws))
			}
			for _, w := range ws {
				if hasDigit(w) || isStop(Fold(w), langNL) || isStop(Fold(w), langEN) {
					t.Errorf("%s: label %q holds %q", name, g.Label, w)
				}
			}
			for _, w := range g.Why {
				// A term, or a word the notes use for a shared concept.
				held := slices.Contains(g.Terms, w)
				for _, i := range g.Members {
					held = held || strings.Contains(strings.ToLower(texts[i]), w)
				}
				if !held {
					t.Errorf("%s: why %q of %q is no word of its notes", name, w, g.Label)
				}
			}
			for _, i := range g.Members {
				own := strings.ToLower(texts[i])
				for _, w := range res.NoteWhy[i] {
					// The note's own word, or the theme's word for a
					// concept the note brought with a phrase.
					if !strings.Contains(own, w) && !slices.Contains(g.Terms, w) {
						t.Errorf("%s: note %q says why %q", name, texts[i], w)
					}
				}
			}
		}
	}
	// A Dutch session names a shared concept with the Dutch notes' word.
	texts := []string{"wachtwoord vergeten", "wachtwoord verlopen", "password expired", "password reset werkt niet", "het wachtwoord moet weer anders", "de printer is kapot", "printer doet het niet", "printer papier op"}
	res := Cluster(texts, Options{})
	if l := res.Groups[res.Assign[0]].Label; !strings.HasPrefix(l, "wachtwoord") {
		t.Errorf("label %q, want the Dutch word first", l)
	}
	// A concept's theme is named by its fullest word and says which words
	// meet in it.
	texts = []string{"ww vergeten", "wachtwoord verlopen", "inloggen duurt lang", "MFA again", "printer kapot", "printer papier op", "printer offline", "de printer doet raar"}
	res = Cluster(texts, Options{})
	g := res.Groups[res.Assign[0]]
	if strings.HasPrefix(g.Label, "ww") || len(g.Why) < 2 {
		t.Errorf("login theme: label %q, why %v", g.Label, g.Why)
	}
}

func TestNoteWhyNamesTheNotesOwnWords(t *testing.T) {
	got := NoteWhy("ww alweer verlopen", []string{"wachtwoord", "printer"})
	if !slices.Equal(got, []string{"ww"}) {
		t.Errorf("NoteWhy = %v, want [ww]", got)
	}
	if got := NoteWhy("de koffie is op", []string{"wachtwoord"}); len(got) != 0 {
		t.Errorf("a note sharing nothing says %v", got)
	}
	var p Pillar
	if err := p.UnmarshalText([]byte("technology")); err != nil || p != PillarTechnology {
		t.Errorf("UnmarshalText: %v %v", p, err)
	}
	if b, _ := PillarPeople.MarshalText(); string(b) != "people" {
		t.Errorf("MarshalText: %s", b)
	}
}

func TestTheSessionsLanguageNamesTheThemes(t *testing.T) {
	texts := []string{"password expired again", "password reset takes a day", "wachtwoord verlopen", "wachtwoord vergeten", "the printer jams", "printer out of paper", "printer kapot"}
	for lang, want := range map[string]string{"nl": "wachtwoord", "en": "password"} {
		res := Cluster(texts, Options{Lang: lang})
		if l := res.Groups[res.Assign[0]].Label; !strings.HasPrefix(l, want) {
			t.Errorf("%s session: label %q, want %q first", lang, l, want)
		}
	}
}
