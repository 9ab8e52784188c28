package actor

import "errors"

// ErrSyntax is wrapped by every bad line of a Load error (a lineerr.List),
// so errors.Is(err, ErrSyntax) tells a bad dictionary line from an I/O
// failure.
var ErrSyntax = errors.New("dictionary syntax error")
