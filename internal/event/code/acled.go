package code

import "github.com/annals-project/annals/internal/event"

// evInfo is what the ACLED pass needs to know of an event beyond its
// record.
type evInfo struct {
	block   int
	violent bool // the trigger is violence ({violent} or roots 17–20)
	crowd   bool // the source is a group or crowd (or unnamed), not one person
	named   bool // the text names the source
	single  bool // the source is one person
	crime   bool // ordinary crime: the source is a criminal (CAMEO role CRM)
	mob     bool // a crowd's violence coded 145 with no protest in sight
	melee   bool // violence by hand or at close range: beating, hacking, burning, clashing
	private bool // the sentence speaks of robbery, burglary or a domestic or personal dispute
	noun    bool // the trigger is a noun ("raids", "the attack")
	// conflictDeal: the sentence's agreement is about fighting (a
	// ceasefire, truce, peace, surrender) or an armed group is a party.
	conflictDeal bool
}

// ACLED sub-event types the pass assigns.
const (
	acledProtests  = "Protests"
	acledRiots     = "Riots"
	peaceful       = "Peaceful protest"
	intervention   = "Protest with intervention"
	excessiveForce = "Excessive force against protesters"
	violentDemo    = "Violent demonstration"
	mobViolence    = "Mob violence"
)

// stateForce reports the roles ACLED counts as state forces.
func stateForce(a *event.Actor) bool { return actorIs(a, classForce) }

// armed reports roles of organised armed actors, whose violence is not
// rioting.
func armed(a *event.Actor) bool { return actorIs(a, classArmed) }

// politicalTarget reports targets whose arrest ACLED records: the
// opposition, armed groups, the media, rights and aid workers, officials.
func politicalTarget(a *event.Actor) bool { return actorIs(a, classPolitical) }

// acledPass types the events of each block the way ACLED types one
// report: a protest the police broke up is a "Protest with intervention"
// (or "Excessive force against protesters" when they killed), a protest
// whose crowd turned violent a "Violent demonstration", violence by an
// unorganised crowd outside a protest "Mob violence". The events that carry
// the block's type get the highest confidence, so the block's main event
// comes first.
func acledPass(events []event.Event, info []evInfo) {
	for start := 0; start < len(events); {
		end := start
		for end < len(events) && info[end].block == info[start].block {
			end++
		}
		acledBlock(events[start:end], info[start:end])
		start = end
	}
}

func acledBlock(evs []event.Event, info []evInfo) {
	// ACLED codes political violence and protest, not ordinary crime.
	for i := range evs {
		if e := &evs[i]; info[i].crime || e.Source != nil && e.Source.Role == "CRM" || info[i].private && !stateForce(e.Source) {
			e.ACLEDType, e.ACLEDSubtype = "", ""
		}
	}
	protest, rioting, intervened, killedByState := false, false, false, false
	protesters := map[string]bool{}
	for i, e := range evs {
		if e.Root == "14" && !info[i].mob {
			protest = true
			if e.CAMEO[:3] == "145" {
				rioting = true
			}
			if e.Source != nil && e.Source.Code != "" {
				protesters[e.Source.Code] = true
			}
		}
	}
	for i, e := range evs {
		// Others attacking the demonstrators intervene in the protest;
		// any other violence by civilians around it makes it a riot.
		if !protest || !info[i].violent || stateForce(e.Source) || armed(e.Source) || e.Root == "14" {
			continue
		}
		if e.Target != nil && protesters[e.Target.Code] && (e.Source == nil || !protesters[e.Source.Code]) {
			intervened = true
			continue
		}
		rioting = true
	}
	for i := range evs {
		// ACLED records agreements between the parties to a conflict:
		// ceasefires, peace deals, surrenders; not trade deals.
		if e := &evs[i]; e.ACLEDSubtype == "Agreement" && !info[i].conflictDeal {
			e.ACLEDType, e.ACLEDSubtype = "", ""
		}
	}
	for i := range evs {
		// ACLED records arrests of opponents, fighters, journalists,
		// activists and officials, or at a protest; not of suspects in
		// ordinary crime.
		if e := &evs[i]; e.ACLEDSubtype == "Arrests" && !protest && !politicalTarget(e.Target) {
			e.ACLEDType, e.ACLEDSubtype = "", ""
		}
	}
	if !protest {
		for i := range evs {
			e := &evs[i]
			if info[i].violent && info[i].single && e.Source != nil && !armed(e.Source) && !stateForce(e.Source) &&
				(e.Source.Role == "CVL" || e.Source.Role == "") && (e.Target == nil || e.Target.Role == "CVL") {
				// One person hurting another, nothing political named:
				// ordinary crime for ACLED.
				e.ACLEDType, e.ACLEDSubtype = "", ""
				continue
			}
			// Party members and supporters are coded with their party's
			// role (GOV for a ruling party): only state forces and
			// organised armed groups are not a mob.
			if info[i].violent && info[i].crowd && info[i].melee && !info[i].crime && e.QuadClass == 4 &&
				e.ACLEDType != "Explosions/Remote violence" && e.ACLEDSubtype != "Disrupted weapons use" &&
				(info[i].named || !info[i].noun) &&
				(e.Root != "14" || info[i].mob) && !armed(e.Source) {
				// A crowd is read from what it did: beating, hacking,
				// burning, clashing are a mob's; missiles, bombs and
				// arrests are not.
				e.ACLEDType, e.ACLEDSubtype = acledRiots, mobViolence
				e.Confidence = max(e.Confidence, 0.75)
			}
		}
		return
	}
	for _, e := range evs {
		if stateForce(e.Source) && e.QuadClass == 4 && e.Root != "14" {
			intervened = true // by the state
			if e.Fatalities != nil && *e.Fatalities > 0 {
				killedByState = true
			}
		}
	}
	// Demonstrators who turn violent riot, whatever the police then do
	// (ACLED codes the demonstration as a riot); state violence against
	// a peaceful one is an intervention, or excessive force when it kills.
	sub, typ := peaceful, acledProtests
	switch {
	case rioting:
		sub, typ = violentDemo, acledRiots
	case intervened && killedByState:
		sub = excessiveForce
	case intervened:
		sub = intervention
	}
	for i := range evs {
		e := &evs[i]
		if info[i].crime {
			continue
		}
		if e.Root == "14" || e.QuadClass == 4 && (stateForce(e.Source) || info[i].violent) {
			e.ACLEDType, e.ACLEDSubtype = typ, sub
			e.Confidence = max(e.Confidence, 0.8)
		}
	}
}
