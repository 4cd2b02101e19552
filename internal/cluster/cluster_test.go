package cluster

import (
	"math"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluateMatchesHandComputedScores(t *testing.T) {
	// labels a a b b, clusters 0 0 1 2: the second label is split in two.
	s := Evaluate([]string{"a", "a", "b", "b"}, []int{0, 0, 1, 2})
	// ARI: sum C(n_ij,2)=1, rows 2, cols 1, expected 2*1/6, max 1.5 → 4/7.
	if !near(s.ARI, 4.0/7) {
		t.Errorf("ARI = %v, want 4/7", s.ARI)
	}
	// MI = ln2, H(labels) = ln2, H(clusters) = 1.5 ln2 → NMI = 2/2.5.
	if !near(s.NMI, 0.8) || !near(s.V, 0.8) {
		t.Errorf("NMI = %v, V = %v, want 0.8", s.NMI, s.V)
	}
	if !near(s.ACC, 0.75) || !near(s.Purity, 1) || s.Clusters != 3 || s.Labels != 2 {
		t.Errorf("ACC %v purity %v clusters %d labels %d, want 0.75 1 3 2", s.ACC, s.Purity, s.Clusters, s.Labels)
	}
}

func TestEvaluateGivesPerfectScoresForRenamedClusters(t *testing.T) {
	s := Evaluate([]string{"x", "x", "y", "y", "z"}, []int{2, 2, 0, 0, 1})
	for name, v := range map[string]float64{"ARI": s.ARI, "NMI": s.NMI, "ACC": s.ACC, "V": s.V, "purity": s.Purity} {
		if !near(v, 1) {
			t.Errorf("%s = %v, want 1", name, v)
		}
	}
}

func TestEvaluateScoresOneBigClusterAsChance(t *testing.T) {
	s := Evaluate([]string{"a", "a", "b", "b"}, []int{0, 0, 0, 0})
	if !near(s.ARI, 0) || !near(s.NMI, 0) || !near(s.ACC, 0.5) || !near(s.Purity, 0.5) {
		t.Errorf("got %+v, want ARI 0, NMI 0, ACC 0.5, purity 0.5", s)
	}
}

func TestHungarianFindsTheCheapestAssignment(t *testing.T) {
	cost := [][]float64{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}
	got := Hungarian(cost)
	want := []int{1, 0, 2} // 1 + 2 + 2 = 5
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hungarian = %v, want %v", got, want)
	}
	if Hungarian(nil) != nil {
		t.Error("an empty matrix has no assignment")
	}
}

func TestFoldRemovesCaseAccentsAndPunctuation(t *testing.T) {
	got := Fold("Wachtwoord VERGETEN!! Café, ĳs, e-mail; can't")
	want := "wachtwoord vergeten cafe ijs email cant"
	if got != want {
		t.Errorf("Fold = %q, want %q", got, want)
	}
}

func TestGuessLangTellsDutchFromEnglish(t *testing.T) {
	if l := guessLang(tokenize("het systeem is weer traag vandaag")); l != langNL {
		t.Errorf("Dutch note guessed as %v", l)
	}
	if l := guessLang(tokenize("the system is slow again today")); l != langEN {
		t.Errorf("English note guessed as %v", l)
	}
}

func TestSplitCompoundFindsKnownParts(t *testing.T) {
	lx := defaultLexicon()
	vocab := map[string]int{"beleid": 2, "klanten": 1, "portaal": 1}
	if got := splitCompound("wachtwoordbeleid", vocab, lx); !reflect.DeepEqual(got, []string{"wachtwoord", "beleid"}) {
		t.Errorf("wachtwoordbeleid split into %v", got)
	}
	if got := splitCompound("klantenportaal", vocab, lx); !reflect.DeepEqual(got, []string{"klanten", "portaal"}) {
		t.Errorf("klantenportaal split into %v", got)
	}
	// A lexicon word of six letters or more as tail vouches for an unseen head.
	if got := splitCompound("kantoornetwerk", vocab, lx); !reflect.DeepEqual(got, []string{"kantoor", "netwerk"}) {
		t.Errorf("kantoornetwerk split into %v", got)
	}
	if got := splitCompound("zaaksystemen", vocab, lx); !reflect.DeepEqual(got, []string{"zaak", "systemen"}) {
		t.Errorf("zaaksystemen split into %v", got)
	}
	if got := splitCompound("patroonprint", vocab, lx); got != nil {
		t.Errorf("a five-letter tail does not vouch for an unseen head, got %v", got)
	}
	if got := splitCompound("wachtwoord", vocab, lx); got != nil {
		t.Errorf("a lexicon word is not split, got %v", got)
	}
}

