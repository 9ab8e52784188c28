package cameo_test

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/sharedtest"
)

// TestSharedCAMEO cross-checks our table against the CAMEO codebook CSV in
// ../shared: every code there is ours, with the same Goldstein weight and
// name; codes without a published weight are our extensions.
func TestSharedCAMEO(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedtest.Path(t, "data/cameo"), "eventtypes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tab := mustDefault(t)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	seen := 0
	for _, row := range rows[1:] {
		code, gs, name := row[col["code"]], row[col["goldstein"]], row[col["name"]]
		e, ok := tab.Lookup(cameo.Code(code))
		if !ok {
			t.Errorf("code %s (%s) missing from our table", code, name)
			continue
		}
		seen++
		if g, err := strconv.ParseFloat(gs, 64); err != nil {
			if !e.Extension {
				t.Errorf("code %s has no published weight (%q) but is not marked ext", code, gs)
			}
		} else if g != e.Goldstein {
			t.Errorf("code %s: Goldstein %v, codebook %v", code, e.Goldstein, g)
		}
		if !strings.EqualFold(e.Name, strings.TrimSpace(name)) && code != "1952" {
			t.Errorf("code %s: name %q, codebook %q", code, e.Name, name)
		}
	}
	if seen != tab.Len() {
		t.Errorf("codebook has %d of our codes, we have %d", seen, tab.Len())
	}
}

// TestSharedPLOVER cross-checks the PLOVER event types against the
// CAMEO2PLOVER 2021 table in ../shared: every code both list maps to the
// same event type, and to the same mode unless the mode is one we repaired
// (see the header of data/cameo.tsv).
func TestSharedPLOVER(t *testing.T) {
	f, err := os.Open(filepath.Join(sharedtest.Path(t, "data/plover"), "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	repaired := map[cameo.Code]bool{
		"0842": true, "085": true, "132": true, "1321": true, "1322": true, "1722": true,
		"1712": true, "175": true, "183": true, "185": true, "186": true, "195": true,
		"200": true, "201": true, "202": true, "203": true,
	}
	tab := mustDefault(t)
	line := regexp.MustCompile(`^(\d+):\s*([^#]*)`)
	seen := map[cameo.Code]bool{}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		code := cameo.Code(m[1])
		if seen[code] {
			continue // the file lists 08 and 175 twice
		}
		seen[code] = true
		fields := strings.Split(m[2], ",")
		event := strings.TrimSpace(fields[0])
		mode := ""
		if len(fields) > 1 {
			mode = strings.TrimSpace(fields[1])
		}
		e, ok := tab.Lookup(code)
		if !ok {
			continue // 1214 is not in the CAMEO 1.1b3 codebook
		}
		n++
		if e.PLOVER != event {
			t.Errorf("code %s: PLOVER %q, mapping %q", code, e.PLOVER, event)
		}
		if e.PLOVERMode != mode && !repaired[code] {
			t.Errorf("code %s: PLOVER mode %q, mapping %q", code, e.PLOVERMode, mode)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 250 {
		t.Errorf("only %d codes cross-checked", n)
	}
}
