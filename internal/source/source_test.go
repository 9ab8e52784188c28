package source_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/source"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// pageOnly ignores what the HTML extractor decides (its own tests pin
// that down): the reader's part is ID, Source, Title and date.
var pageOnly = cmpopts.IgnoreFields(doc{}, "Text", "Repairs", "PublishedAt", "URL", "Byline")

func TestReadFiles(t *testing.T) {
	tests := []struct {
		file string
		want []doc
		has  []string // substrings of the text of every page (HTML only)
	}{{
		file: "strike.txt",
		want: []doc{{
			ID: "strike.txt", Source: "testdata/read/strike.txt",
			Text: "Dock workers in the port city of Valmora walked off the job on Monday, halting cargo traffic for a second week.\n\n" +
				"The Harbour Workers' Union said the strike would continue until the port authority agreed to restore overtime pay.\n" +
				"A spokesman for the authority told reporters that talks would resume on Thursday.\n",
		}},
	}, {
		file: "blockade.txt",
		want: []doc{{
			ID: "blockade.txt", Source: "testdata/read/blockade.txt",
			Text: "Farmers blocked the main highway into Castelbruno on Friday with tractors.\nPolice said no one was hurt.\n",
		}},
	}, {
		file: "bulletin.txt.gz",
		want: []doc{{
			ID: "bulletin.txt.gz", Source: "testdata/read/bulletin.txt.gz",
			Text: "The central bank of Norland raised its main interest rate by half a point on Wednesday, its third increase this year.\n" +
				"Governor Ilse Varga said inflation remained too high.\n",
		}},
	}, {
		file: "ceasefire.html",
		want: []doc{{
			ID: "ceasefire.html", Source: "testdata/read/ceasefire.html",
			Title: "Ceasefire talks resume in Ardena", Published: "2024-03-05",
		}},
		has: []string{
			"Negotiators for the government of Ardena and the Northern Front met in the capital on Monday",
			"The talks are expected to last three days.",
		},
	}, {
		file: "misnamed.txt", // HTML by content, whatever its name
		want: []doc{{
			ID: "misnamed.txt", Source: "testdata/read/misnamed.txt",
			Title: "Flooding forces evacuations in Lower Tamsk",
		}},
		has: []string{"Emergency services evacuated more than 2,000 residents"},
	}, {
		file: "wire.dat", // JSONL by content
		want: []doc{{
			ID: "wire-101", Source: "testdata/read/wire.dat:1", Title: "Minister resigns over procurement inquiry",
			Published: "2024-02-14",
			Text: "Defence Minister Paulo Restrepo resigned on Wednesday after prosecutors opened an inquiry into a helicopter contract.\n" +
				"Prime Minister Aiko Lund accepted the resignation, her office said.",
		}, {
			ID: "wire-102", Source: "testdata/read/wire.dat:2", Title: "Protesters rally against fuel prices",
			Published: "2024-02-15", PublishedAt: "2024-02-15T18:05:00+01:00",
			Text: "Several thousand people marched through central Sorvik on Thursday to protest against a rise in fuel prices.",
		}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, errs := collect(t, source.Read(context.Background(), filepath.Join("testdata", "read", tt.file), source.Options{}))
			if len(errs) > 0 {
				t.Fatalf("Read(%s) errors: %v", tt.file, errs)
			}
			var got []doc
			for _, a := range arts {
				got = append(got, summary(a, tt.has == nil))
				for _, s := range tt.has {
					if !strings.Contains(a.Text, s) {
						t.Errorf("Read(%s) text lacks %q; text:\n%s", tt.file, s, a.Text)
					}
				}
				if len(a.Blocks) == 0 {
					t.Errorf("Read(%s): %s has no blocks", tt.file, a.ID)
				}
			}
			var opts []cmp.Option
			if tt.has != nil {
				opts = append(opts, pageOnly)
			}
			if diff := cmp.Diff(tt.want, got, opts...); diff != "" {
				t.Errorf("Read(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		wantText    string
		wantBlocks  []string
		wantRepairs []string
	}{{
		name:       "lines",
		in:         "Rebels seized the airport.\n\n  Fighting continued overnight.  \n",
		wantText:   "Rebels seized the airport.\n\n  Fighting continued overnight.  \n",
		wantBlocks: []string{"Rebels seized the airport.", "Fighting continued overnight."},
	}, {
		name:       "crlf and lone cr",
		in:         "Troops withdrew.\r\nTalks began.\rA truce held.",
		wantText:   "Troops withdrew.\nTalks began.\nA truce held.",
		wantBlocks: []string{"Troops withdrew.", "Talks began.", "A truce held."},
	}, {
		name:       "utf-8 bom dropped",
		in:         "\ufeffThe mayor of Tirsa resigned.",
		wantText:   "The mayor of Tirsa resigned.",
		wantBlocks: []string{"The mayor of Tirsa resigned."},
	}, {
		name:        "invalid utf-8 repaired and recorded",
		in:          "The envoy met Jos\xe9 Ortega in Quito.\nCaf\xe9s closed.\xff\xfe",
		wantText:    "The envoy met Jos\ufffd Ortega in Quito.\nCaf\ufffds closed.\ufffd",
		wantBlocks:  []string{"The envoy met Jos\ufffd Ortega in Quito.", "Caf\ufffds closed.\ufffd"},
		wantRepairs: []string{"invalid UTF-8 at byte offset 17 replaced (1 bytes)", "invalid UTF-8 at byte offset 39 replaced (1 bytes)", "invalid UTF-8 at byte offset 49 replaced (2 bytes)"},
	}, {
		name:        "utf-16le with bom",
		in:          utf16LE("Strikers marched on the ministry.\r\nPolice watched."),
		wantText:    "Strikers marched on the ministry.\nPolice watched.",
		wantBlocks:  []string{"Strikers marched on the ministry.", "Police watched."},
		wantRepairs: []string{"transcoded from UTF-16LE"},
	}, {
		name:       "non-latin script",
		in:         "Премьер-министр подал в отставку.\nМитинг прошёл мирно.",
		wantText:   "Премьер-министр подал в отставку.\nМитинг прошёл мирно.",
		wantBlocks: []string{"Премьер-министр подал в отставку.", "Митинг прошёл мирно."},
	}, {
		name: "hard-wrapped wire copy",
		in: "Government troops recaptured the river port of Daska on\nTuesday after three days of fighting, the defence ministry\nsaid in a statement.\n" +
			"    Rebel commanders said they had withdrawn to avoid civilian\ncasualties and would regroup in the hills.\n\nA curfew was imposed\non the port.\n",
		wantText: "Government troops recaptured the river port of Daska on\nTuesday after three days of fighting, the defence ministry\nsaid in a statement.\n" +
			"    Rebel commanders said they had withdrawn to avoid civilian\ncasualties and would regroup in the hills.\n\nA curfew was imposed\non the port.\n",
		wantBlocks: []string{
			"Government troops recaptured the river port of Daska on\nTuesday after three days of fighting, the defence ministry\nsaid in a statement.",
			"Rebel commanders said they had withdrawn to avoid civilian\ncasualties and would regroup in the hills.",
			"A curfew was imposed\non the port.",
		},
	}, {
		name:       "headline over one-line paragraphs",
		in:         "Vote count delayed\nOfficials in Marven delayed the count on Sunday.\nObservers said the delay was technical.\n",
		wantText:   "Vote count delayed\nOfficials in Marven delayed the count on Sunday.\nObservers said the delay was technical.\n",
		wantBlocks: []string{"Vote count delayed", "Officials in Marven delayed the count on Sunday.", "Observers said the delay was technical."},
	}, {
		name:       "leading brace but not json",
		in:         "{Update} Ministers met again on Friday.\nNo deal was reached.",
		wantText:   "{Update} Ministers met again on Friday.\nNo deal was reached.",
		wantBlocks: []string{"{Update} Ministers met again on Friday.", "No deal was reached."},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := readString(t, "note.txt", tt.in, source.Options{})
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("ReadFrom(%q) = %d articles, errors %v; want 1 article", tt.in, len(arts), errs)
			}
			a := arts[0]
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			var got []string
			for _, b := range a.Blocks {
				if b.Kind != event.BlockParagraph {
					t.Errorf("block kind %q, want paragraph", b.Kind)
				}
				got = append(got, b.Span.Of(a.Text))
			}
			if diff := cmp.Diff(tt.wantBlocks, got); diff != "" {
				t.Errorf("Blocks mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantRepairs, a.Repairs); diff != "" {
				t.Errorf("Repairs mismatch (-want +got):\n%s", diff)
			}
			if a.ID != "note.txt" || a.Source != "note.txt" {
				t.Errorf("ID, Source = %q, %q; want note.txt, note.txt", a.ID, a.Source)
			}
		})
	}
}

func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s { // BMP only in our fixtures
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

func TestReadDir(t *testing.T) {
	arts, errs := collect(t, source.Read(context.Background(), filepath.Join("testdata", "dir"), source.Options{}))
	if len(errs) > 0 {
		t.Fatalf("Read(dir) errors: %v", errs)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+" "+a.Source)
	}
	want := []string{
		"court.txt testdata/dir/2024/03/court.txt",
		"rally.htm testdata/dir/2024/03/rally.htm",
		"brief-1 testdata/dir/briefs.jsonl:1",
		"brief-2 testdata/dir/briefs.jsonl:2",
		"zeta.txt testdata/dir/zeta.txt",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Read(dir) mismatch (-want +got):\n%s", diff)
	}
}

// badInputs maps each testdata/bad file to a substring of the error it
// must produce.
var badInputs = map[string]string{
	"binary.bad.bin":         "offset 0: binary data",
	"controls.bad.txt":       "offset 1: binary data",
	"empty.bad.txt":          "offset 0: empty document",
	"blank.bad.txt":          "empty document",
	"truncated.bad.gz":       "truncated gzip",
	"corrupt.bad.gz":         "gzip: ",
	"nested.bad.gz":          "nested more than",
	"truncated.bad.warc":     "truncated record",
	"truncated.bad.warc.gz":  "truncated record",
	"junk.bad.warc":          "warc: ",
	"noitems.bad.xml":        "feed has no items",
	"broken.bad.xml":         "parse feed",
	"nobody.bad.html":        "empty document",
	"lines.bad.jsonl":        "lines.bad.jsonl:1: json:",
	"halfutf16.bad.txt":      "empty document",
	"jsonl-truncated.bad.gz": "truncated gzip",
}

func TestBadInput(t *testing.T) {
	if *update {
		writeBadFixtures(t)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.bad.*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			want, ok := badInputs[name]
			if !ok {
				t.Fatalf("no expected error for %s: add it to badInputs", name)
			}
			_, errs := collect(t, source.Read(context.Background(), f, source.Options{}))
			if len(errs) == 0 {
				t.Fatalf("Read(%s) gave no error, want one containing %q", name, want)
			}
			for _, err := range errs {
				var se *source.Error
				if !errors.As(err, &se) {
					t.Errorf("Read(%s) error %T %v, want *source.Error", name, err, err)
				} else if se.Name != f {
					t.Errorf("Read(%s) error names %q, want %q", name, se.Name, f)
				}
			}
			if !strings.Contains(errs[0].Error(), want) {
				t.Errorf("Read(%s) first error = %q, want it to contain %q", name, errs[0], want)
			}
		})
	}
	var missing []string
	for name := range badInputs {
		if !seen[name] {
			missing = append(missing, name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("badInputs lists files missing from testdata/bad: %v (go test -update regenerates them)", missing)
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  *source.Error
		want string
	}{
		{"line", &source.Error{Name: "batch.jsonl", Line: 7, Err: source.ErrEmpty}, "batch.jsonl:7: empty document"},
		{"offset", &source.Error{Name: "crawl.warc.gz", Offset: 5120, Err: source.ErrTooLarge}, "crawl.warc.gz: offset 5120: document too large"},
		{"no position", &source.Error{Name: "feed.xml", Offset: -1, Err: source.ErrEmpty}, "feed.xml: empty document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Errorf("errors.Is(%v, %v) = false, want true", tt.err, tt.err.Err)
			}
		})
	}
}

func TestSizeCap(t *testing.T) {
	para := "Officials in the northern province reported new clashes between herders and farmers over grazing land on Tuesday.\n"
	tests := []struct {
		name    string
		size    int
		max     int64
		wantErr error
	}{
		{"under default cap", 50 << 20, 0, nil},
		{"over a small cap", 2 << 20, 1 << 20, source.ErrTooLarge},
		{"exactly the cap", 1 << 20, 1 << 20, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.size > 8<<20 && testing.Short() {
				t.Skip("large input; -short")
			}
			in := bytes.Repeat([]byte(para), tt.size/len(para)+1)[:tt.size]
			arts, errs := collect(t, source.ReadFrom(context.Background(), "big.txt", bytes.NewReader(in), source.Options{MaxBytes: tt.max}))
			if tt.wantErr != nil {
				if len(errs) != 1 || !errors.Is(errs[0], tt.wantErr) || len(arts) != 0 {
					t.Fatalf("got %d articles, errors %v; want only %v", len(arts), errs, tt.wantErr)
				}
				return
			}
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors %v; want 1 article", len(arts), errs)
			}
			if len(arts[0].Text) != tt.size {
				t.Errorf("text is %d bytes, want %d", len(arts[0].Text), tt.size)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	_, errs := collect(t, source.Read(context.Background(), "-", source.Options{}))
	if len(errs) != 1 || !errors.Is(errs[0], source.ErrStdin) {
		t.Errorf(`Read("-") errors = %v, want ErrStdin`, errs)
	}
	arts, errs := readString(t, "-", "Shops reopened in the old town on Saturday.", source.Options{})
	if len(errs) > 0 || len(arts) != 1 || arts[0].ID != "stdin" || arts[0].Source != "-" {
		t.Errorf(`ReadFrom("-") = %v, %v; want one article with ID "stdin", Source "-"`, arts, errs)
	}
}

func TestMissingFile(t *testing.T) {
	_, errs := collect(t, source.Read(context.Background(), filepath.Join("testdata", "no-such-file.txt"), source.Options{}))
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("Read(missing) errors = %v, want one wrapping os.ErrNotExist", errs)
	}
}

// TestStopEarly checks that breaking out of the loop stops every reader:
// calling yield again would panic.
func TestStopEarly(t *testing.T) {
	inputs := []string{
		filepath.Join("testdata", "dir"),
		filepath.Join("testdata", "jsonl", "batch.jsonl"),
		filepath.Join("testdata", "feed", "rss.xml"),
		filepath.Join("testdata", "bad", "lines.bad.jsonl"),
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			n := 0
			for range source.Read(context.Background(), in, source.Options{}) {
				n++
				break
			}
			if n != 1 {
				t.Errorf("Read(%s) yielded %d values before break, want 1", in, n)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		n    int
		last error
	)
	for a, err := range source.Read(ctx, filepath.Join("testdata", "jsonl", "batch.jsonl"), source.Options{}) {
		if a != nil {
			n++
			cancel()
		}
		last = err
	}
	if n != 1 || !errors.Is(last, context.Canceled) {
		t.Errorf("after cancel: %d articles, last error %v; want 1 article then context.Canceled", n, last)
	}
}
