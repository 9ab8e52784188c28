package code

import (
	"strings"

	"github.com/annals-project/annals/internal/actor"
)

// sportsCues counts the tokens that speak of sport: its words, and scores
// such as "2-1" in a sentence that is not about a vote ("voted 52-48").
func sportsCues(toks []tok) int {
	n, score, vote := 0, 0, false
	for i, t := range toks {
		switch {
		case sportsWords[t.low]:
			n++
		case (t.low == "league" || t.low == "cup") && i > 0 && competitions[toks[i-1].low]:
			// "the Premier League", "the World Cup"; not "the Awami
			// League" or "the Arab League".
			n++
		case isScore(t.low) && (i+1 == len(toks) || !toks[i+1].word || scoreAfter[toks[i+1].low]):
			// "beat Arsenal 2-1 on Saturday"; not a range of people,
			// "12-15 people".
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

// competitions name sports leagues and cups by the word before "League"
// or "Cup".
var competitions = set("premier", "champions", "europa", "football", "rugby", "super", "fa", "world", "davis",
	"ryder", "africa", "african", "asian", "copa", "league", "carabao", "conference")

// sportsWords are words that in news are almost only about sport.
var sportsWords = set("striker", "goalkeeper", "midfielder", "footballer", "cricketer", "batsman",
	"batsmen", "batter", "bowler", "bowlers", "wicket", "wickets", "innings", "spinner", "spinners", "tennis",
	"golf", "rugby", "football", "soccer", "basketball", "baseball", "hockey", "tournament", "championship",
	"semi-final", "semifinal", "quarter-final", "quarterfinal", "kick-off", "half-time", "olympics", "wimbledon",
	"nba", "nfl", "fifa", "uefa", "ipl", "scorer", "playmaker", "winger", "fullback", "full-back", "referee",
	"umpire", "premiership", "bundesliga", "laliga", "all-rounder", "champions")

// sportsPlay reports a trigger of force in a sentence about sport, where
// "attack", "clash", "beat" and "shot" are play: the sentence names no
// armed or state actor and no one killed or hurt.
func (d *doc) sportsPlay(st *sentence, t *trigger) bool {
	if st.sports == 0 && !d.sportsDoc || t.p.Code[:2] < "15" {
		return false
	}
	for _, p := range st.phrases {
		if p.actor == nil || st.placeLike(p) {
			continue // "a Champions League clash in Paris"
		}
		switch p.actor.Role {
		case "MIL", "COP", "REB", "INS", "SEP", "UAF", "SPY", "CRM":
			// Armies, police and armed groups do not play.
			return false
		case "GOV", "LEG", "JUD", "IGO":
			// Nor do governments and international bodies named as
			// such ("China's foreign ministry", "the UN"); a club
			// named after its city ("Real Madrid") is no government.
			if p.kind == actor.Org || p.kind == actor.Country {
				return false
			}
		}
	}
	return !st.cue().harm
}
