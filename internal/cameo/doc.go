// Package cameo holds the versioned code tables the event coder assigns
// from: every CAMEO event code with its name, Goldstein weight and quad
// class, the code's PLOVER event type, mode and context, its ACLED event
// type and sub-event type, and the CAMEO role (agent) codes.
//
// The tables are tab-separated text files embedded from data/ (each file's
// header cites its sources). Default and DefaultRoles parse the embedded
// copies; Load and LoadRoles read the same format from any fs.FS, reporting
// every bad line as a sorted lineerr.List of "file:line: msg" entries.
//
// The package sits beside the coder (internal/event/code), which looks codes
// up after it has chosen one. ACLED categories depend on more than the code
// (who the target is, the weapon, whether the police intervened); Table.ACLED
// applies the documented rules to an ACLEDContext.
//
// A loaded *Table or *Roles is never modified and is safe for concurrent use.
package cameo
