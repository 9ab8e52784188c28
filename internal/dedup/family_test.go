package dedup

import "testing"

// TestHashFamily regenerates the MinHash family with splitmix64 from seed
// 0 and checks the table in family.go.
func TestHashFamily(t *testing.T) {
	var x uint64
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	for i := range SignatureSize {
		a, b := next()|1, next()
		if mulA[i] != a || mulB[i] != b {
			t.Fatalf("family[%d] = %#x, %#x; want %#x, %#x", i, mulA[i], mulB[i], a, b)
		}
	}
}
