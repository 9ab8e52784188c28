package tabari

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/annals-project/annals/internal/lineerr"
)

// A Set names the dictionary files of one coding run. Empty names are
// skipped, so a Set may name only some of the dictionaries.
type Set struct {
	Verbs    string
	Actors   []string
	Agents   string
	Discards string
}

// Dictionaries holds every dictionary of a Set. It is read-only once
// loaded, and safe for concurrent use.
type Dictionaries struct {
	Verbs    *Verbs  // nil when the Set names no verbs file
	Actors   []Actor // the actors of every file, in Set order
	Agents   []Agent
	Discards []string
	// Warnings lists lines that were read the way PETRARCH reads them but
	// look wrong, or were skipped as PETRARCH skips them (an agent without
	// a code, a pattern naming an undefined synset, a 9-digit date…).
	Warnings lineerr.List
}

// LoadSet reads every file of paths from disk. It returns nil and one
// error that lists every bad line of every file, sorted as
// "file:line: msg", or the complete Dictionaries: never half of them.
func LoadSet(paths Set) (*Dictionaries, error) {
	var (
		errs  lineerr.List
		ioErr []error
		dict  = &Dictionaries{}
	)
	read := func(path string, parse func(*diag, io.Reader) error) {
		if path == "" {
			return
		}
		f, err := os.Open(path)
		if err != nil {
			ioErr = append(ioErr, fmt.Errorf("load dictionary: %w", err))
			return
		}
		defer f.Close()
		if err := parse(&diag{file: path, errs: &errs, warns: &dict.Warnings}, f); err != nil {
			ioErr = append(ioErr, fmt.Errorf("load dictionary %s: %w", path, err))
		}
	}
	read(paths.Verbs, func(d *diag, r io.Reader) (err error) {
		dict.Verbs, err = parseVerbs(d, r)
		return err
	})
	for _, p := range paths.Actors {
		read(p, func(d *diag, r io.Reader) error {
			a, err := parseActors(d, r)
			dict.Actors = append(dict.Actors, a...)
			return err
		})
	}
	read(paths.Agents, func(d *diag, r io.Reader) (err error) {
		dict.Agents, err = parseAgents(d, r)
		return err
	})
	read(paths.Discards, func(d *diag, r io.Reader) (err error) {
		dict.Discards, err = parseDiscards(d, r)
		return err
	})
	if err := errs.Err(); err != nil {
		ioErr = append(ioErr, err)
	}
	switch len(ioErr) {
	case 0:
	case 1:
		return nil, ioErr[0]
	default:
		return nil, errors.Join(ioErr...)
	}
	dict.Warnings.Sort()
	return dict, nil
}
