package dedup

import (
	"encoding/binary"
	"errors"
	"fmt"
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

// signatureVersion is the first byte of a serialized Signature. Change it
// whenever Fingerprint would compute other values for the same text, so
// that stored fingerprints of the old kind are recomputed, not compared.
const signatureVersion = 1

// signatureLen is the length of a serialized Signature.
const signatureLen = 1 + 4*SignatureSize

// errSignature is wrapped by UnmarshalBinary's errors.
var errSignature = errors.New("not a signature")

// MarshalBinary returns the serialized form of s that
// store.Document.Fingerprint holds: a version byte, then the minimum
// hashes as little-endian uint32s. The zero Signature is serialized too,
// so that a short text is not fingerprinted again. It never fails.
func (s *Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 1, signatureLen)
	b[0] = signatureVersion
	for _, v := range s {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b, nil
}

// UnmarshalBinary sets s from the output of MarshalBinary. It returns an
// error, leaving s unchanged, for data of another length or version, as
// written by an older or newer Fingerprint.
func (s *Signature) UnmarshalBinary(data []byte) error {
	if len(data) != signatureLen || data[0] != signatureVersion {
		return fmt.Errorf("dedup: %d bytes of version %d: %w", len(data), firstByte(data), errSignature)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(data[1+4*i:])
	}
	return nil
}

func firstByte(b []byte) int {
	if len(b) == 0 {
		return -1
	}
	return int(b[0])
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
