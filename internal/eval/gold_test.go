package eval_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annals-project/annals/internal/eval"
	"github.com/google/go-cmp/cmp"
)

func TestLoadDir(t *testing.T) {
	s, err := eval.Load(filepath.Join("testdata", "load", "ok"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if s.Batch || len(s.Golds) != 2 {
		t.Fatalf("Load: batch=%v, %d golds; want a directory set of 2", s.Batch, len(s.Golds))
	}
	h := s.Golds[0]
	if h.Name != "harbour.gold.json" || h.Doc != filepath.Join("testdata", "load", "ok", "harbour.txt") || h.Published != "2024-03-06" {
		t.Errorf("first gold: name %q doc %q published %q", h.Name, h.Doc, h.Published)
	}
	if got, want := h.Events[1].Source.Role, (eval.Roles{"GOV"}); !cmp.Equal(got, want) {
		t.Errorf("role given as a string = %v, want %v", got, want)
	}
	if !h.Events[0].IsRequired() || h.Events[1].IsRequired() {
		t.Errorf("required: E1 %v, E2 %v; want true, false", h.Events[0].IsRequired(), h.Events[1].IsRequired())
	}
	if l := h.Events[0].Location; l == nil || *l.Lat != -33.0472 || *l.KM != 25 {
		t.Errorf("E1 location = %+v", l)
	}
	if q := h.Quotes[0]; q.Direct == nil || *q.Direct || !cmp.Equal(q.Speaker, []string{"minister"}) {
		t.Errorf("Q1 = %+v", q)
	}
	if s.Golds[1].Name != "summit.gold.json" || s.Golds[1].Published != "" {
		t.Errorf("second gold: %q published %q", s.Golds[1].Name, s.Golds[1].Published)
	}
}

func TestLoadBatch(t *testing.T) {
	s, err := eval.Load(filepath.Join("testdata", "load", "batch.jsonl"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !s.Batch || len(s.Golds) != 2 {
		t.Fatalf("Load: batch=%v, %d golds; want a batch of 2 (blank line skipped)", s.Batch, len(s.Golds))
	}
	var ids []string
	for _, g := range s.Golds {
		ids = append(ids, g.ID)
	}
	if diff := cmp.Diff([]string{"flood-1", "7"}, ids); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
	g := s.Golds[1]
	if !g.Partial || g.Label != "Peaceful protest" || g.Events[0].CrowdMin == nil || *g.Events[0].CrowdMin != 10 {
		t.Errorf("second gold = %+v", g)
	}

	var b strings.Builder
	if err := eval.WriteDocs(&b, s.Golds); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"flood-1","text":"Heavy rain flooded three villages in the north of the province on Sunday.","published":"2023-08-14"}` + "\n" +
		`{"id":"7","text":"On 2 May 2023, villagers blocked the highway near Sylhet to demand compensation for land taken by a power plant.","published":"2023-05-04"}` + "\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WriteDocs (-want +got):\n%s", diff)
	}
}

func TestLoadBad(t *testing.T) {
	dir := filepath.Join("testdata", "load", "bad")
	tests := []struct {
		file string
		want string // substring of the error
	}{
		{"syntax.bad.jsonl", "syntax.bad.jsonl:2: unexpected end of JSON input"},
		{"noroots.bad.jsonl", "noroots.bad.jsonl:1: event 0 (E1): no roots"},
		{"noid.bad.jsonl", `noid.bad.jsonl:1: no "id"`},
		{"latonly.bad.jsonl", "location needs both lat and lon"},
		{"role.bad.jsonl", "role: want a string or a list of strings"},
		{"nodoc", `x.gold.json: no "doc"`},
		{"published", `published "May 4": want YYYY-MM-DD`},
		{"empty", "no *.gold.json files"},
		{"missing.jsonl", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := eval.Load(filepath.Join(dir, tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load(%s) = %v, want an error containing %q", tt.file, err, tt.want)
			}
		})
	}
	if _, err := eval.Load(filepath.Join(dir, "empty")); !errors.Is(err, eval.ErrNoGold) {
		t.Errorf("Load(empty dir) = %v, want ErrNoGold", err)
	}
}
