// Package code assigns CAMEO event codes to the sentences of an article:
// who did what to whom, with the CAMEO code, Goldstein value, quad class,
// PLOVER type and ACLED type, and the evidence (sentence, spans, rule).
//
// The coder is rule-based and needs no parse tree. For each sentence it
// finds actor phrases (internal/actor dictionaries, titles and names learned
// from the same document), event triggers (the verb dictionary,
// data/verbs.txt, in the format of data/FORMAT.md), and then links each
// trigger to its source and target by position: the subject before the
// verb, the object after it, the agent after "by" in the passive. It drops
// what did not happen — negated acts, acts announced with "threatened to",
// "plans to", "will", acts asked for with "urged … to" — and reported
// speech gives the embedded event the speaker as its attribution.
//
// A Coder is read-only after New and safe for concurrent use.
package code