func TestLexiconLetsDifferentWordsForLoginMeet(t *testing.T) {
	c := analyze([]string{"ww vergeten", "MFA again", "can't log in", "wachtwoordbeleid te streng", "printer kapot"})
	for i := 0; i < 4; i++ {
		if !slices.Contains(c.docs[i].concepts, "login") {
			t.Errorf("note %d has concepts %v, want login", i, c.docs[i].concepts)
		}
	}
	if slices.Contains(c.docs[4].concepts, "login") {
		t.Error("a printer note is not about login")
	}
}

func TestPhraseWordsCountThroughThePhrase(t *testing.T) {
	c := analyze([]string{
		"inloggen duurt lang",        // "duurt lang": slow
		"opstarten duurt 10 minuten", // "duurt" on its own
		"onkostenvergoeding duurt maanden",
		"printer werkt niet", // "werkt niet": errors
		"het werkt prima",
	})
	if !slices.Contains(c.docs[0].concepts, "slow") || !slices.Contains(c.docs[3].concepts, "errors") {
		t.Fatalf("phrases not found: %v, %v", c.docs[0].concepts, c.docs[3].concepts)
	}
	// "duurt", "werkt" and "lang" mean nothing to the lexicon on their own
	// and these notes use them in phrases: they are no word feature, not
	// even outside a phrase.
	for i, d := range c.docs {
		for j, w := range d.words {
			silent := j < len(d.silent) && d.silent[j]
			light := w.fold == "duurt" || w.fold == "werkt" || w.fold == "lang"
			if silent != light {
				t.Errorf("note %d: word %q silent %v, want %v", i, w.fold, silent, light)
			}
			if light && slices.Contains(c.names, "w:"+d.stems[j]) {
				t.Errorf("note %d: light word %q is a feature", i, w.fold)
			}
		}
	}
	if !slices.Contains(c.names, "w:prima") || !slices.Contains(c.names, "w:opstart") {
		t.Errorf("ordinary words lost: %v", c.names)
	}
}

func TestClusterOfNothingIsEmpty(t *testing.T) {
	res := Cluster(nil, Options{})
	if len(res.Groups) != 0 || len(res.Assign) != 0 {
		t.Errorf("got %+v", res)
	}
}

// checkPartition verifies that every text is in exactly one group and that
// Groups and Assign agree.
func checkPartition(t *testing.T, texts []string, res Result) {
	t.Helper()
	if len(res.Assign) != len(texts) {
		t.Fatalf("Assign has %d entries for %d texts", len(res.Assign), len(texts))
	}
	seen := make([]int, len(texts))
	ids := map[string]bool{}
	for gi, g := range res.Groups {
		if len(g.Members) == 0 {
			t.Errorf("group %d is empty", gi)
		}
		if ids[g.ID] || g.ID == "" {
			t.Errorf("group id %q empty or repeated", g.ID)
		}
		ids[g.ID] = true
		if g.Label == "" {
			t.Errorf("group %d has no label", gi)
		}
		if !slices.IsSorted(g.Members) {
			t.Errorf("group %d members not in order", gi)
		}
		for _, i := range g.Members {
			seen[i]++
			if res.Assign[i] != gi {
				t.Errorf("text %d is in group %d but assigned to %d", i, gi, res.Assign[i])
			}
		}
		if gi > 0 {
			p := res.Groups[gi-1]
			if len(p.Members) < len(g.Members) || (len(p.Members) == len(g.Members) && p.Members[0] > g.Members[0]) {
				t.Errorf("groups %d and %d out of order", gi-1, gi)
			}
		}
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("text %d is in %d groups", i, n)
		}
	}
}

func workshopNotes(t testing.TB) ([]string, []string) {
	return loadLabelled(t, "testdata/workshop_notes.csv")
}

