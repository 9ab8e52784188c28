// Package actor holds annals' own actor dictionaries and the phrase matcher
// the event coder uses to find who is acting in a sentence.
//
// A Dictionary knows five kinds of phrase (see Kind): countries with their
// names and demonyms ("Iran", "Iranian", "U.S."), government metonyms
// ("the Kremlin", "Downing Street", "Beijing" used as an actor), CAMEO role
// agents ("police", "protesters", "foreign minister"), international bodies
// ("U.N. Security Council", "NATO", "Amnesty International") and dated
// office-holders ("Sergei Lavrov", RUSGOV, from 2004-03-09). Regions
// ("Europe", "the West") are a sixth, minor kind.
//
// In the pipeline the package sits between nlp and code: the coder calls
// Dictionary.Match on each sentence span and combines the matches (a
// country adjective, then an agent) into event.Actor values.
//
// # Data files
//
// Default loads the files embedded from data/; Load reads the same format
// from any fs.FS. A file is UTF-8 text, one record a line; '#' starts a
// comment line, blank lines are skipped, fields are separated by '|' and
// list fields by ';'. The first non-comment line names the format:
//
//	!format countries   CODE | Name | other names | demonyms | capital | metonyms
//	!format regions     CODE | Name | other names | demonyms
//	!format agents      phrase | ROLE | flags
//	!format orgs        CODE | COUNTRY | ROLE | Name | other names [| from | to]
//	!format persons     names | CODE | office | from | to
//
// A metonym item is "phrase" (the government, GOV) or "phrase=ROLE"
// ("Pentagon=MIL"). An org name written "~Brussels" is a metonym of the
// org. Agent flags are comma-separated: group (a collective noun such as
// "police"), plural (the phrase is already plural), nopl (no plural form),
// pl=FORM (an irregular plural), title (the phrase can stand before a
// personal name, as in "Foreign Minister X"). Dates are YYYY, YYYY-MM or
// YYYY-MM-DD; a start is widened to the first day of its period and an end
// to the last, and an empty end means "still in office". Load reports every
// bad line at once, as a sorted lineerr.List of "file:line: msg".
//
// # Codes
//
// Countries use ISO 3166-1 alpha-3 codes (plus KOS for Kosovo, as CAMEO
// does). Roles are CAMEO role codes. International bodies follow the CAMEO
// codebook convention "IGO"/"NGO" + optional CAMEO region + body tag
// (IGOUNO, IGOUNOKID for UNICEF, IGOEUREEC for the European Union,
// IGOWSTNAT for NATO); their Country is the CAMEO region code (EUR, AFR,
// MEA…) or empty for world-wide bodies, and their Role is IGO or NGO. This
// is the convention of PETRARCH-format dictionaries, so codes from the
// built-in and imported dictionaries agree.
//
// # Concurrency
//
// A Dictionary is read-only once loaded and safe for concurrent use by
// multiple goroutines. Nothing is read at package initialisation.
package actor
