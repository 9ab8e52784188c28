// Package tabari reads PETRARCH/TABARI-format dictionaries (verbs, actors,
// agents, discards) so that `annals code` can run on a user's own
// dictionaries, and codes tokenized sentences with them the way PETRARCH
// does, without a parse tree (Matcher).
//
// It sits beside the coder: cmd/annals loads a Set with LoadSet and hands
// the Dictionaries to the coding stage. Parsed values are plain read-only
// data and are safe for concurrent use; a Matcher is too.
//
// # Errors
//
// Parsers read the whole input and report every bad line at once, sorted,
// as one lineerr.List of "file:line: msg" entries; nothing is half-loaded and
// nothing panics. Lines that PETRARCH reads without complaint but that look
// wrong are accepted and listed in Dictionaries.Warnings (the stock Phoenix
// and CAMEO files have a few dozen: 7- and 9-digit dates, actors without a
// code, "[~ENV}", a garbled pattern). Comments are "#" or ";" to the end of
// the line and "<!-- … -->" over any number of lines; "[###]" is not a
// comment.
//
// # Verbs
//
// A verb file holds synsets, verb blocks and transformations:
//
//	&CURRENCY            a synset; "&NAME_" generates no plurals
//	+DOLLAR              a member; plurals are generated unless it ends in "_"
//	+&OTHERSET           a nested synset
//	--- GRANT [070] ---  a block and its default code ("---" when none)
//	GRANT                a verb; -s, -ed and -ing forms are generated
//	GIVE {GAVE GIVEN}    a verb with all of its other forms listed
//	+CORDON_OFF [172]    a multi-word verb; "+" marks the inflected word
//	- $ * &CURRENCY TO + [071]   a pattern
//	~ a (a b X) SAY = …  a PETRARCH2 transformation, kept as text
//
// Every block's patterns apply to every verb of the block; VerbPattern.Verb
// names the block's first verb. A pattern is a sequence of Elems with
// exactly one "*" (ElemVerb): words (stored lower-case), "&SYNSET"
// references, "$" source, "+" target, "%" compound actor, "^" skip one noun
// phrase, and TABARI "{A | B C}" alternatives (ElemAlt). Words joined by
// "_" must be consecutive (Elem.Glued on the first); words separated by
// blanks may have other words between them; "WORD_ " is an open match.
// PETRARCH2's "(PREP NOUN)" prepositional phrases and "{MODIFIER HEAD}"
// noun phrases are flattened into the sequence, with Elem.Prep and
// Elem.Noun numbering the group each element came from. A synset reference
// glued to more words takes the longest defined name: "&TIETYPES_MEMOS" is
// &TIETYPES then "memos". A pattern that names an undefined synset is
// dropped with a warning, as PETRARCH drops it.
//
// # Actors, agents, discards
//
// Actor entries are a name line, "+" synonym lines and code lines. A code
// is "[CODE]" or "[CODE RESTRICTION]" with RESTRICTION "<DATE", ">DATE" or
// "DATE-DATE" (inclusive, DATE as YYMMDD or YYYYMMDD, 00–30 → 20YY), on
// the name line or on lines of their own. Names are stored lower-case, "_"
// read as a blank. Agents are "NOUN {PLURAL} [~CODE]" ("{}": no plural;
// none given: the regular plural), with "!PERSON! = MAN, MEN" substitution
// sets. Discards are phrases, "+" for a whole-story discard.
//
// # Matching
//
// Matcher codes one sentence, given as Tokens (lower-case words, punctuation
// included, with byte spans; the nlp package's tokens convert directly), on
// a date. It works on the flat token sequence, approximating with a few
// rules what PETRARCH reads off its parse tree:
//
//   - a discard phrase (a stem unless it ends in "_") drops the sentence;
//   - actors are the longest matches of actor names and agent nouns; an
//     actor with adjacent agents ("Gondor's army", "the army of Gondor")
//     is one noun phrase coded like PETRARCH ("GON" + "~MIL" = "GONMIL",
//     "NGO~" prefixes), an agent alone is "---ROLE"; "A and B", "A, B and
//     C", "neither A nor B" are compounds, coded as one event per member;
//   - a verb is any form of a dictionary verb not used as a noun (after a
//     determiner: "a brief visit"); its block's patterns are tried around
//     it and the one with the most elements wins, else the verb's code; a
//     "---" result falls back to the verb's code, as in PETRARCH;
//   - without "$"/"+" in the pattern, the target is the first noun phrase
//     after the verb and the source the nearest one before it, neither
//     crossing a clause boundary (punctuation, "after", "that", "who"…);
//     "X was opposed by Y" swaps them; a verb after "and" keeps the
//     previous verb's source; "042:043" codes both directions;
//   - events whose source or target is uncoded ("---"), or whose source
//     and target codes are equal, are dropped (PETRARCH's require_dyad).
//
// On PETRARCH's 284 unit-test records, with its validation dictionaries,
// the matcher reproduces the expected events exactly for 221 (220 with the
// nlp tokenizer); see TestUnitRecords.
package tabari
