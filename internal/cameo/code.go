package cameo

// A Code is a CAMEO event code: a two-digit root ("14"), a three-digit code
// ("145") or a four-digit code ("1451"). Leading zeros are significant.
type Code string

// Root returns the code's two-digit root, or "" when c is shorter than two
// bytes.
func (c Code) Root() string {
	if len(c) < 2 {
		return ""
	}
	return string(c[:2])
}

// Parent returns the code one level up ("1451" → "145", "145" → "14"), or ""
// for a root or a code too short to have one.
func (c Code) Parent() Code {
	if len(c) <= 2 {
		return ""
	}
	return c[:len(c)-1]
}

// QuadClass returns the quad class of the code's root, in GDELT's numbering:
// 1 verbal cooperation (roots 01–05), 2 material cooperation (06–08),
// 3 verbal conflict (09–13), 4 material conflict (14–20). It returns 0 when
// the root is not 01–20.
func (c Code) QuadClass() int {
	r, ok := rootNumber(c.Root())
	switch {
	case !ok:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	default:
		return 4
	}
}

// rootNumber parses a two-digit root 01–20.
func rootNumber(root string) (int, bool) {
	if len(root) != 2 || !isDigit(root[0]) || !isDigit(root[1]) {
		return 0, false
	}
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	return n, n >= 1 && n <= 20
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
