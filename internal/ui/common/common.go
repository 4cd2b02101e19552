// Package common is the context every screen of the interface shares,
// passed down explicitly by the root model (soft-serve's common.Common):
// the size, the styles, the catalogue, the clock and the store of the
// running liberate, and the undo history of its session.
package common

import (
	"time"

	"liberate/internal/i18n"
	"liberate/internal/session"
	"liberate/internal/timer"
	"liberate/internal/ui/styles"
)

// Store is what the screens need from persistence. Every method commits
// (with fsync) before it returns.
type Store interface {
	SaveSession(s *session.Session) error
	AddNote(n *session.Note) error
	UpdateNote(n *session.Note) error
	AppendEvent(sessionID string, e *session.Event) error
	SaveUndo(sessionID string, blob []byte) error
	SaveClusters(sessionID string, cs []session.Cluster) error
}

// Common is the shared context. The root model owns it and keeps it up to
// date; screens read it and change only History.
type Common struct {
	Width, Height int
	Styles        styles.Styles
	Catalog       *i18n.Catalog
	Clock         timer.Clock
	// Now is the clock's time when the message being handled arrived, so
	// one message sees one instant.
	Now   time.Time
	Store Store
	// History is the undo history of the running session, shared by the
	// run screen and the board.
	History session.History
}

// SaveResult is implemented by the messages that report a note or board
// change written to disk, so the root can leave once the last one landed.
type SaveResult interface {
	SaveErr() error
}
