package cluster

import (
	"os"
	"sort"
	"strings"
	"testing"
)

func TestDevConcepts(t *testing.T) {
	if os.Getenv("CLUSTER_CONC") == "" {
		t.Skip()
	}
	texts, _ := loadLabelled(t, "../../../shared/data/clustering/"+os.Getenv("CLUSTER_CONC")+".csv")
	c := analyze(texts)
	type kv struct {
		k  string
		df int32
	}
	var l []kv
	for id, name := range c.names {
		if strings.HasPrefix(name, "c:") {
			l = append(l, kv{name, c.df[id]})
		}
	}
	sort.Slice(l, func(a, b int) bool { return l[a].df > l[b].df })
	for _, x := range l {
		t.Logf("%-25s df=%4d bridge=%.2f", x.k, x.df, c.bridge[x.k])
	}
}

// TestDevClusters prints the groups found on a labelled set with each note's
// true label and concepts: CLUSTER_SHOW=testdata/workshop_heldout.csv.
func TestDevClusters(t *testing.T) {
	path := os.Getenv("CLUSTER_SHOW")
	if path == "" {
		t.Skip("set CLUSTER_SHOW to a labelled CSV to print its groups")
	}
	texts, labels := loadLabelled(t, path)
	res := Cluster(texts, Options{})
	c := analyze(texts)
	s := Evaluate(labels, res.Assign)
	t.Logf("ARI %.3f NMI %.3f ACC %.3f clusters %d/%d", s.ARI, s.NMI, s.ACC, s.Clusters, s.Labels)
	for _, g := range res.Groups {
		count := map[string]int{}
		for _, i := range g.Members {
			count[labels[i]]++
		}
		t.Logf("== %q (%d) %v", g.Label, len(g.Members), count)
		for _, i := range g.Members {
			t.Logf("   %-18s | %-55s %v", labels[i], texts[i], c.docs[i].concepts)
		}
	}
}
