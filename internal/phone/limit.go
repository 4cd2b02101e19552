package phone

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits bound what phones (and anything else on the network) can ask of
// the laptop.
type Limits struct {
	SeatRate  rate.Limit // notes, votes, ideas and scores per second from one phone
	SeatBurst int
	AddrRate  rate.Limit // requests per second from one network address
	AddrBurst int
	AllRate   rate.Limit // requests per second from everyone together
	AllBurst  int

	Streams        int // live event streams open at once
	StreamsPerAddr int // live event streams from one network address

	MaxBody      int64 // bytes of a request body
	MaxNoteRunes int   // characters of a note or an idea
}

// DefaultLimits are the limits for a room of up to a few hundred phones.
func DefaultLimits() Limits {
	return Limits{
		SeatRate: 1, SeatBurst: 10,
		AddrRate: 20, AddrBurst: 100,
		AllRate: 1000, AllBurst: 2000,
		Streams: 400, StreamsPerAddr: 8,
		MaxBody:      8 << 10,
		MaxNoteRunes: 500,
	}
}

// keyed is a set of token buckets, one per key (a seat or an address),
// forgetting keys that were quiet for a while so the map cannot grow
// without bound.
type keyed struct {
	limit rate.Limit
	burst int

	mu    sync.Mutex
	m     map[string]*bucket
	swept time.Time
}

type bucket struct {
	lim  *rate.Limiter
	last time.Time
}

func newKeyed(limit rate.Limit, burst int) *keyed {
	return &keyed{limit: limit, burst: burst, m: map[string]*bucket{}}
}

// reserve takes a token for key at now; it returns 0 when the request may
// go ahead, else how long to wait (the token is given back).
func (k *keyed) reserve(key string, now time.Time) time.Duration {
	k.mu.Lock()
	defer k.mu.Unlock()
	if now.Sub(k.swept) > time.Minute && len(k.m) > 1000 {
		for key, b := range k.m {
			if now.Sub(b.last) > 10*time.Minute {
				delete(k.m, key)
			}
		}
		k.swept = now
	}
	b := k.m[key]
	if b == nil {
		b = &bucket{lim: rate.NewLimiter(k.limit, k.burst)}
		k.m[key] = b
	}
	b.last = now
	return take(b.lim, now)
}

// take reserves a token of lim at now, giving it back when it is not there
// yet.
func take(lim *rate.Limiter, now time.Time) time.Duration {
	r := lim.ReserveN(now, 1)
	if !r.OK() {
		return time.Minute
	}
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d
	}
	return 0
}

// retryAfter is the Retry-After value for a wait of d: whole seconds, at
// least one.
func retryAfter(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
