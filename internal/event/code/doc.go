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
// Nouns of events are coded as events when the sentence reports them
// ("clashes erupted", "a strike by teachers"), not when they are a
// backdrop ("after the attack", "ahead of the rally"), an old event ("the
// 2019 protests", "the strike of 1984"), still planned ("a strike planned
// for Monday"), a kind of event ("strikes have become more common"), or
// what another event is about ("an investigation into the killing of
// protesters"). Disasters and accidents are not actors, animals are not
// victims, and words of force in sentences about sport are play.
//
// ACLED types follow from the CAMEO code and the sentence (acled.go): its
// weapons (air strikes, shelling, explosives, suicide bombs, grenades,
// chemicals), who acted on whom (state forces on demonstrators intervene,
// or use excessive force when they kill; demonstrators who turn violent
// riot; a civilian crowd's close-range violence is mob violence), and what
// ACLED leaves out (ordinary crime, private disputes, arrests of suspects
// in crime, agreements that are not about fighting).
//
// A Coder is read-only after New and safe for concurrent use.
package code
