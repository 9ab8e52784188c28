package code

import "github.com/annals-project/annals/internal/cameo"

// cues is what the words of a sentence say about all its events: whether
// it speaks of celebration, of a deal about fighting, of private crime, of
// a demand, of harm, and what weapon it names. A sentence reads its cues
// in one pass over its tokens, the first time an event asks.
type cues struct {
	// festive: celebration, worship or mourning ("fans gathered to
	// celebrate"), which make a gathering no protest.
	festive bool
	// conflictDeal: an agreement about fighting (a ceasefire, truce,
	// peace, surrender, hostages), for ACLED's "Agreement".
	conflictDeal bool
	// privateCrime: robbery, burglary, a domestic or personal dispute.
	privateCrime bool
	// demanding: a crowd acting "demanding" or "protesting" something.
	demanding bool
	// harm: someone killed or hurt, a weapon or the police; a sentence
	// about sport with harm in it is not play.
	harm bool
	// weapon is what an attack used, for ACLED's explosions and remote
	// violence: the most specific the sentence names.
	weapon cameo.Weapon
}

// cue returns the sentence's cues, reading them on first use.
func (st *sentence) cue() *cues {
	if st.cues != nil {
		return st.cues
	}
	c := &cues{}
	for i, t := range st.toks {
		w := t.low
		switch {
		case festiveWords[w]:
			c.festive = true
		case conflictWords[w]:
			c.conflictDeal = true
		case w == "war":
			// Not "a trade war", "a price war", "a war of words".
			if !metaphorWar[st.low(i-1)] && !(st.low(i+1) == "of" && st.low(i+2) == "words") {
				c.conflictDeal = true
			}
		case privateWords[w]:
			c.privateCrime = true
		case w == "dispute" || w == "quarrel" || w == "feud" || w == "row":
			if privateDisputes[st.low(i-1)] {
				c.privateCrime = true
			}
		case w == "demanding" || w == "protesting":
			c.demanding = true
		}
		if harmWords[w] {
			c.harm = true
		}
		if wp := st.weaponAt(i); weaponRank[wp] > weaponRank[c.weapon] {
			c.weapon = wp
		}
	}
	st.cues = c
	return c
}

// weaponAt returns the weapon token i names, if any.
func (st *sentence) weaponAt(i int) cameo.Weapon {
	w, next, prev := st.toks[i].low, st.low(i+1), st.low(i-1)
	switch w {
	case "suicide":
		switch next {
		case "bomber", "bombers", "bombing", "bombings", "attack", "attacker", "attacks", "car", "vest", "blast":
			return cameo.WeaponSuicide
		}
	case "grenade", "grenades":
		switch prev {
		case "sound", "stun", "smoke", "tear", "gas":
			// The police's riot gear.
		default:
			return cameo.WeaponGrenade
		}
	case "airstrike", "airstrikes", "air-strike", "air-strikes", "warplane", "warplanes", "drone", "drones",
		"gunship", "gunships", "helicopter", "helicopters", "jets":
		return cameo.WeaponAir
	case "air", "aerial":
		switch next {
		case "strike", "strikes", "raid", "raids", "attack", "attacks", "bombardment":
			return cameo.WeaponAir
		}
	case "artillery", "mortar", "mortars", "rocket", "rockets", "missile", "missiles", "howitzer", "howitzers",
		"shelling", "shelled", "shells", "barrage":
		return cameo.WeaponShelling
	case "mine", "mines":
		if prev == "land" || next == "blast" || next == "explosion" {
			return cameo.WeaponExplosive
		}
	case "ied", "ieds", "landmine", "landmines", "roadside", "car-bomb", "explosive", "explosives", "bomb", "bombs",
		"bombing", "bombings", "blast":
		return cameo.WeaponExplosive
	case "chlorine", "sarin":
		return cameo.WeaponChemical
	case "chemical", "nerve":
		switch next {
		case "weapon", "weapons", "attack", "agent":
			return cameo.WeaponChemical
		}
	}
	return cameo.WeaponUnknown
}

// weaponRank orders weapons by how much they say: a suicide bomb is a
// bomb, a grenade is an explosive, aircraft may drop bombs.
var weaponRank = map[cameo.Weapon]int{cameo.WeaponSuicide: 6, cameo.WeaponChemical: 5, cameo.WeaponGrenade: 4,
	cameo.WeaponAir: 3, cameo.WeaponShelling: 2, cameo.WeaponExplosive: 1}

// Word lists for cues.
var (
	festiveWords = set("celebrate", "celebrated", "celebrating", "celebration", "celebrations", "mourn", "mourned",
		"mourning", "pray", "prayed", "praying", "prayer", "prayers", "worship", "hajj", "pilgrimage", "festival",
		"concert", "wedding", "carnival", "parade", "marathon", "cheer", "cheered", "cheering")
	conflictWords = set("ceasefire", "cease-fire", "truce", "armistice", "peace", "surrender", "disarmament",
		"hostages", "prisoners", "prisoner", "hostilities", "rebels", "militants", "insurgents", "fighters")
	metaphorWar     = set("trade", "price", "tariff", "currency", "bidding", "culture", "turf")
	privateWords    = set("robbery", "robberies", "robbing", "burglary", "burglar", "burglars", "mugging", "carjacking", "domestic")
	privateDisputes = set("personal", "family", "domestic", "marital")
	// harmWords say that people were killed or hurt, or name weapons or
	// the police: a bombing at a stadium is not play.
	harmWords = set("killed", "killing", "dead", "died", "death", "deaths", "wounded", "injured", "injuring",
		"hurt", "bomb", "bombs", "bombing", "explosion", "blast", "grenade", "gunman", "gunmen", "gunfire",
		"stabbed", "shooting", "suicide", "hostage", "hostages", "tear", "arrested", "police")
)
