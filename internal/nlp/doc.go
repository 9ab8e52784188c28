// Package nlp splits news text into sentences and tokens, as byte spans
// (event.Span) into an Article's Text. It sits between the readers, which
// produce an Article with Blocks, and the coder, which matches dictionaries
// against the tokens of each sentence.
//
// Everything here is a pure function of its arguments: there is no model to
// load and no state. The package is safe for concurrent use. Both scanners
// work on bytes and use no regular expressions; Split and Tokens allocate
// only to grow the slice they are given.
//
// # Sentences
//
// Sentences never cross a block. Within a block, a sentence ends after a
// run of ".", "?", "!" or "…", plus any closing quotes and brackets
// (`… he said.” Next`), when white space and then a word that is not
// lower-case follow. What precedes a single period refines this:
//
//   - Titles and connectives never end a sentence: Mr. Mrs. Ms. Dr. Prof.
//     Gen. Lt. Col. Capt. Sgt. Gov. Sen. Rep. Rev. vs. v. e.g. i.e. cf.
//   - Months and numbering words (Jan. … Dec., Sept., No., Art., Vol.) do
//     not end one before a digit: "Jan. 6", "No. 10".
//   - Initials, dotted acronyms and name parts (F., J.R.R., U.S., U.K.,
//     U.N., St., Mt., Jr., AP state abbreviations such as Calif.) end one
//     only when the next word is a common sentence opener ("The", "He",
//     "But", "In", "Mr", …; not "And" or auxiliaries, which after an
//     abbreviation are mostly title case) or follows an opening quote:
//     "in the U.S. The talks" splits, "the U.S. Treasury" and "John F.
//     Kennedy" do not. Company suffixes (Inc., Corp., Ltd., Co.) also end
//     one before a capitalised word followed by a lower-case one ("Acme
//     Inc. Shares fell"), not before a title ("Acme Inc. Chief Executive").
//   - "a.m." and "p.m." end one unless a time zone follows ("10 a.m. GMT").
//   - A number or a letter that opens the sentence is a list marker
//     ("1. The first demand").
//   - "3.5", "1,200", "example.com" and "U.S.-based" hold no boundary:
//     a terminator must be followed by white space.
//
// After "?", "!" or a closing quote, a lower-case word continues the
// sentence (“Why?” he asked), and so does an attribution of up to four
// words ending in a verb of saying (“Why?” Smith asked). A parenthetical
// without final punctuation of its own after a period, such as a photo
// credit "(Photo: Name/Agency)", stays with the sentence before it.
//
// Some line breaks end a sentence whatever precedes them: a blank line; a
// line that starts a list item ("•", "*", "▪" always; "-", "—", "1.",
// "2)" when the line before ends in punctuation or is an item of the same
// kind, so hard-wrapped wire copy stays whole); a line after one that ends
// in a colon, when it starts with a capital or a quote. The signature line
// of an embedded post ("— Name (@handle) January 6, 2022") is a sentence of
// its own, even on the line of the post. Other line breaks are plain white
// space, so a headline without final punctuation merges with the next line
// unless it is a block of its own: readers should give each paragraph,
// heading and caption its own block. A block without final punctuation is
// one sentence. List markers stay in their item's span.
//
// # Tokens
//
// Tokens skips white space and yields, in order:
//
//   - Word: letters, digits and combining marks, joined by inner hyphens
//     ("well-trained", "Kassym-Jomart", "COVID-19", "U.S.-based"), inner
//     apostrophes ("O'Brien", "d’Ivoire"), and "&" between capitals
//     ("AT&T"). Dotted abbreviations keep their periods ("U.S.", "e.g.",
//     "a.m.", "J.R.R."). A known abbreviation or an initial keeps its
//     final period ("Mr.", "Jan. 6", "F.") unless the period ends the span,
//     where it is the sentence's full stop; dotted abbreviations keep it
//     even there.
//   - Number: a word that starts with a digit and has no letters except a
//     suffix s, st, nd, rd, th, k, m, mn, bn or tn; with inner periods,
//     thousands commas, colons and slashes between digits ("3.5",
//     "1,200", "10:30", "1/2", "2021-22", "1980s", "21st"). A digit-led
//     word with other letters is a Word ("5G", "10-year-old"). Signs and
//     currency symbols are separate tokens.
//   - Clitic: the second half of a contraction, split off its word as in
//     the Penn Treebank: "didn't" → "did" "n't", "can't" → "ca" "n't",
//     "won't" → "wo" "n't", "Kazakhstan's" → "Kazakhstan" "'s", "they're"
//     → "they" "'re", with "'" or "’". Both halves carry FlagContraction;
//     Norm expands them. A trailing apostrophe ("protesters'") is Punct.
//   - Hashtag "#word" (at least one letter), Mention "@handle" (both with
//     case flags, so Norm lower-cases them), URL (with
//     http://, https:// or www., or a domain whose last label is two to
//     six lower-case letters, optionally with a path: "pic.twitter.com/x"),
//     Email; trailing sentence punctuation is not part of a URL.
//   - Punct: one mark each, except that runs of periods ("...") and of
//     hyphens ("--") are one token. Curly quotes and apostrophes, dashes
//     and "…" are Punct.
//   - Symbol: everything else ("$", "%", "€", emoji, invalid bytes).
//
// Flags record the token's case (FlagCap, FlagAllCaps, FlagUpper), its
// position (FlagInitial: the first token of the span that is not
// punctuation) and its form (FlagAbbrev, FlagHyphen, FlagDigit, FlagApos,
// FlagContraction). Lower, AppendLower and Norm give the forms a rule
// matcher compares.
package nlp
