package cameo_test

import (
	"testing"

	"github.com/annals-project/annals/internal/cameo"
)

func TestErrorList(t *testing.T) {
	var l cameo.ErrorList
	if err := l.Err(); err != nil {
		t.Errorf("empty ErrorList.Err() = %v, want nil", err)
	}
	l.Add("b.tsv", 3, "third")
	l.Add("a.tsv", 10, "tenth")
	l.Add("a.tsv", 2, "second")
	l.Add("a.tsv", 0, "whole file")
	const want = "a.tsv: whole file\na.tsv:2: second\na.tsv:10: tenth\nb.tsv:3: third"
	err := l.Err()
	if err == nil || err.Error() != want {
		t.Errorf("ErrorList.Err() = %q, want %q", err, want)
	}
}
