// Package quote finds the direct and indirect quotations of a segmented
// Article and the span of who said each. It sits between nlp, which gives
// the sentences, and the event coder (internal/event/code), which resolves
// the speaker spans to coded actors and turns quotations into
// event.Quote records.
//
// Find is rule-based: a pure function of the Article and its sentences,
// with no model and no state, safe for concurrent use.
//
// # Direct quotations
//
// Quotation marks are paired within each block: “ ” and „ “ (German), « »,
// ‹ ›, ‘ ’ and ‚ ‘, straight " and ', and the typewriter pair ”…”. A
// single mark between letters (don’t, Kazakhstan’s, O'Brien) is an
// apostrophe, and a single opening mark without a closing one in its block
// ('90s) is dropped. Marks nest: single marks inside double ones (and the
// other way round) belong to the outer quotation. A quotation may run over
// several sentences; it is one Quote, whose Sentence is the sentence of its
// opening mark. A paragraph left open that the next paragraph reopens with
// the same mark continues there (the news convention); each paragraph gives
// a Quote of its own, the later ones carrying the speaker. A curly quotation
// left open at the end of its block runs to that end.
//
// A direct quotation is a Fragment when it has fewer than four words, or
// when it runs on inside its sentence: not introduced by a cue, a colon or
// a comma, not opening its sentence, not followed by an attribution, not
// ending with its own final punctuation (the “intelligent” people).
// Fragments are kept so that callers can decide.
//
// # Attributions
//
// An attribution is read around a cue word outside quotation marks: verbs
// of saying and their kin (said, told, added, stated, warned, wrote,
// tweeted, argued, noted, believes …), "according to", and verbs whose
// content is their object (expressed, voiced, urged, called for/on,
// criticized, cited). The speaker is the phrase before the cue — a name
// ("Kazakhstan President Kassym-Jomart Tokayev"), a pronoun, a noun phrase
// ("The Iranian Foreign Ministry official", "a spokesman for the
// ministry"), the name before an apposition ("Smith, the foreign
// minister, said") or a relative pronoun ("Smith, who said") — or the
// phrase after it when the attribution follows its content ("…,” said the
// minister). Negated and passive cues ("did not say", "was told") and
// infinitives ("declined to say") are not attributions.
//
// The content follows the cue, past a listener ("told reporters"), short
// adverbials ("on Friday", "in a statement"), "that" or a colon; or it
// precedes the attribution, back to the start of the sentence ("Prices
// rose, officials said."); a parenthetical attribution ("The plan, he
// said, will fail") gives the whole sentence. Content ends at the end of
// the sentence, or where a coordinated attribution or a new clause with a
// subject of its own begins; "X said that A, and that B" gives two
// quotations. "…, saying/adding that …" takes the speaker of the clause
// before it or the subject of the sentence.
//
// A direct quotation takes the speaker of the attribution just after its
// closing mark, or of the one that leads into its opening mark, or of one
// whose content holds it, or else of the nearest one before it in its
// sentence; a name after a dash ("“…” ― Carla Sanchez") and the subject
// of a sentence whose colon introduces the quotation also serve. An
// indirect quotation is the content of an attribution, dropped when
// quotation marks cover most of it (the direct quotation says it).
//
// A lone capitalised word opening a sentence ("Shares added …") is a weak
// speaker: it counts before verbs of saying, or when the same word appears
// capitalised inside another sentence of the article (a name), or when
// "that", a colon or a quotation follows the cue.
//
// # Speakers carried over
//
// A direct quotation that is not a fragment and has no speaker takes, as
// Inferred, the speaker of the last quotation in its paragraph or the
// paragraph before. Such a quotation, and the second part of a quotation
// interrupted by its attribution (“A,” she said, “B.”), Continues the one
// before: callers that want one statement per speech join them. A Pronoun
// speaker gets an Antecedent: the speaker of a quotation whose content
// holds it, or else the last Named or Nominal speaker in the last two
// blocks.
//
// # Embedded posts and block quotations
//
// Each Block of kind "post" is a direct quotation of kind Post, whose
// Speaker is the author's name in the following "signature" block
// (Block.Author found in its text), or that whole block. A block quotation
// is a direct quotation, spoken by the attribution that ends the block
// before it with a colon.
package quote
