package cluster

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// loadLabelled reads a `text,label` CSV, skipping the test when the file is
// not there.
func loadLabelled(t testing.TB, path string) ([]string, []string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("dataset %s not available (%v): the test needs it, nothing else is wrong", path, err)
	}
	texts, labels, err := loadLabelledQuiet(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return texts, labels
}

func loadLabelledQuiet(path string) ([]string, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, nil, err
	}
	var texts, labels []string
	for _, r := range rows[1:] {
		texts = append(texts, r[0])
		labels = append(labels, r[1])
	}
	return texts, labels, nil
}

// sharedSet is the path of a labelled set of the shared data folder
// (shared/data/clustering beside the repository or one of its parents), or
// "" when there is none.
func sharedSet(name string) string {
	dir := "."
	for range 6 {
		p := filepath.Join(dir, "shared", "data", "clustering", name+".csv")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		dir = filepath.Join(dir, "..")
	}
	return ""
}

// devSet is the path of a labelled set: testdata first, then the shared
// data folder; "" when neither has it.
func devSet(name string) string {
	p := "testdata/" + name + ".csv"
	if _, err := os.Stat(p); err == nil {
		return p
	}
	return sharedSet(name)
}

// sampleLabelled draws n notes at random (seeded) from a labelled set.
func sampleLabelled(texts, labels []string, n int, seed uint64) ([]string, []string) {
	if n >= len(texts) {
		return texts, labels
	}
	r := rand.New(rand.NewPCG(seed, 7))
	perm := r.Perm(len(texts))[:n]
	var t2, l2 []string
	for _, i := range perm {
		t2, l2 = append(t2, texts[i]), append(l2, labels[i])
	}
	return t2, l2
}

// doubled repeats every note (and label) once more, the copies after the
// originals.
func doubled(texts, labels []string) ([]string, []string) {
	return append(append([]string(nil), texts...), texts...), append(append([]string(nil), labels...), labels...)
}

// TestDevReport prints ARI, NMI, ACC and the number of themes found against
// the true number for every labelled set: without --k, with the true k and
// with every note twice, then for 30-, 60-, 120- and 300-note samples
// (several seeds). CLUSTER_DEV=1 runs it; SETS narrows the sets.
func TestDevReport(t *testing.T) {
	if os.Getenv("CLUSTER_DEV") == "" {
		t.Skip("set CLUSTER_DEV=1 to print scores on the dev sets")
	}
	envf := func(k string, p *float64) {
		if v, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
			*p = v
		}
	}
	envf("RES", &resolution)
	envf("CB", &conceptBoost)
	envf("BW", &blockWeight[blockWord])
	envf("BC", &blockWeight[blockConcept])
	envf("BG", &blockWeight[blockGram])
	envf("MERGE", &mergeSim)
	envf("MSD", &minSizeDiv)
	envf("MINSIM", &minEdgeSim)
	if v := os.Getenv("LANGMERGE"); v != "" {
		langMerge = v == "1"
	}
	if v := os.Getenv("WARD"); v != "" {
		useWard = v == "1"
	}
	if v, err := strconv.Atoi(os.Getenv("NB")); err == nil {
		neighbours = v
	}
	sets := []string{"banking77_dev", "xsid_nl_dev", "xsid_mixed_dev", "stackoverflow_dev", "workshop_notes", "workshop_heldout", "workshop_blind", "workshop_sectors", "workshop_fresh"}
	if s := os.Getenv("SETS"); s != "" {
		sets = strings.Fields(s)
	}
	t.Logf("%-18s %5s | %-27s | %-12s | %-10s", "set", "n", "without --k: ARI NMI ACC k", "--k true ARI", "doubled ΔARI")
	type sum struct {
		ari, ratioMin, ratioMax float64
		runs                    int
	}
	for _, p := range sets {
		path := devSet(p)
		if path == "" {
			t.Logf("%-18s not available (no testdata/%s.csv, no shared/data/clustering)", p, p)
			continue
		}
		texts, labels := loadLabelled(t, path)
		start := time.Now()
		res := Cluster(texts, Options{})
		el := time.Since(start)
		s := Evaluate(labels, res.Assign)
		kres := Cluster(texts, Options{K: len(uniq(labels))})
		kg := Evaluate(labels, kres.Assign)
		kg.V = float64(len(kres.Groups[0].Members)) / (float64(len(texts)) / float64(len(kres.Groups)))
		// The doubled run is scored on the original notes: a clustering
		// that does not change scores the same.
		dt, _ := doubled(texts, labels)
		if len(texts) > 5000 {
			dt = texts // too large to double in a report
		}
		dd := Evaluate(labels, Cluster(dt, Options{}).Assign[:len(texts)])
		t.Logf("%-18s %5d | %.3f %.3f %.3f %3d/%-3d %.2fx | %.3f big %.1f | %+.3f   %v",
			p, len(texts), s.ARI, s.NMI, s.ACC, s.Clusters, s.Labels, float64(s.Clusters)/float64(s.Labels), kg.ARI, kg.V, dd.ARI-s.ARI, el)
		if len(texts) > 5000 {
			continue
		}
		for _, n := range []int{30, 60, 120, 300} {
			if n >= len(texts) {
				continue
			}
			var line strings.Builder
			var agg sum
			agg.ratioMin = math.Inf(1)
			for seed := uint64(1); seed <= 5; seed++ {
				st, sl := sampleLabelled(texts, labels, n, seed)
				sc := Evaluate(sl, Cluster(st, Options{}).Assign)
				r := float64(sc.Clusters) / float64(sc.Labels)
				agg.ari += sc.ARI
				agg.ratioMin, agg.ratioMax = min(agg.ratioMin, r), max(agg.ratioMax, r)
				agg.runs++
				fmt.Fprintf(&line, " %.2f(%d/%d)", sc.ARI, sc.Clusters, sc.Labels)
			}
			t.Logf("  %-16s %5d | mean ARI %.3f, k ratio %.2f–%.2f |%s", p+" sample", n, agg.ari/float64(agg.runs), agg.ratioMin, agg.ratioMax, line.String())
		}
	}
}

func uniq(l []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range l {
		m[x] = true
	}
	return m
}
