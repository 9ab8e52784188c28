package lineerr_test

import (
	"errors"
	"testing"

	"github.com/annals-project/annals/internal/lineerr"
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
