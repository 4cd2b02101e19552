package cluster

import (
	"encoding/csv"
	"os"
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
	conceptInWords = os.Getenv("CIW") != "0"
	envf("BW", &blockWeight[blockWord])
	envf("BC", &blockWeight[blockConcept])
	envf("BG", &blockWeight[blockGram])
	if v, err := strconv.Atoi(os.Getenv("STEPS")); err == nil {
		refineSteps = v
	}
	envf("MERGE", &mergeSim)
	envf("MSD", &minSizeDiv)
	envf("MINSIM", &minEdgeSim)
	if v, err := strconv.Atoi(os.Getenv("NB")); err == nil {
		neighbours = v
	}
	sets := []string{"banking77_dev", "xsid_nl_dev", "xsid_mixed_dev", "stackoverflow_dev", "workshop_notes", "workshop_heldout", "workshop_blind", "workshop_sectors"}
	if s := os.Getenv("SETS"); s != "" {
		sets = strings.Fields(s)
	}
	for _, p := range sets {
		path := "../../../shared/data/clustering/" + p + ".csv"
		if strings.HasPrefix(p, "workshop_") {
			path = "testdata/" + p + ".csv"
		}
		if _, err := os.Stat(path); err != nil {
			continue
		}
		texts, labels := loadLabelled(t, path)
		if m, _ := strconv.Atoi(os.Getenv("EVERY")); m > 1 && len(texts) > 5000 {
			var t2, l2 []string
			for i := 0; i < len(texts); i += m {
				t2, l2 = append(t2, texts[i]), append(l2, labels[i])
			}
			texts, labels = t2, l2
		}
		start := time.Now()
		kk, _ := strconv.Atoi(os.Getenv("K"))
		if os.Getenv("KGOLD") != "" {
			kk = len(uniq(labels))
		}
		res := Cluster(texts, Options{K: kk})
		el := time.Since(start)
		s := Evaluate(labels, res.Assign)
		t.Logf("%-18s n=%5d ARI %.3f NMI %.3f ACC %.3f V %.3f pur %.3f k=%d/%d (%.2fx) %v",
			p, len(texts), s.ARI, s.NMI, s.ACC, s.V, s.Purity, s.Clusters, s.Labels, float64(s.Clusters)/float64(s.Labels), el)
	}
}

func uniq(l []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range l {
		m[x] = true
	}
	return m
}
