package run

import (
	"encoding/json"
	"fmt"
	"sync"

	"liberate/internal/session"
)

// Persister writes session snapshots in order: commands run concurrently,
// so an older snapshot that arrives late must not overwrite a newer one.
type Persister struct {
	mu      sync.Mutex
	version uint64
	written uint64
}

func (p *Persister) next() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.version++
	return p.version
}

func (p *Persister) write(v uint64, fn func() error) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if v <= p.written {
		return nil
	}
	if err := fn(); err != nil {
		return err
	}
	p.written = v
	return nil
}

// cloneSession deep-copies a session so a command can write it while the
// model goes on changing the original.
func cloneSession(s *session.Session) *session.Session {
	b, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("session cannot be encoded: %v", err))
	}
	var c session.Session
	if err := json.Unmarshal(b, &c); err != nil {
		panic(fmt.Sprintf("session cannot be decoded: %v", err))
	}
	return &c
}

// Messages of the run screen's commands.
type (
	// NoteSavedMsg reports a note written (added, edited, deleted or
	// restored).
	NoteSavedMsg struct {
		note  session.Note
		err   error
		edit  bool
		undo  bool
		label string
	}
	// PersistedMsg reports the session written (nil Err once on disk).
	PersistedMsg struct{ Err error }
	exportedMsg  struct {
		path string
		err  error
	}
)

// SaveErr is the error of the write, nil once it is on disk.
func (m NoteSavedMsg) SaveErr() error { return m.err }
