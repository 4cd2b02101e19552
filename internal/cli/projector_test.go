package cli

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"liberate/internal/live"
	"liberate/internal/ui"
	"liberate/internal/ui/projector"
	"liberate/internal/ui/room"
)

func TestTheProjectorNeverOpensTheDatabaseAndRunStillCan(t *testing.T) {
	ta := newTestApp(t)
	db := ta.Getenv("LIBERATE_DB")
	var shown string
	ta.RunProjector = func(m *projector.Model) error {
		m.SetSize(100, 30)
		shown = ansi.Strip(m.Content())
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("the projector touched the database: %v", err)
		}
		// liberate run opens the database normally while the projector waits.
		if _, errOut, code := ta.exec(t, "run", "1-2-4-all"); code != 0 {
			t.Errorf("run beside a waiting projector: exit %d: %s", code, errOut)
		}
		return nil
	}
	if _, errOut, code := ta.exec(t, "projector"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(shown, "Waiting for liberate") {
		t.Fatalf("the projector does not wait:\n%s", shown)
	}
	if len(ta.models) != 1 {
		t.Fatalf("run did not open its screen")
	}
}

func TestRunServesTheRoomViewOnTheDatabasesSocket(t *testing.T) {
	ta := newTestApp(t)
	db := ta.Getenv("LIBERATE_DB")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var got room.Snapshot
	ta.RunTUI = func(m *ui.Model) error {
		m.Init()
		c := live.NewClient[room.Snapshot](db, live.ClientOptions{})
		go func() { _ = c.Run(ctx) }()
		for {
			st, err := c.Next(ctx)
			if err != nil {
				t.Errorf("no snapshot from the running liberate: %v", err)
				return nil
			}
			// The server encodes snapshots on its own goroutine, so a
			// client that connects at the very start may first get the
			// bus's empty one (a projector shows "waiting" for it).
			if st.Status == live.StatusConnected && st.Snapshot.Value.Session != "" {
				got = st.Snapshot.Value
				return nil
			}
		}
	}
	if _, errOut, code := ta.exec(t, "run", "1-2-4-all", "--invitation", "What slows you down?"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// The session opens on its title screen, the room reading the question.
	if got.Opening == nil || got.Opening.Invitation != "What slows you down?" || got.Console != (room.Console{}) {
		t.Fatalf("the socket serves %+v", got)
	}
	if p, err := live.SocketPath(db); err == nil {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Fatalf("the socket %s stays after liberate quit", p)
		}
	}
}
