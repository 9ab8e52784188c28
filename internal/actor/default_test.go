package actor_test

import (
	"testing"

	"github.com/annals-project/annals/internal/actor"
)

// MustDefault loads the embedded dictionaries or fails the test.
func MustDefault(tb testing.TB) *actor.Dictionary {
	tb.Helper()
	d, err := actor.Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return d
}

func TestDefault(t *testing.T) {
	d := MustDefault(t)
	if n := len(d.Countries()); n < 249 {
		t.Errorf("Countries: %d, want >= 249", n)
	}
	t.Logf("%v", d)
}
