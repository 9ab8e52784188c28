package quote

// wclass is a set of word classes the attribution rules test. Words are
// looked up in lower case; a word may have several classes.
type wclass uint32

const (
	wDet     wclass = 1 << iota // the, a, his, their, several: opens a noun phrase
	wPrep                       // in, on, with, about: ends a noun phrase
	wNPPrep                     // of, for, at, with, from, in: may join two phrases inside a speaker phrase
	wConj                       // and, but, while, because
	wRel                        // who, whom, whose, which
	wThat                       // that
	wAux                        // has, had, will, would, did
	wBe                         // is, was, were, been
	wNeg                        // not, never, n't
	wPron                       // he, she, they, we, I, it, you
	wObjPron                    // him, them, us, me
	wAdv                        // also, later, repeatedly, however
	wTime                       // Monday, yesterday, morning
	wSpk                        // official, spokesman, ministry, police: nouns that head a speaker phrase
	wLink                       // familiar, close: adjectives that take a phrase inside a speaker phrase
	wTo                         // to
	wAs                         // as
	wWh                         // whether, if: open the content of "asked"
	wCue                        // a verb form that introduces a quotation; see cueFlags
)

// stop is the set of classes that end a noun phrase.
const stop = wPrep | wConj | wRel | wThat | wAux | wNeg | wPron | wObjPron | wAdv | wTo | wAs | wWh

// cueFlags describe how a cue verb form behaves.
type cueFlags uint16

const (
	cStrong    cueFlags = 1 << iota // said, says, told: any noun phrase before it is a speaker
	cBare                           // may take a clause without "that": "said the plan failed"
	cPost                           // may follow its content: "…, he added."
	cInv                            // may precede its speaker after the content: "…, said the minister."
	cListen                         // takes a listener first: "told reporters"
	cTo                             // takes "listener to …": "urged Israelis to leave"
	cObj                            // the content is the object: "expressed concern over …"
	cIng                            // a present participle: "…, saying that …"
	cPast                           // a past participle: after "was" it is passive, not a cue
	cNoun                           // also a noun ("claims", "reports"): needs "that", a colon or a quote
	cPart                           // needs a particle: "called for", "called on", "appealed for"
	cAccording                      // "according" (to)
	cBareNamed                      // may take a bare clause after a name, a pronoun or a speaker noun: "Lynch notes they …"
	cInf                            // may take a to-infinitive as content: "vowed to form a task force"
	cNamed                          // without a particle, names its object: "called Trump a “con artist”"
)

// An entry is what the lexicon knows about one lower-case word.
type entry struct {
	w wclass
	c cueFlags
}

// Cue flag sets shared by the forms of one verb.
const (
	fSay    = cStrong | cBare | cPost | cInv
	fBare   = cBare | cPost | cInv
	fPostI  = cPost | cInv
	fPost   = cPost
	fThat   = cueFlags(0)
	fObj    = cObj
	fIngSay = cIng | cStrong | cBare
	fIngB   = cIng | cBare
	fIngT   = cIng
)

func cue(c cueFlags) entry { return entry{w: wCue, c: c} }

// lookup returns the lexicon entry of w, which must be lower case. It
// allocates nothing.
func lookup(w string) entry {
	e := base(w)
	if e.w&wCue != 0 {
		e.c |= extra(w)
	}
	return e
}

// extra returns the cue flags that some forms add to those of base.
func extra(w string) cueFlags {
	switch w {
	case "note", "notes", "noted", "show", "shows", "showed", "found", "finds", "suggest",
		"suggests", "suggested", "indicate", "indicates", "indicated", "warn", "warns", "warned",
		"acknowledge", "acknowledges", "acknowledged", "concede", "concedes", "conceded",
		"predict", "predicts", "predicted", "announce", "announces", "announced", "confirm",
		"confirms", "confirmed", "admit", "admits", "admitted", "recall", "recalls", "recalled",
		"hope", "hopes", "hoped", "fear", "fears", "feared", "estimate", "estimates", "estimated",
		"reported", "wrote", "writes", "tweeted", "stressed", "emphasized", "emphasised",
		"declared", "explained", "agree", "agrees", "agreed",
		"testified", "mentioned", "revealed", "disclosed", "alleged", "alleges", "conclude",
		"concluded", "asserted", "asserts", "complained":
		return cBareNamed
	case "vow", "vows", "vowed", "pledge", "pledges", "pledged", "promise", "promises",
		"promised", "threaten", "threatens", "threatened", "vowing", "pledging", "promising",
		"threatening":
		return cInf
	}
	return 0
}