func TestEveryTextLandsInExactlyOneGroup(t *testing.T) {
	texts, _ := workshopNotes(t)
	for _, in := range [][]string{texts, texts[:1], texts[:2], {"", "", "!!"}, {"same", "same", "same"}} {
		checkPartition(t, in, Cluster(in, Options{}))
		checkPartition(t, in, Cluster(in, Options{K: 3}))
	}
}

func TestClusterGivesTheSameResultEveryTime(t *testing.T) {
	texts, _ := workshopNotes(t)
	a := Cluster(texts, Options{})
	for range 3 {
		if b := Cluster(texts, Options{}); !reflect.DeepEqual(a, b) {
			t.Fatal("two runs on the same notes differ")
		}
	}
}

func TestClusterDoesNotDependOnTheNumberOfProcessors(t *testing.T) {
	texts := benchTexts(t, 3000) // above sampleCap: the sampled path too
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	a := Cluster(texts, Options{})
	runtime.GOMAXPROCS(4)
	if b := Cluster(texts, Options{}); !reflect.DeepEqual(a, b) {
		t.Fatal("one and four processors give different groups")
	}
}

func TestForcedKGivesThatManyGroups(t *testing.T) {
	texts, _ := workshopNotes(t)
	for _, k := range []int{1, 5, 11, 30} {
		if got := len(Cluster(texts, Options{K: k}).Groups); got != k {
			t.Errorf("K=%d gave %d groups", k, got)
		}
	}
}

func TestHandPlacementsStayAndPullSimilarNotes(t *testing.T) {
	texts := []string{
		"ww vergeten", "wachtwoord vergeten na de vakantie", "MFA again", "can't log in",
		"printer kapot", "printer on the 2nd floor jammed", "printen lukt niet",
		"te veel vergaderingen", "too many meetings", "overleg zonder agenda",
	}
	// The facilitator put a printer note with the login notes on purpose,
	// and named a printer group.
	fixed := map[int]string{0: "Toegang", 4: "Toegang", 5: "Printers"}
	res := Cluster(texts, Options{Fixed: fixed})
	checkPartition(t, texts, res)
	g0, g4, g5 := res.Groups[res.Assign[0]], res.Groups[res.Assign[4]], res.Groups[res.Assign[5]]
	if g0.ID != "Toegang" || g4.ID != "Toegang" || g5.ID != "Printers" {
		t.Fatalf("pinned notes moved: ids %q %q %q", g0.ID, g4.ID, g5.ID)
	}
	if res.Assign[1] != res.Assign[0] {
		t.Errorf("a password note did not join the login group: %+v", res.Groups)
	}
	if res.Assign[6] != res.Assign[5] {
		t.Errorf("a printing note did not join the named printer group: %+v", res.Groups)
	}
	if res.Assign[7] == res.Assign[0] || res.Assign[7] == res.Assign[5] {
		t.Errorf("a meeting note was pulled into a pinned group: %+v", res.Groups)
	}
}

func TestLabelsUseTheNotesOwnWords(t *testing.T) {
	texts, _ := workshopNotes(t)
	texts = append(texts, "Wachtwoordbeleid is te streng", "Drie keer per dag inloggen", "Inloggen duurt eeuwig", "MFA again every morning")
	res := Cluster(texts, Options{})
	for _, g := range res.Groups {
		// The words the group's own notes hold, as typed (lower case).
		own := map[string]bool{}
		for _, i := range g.Members {
			for _, tok := range tokenize(texts[i]) {
				own[tok.surface] = true
			}
		}
		if len(g.Members) > 1 && len(g.Terms) == 0 {
			t.Errorf("group %q has no terms", g.Label)
		}
		for _, term := range g.Terms {
			if !own[term] {
				t.Errorf("term %q of group %q is not a word of its notes", term, g.Label)
			}
		}
		if len(g.Terms) > 0 {
			for _, w := range strings.Split(g.Label, ", ") {
				if !own[w] {
					t.Errorf("label word %q of group %q is not a word of its notes", w, g.Label)
				}
			}
		}
	}
}

// guard holds the scores a dev set must keep reaching, just below the
// figures measured when the guard was set.
type guard struct {
	path       string
	ari, nmi   float64
	minK, maxK float64 // found clusters / true labels
}

