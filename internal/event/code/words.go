package code

// Closed word classes the coder reads structure from. They are English
// grammar, not dictionary content, so they live in code.

var determiners = set("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
	"our", "my", "your", "several", "some", "any", "no", "more", "fresh", "new", "further", "renewed",
	"another", "other", "many", "few", "numerous", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "dozens", "hundreds", "thousands", "mass", "massive", "large", "small",
	"violent", "peaceful", "deadly", "heavy", "recent", "ongoing", "widespread", "similar", "separate",
	"anti-government", "nationwide", "street", "overnight", "weekly", "daily", "sporadic", "armed",
	"fierce", "bloody", "brief", "major", "public", "student", "opposition", "political", "angry")

var prepositions = set("in", "of", "during", "after", "amid", "against", "on", "for", "with", "by",
	"at", "from", "into", "over", "since", "before", "following", "despite", "about", "to", "near",
	"across", "throughout", "outside", "inside", "between", "among", "under", "around", "via", "toward",
	"towards", "through", "without", "within", "upon")

var negators = set("not", "n't", "never", "no", "neither", "nor", "cannot", "didn't", "don't",
	"doesn't", "won't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't",
	"wasn't", "weren't", "shouldn't", "mustn't")

// modals make what follows them not (yet) real.
var modals = set("will", "would", "could", "might", "may", "should", "must", "shall", "can", "'ll",
	"wo", "ca", "going")

// irrealis verbs govern an infinitive that did not happen (yet): "plan to
// attack", "refused to meet", "failed to agree".
var irrealis = set("plan", "plans", "planned", "planning", "want", "wants", "wanted", "seek", "seeks",
	"sought", "seeking", "try", "tries", "tried", "trying", "hope", "hopes", "hoped", "hoping", "expect",
	"expects", "expected", "intend", "intends", "intended", "aim", "aims", "aimed", "refuse", "refuses",
	"refused", "fail", "fails", "failed", "prepare", "prepares", "prepared", "preparing", "set",
	"likely", "unlikely", "able", "unable", "ready", "willing", "order", "ordered", "orders",
	"allow", "allowed", "ask", "asked", "asks", "need", "needs", "needed", "decide", "decided",
	"agree", "agreed", "agrees", "vow", "vowed", "vows", "pledge", "pledged", "promise", "promised",
	"threaten", "threatened", "threatens", "urge", "urged", "urges", "call", "called", "calls",
	"demand", "demanded", "demands", "warn", "warned", "attempt", "attempted", "attempting", "about",
	"supposed", "due", "resolve", "resolved", "determined", "tell", "told", "encourage",
	"encouraged", "invite", "invited", "authorize", "authorized", "instruct", "instructed",
	"appeal", "appealed", "press", "pressed", "pressing", "push", "pushed", "bid")

// purpose markers open a clause of intent: "in order to", "so as to".
var purpose = set("order", "as")

// beForms mark the passive voice before a past participle.
var beForms = set("is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets", "getting")

// pronouns that may stand for the last person named.
var personPronouns = set("he", "she")

// backgroundMarkers before a nominal event say it is an old one.
var backgroundMarkers = set("last", "previous", "earlier", "former", "past", "prior", "1990s",
	"2000s", "anniversary", "since", "commemorate", "commemorating", "remember", "remembering")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
