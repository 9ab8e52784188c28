package geo

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the lookup key of a place name: lower case, Latin diacritics
// folded ("Zürich" → "zurich", "Łódź" → "lodz"), apostrophes and periods
// dropped ("N'Djamena" → "ndjamena", "St." → "st"), hyphens and other
// punctuation turned into single spaces ("Ras al-Khaimah" → "ras al
// khaimah"). Lookup, Resolve and Find compare names by their keys.
func Key(name string) string {
	return string(appendKey(nil, name))
}

// appendKey appends the key of s to dst. A space is written only between
// two words, so keys of consecutive tokens can be joined with one space.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator is pending
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' || c == '.' || c == '`':
				continue
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '’' || r == 'ʼ' || r == 'ʻ' || r == '‘' || r == 'ʹ' || r == 'ʿ' || r == 'ʾ' || unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		r = unicode.ToLower(r)
		if f := fold(r); f != "" {
			dst = append(dst, f...)
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// fold maps a lower-case Latin letter with diacritics to its ASCII base
// letters, or returns "".
func fold(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'ǎ', 'ǻ', 'ȁ', 'ȃ', 'ạ', 'ả', 'ấ', 'ầ', 'ẩ', 'ẫ', 'ậ', 'ắ', 'ằ', 'ẳ', 'ẵ', 'ặ':
		return "a"
	case 'æ', 'ǽ':
		return "ae"
	case 'ç', 'ć', 'ĉ', 'ċ', 'č':
		return "c"
	case 'ď', 'đ', 'ð', 'ḍ', 'ḏ':
		return "d"
	case 'è', 'é', 'ê', 'ë', 'ē', 'ĕ', 'ė', 'ę', 'ě', 'ȅ', 'ȇ', 'ẹ', 'ẻ', 'ẽ', 'ế', 'ề', 'ể', 'ễ', 'ệ', 'ə':
		return "e"
	case 'ĝ', 'ğ', 'ġ', 'ģ', 'ǧ', 'ḡ':
		return "g"
	case 'ĥ', 'ħ', 'ḥ', 'ḩ', 'ḫ', 'ẖ':
		return "h"
	case 'ì', 'í', 'î', 'ï', 'ĩ', 'ī', 'ĭ', 'į', 'ı', 'ǐ', 'ȉ', 'ȋ', 'ị', 'ỉ':
		return "i"
	case 'ĵ', 'ǰ':
		return "j"
	case 'ķ', 'ǩ', 'ḳ', 'ḵ':
		return "k"
	case 'ĺ', 'ļ', 'ľ', 'ŀ', 'ł', 'ḷ':
		return "l"
	case 'ṁ', 'ṃ':
		return "m"
	case 'ñ', 'ń', 'ņ', 'ň', 'ŉ', 'ṅ', 'ṇ', 'ṉ':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ŏ', 'ő', 'ơ', 'ǒ', 'ǫ', 'ǿ', 'ȍ', 'ȏ', 'ọ', 'ỏ', 'ố', 'ồ', 'ổ', 'ỗ', 'ộ', 'ớ', 'ờ', 'ở', 'ỡ', 'ợ':
		return "o"
	case 'œ':
		return "oe"
	case 'ŕ', 'ŗ', 'ř', 'ṛ':
		return "r"
	case 'ś', 'ŝ', 'ş', 'š', 'ș', 'ṣ':
		return "s"
	case 'ß':
		return "ss"
	case 'ţ', 'ť', 'ŧ', 'ț', 'ṭ', 'ṯ':
		return "t"
	case 'þ':
		return "th"
	case 'ù', 'ú', 'û', 'ü', 'ũ', 'ū', 'ŭ', 'ů', 'ű', 'ų', 'ư', 'ǔ', 'ǖ', 'ǘ', 'ǚ', 'ǜ', 'ȕ', 'ȗ', 'ụ', 'ủ', 'ứ', 'ừ', 'ử', 'ữ', 'ự':
		return "u"
	case 'ŵ', 'ẁ', 'ẃ', 'ẅ':
		return "w"
	case 'ý', 'ÿ', 'ŷ', 'ȳ', 'ỳ', 'ỵ', 'ỷ', 'ỹ':
		return "y"
	case 'ź', 'ż', 'ž', 'ẓ', 'ẕ':
		return "z"
	}
	return ""
}
