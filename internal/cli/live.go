package cli

import (
	"context"
	"errors"
	"fmt"

	"liberate/internal/live"
	"liberate/internal/ui"
	"liberate/internal/ui/room"
)

// liveLink serves the running session's room view to projectors: the UI
// publishes on the bus, the server streams it on the database's socket.
type liveLink struct {
	bus *live.Bus[room.Snapshot]
	srv *live.Server[room.Snapshot]
}

// Publish hands a snapshot to every attached projector; it never blocks.
func (l *liveLink) Publish(s room.Snapshot) { l.bus.Publish(s) }

// Attached is the number of projectors following now.
func (l *liveLink) Attached() int { return l.srv.Clients() }

// serveLive starts serving the database's live socket. A session runs on
// one screen when it cannot: the sentence saying why is returned for the
// status line, never as a failure of the run.
func (app *App) serveLive(ctx context.Context) (ui.Live, func(), string) {
	bus := live.NewBus(room.Snapshot{Lang: app.Lang})
	srv, err := live.Listen(ctx, app.DBPath, bus, live.ServerOptions{})
	if err != nil {
		bus.Close()
		return nil, func() {}, app.liveError(err)
	}
	return &liveLink{bus: bus, srv: srv}, func() {
		srv.Close()
		bus.Close()
	}, ""
}

// liveError is the catalogue's sentence for a failure of the live socket.
func (app *App) liveError(err error) string {
	c := app.cat.Live
	var le *live.Error
	path := app.DBPath
	if errors.As(err, &le) && le.Path != "" {
		path = le.Path
	}
	switch {
	case errors.Is(err, live.ErrInUse):
		return c.InUse
	case errors.Is(err, live.ErrNotOwner):
		return fmt.Sprintf(c.NotOwner, path)
	case errors.Is(err, live.ErrNotSocket):
		return fmt.Sprintf(c.NotSocket, path)
	case errors.Is(err, live.ErrPathTooLong):
		return fmt.Sprintf(c.PathTooLong, app.DBPath)
	case errors.Is(err, live.ErrVersion):
		return c.Version
	case errors.Is(err, live.ErrProtocol):
		return fmt.Sprintf(c.Protocol, path)
	}
	return fmt.Sprintf(c.Failed, oneLine(err))
}
