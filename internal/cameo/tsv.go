package cameo

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/annals-project/annals/internal/lineerr"
)

// A record is one data line of a table file.
type record struct {
	line   int
	fields []string
}

// readTSV splits a table file into records. Blank lines and lines starting
// with "#" are skipped; the first other line must be the column header;
// every data line must have one non-empty field per column, without
// surrounding spaces. Problems are added to errs; bad lines are dropped.
func readTSV(name string, data []byte, header []string, errs *lineerr.List) []record {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var recs []record
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
		fields := strings.Split(line, "\t")
		if !sawHeader {
			sawHeader = true
			if want := strings.Join(header, "\t"); line != want {
				errs.Add(name, n, "header is %q, want %q", line, want)
			}
			continue
		}
		if len(fields) != len(header) {
			errs.Add(name, n, "%d fields, want %d", len(fields), len(header))
			continue
		}
		ok := true
		for j, f := range fields {
			switch {
			case f == "":
				errs.Add(name, n, "%s is empty (write - for none)", header[j])
				ok = false
			case strings.TrimSpace(f) != f:
				errs.Add(name, n, "%s %q has surrounding spaces", header[j], f)
				ok = false
			}
		}
		if ok {
			recs = append(recs, record{line: n, fields: fields})
		}
	}
	if !sawHeader {
		errs.Add(name, 0, "no header line")
	}
	return recs
}

// none maps the "-" placeholder to "".
func none(f string) string {
	if f == "-" {
		return ""
	}
	return f
}
