package lineerr_test

import (
	"errors"
	"testing"

	"github.com/annals-project/annals/internal/lineerr"
	"github.com/google/go-cmp/cmp"
)

func TestList(t *testing.T) {
	var l lineerr.List
	if l.Err() != nil {
		t.Fatalf("empty list: Err() = %v, want nil", l.Err())
	}
	l.Add("verbs.txt", 12, "unknown code %q", "999")
	l.Add("actors.txt", 3, "missing code")
	l.Add("verbs.txt", 2, "empty pattern")
	err := l.Err()
	want := "actors.txt:3: missing code\nverbs.txt:2: empty pattern\nverbs.txt:12: unknown code \"999\""
	if err == nil || err.Error() != want {
		t.Fatalf("Err() = %v, want\n%s", err, want)
	}
	var list lineerr.List
	if !errors.As(err, &list) || list.Len() != 3 {
		t.Errorf("errors.As(List) failed or wrong length: %v", list)
	}
}

func TestListMethods(t *testing.T) {
	errKind := errors.New("kind")
	tests := []struct {
		name    string
		add     func(l *lineerr.List)
		want    []string
		wantIs  bool
		wantErr string
	}{
		{
			name: "whole file first",
			add: func(l *lineerr.List) {
				l.Add("b.tsv", 3, "third")
				l.Add("a.tsv", 10, "tenth")
				l.Add("a.tsv", 0, "whole file")
			},
			want:    []string{"a.tsv: whole file", "a.tsv:10: tenth", "b.tsv:3: third"},
			wantErr: "a.tsv: whole file\na.tsv:10: tenth\nb.tsv:3: third",
		},
		{
			name: "same line keeps order",
			add: func(l *lineerr.List) {
				l.Add("v.txt", 4, "zeta")
				l.Add("v.txt", 4, "alpha")
			},
			want:    []string{"v.txt:4: zeta", "v.txt:4: alpha"},
			wantErr: "v.txt:4: zeta\nv.txt:4: alpha",
		},
		{
			name: "kind reached by errors.Is",
			add: func(l *lineerr.List) {
				l.Add("a.txt", 2, "plain")
				l.AddErr(errKind, "a.txt", 1, "bad %s", "code")
			},
			want:    []string{"a.txt:1: bad code", "a.txt:2: plain"},
			wantIs:  true,
			wantErr: "a.txt:1: bad code\na.txt:2: plain",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l lineerr.List
			tt.add(&l)
			if diff := cmp.Diff(tt.want, l.Strings()); diff != "" {
				t.Errorf("Strings() (-want +got):\n%s", diff)
			}
			err := l.Err()
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Err() = %v, want %q", err, tt.wantErr)
			}
			if got := errors.Is(err, errKind); got != tt.wantIs {
				t.Errorf("errors.Is(Err(), kind) = %v, want %v", got, tt.wantIs)
			}
		})
	}
}
