package cameo

// none maps the "-" placeholder to "".
func none(f string) string {
	if f == "-" {
		return ""
	}
	return f
}