// base returns the lexicon entry of w before extra.
func base(w string) entry {
	switch w {
	// Determiners and quantifiers.
	case "the", "a", "an", "this", "these", "those", "his", "its", "their", "our", "my", "your",
		"some", "any", "many", "several", "each", "every", "both", "no", "another", "other", "all",
		"most", "few", "two", "three", "four", "one", "none":
		return entry{w: wDet}
	case "her":
		return entry{w: wDet | wObjPron}
	// Prepositions.
	case "of", "for":
		return entry{w: wPrep | wNPPrep}
	case "at", "with", "from", "in":
		return entry{w: wPrep | wNPPrep}
	case "on", "by", "about", "into", "onto", "over", "under", "after", "before", "during", "since",
		"through", "against", "between", "among", "without", "within", "across", "toward", "towards",
		"upon", "via", "per", "despite", "amid", "amidst", "near", "like", "unlike", "following",
		"including", "outside", "inside", "beyond", "behind", "below", "above", "around", "along",
		"off", "out", "up", "down", "than":
		return entry{w: wPrep}
	case "to":
		return entry{w: wTo}
	case "as":
		return entry{w: wAs}
	case "whether", "if":
		return entry{w: wWh}
	// Conjunctions and subordinators.
	case "and", "or", "but", "nor", "so", "yet", "because", "although", "though", "while",
		"whereas", "when", "where", "unless", "until", "once", "then":
		return entry{w: wConj}
	case "who", "whom", "whose", "which", "what":
		return entry{w: wRel}
	case "that":
		return entry{w: wThat}
	// Auxiliaries.
	case "is", "are", "was", "were", "be", "been", "being", "am":
		return entry{w: wAux | wBe}
	case "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can",
		"could", "may", "might", "must", "ca", "wo", "sha":
		return entry{w: wAux}
	case "not", "never", "n't", "n’t", "neither":
		return entry{w: wNeg}
	// Pronouns.
	case "he", "she", "they", "we", "i", "it", "you":
		return entry{w: wPron}
	case "him", "them", "us", "me":
		return entry{w: wObjPron}
	// Adverbs met between a speaker and a cue, or after a cue.
	case "also", "later", "earlier", "previously", "repeatedly", "recently", "again", "still",
		"now", "already", "often", "long", "publicly", "privately", "reportedly", "separately",
		"further", "flatly", "firmly", "quickly", "immediately", "simply", "just", "even", "however",
		"too", "subsequently", "initially", "finally", "angrily", "bluntly", "openly",
		"frequently", "consistently", "clearly", "explicitly", "specifically", "formally",
		"officially", "directly", "personally", "similarly", "meanwhile", "herself",
		"himself", "themselves", "itself", "reiterating", "only", "jointly", "strongly",
		"sharply", "roundly", "emphatically", "categorically", "insistently", "confidently",
		"tearfully", "defiantly", "calmly", "forcefully", "softly", "loudly":
		return entry{w: wAdv}
	case "january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.":
		return entry{w: wTime}
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week",
		"month", "year", "weekend", "overnight":
		return entry{w: wTime}
	case "familiar", "close", "briefed", "knowledgeable", "involved", "knowledge":
		return entry{w: wLink}

	// Cue verbs. See the cueFlags constants.
	case "say", "says", "said":
		e := cue(fSay)
		if w == "said" {
			e.c |= cPast
		}
		return e
	case "saying":
		return cue(fIngSay)
	case "tell", "tells":
		return cue(cStrong | cBare | cPost | cListen | cTo)
	case "told":
		return cue(cStrong | cBare | cPost | cListen | cTo | cPast)
	case "telling":
		return cue(cIng | cBare | cListen | cTo)
	case "add", "adds":
		return cue(fBare)
	case "added":
		return cue(fBare | cPast)
	case "adding":
		return cue(fIngB)
	case "argue", "argues", "insist", "insists", "contend", "contends", "claim":
		return cue(fBare)
	case "argued", "insisted", "contended", "claimed":
		return cue(fBare | cPast)
	case "arguing", "insisting", "claiming":
		return cue(fIngB)
	case "claims":
		return cue(cNoun | cPost)
	case "believe", "believes", "think", "thinks":
		return cue(cBare | cPost)
	case "believed":
		return cue(cBare | cPost | cPast)
	case "thought":
		return cue(cBare | cPost | cPast | cNoun)
	case "state", "stated":
		return cue(fPost | cPast)
	case "states":
		return cue(cNoun)
	case "stating":
		return cue(fIngT)
	case "write", "writes", "wrote", "tweet", "tweeted", "posted", "reads":
		return cue(fPostI)
	case "tweets", "posts", "read":
		return cue(cNoun)
	case "ask", "asks":
		return cue(fPostI | cTo)
	case "asked":
		return cue(fPostI | cTo | cPast)
	case "asking":
		return cue(cIng | cTo)
	case "reply", "replies", "replied", "respond", "responds", "responded", "answered",
		"continued", "continues", "countered", "retorted", "quipped", "joked", "shouted",
		"exclaimed", "wondered", "explain", "explains", "explained", "note", "noted", "stress",
		"stresses", "stressed", "emphasize", "emphasizes", "emphasized", "emphasise",
		"emphasises", "emphasised", "declare", "declares", "declared", "acknowledge",
		"acknowledges", "acknowledged", "suggest", "suggests", "suggested", "recall", "recalls",
		"recalled", "concede", "concedes", "conceded", "complain", "complains", "complained",
		"remark", "remarked", "observe", "observed", "assert", "asserts", "asserted", "cautioned",
		"lamented", "boasted", "mused", "recounted", "testified", "predicted", "admitted",
		"confirmed", "announced", "reported", "concluded", "commented", "reiterated",
		"maintained", "feared", "estimated":
		return cue(fPostI)
	case "warn", "warns", "warned", "caution", "cautions":
		return cue(fPostI | cTo)
	case "notes", "hopes", "fears", "promises", "pledges", "vows", "estimates", "comments",
		"remarks", "answers", "counters", "demands", "voices", "signals", "charges", "finds",
		"shows", "reports":
		return cue(cNoun)
	case "noting", "explaining", "stressing", "emphasizing", "emphasising", "warning",
		"acknowledging", "suggesting", "recalling", "conceding", "complaining", "asserting",
		"predicting", "declaring", "announcing", "reporting", "writing", "tweeting":
		return cue(fIngT)
	case "announce", "confirm", "confirms", "admit", "admits", "predict", "predicts",
		"conclude", "concludes", "comment", "reiterate", "reiterates", "maintain",
		"maintains", "fear", "estimate", "testify", "testifies", "reveal", "reveals", "revealed",
		"disclose", "discloses", "disclosed", "indicate", "indicates", "indicated", "signal",
		"signaled", "signalled", "show", "showed", "agree", "agrees", "agreed", "allege",
		"alleges", "alleged", "mention", "mentions", "mentioned", "deny", "denies", "denied",
		"promise", "promised", "vow", "vowed", "pledge", "pledged", "hope", "hoped", "expect",
		"expects", "expected", "found", "inform", "informs", "informed", "announces":
		e := cue(fThat)
		if w == "found" || w == "expected" || w == "informed" || w == "alleged" || w == "denied" {
			e.c |= cPast
		}
		if w == "inform" || w == "informs" || w == "informed" {
			e.c |= cListen
		}
		return e
	case "urge", "urges", "urged", "exhort", "exhorts", "exhorted", "implore", "implored", "advise", "advised":
		return cue(fObj | cTo)
	case "urging":
		return cue(cIng | fObj | cTo)
	case "demand", "demanded", "express", "expresses", "expressed", "voice", "voiced":
		return cue(fObj)
	case "expressing", "voicing", "demanding":
		return cue(cIng | fObj)
	case "call", "calls", "called":
		return cue(fObj | cNamed)
	case "appeal", "appeals", "appealed":
		return cue(fObj | cPart)
	case "calling", "appealing":
		return cue(cIng | fObj | cPart)
	case "according":
		return cue(cAccording)
	case "describe", "describes", "described", "labeled", "labelled", "dubbed", "branded":
		return cue(fObj)
	case "pointed", "points", "point":
		return cue(cPart | cPost)
	case "cite", "cites", "cited":
		return cue(fObj)
	case "citing":
		return cue(cIng | fObj)
	case "threaten", "threatens", "threatened", "vowing", "pledging", "promising", "threatening":
		return cue(fThat)

	// Nouns that head a speaker phrase.
	case "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
		"spokespeople", "minister", "ministers", "ministry", "ministries", "president", "premier",
		"chancellor", "secretary", "ambassador", "envoy", "diplomat", "diplomats", "aide", "aides",
		"adviser", "advisers", "advisor", "advisors", "source", "sources", "analyst", "analysts",
		"expert", "experts", "police", "military", "army", "government", "governments",
		"authorities", "authority", "agency", "agencies", "media", "newspaper", "newspapers",
		"outlet", "broadcaster", "company", "companies", "firm", "firms", "bank", "banks", "group",
		"groups", "party", "parties", "campaign", "organization", "organisation", "organizers",
		"organisers", "leader", "leaders", "chief", "head", "director", "directors", "executive",
		"executives", "manager", "chairman", "chairwoman", "chair", "ceo", "governor", "mayor",
		"senator", "senators", "lawmaker", "lawmakers", "legislator", "legislators", "congressman",
		"congresswoman", "representative", "representatives", "commander", "commanders",
		"general", "officer", "officers", "soldier", "soldiers", "witness", "witnesses",
		"resident", "residents", "activist", "activists", "protester", "protesters", "protestors",
		"demonstrators", "rebels", "militants", "doctor", "doctors", "lawyer", "lawyers",
		"attorney", "attorneys", "prosecutor", "prosecutors", "judge", "judges", "court",
		"report", "statement", "statements", "study", "survey", "poll", "polls", "document",
		"documents", "letter", "memo", "filing", "researchers", "scientists", "economist",
		"economists", "trader", "traders", "dealer", "dealers", "observers", "critics",
		"supporters", "opponents", "candidate", "nominee", "member", "members", "union", "unions",
		"council", "committee", "commission", "board", "office", "embassy", "team", "staff",
		"people", "person", "someone", "others", "administration", "department",
		"service", "daughter", "son", "wife", "husband", "mother",
		"father", "friend", "friends", "colleague", "colleagues", "voter", "voters", "worker",
		"workers", "farmer", "farmers", "student", "students", "teacher", "teachers", "woman",
		"man", "women", "men", "owner", "owners", "investor", "investors",
		"strategist", "strategists", "coalition", "alliance", "movement", "opposition",
		"regime", "junta", "cabinet", "parliament", "congress", "senate", "kremlin", "pentagon", "un", "nato", "eu", "delegation", "delegate", "delegates",
		"negotiator", "negotiators", "mediator", "mediators", "professor", "researcher",
		"scientist", "historian", "author", "journalist", "journalists", "reporter", "reporters",
		"correspondent", "columnist", "editor", "editorial", "article", "data",
		"figures", "release", "communique", "communiqué", "declaration", "commentator", "commentators", "operator", "operators", "driver", "drivers", "shopkeeper", "villager", "villagers", "survivor", "survivors", "victim", "victims", "relative", "relatives", "neighbor", "neighbors", "neighbour", "neighbours", "passenger", "passengers", "pilot", "nurse", "nurses", "engineer", "engineers", "miner", "miners", "guard", "guards", "user", "users", "customer", "customers", "employee", "employees", "host", "anchor", "moderator", "panelist", "monarch", "king", "queen", "prince", "pope", "cleric", "imam", "bishop", "priest", "rabbi", "sheikh", "emir", "records", "statistics", "numbers", "filings", "minutes", "results", "projections", "forecasts", "surveys", "studies", "association", "federation", "institute", "foundation", "center", "centre", "network", "channel", "station", "paper", "magazine", "journal", "ruling", "decision", "order", "opinion", "lawsuit", "complaint", "indictment", "motion", "ad", "advertisement", "video", "message", "email", "website", "book", "memoir", "cable", "transcript", "petition", "resolution", "bill", "analysis", "review", "notice", "affidavit", "verdict", "warrant", "plan", "proposal", "platform", "manifesto", "draft", "text", "program", "programme", "account", "site", "page", "pollster", "pollsters", "surrogate", "surrogates",
		"backer", "backers", "ally", "allies", "rival", "rivals", "challenger", "incumbent":
		return entry{w: wSpk}
	}
	return entry{}
}
