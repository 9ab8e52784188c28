package dedup

import (
	"context"
	"fmt"
	"sync"

	"github.com/annals-project/annals/internal/store"
)

// Banding of the signatures for lookups: two signatures that agree on all
// rows of some band are compared. With 16 bands of 4 rows, texts of
// Jaccard similarity 0.5 are compared with probability 0.64, 0.6 with
// 0.89, 0.7 with 0.99.
const (
	bands = 16
	rows  = SignatureSize / bands
)

// An Index remembers the signatures of the documents seen so far with the
// origin (the independent source) each counts as, and finds the original
// of a reprint or syndicated copy. It is safe for concurrent use.
type Index struct {
	min float64

	mu      sync.RWMutex
	entries []entry
	bands   [bands]map[uint64][]int32 // band hash → entry indices
}

type entry struct {
	sig    Signature
	origin string
}

// NewIndex returns an empty index that takes texts whose signatures agree
// on at least opts.MinSimilarity of their positions for copies of one
// another.
func NewIndex(opts Options) *Index {
	x := &Index{min: opts.withDefaults().MinSimilarity}
	for b := range x.bands {
		x.bands[b] = map[uint64][]int32{}
	}
	return x
}

// Len returns the number of signatures in the index.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.entries)
}

// bandKey hashes band b of sig.
func bandKey(sig *Signature, b int) uint64 {
	h := uint64(b)
	for _, v := range sig[b*rows : (b+1)*rows] {
		h = mix(h, uint64(v), 0)
	}
	return h
}

// Add records that a document with signature sig counts as origin. The
// zero Signature (a text too short to fingerprint) is not recorded.
func (x *Index) Add(sig Signature, origin string) {
	if sig.IsZero() {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.add(&sig, origin)
}

func (x *Index) add(sig *Signature, origin string) {
	i := int32(len(x.entries))
	x.entries = append(x.entries, entry{*sig, origin})
	for b := range x.bands {
		k := bandKey(sig, b)
		x.bands[b][k] = append(x.bands[b][k], i)
	}
}

// Lookup returns the origin of the recorded document most similar to sig,
// with a Similarity of at least MinSimilarity, preferring the earliest
// recorded among equally similar ones. ok is false when there is none or
// sig is zero.
func (x *Index) Lookup(sig Signature) (origin string, ok bool) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.lookup(&sig)
}

func (x *Index) lookup(sig *Signature) (string, bool) {
	if sig.IsZero() {
		return "", false
	}
	best, bestSim := int32(-1), 0.0
	for b := range x.bands {
		for _, i := range x.bands[b][bandKey(sig, b)] {
			s := Similarity(sig, &x.entries[i].sig)
			if s >= x.min && (s > bestSim || s == bestSim && i < best) {
				best, bestSim = i, s
			}
		}
	}
	if best < 0 {
		return "", false
	}
	return x.entries[best].origin, true
}

// Assign sets d.Origin, the independent source d counts as, and records
// d's signature. A copy of a document already recorded gets that
// document's origin. Any other document keeps its own: its Origin is left
// as it is when d.OriginKey() is not empty (normally its Outlet), and is
// "doc:" and the first 16 hex digits of its Hash when it has neither
// outlet nor origin, so that later copies can name it. d.Hash must be set
// (store.NewDocument sets it). Assign also sets d.Fingerprint to the
// serialized signature, for Load to read back. Assign reports whether d is
// a copy.
func (x *Index) Assign(d *store.Document) (copied bool) {
	var sig Signature
	if d.Article != nil {
		sig = Fingerprint(d.Article.Text)
	}
	d.Fingerprint, _ = sig.MarshalBinary()
	x.mu.Lock()
	defer x.mu.Unlock()
	if origin, ok := x.lookup(&sig); ok {
		if origin != d.OriginKey() {
			d.Origin = origin
		}
		copied = true
	} else if d.OriginKey() == "" {
		d.Origin = "doc:" + d.Hash[:min(16, len(d.Hash))]
	}
	if !sig.IsZero() {
		x.add(&sig, d.OriginKey())
	}
	return copied
}

// Load records the signatures of every document stored in s, in ID order,
// with their stored origins, so that a copy ingested later names an
// original ingested by an earlier run. It reads the stored fingerprints
// (Document.Fingerprint, as Assign sets it) with s.Documents; only a
// document without a readable one (stored before the store kept
// fingerprints, or by another version of Fingerprint) has its text read
// and fingerprinted.
func (x *Index) Load(ctx context.Context, s store.Store) error {
	const page = 2000
	var after int64
	for {
		docs, err := s.Documents(ctx, store.DocumentFilter{AfterID: after, Limit: page})
		if err != nil {
			return fmt.Errorf("load fingerprints: %w", err)
		}
		for _, d := range docs {
			var sig Signature
			if sig.UnmarshalBinary(d.Fingerprint) != nil {
				full, err := s.Document(ctx, d.ID)
				if err != nil {
					return fmt.Errorf("load fingerprints: document %d: %w", d.ID, err)
				}
				sig = Fingerprint(full.Article.Text)
			}
			x.Add(sig, d.OriginKey())
			after = d.ID
		}
		if len(docs) < page {
			return nil
		}
	}
}
