package cluster

import (
	"os"
	"testing"
)

func TestDevProfile(t *testing.T) {
	if os.Getenv("CLUSTER_PROF") == "" {
		t.Skip()
	}
	texts, _ := loadLabelled(t, "../../../shared/data/clustering/"+os.Getenv("CLUSTER_PROF")+".csv")
	res := Cluster(texts, Options{})
	sizes := map[int]int{}
	for _, g := range res.Groups {
		s := len(g.Members)
		switch {
		case s > 20:
			s = 21
		}
		sizes[s]++
	}
	t.Log(sizes)
	for _, g := range res.Groups[:min(10, len(res.Groups))] {
		t.Log(len(g.Members), g.Label, g.Terms)
	}
}
