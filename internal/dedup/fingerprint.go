package dedup

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// MinShingles is the least number of word 3-shingles (words minus two) a
// text needs for a fingerprint: shorter texts are too alike to tell a copy
// from a coincidence, and Fingerprint returns the zero Signature for them.
const MinShingles = 8

// SignatureSize is the number of minimum hashes in a Signature.
const SignatureSize = 64

// A Signature is the MinHash fingerprint of a text: for each of
// SignatureSize hash functions, the least hash of the text's word
// 3-shingles. The share of positions at which two signatures agree
// estimates the Jaccard similarity of the two texts' shingle sets (see
// Similarity). The zero Signature stands for a text too short to
// fingerprint.
type Signature [SignatureSize]uint32

// IsZero reports whether s is the zero Signature.
func (s *Signature) IsZero() bool { return *s == Signature{} }

// Fingerprint returns the MinHash signature of the word 3-shingles of
// text. A word is a maximal run of letters and digits, compared in lower
// case, so spacing, line breaks, punctuation and case do not matter. A
// reprint with another headline, a credit line or a dropped paragraph
// shares most shingles with its original and gets a similar signature.
// Fingerprint returns the zero Signature for a text of fewer than
// MinShingles shingles. The result depends only on text: it is stable
// across runs and platforms.
func Fingerprint(text string) Signature {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var win [3]uint64
	n := 0
	forEachWord(text, func(h uint64) {
		win[0], win[1], win[2] = win[1], win[2], h
		n++
		if n < 3 {
			return
		}
		s := mix(win[0], win[1], win[2])
		for i := range sig {
			// A multiply-add family over a well-mixed shingle hash: the
			// high 32 bits of a·s + b for odd a.
			v := uint32((s*mulA[i] + mulB[i]) >> 32)
			if v < sig[i] {
				sig[i] = v
			}
		}
	})
	if n-2 < MinShingles {
		return Signature{}
	}
	return sig
}

// Similarity returns the share of positions at which a and b agree: an
// estimate of the Jaccard similarity of the shingle sets of their texts,
// within about ±0.06 (one standard deviation at 0.5). Similarity involving
// the zero Signature is 0.
func Similarity(a, b *Signature) float64 {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / SignatureSize
}

// FNV-1a 64-bit constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// forEachWord calls fn with the FNV-1a hash of each word of text, in
// order. A word is a maximal run of letters, digits and marks; it is
// hashed in lower case.
func forEachWord(text string, fn func(uint64)) {
	h, in := uint64(fnvOffset), false
	for i := 0; i < len(text); {
		c := text[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		var word bool
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			word = true
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
			word = true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)):
			r = unicode.ToLower(r)
			word = true
		}
		if !word {
			if in {
				fn(h)
				h, in = fnvOffset, false
			}
			continue
		}
		in = true
		if r < utf8.RuneSelf {
			h = (h ^ uint64(r)) * fnvPrime
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if in {
		fn(h)
	}
}

// mix hashes three word hashes, in order, into one well-mixed shingle
// hash (a multiply-rotate chain finished with MurmurHash3's fmix64).
func mix(a, b, c uint64) uint64 {
	const k1, k2 = 0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f
	h := a * k1
	h = bits.RotateLeft64(h^b, 31) * k2
	h = bits.RotateLeft64(h^c, 27) * k1
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}
