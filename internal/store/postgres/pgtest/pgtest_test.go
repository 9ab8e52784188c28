package pgtest_test

import (
	"testing"

	"github.com/annals-project/annals/internal/store/postgres/pgtest"
)

func TestWithSearchPath(t *testing.T) {
	tests := []struct {
		name, dsn, want string
	}{
		{"key=value", "host=127.0.0.1 port=5433 dbname=annals", "host=127.0.0.1 port=5433 dbname=annals search_path=s1"},
		{"URL", "postgres://annals@127.0.0.1:5433/annals", "postgres://annals@127.0.0.1:5433/annals?search_path=s1"},
		{"URL with a query", "postgres://127.0.0.1/annals?sslmode=disable", "postgres://127.0.0.1/annals?search_path=s1&sslmode=disable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := pgtest.WithSearchPath(tt.dsn, "s1")
			if err != nil || got != tt.want {
				t.Errorf("WithSearchPath(%q) = %q, %v; want %q", tt.dsn, got, err, tt.want)
			}
		})
	}
}
