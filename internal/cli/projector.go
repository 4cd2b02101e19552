package cli

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"liberate/internal/live"
	"liberate/internal/ui/projector"
	"liberate/internal/ui/room"
)

func newProjectorCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "projector",
		Short: "Show the room's view of the session running on this database (second screen, or over SSH)",
		Long: "projector shows what the room sees of the session a liberate run, resume or home screen runs on\n" +
			"the same database: the countdown, the group configuration, the invitation, the board's themes.\n" +
			"Start it in a second terminal on the beamer, or over SSH (ssh laptop -t liberate projector).\n" +
			"It waits for a session, follows it, and never opens the database, so it can never stand in\n" +
			"the facilitator's way. q leaves.",
		Example: "  liberate projector\n  liberate projector --db ~/workshops/tuesday.db --theme projector\n  ssh laptop -t liberate projector",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return app.projector(cmd.Context())
		},
	}
}

// projector follows the database's live socket until q.
func (app *App) projector(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c := live.NewClient[room.Snapshot](app.DBPath, live.ClientOptions{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = c.Run(ctx)
	}()
	m := projector.New(projector.Options{
		Feed: clientFeed{c}, Catalog: app.cat, Theme: app.theme(), Clock: app.Clock, Where: app.DBPath,
	})
	err := app.runProjector(m)
	cancel()
	<-done
	return err
}

// clientFeed hands the live client's states to the projector.
type clientFeed struct{ c *live.Client[room.Snapshot] }

func (f clientFeed) Next(ctx context.Context) (projector.State, error) {
	st, err := f.c.Next(ctx)
	if err != nil {
		return projector.State{}, err
	}
	return projector.State{Connected: st.Status == live.StatusConnected, Snapshot: st.Snapshot.Value}, nil
}

func (app *App) runProjector(m *projector.Model) error {
	if app.RunProjector != nil {
		return app.RunProjector(m)
	}
	_, err := tea.NewProgram(m).Run()
	return tuiError(err)
}
