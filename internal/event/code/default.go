package code

import (
	"embed"
	"fmt"

	"github.com/annals-project/annals/internal/actor"
	"github.com/annals-project/annals/internal/cameo"
	"github.com/annals-project/annals/internal/geo"
)

//go:embed data/verbs.txt data/irregular.txt
var builtin embed.FS

// DefaultVerbs loads the built-in verb dictionary, checking its codes
// against codes.
func DefaultVerbs(codes *cameo.Table) (*Dictionary, error) {
	return LoadDictionary(builtin, "data/verbs.txt", "data/irregular.txt", func(c string) bool {
		_, ok := codes.Lookup(cameo.Code(c))
		return ok
	})
}

// Default returns a coder with the built-in dictionaries and code tables.
func Default() (*Coder, error) {
	codes, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("code tables: %w", err)
	}
	verbs, err := DefaultVerbs(codes)
	if err != nil {
		return nil, fmt.Errorf("verb dictionary: %w", err)
	}
	actors, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("actor dictionary: %w", err)
	}
	places, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return New(Config{Verbs: verbs, Actors: actors, Codes: codes, Places: places})
}
