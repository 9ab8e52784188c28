package dedup_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annals-project/annals/internal/dedup"
	"github.com/annals-project/annals/internal/event"
	"github.com/annals-project/annals/internal/store"
)

func doc(url, text string) *store.Document {
	return store.NewDocument(&event.Coded{Document: &event.Article{ID: url, URL: url, Text: text}})
}

func TestIndexAssign(t *testing.T) {
	type result struct {
		Origin string
		Copied bool
	}
	docs := []*store.Document{
		doc("https://lagosherald.example/a", wire),
		doc("https://regionalwire.example/b", reprint),
		doc("https://abujaobserver.example/c", rewrite),
		doc("", other),
		doc("", other+"\nReporting by our Kano correspondent."),
		doc("https://northerntimes.example/d", trimmed),
		doc("https://northerntimes.example/e", "Gunmen killed 12 villagers."),
	}
	want := []result{
		{"lagosherald.example", false},
		{"lagosherald.example", true},
		{"abujaobserver.example", false},
		{"doc:" + docs[3].Hash[:16], false},
		{"doc:" + docs[3].Hash[:16], true},
		{"lagosherald.example", true},
		{"northerntimes.example", false},
	}
	x := dedup.NewIndex(dedup.Options{})
	var got []result
	for _, d := range docs {
		copied := x.Assign(d)
		got = append(got, result{d.OriginKey(), copied})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Assign (-want +got):\n%s", diff)
	}
	if x.Len() != 6 {
		t.Errorf("Len() = %d, want 6 (the short text is not recorded)", x.Len())
	}
	if docs[0].Origin != "" || docs[2].Origin != "" {
		t.Errorf("originals got Origin %q, %q; want them left empty", docs[0].Origin, docs[2].Origin)
	}
}

func TestIndexLookup(t *testing.T) {
	x := dedup.NewIndex(dedup.Options{})
	x.Add(dedup.Fingerprint(wire), "first")
	x.Add(dedup.Fingerprint(wire), "second")
	x.Add(dedup.Fingerprint(other), "other")
	x.Add(dedup.Signature{}, "zero")
	tests := []struct {
		name   string
		text   string
		want   string
		wantOK bool
	}{
		{"exact copy takes the earliest", wire, "first", true},
		{"reprint", reprint, "first", true},
		{"other story", other, "other", true},
		{"rewrite is no copy", rewrite, "", false},
		{"short text", "Gunmen killed 12 villagers.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := x.Lookup(dedup.Fingerprint(tt.text))
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Lookup = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

// TestIndexLoad checks that an index loaded from a store finds the
// originals an earlier run stored.
func TestIndexLoad(t *testing.T) {
	s := MustOpen(t)
	MustIngest(t, s, []*store.Document{
		doc("https://lagosherald.example/a", wire),
		doc("", other),
		doc("https://regionalwire.example/b", reprint),
	})
	x := dedup.NewIndex(dedup.Options{})
	if err := x.Load(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if x.Len() != 3 {
		t.Errorf("Len() = %d after Load, want 3", x.Len())
	}
	later := doc("https://northerntimes.example/c", trimmed)
	if !x.Assign(later) || later.Origin != "lagosherald.example" {
		t.Errorf("Assign(copy) after Load: origin %q, want lagosherald.example", later.Origin)
	}
	copyOfOther := doc("", other+"\nReporting by our Kano correspondent.")
	x.Assign(copyOfOther)
	stored := doc("", other)
	if want := "doc:" + stored.Hash[:16]; copyOfOther.Origin != want {
		t.Errorf("copy of a document without outlet: origin %q, want %q", copyOfOther.Origin, want)
	}
}

// countingStore counts the documents whose text is read.
type countingStore struct {
	store.Store
	texts int
}

func (c *countingStore) Document(ctx context.Context, id int64) (*store.Document, error) {
	c.texts++
	return c.Store.Document(ctx, id)
}

// TestIndexLoadFingerprints checks that Load reads the stored fingerprints
// and reads the text only of documents without a usable one.
func TestIndexLoadFingerprints(t *testing.T) {
	tests := []struct {
		name      string
		print     func(d *store.Document) // changes what is stored
		wantTexts int
	}{
		{"all fingerprinted", func(*store.Document) {}, 0},
		{"stored before fingerprints", func(d *store.Document) { d.Fingerprint = nil }, 3},
		{"older fingerprint version", func(d *store.Document) { d.Fingerprint[0] = 0 }, 3},
		{"truncated fingerprint", func(d *store.Document) { d.Fingerprint = d.Fingerprint[:9] }, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			docs := []*store.Document{
				doc("https://lagosherald.example/a", wire),
				doc("", other),
				doc("https://regionalwire.example/b", reprint),
				doc("https://short.example/c", "Gunmen killed 12 villagers."),
			}
			x := dedup.NewIndex(dedup.Options{})
			for _, d := range docs {
				x.Assign(d)
				if d.Fingerprint == nil {
					t.Fatalf("Assign(%s) left Fingerprint nil", d.Article.ID)
				}
				if d != docs[3] { // the short text's zero signature is kept as it is
					tt.print(d)
				}
				if _, err := s.PutDocument(context.Background(), d, nil); err != nil {
					t.Fatal(err)
				}
			}
			c := &countingStore{Store: s}
			loaded := dedup.NewIndex(dedup.Options{})
			if err := loaded.Load(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			if c.texts != tt.wantTexts || loaded.Len() != 3 {
				t.Errorf("Load read %d texts and recorded %d signatures, want %d and 3", c.texts, loaded.Len(), tt.wantTexts)
			}
			later := doc("https://northerntimes.example/c", trimmed)
			if !loaded.Assign(later) || later.Origin != "lagosherald.example" {
				t.Errorf("Assign(copy) after Load: origin %q, want lagosherald.example", later.Origin)
			}
		})
	}
}
