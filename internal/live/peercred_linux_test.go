//go:build linux

package live

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestHelperDialAsAnotherUser is the process the peer-credential test starts
// under another user id; on its own it does nothing.
func TestHelperDialAsAnotherUser(t *testing.T) {
	path := os.Getenv("LIVE_TEST_DIAL")
	if path == "" {
		t.Skip("helper process of TestConnectionOfAnotherUserIsHungUp")
	}
	c, err := net.Dial("unix", path)
	if err != nil {
		io.WriteString(os.Stdout, "DIAL-FAILED "+err.Error()+"\n")
		return
	}
	defer c.Close()
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		io.WriteString(os.Stdout, "HUNG-UP\n")
		return
	}
	io.WriteString(os.Stdout, "GOT "+line)
}

func TestConnectionOfAnotherUserIsHungUp(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("starting a process as another user needs root")
	}
	rt := shortTemp(t) // t.TempDir's parents are closed to other users
	t.Setenv("XDG_RUNTIME_DIR", rt)
	db := filepath.Join(t.TempDir(), "liberate.db")
	s := listen(t, db, NewBus(room{Session: "secret"}), ServerOptions{})
	// Pretend the OS ignored the file modes (as some BSDs do): open the
	// folder and the socket to everyone, so only the peer check is left.
	for _, p := range []string{os.Getenv("XDG_RUNTIME_DIR"), filepath.Dir(s.Path())} {
		os.Chmod(p, 0o755)
	}
	os.Chmod(s.Path(), 0o777)
	bin := filepath.Join(shortTemp(t), "live.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(bin), 0o755)

	cmd := exec.Command(bin, "-test.run=^TestHelperDialAsAnotherUser$", "-test.v")
	cmd.Env = append(os.Environ(), "LIVE_TEST_DIAL="+s.Path())
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	switch {
	case strings.Contains(string(out), "GOT "):
		t.Fatalf("another user received a snapshot:\n%s", out)
	case !strings.Contains(string(out), "HUNG-UP"):
		t.Fatalf("the helper did not reach the server:\n%s", out)
	}
	if n := s.Clients(); n != 0 {
		t.Fatalf("another user's connection was counted: %d clients", n)
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}
