package tsv_test

import (
	"testing"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/annals-project/annals/internal/tsv"
	"github.com/google/go-cmp/cmp"
)

func TestRead(t *testing.T) {
	header := []string{"code", "name"}
	tests := []struct {
		name  string
		data  string
		opt   tsv.Options
		want  []tsv.Line
		nerrs int
	}{
		{"lines", "\uFEFF# comment\ncode\tname\n\n01\tone\r\n02\ttwo\n", tsv.Options{},
			[]tsv.Line{{N: 4, Fields: []string{"01", "one"}}, {N: 5, Fields: []string{"02", "two"}}}, 0},
		{"empty field refused", "code\tname\n01\t\n", tsv.Options{}, nil, 1},
		{"empty field allowed", "code\tname\n01\t\n", tsv.Options{Empty: true}, []tsv.Line{{N: 2, Fields: []string{"01", ""}}}, 0},
		{"bad header, short line, spaces", "code\tnom\n01\n02\t two\n", tsv.Options{}, nil, 3},
		{"no header", "# only a comment\n", tsv.Options{}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs lineerr.List
			got := tsv.Read("t.tsv", []byte(tt.data), header, tt.opt, &errs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Read mismatch (-want +got):\n%s", diff)
			}
			if n := errs.Len(); n != tt.nerrs {
				t.Errorf("%d errors, want %d: %v", n, tt.nerrs, errs.Err())
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add("code\tname\n01\tone\n")
	f.Fuzz(func(t *testing.T, data string) {
		var errs lineerr.List
		for _, l := range tsv.Read("f.tsv", []byte(data), []string{"code", "name"}, tsv.Options{}, &errs) {
			if len(l.Fields) != 2 {
				t.Fatalf("line %d has %d fields", l.N, len(l.Fields))
			}
		}
	})
}
