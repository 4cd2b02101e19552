package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkListProcess measures the start-up of `liberate list` as a whole
// process: exec, loading the embedded structures, printing.
func BenchmarkListProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "liberate")
	build := exec.Command("go", "build", "-o", bin, "liberate/cmd/liberate")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		b.Skipf("cannot build liberate: %v", err)
	}
	env := append(os.Environ(), "LIBERATE_DB="+filepath.Join(dir, "x.db"), "XDG_CONFIG_HOME="+dir)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "list")
		cmd.Env = env
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}
