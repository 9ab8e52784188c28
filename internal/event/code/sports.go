package code

import "strings"

// sportsCues counts the tokens that speak of sport: its words, and scores
// such as "2-1" in a sentence that is not about a vote ("voted 52-48").
func sportsCues(toks []tok) int {
	n, score, vote := 0, 0, false
	for i, t := range toks {
		switch {
		case sportsWords[t.low]:
			n++
		case isScore(t.low) && (i+1 == len(toks) || !toks[i+1].word || scoreAfter[toks[i+1].low]):
			// "beat Arsenal 2-1 on Saturday"; not a range of people,
			// "15-20 members".
			score++
		case t.low == "vote" || t.low == "voted" || t.low == "votes" || t.low == "ballot":
			vote = true
		}
	}
	if !vote {
		n += score
	}
	return n
}

// scoreAfter are the words that follow a score.
var scoreAfter = set("win", "victory", "defeat", "draw", "loss", "lead", "in", "at", "on", "against", "over",
	"after", "to", "and", "thrashing", "home", "away")

// isScore reports a sports score: digits, a hyphen, digits ("2-1",
// "40-12"), not a year range ("2021-22").
func isScore(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 2 || len(w)-i-1 < 1 || len(w)-i-1 > 2 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k != i && (w[k] < '0' || w[k] > '9') {
			return false
		}
	}
	return true
}

// sportsWords are words that in news are almost only about sport.
var sportsWords = set("striker", "goalkeeper", "midfielder", "footballer", "cricketer", "batsman",
	"batsmen", "batter", "bowler", "bowlers", "wicket", "wickets", "innings", "spinner", "spinners", "tennis",
	"golf", "rugby", "football", "soccer", "basketball", "baseball", "hockey", "tournament", "championship",
	"semi-final", "semifinal", "quarter-final", "quarterfinal", "kick-off", "half-time",
	"olympics", "olympic", "medal", "wimbledon", "nba", "nfl", "fifa", "uefa", "ipl", "goals", "scored",
	"scorer", "playmaker", "winger", "fullback", "full-back", "referee", "umpire", "seeded", "premiership",
	"bundesliga", "laliga", "all-rounder", "fixture", "fixtures", "cup", "premier", "champions")

// sportsPlay reports a trigger of force in a sentence about sport, where
// "attack", "clash", "beat" and "shot" are play: the sentence names no
// armed or state actor and no one killed or hurt.
func (d *doc) sportsPlay(st *sentence, t *trigger) bool {
	if st.sports == 0 && !d.sportsDoc || t.p.Code[:2] < "15" {
		return false
	}
	for _, p := range st.phrases {
		if p.actor == nil {
			continue
		}
		switch p.actor.Role {
		case "MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY", "CRM":
			return false
		}
	}
	for _, tk := range st.toks {
		if harmWords[tk.low] {
			return false
		}
	}
	return true
}

// harmWords say that people were killed or hurt, or name weapons: a
// bombing at a stadium is not play.
var harmWords = set("killed", "killing", "dead", "died", "death", "deaths", "wounded", "injured", "injuring",
	"hurt", "bomb", "bombs", "bombing", "explosion", "blast", "grenade", "gunman", "gunmen", "gunfire",
	"stabbed", "shooting", "suicide", "hostage", "hostages", "tear", "arrested", "police")