func TestClusteringQualityHoldsOnLabelledSets(t *testing.T) {
	guards := []guard{
		{path: "testdata/workshop_notes.csv", ari: 0.86, nmi: 0.92, minK: 0.67, maxK: 1.5},
		// Unseen workshop notes: heldout had the lexicon extended while
		// looking at it; blind was written afterwards and not tuned on.
		{path: "testdata/workshop_heldout.csv", ari: 0.67, nmi: 0.80, minK: 0.67, maxK: 1.5},
		{path: "testdata/workshop_blind.csv", ari: 0.50, nmi: 0.72, minK: 0.67, maxK: 1.5},
		// Notes from rooms in other sectors (care, schools, municipalities,
		// housing, warehouses), written before the lexicon got their words.
		{path: "testdata/workshop_sectors.csv", ari: 0.36, nmi: 0.63, minK: 0.67, maxK: 1.5},
		// Written before the features, the merge and the workplace
		// lexicon of the pillars were changed.
		{path: "testdata/workshop_fresh.csv", ari: 0.64, nmi: 0.81, minK: 0.67, maxK: 1.5},
		{path: "testdata/banking77_dev.csv", ari: 0.29, nmi: 0.67, minK: 0.6, maxK: 1.6},
		{path: "testdata/xsid_nl_dev.csv", ari: 0.49, nmi: 0.75, minK: 0.67, maxK: 1.5},
		{path: "testdata/xsid_mixed_dev.csv", ari: 0.47, nmi: 0.70, minK: 0.67, maxK: 1.5},
	}
	for _, g := range guards {
		t.Run(g.path, func(t *testing.T) { checkGuard(t, g) })
	}
}

func TestClusteringQualityHoldsOnStackOverflow(t *testing.T) {
	if testing.Short() {
		t.Skip("20,000 titles: skipped in -short mode")
	}
	// The StackOverflow titles have no licence and are not shipped with
	// the code; they are read from the shared data folder when present.
	path := sharedSet("stackoverflow_dev")
	if path == "" {
		t.Skip("stackoverflow_dev.csv is not in shared/data/clustering beside the repository: the test needs it, nothing else is wrong")
	}
	// Programming titles share workplace words ("access", "search",
	// "language") that the lexicon ties to workplace concepts: 0.46 here
	// against 0.51 before the lexicon grew for workshop themes.
	checkGuard(t, guard{path: path, ari: 0.44, nmi: 0.52, minK: 0.6, maxK: 1.6})
}

func checkGuard(t *testing.T, g guard) {
	texts, labels := loadLabelled(t, g.path)
	res := Cluster(texts, Options{})
	s := Evaluate(labels, res.Assign)
	ratio := float64(s.Clusters) / float64(s.Labels)
	t.Logf("ARI %.3f NMI %.3f ACC %.3f V %.3f purity %.3f clusters %d/%d", s.ARI, s.NMI, s.ACC, s.V, s.Purity, s.Clusters, s.Labels)
	if s.ARI < g.ari || s.NMI < g.nmi {
		t.Errorf("ARI %.3f (want ≥ %.2f), NMI %.3f (want ≥ %.2f)", s.ARI, g.ari, s.NMI, g.nmi)
	}
	if ratio < g.minK || ratio > g.maxK {
		t.Errorf("%d clusters for %d labels: ratio %.2f outside %.1f–%.1f", s.Clusters, s.Labels, ratio, g.minK, g.maxK)
	}
}

// benchTexts returns n notes: StackOverflow titles when present, else the
// dev sets shipped in testdata, repeated with a numbered suffix.
func benchTexts(b testing.TB, n int) []string {
	var pool []string
	for _, p := range []string{sharedSet("stackoverflow_dev"), "testdata/banking77_dev.csv", "testdata/xsid_mixed_dev.csv", "testdata/workshop_notes.csv"} {
		func() {
			defer func() { _ = recover() }()
			texts, _, _ := loadLabelledQuiet(p)
			pool = append(pool, texts...)
		}()
		if len(pool) >= n {
			break
		}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = pool[i%len(pool)]
		if i >= len(pool) {
			out[i] += " " + strconv.Itoa(i/len(pool))
		}
	}
	return out
}

func BenchmarkCluster1000(b *testing.B)  { benchCluster(b, 1000) }
func BenchmarkCluster20000(b *testing.B) { benchCluster(b, 20000) }

func benchCluster(b *testing.B, n int) {
	texts := benchTexts(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Cluster(texts, Options{})
	}
}
