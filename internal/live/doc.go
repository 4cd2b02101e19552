// Package live lets several screens follow one running session.
//
// The running liberate publishes immutable, numbered snapshots of what the
// room sees on a [Bus] after every change. A [Server] serves that bus on a
// Unix domain socket derived from the database path ([SocketPath]) as a
// stream of JSON lines: the full current snapshot on connect, then every
// newer one. A [Client] (the projector) connects by database path, waits and
// retries while no liberate serves that database, and hands the newest
// snapshot to its consumer.
//
// Everything is coalesced: a slow subscriber or client skips the snapshots
// it had no time for and only ever sees the newest, so it can neither block
// the publisher nor make anyone's memory grow. Snapshots carry the whole
// state a screen needs (a countdown carries its deadline, not the seconds
// left), so skipping one loses nothing.
//
// The socket is read-only by construction: the server never acts on what a
// client sends; a client that sends anything at all is disconnected.
//
// Wiring into Bubble Tea is one small command per side:
//
//	// console: show "projector attached"
//	func watchClients(ctx context.Context, sub *live.Subscription[int]) tea.Cmd {
//		return func() tea.Msg {
//			n, err := sub.Next(ctx)
//			if err != nil {
//				return nil
//			}
//			return clientsMsg{n: n.Value}
//		}
//	}
//
//	// projector: run the client, then wait for its next state
//	go client.Run(ctx)
//	func nextState(ctx context.Context, c *live.Client[room.Snapshot]) tea.Cmd {
//		return func() tea.Msg {
//			st, err := c.Next(ctx)
//			if err != nil {
//				return nil
//			}
//			return liveStateMsg{st}
//		}
//	}
package live
