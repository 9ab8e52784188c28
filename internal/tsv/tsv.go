package tsv

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/lineerr"
)

// A Line is one data line of a table: its line number and its fields.
type Line struct {
	N      int
	Fields []string
}

// Options say what a table allows.
type Options struct {
	// Empty allows empty fields; without it a table writes "-" for none.
	Empty bool
}

// Read splits a table file into its data lines. A leading byte-order mark,
// blank lines and lines starting with "#" are skipped; the first other
// line must be header, tab-separated; every data line must have one field
// per column, without surrounding spaces. Problems are added to errs and
// bad lines dropped.
func Read(name string, data []byte, header []string, opt Options, errs *lineerr.List) []Line {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var out []Line
	sawHeader := false
	for i, raw := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if !utf8.Valid(raw) {
			errs.Add(name, n, "invalid UTF-8")
			continue
		}
		line := string(raw)
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !sawHeader {
			sawHeader = true
			if want := strings.Join(header, "\t"); line != want {
				errs.Add(name, n, "header is %q, want %q", line, want)
			}
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != len(header) {
			errs.Add(name, n, "%d fields, want %d", len(fields), len(header))
			continue
		}
		ok := true
		for j, f := range fields {
			switch {
			case f == "" && !opt.Empty:
				errs.Add(name, n, "%s is empty (write - for none)", header[j])
				ok = false
			case strings.TrimSpace(f) != f:
				errs.Add(name, n, "%s %q has surrounding spaces", header[j], f)
				ok = false
			}
		}
		if ok {
			out = append(out, Line{N: n, Fields: fields})
		}
	}
	if !sawHeader {
		errs.Add(name, 0, "no header line")
	}
	return out
}
