package bigtext

import (
	"fmt"
	"testing"
)

// The run screen draws the countdown every tick, so a frame must stay cheap.
func BenchmarkRender(b *testing.B) {
	for _, c := range countdowns {
		for _, box := range [][2]int{{100, 18}, {200, 45}, {400, 150}} {
			b.Run(fmt.Sprintf("%s/%dx%d", c.name, box[0], box[1]), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					Render(c.text, box[0], box[1])
				}
			})
		}
	}
}

// A resize draws at a new scale, which is built once and then cached.
func BenchmarkRenderAfterResize(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		cache.Lock()
		clear(cache.m)
		cache.Unlock()
		Render("1:02:03", 400, 150)
	}
}

func BenchmarkFit(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Fit("1:02:03", 400, 150)
	}
}
