package phone

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
)

// CodeAlphabet is the alphabet of join codes: capitals and digits without
// the ones a back row confuses (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).
const CodeAlphabet = "34679ACDEFGHJKMNPQRTWXY"

// CodeLength is the number of characters of a join code.
const CodeLength = 6

// NewCode returns a random join code of CodeLength characters from
// CodeAlphabet, drawn with crypto/rand without modulo bias.
func NewCode() string {
	var b strings.Builder
	var buf [1]byte
	limit := byte(256 - 256%len(CodeAlphabet))
	for b.Len() < CodeLength {
		if _, err := rand.Read(buf[:]); err != nil {
			panic("phone: the system's random source failed: " + err.Error())
		}
		if buf[0] >= limit {
			continue
		}
		b.WriteByte(CodeAlphabet[int(buf[0])%len(CodeAlphabet)])
	}
	return b.String()
}

// NormalizeCode turns what a participant typed into a code: capitals, no
// spaces or dashes.
func NormalizeCode(s string) string {
	s = strings.ToUpper(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// Seats is the join code and the secret of one session's phones. A phone's
// seat is a random token in its cookie; the cookie carries a MAC so that only
// tokens handed out by this liberate are accepted, and the store only ever
// sees Hash(token), a keyed hash. The key lives in memory only: Forget, at
// the end of the session, makes every hash unlinkable to any phone.
type Seats struct {
	code string

	mu  sync.RWMutex
	key []byte // nil once forgotten
}

// ErrForgotten is returned by Seats once the session ended.
var ErrForgotten = errors.New("the seats of this session were forgotten when it ended; start joining again")

// NewSeats returns the seats of a new session: a fresh join code and key.
func NewSeats() *Seats {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		panic("phone: the system's random source failed: " + err.Error())
	}
	return &Seats{code: NewCode(), key: key}
}

// Code returns the session's join code.
func (s *Seats) Code() string { return s.code }

// Forget discards the key: cookies no longer verify and no stored seat hash
// can be linked to a token again.
func (s *Seats) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.key)
	s.key = nil
}

func (s *Seats) mac(purpose string, data []byte) ([]byte, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.key == nil {
		return nil, ErrForgotten
	}
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write(data)
	return m.Sum(nil), nil
}

// NewToken returns a fresh seat token for a cookie.
func (s *Seats) NewToken() (string, error) {
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		return "", err
	}
	tag, err := s.mac("cookie", id)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(id) + "." + base64.RawURLEncoding.EncodeToString(tag[:16]), nil
}

// Verify reports whether token was handed out by these seats.
func (s *Seats) Verify(token string) bool {
	a, b, ok := strings.Cut(token, ".")
	if !ok || len(token) > 64 {
		return false
	}
	id, err1 := base64.RawURLEncoding.DecodeString(a)
	tag, err2 := base64.RawURLEncoding.DecodeString(b)
	if err1 != nil || err2 != nil || len(id) != 16 || len(tag) != 16 {
		return false
	}
	want, err := s.mac("cookie", id)
	if err != nil {
		return false
	}
	return hmac.Equal(tag, want[:16])
}

// Hash returns the seat's keyed hash, the only form in which a seat is
// stored: 32 hex digits.
func (s *Seats) Hash(token string) (string, error) {
	sum, err := s.mac("seat", []byte(token))
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(sum[:16]), nil
}
