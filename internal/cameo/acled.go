package cameo

// A Weapon is what the text says an attack used, as far as ACLED's
// sub-event types distinguish weapons.
type Weapon uint8

// Weapons. WeaponUnknown (the zero value) also stands for direct fire and
// blows, which do not change the ACLED category.
const (
	WeaponUnknown   Weapon = iota
	WeaponAir              // aircraft, helicopter or drone: Air/drone strike
	WeaponShelling         // artillery, mortar, rocket or missile
	WeaponExplosive        // IED, landmine, car bomb or other planted or remote bomb
	WeaponSuicide          // suicide bomber or suicide vehicle
	WeaponGrenade          // hand grenade
	WeaponChemical         // chemical weapon
)

// A Crowd says whether violence came from a crowd rather than from an
// organised armed group, and which kind of crowd.
type Crowd uint8

// Crowds.
const (
	CrowdNone          Crowd = iota // an organised group or unknown
	CrowdDemonstrators              // demonstrators: a protest turned violent
	CrowdMob                        // a mob not staging a protest: rival supporters, vigilantes, a lynching
)

// An ACLEDContext carries what the coder knows about an event beyond its
// CAMEO code. The zero value means nothing is known, and Table.ACLED then
// returns the code's table mapping (Entry.ACLEDType, Entry.ACLEDSubtype),
// except that a territory code counts its source as non-state.
type ACLEDContext struct {
	// SourceIsState: the source is a state authority or force (a role with
	// Role.State: GOV, MIL, COP, SPY, …).
	SourceIsState bool
	// TargetIsArmed: the target is an organised armed force, state or not
	// (Role.Armed).
	TargetIsArmed bool
	// TargetIsCivilian: the target is known to be unarmed (civilians,
	// officials, journalists, aid workers).
	TargetIsCivilian bool
	// TargetIsProtester: the target is demonstrators at a protest.
	TargetIsProtester bool

	// Crowd: the violence came from a crowd, not an organised armed group.
	Crowd Crowd
	// Violent: protesters used violence or damaged property.
	Violent bool
	// Intervention: the authorities physically intervened in a protest
	// (dispersal, tear gas, baton charge, arrests).
	Intervention bool
	// ExcessiveForce: the authorities used lethal or excessive force on
	// protesters (live fire, serious injuries).
	ExcessiveForce bool
	// Fatalities is the number of deaths reported; 0 when none or unknown.
	Fatalities int

	// Weapon is what the attack used, when the text says.
	Weapon Weapon
	// Disrupted: the action stopped a weapon's use (a bomb defused, an arms
	// cache seized, a missile intercepted) rather than being an attack.
	Disrupted bool
	// Unopposed: territory changed hands without fighting.
	Unopposed bool
}

// ACLED returns the ACLED event type and sub-event type of an event coded c,
// refined by what ctx says, or two empty strings when c is unknown or ACLED
// records no such event. The rules start from the code's table mapping and
// apply by its sub-type, first match winning:
//
// Protest codes (Peaceful protest, and the other Protests sub-types):
//   - ctx.Violent: Riots/Mob violence when ctx.Crowd is CrowdMob, else
//     Riots/Violent demonstration;
//   - ctx.ExcessiveForce, or ctx.Intervention with fatalities: Excessive
//     force against protesters;
//   - ctx.Intervention: Protest with intervention.
//
// Riot codes (Violent demonstration, Mob violence): ctx.Crowd picks Mob
// violence (CrowdMob) or Violent demonstration (CrowdDemonstrators).
//
// Arrests: arresting protesters (ctx.TargetIsProtester) is Protests/Protest
// with intervention, or Excessive force with ctx.ExcessiveForce or fatalities.
//
// Territory (Government regains territory, Non-state actor overtakes
// territory): ctx.Unopposed gives Strategic developments/Non-violent transfer
// of territory; otherwise ctx.SourceIsState picks Government regains
// territory and anything else Non-state actor overtakes territory.
//
// Looting/property destruction: ctx.Disrupted gives Disrupted weapons use;
// a ctx.Crowd gives the Riots sub-type of that crowd.
//
// Violence (Battles, Explosions/Remote violence, and Violence against
// civilians/Attack; Sexual violence and Abduction/forced disappearance stay
// as they are):
//  1. ctx.Disrupted: Strategic developments/Disrupted weapons use;
//  2. a ctx.Crowd: Riots/Violent demonstration or Riots/Mob violence;
//  3. state violence against protesters (ctx.SourceIsState and
//     ctx.TargetIsProtester): Protests/Excessive force against protesters
//     with ctx.ExcessiveForce or fatalities, else Protest with intervention;
//  4. a ctx.Weapon: its Explosions/Remote violence sub-type (air and drone
//     strikes, shelling, remote explosives, suicide bombs, grenades and
//     chemical weapons are coded by weapon whoever the target);
//  5. Armed clash on a target known to be civilian and not armed: Violence
//     against civilians/Attack;
//  6. Attack on an armed target: Battles/Armed clash.
func (t *Table) ACLED(c Code, ctx ACLEDContext) (typ, sub string) {
	e, ok := t.Lookup(c)
	if !ok || e.ACLEDSubtype == "" {
		return "", ""
	}
	sub = refineACLED(e.ACLEDSubtype, ctx)
	return ACLEDTypeOf(sub), sub
}

// refineACLED applies the rules documented on Table.ACLED to a table
// sub-type.
func refineACLED(base string, ctx ACLEDContext) string {
	switch base {
	case subPeaceful, subIntervention, subExcessive:
		switch {
		case ctx.Violent && ctx.Crowd == CrowdMob:
			return subMob
		case ctx.Violent:
			return subViolentDemo
		case ctx.ExcessiveForce, ctx.Intervention && ctx.Fatalities > 0:
			return subExcessive
		case ctx.Intervention:
			return subIntervention
		}
		return base
	case subViolentDemo, subMob:
		if s := crowdSubtype(ctx.Crowd); s != "" {
			return s
		}
		return base
	case subArrests:
		if ctx.TargetIsProtester {
			return forceOnProtest(ctx)
		}
		return base
	case subGovRegains, subNonStateTake:
		switch {
		case ctx.Unopposed:
			return subTransfer
		case ctx.SourceIsState:
			return subGovRegains
		}
		return subNonStateTake
	case subLooting:
		if ctx.Disrupted {
			return subDisrupted
		}
		if s := crowdSubtype(ctx.Crowd); s != "" {
			return s
		}
		return base
	case subArmedClash, subAttack, subChemical, subAirStrike, subSuicide, subShelling,
		subExplosive, subGrenade:
		return refineViolence(base, ctx)
	}
	return base
}

// refineViolence applies the violence rules 1–6 of Table.ACLED.
func refineViolence(base string, ctx ACLEDContext) string {
	if ctx.Disrupted {
		return subDisrupted
	}
	if s := crowdSubtype(ctx.Crowd); s != "" {
		return s
	}
	if ctx.SourceIsState && ctx.TargetIsProtester {
		return forceOnProtest(ctx)
	}
	if s := weaponSubtype(ctx.Weapon); s != "" {
		return s
	}
	switch {
	case base == subArmedClash && ctx.TargetIsCivilian && !ctx.TargetIsArmed:
		return subAttack
	case base == subAttack && ctx.TargetIsArmed:
		return subArmedClash
	}
	return base
}

func forceOnProtest(ctx ACLEDContext) string {
	if ctx.ExcessiveForce || ctx.Fatalities > 0 {
		return subExcessive
	}
	return subIntervention
}

func crowdSubtype(c Crowd) string {
	switch c {
	case CrowdDemonstrators:
		return subViolentDemo
	case CrowdMob:
		return subMob
	}
	return ""
}

func weaponSubtype(w Weapon) string {
	switch w {
	case WeaponAir:
		return subAirStrike
	case WeaponShelling:
		return subShelling
	case WeaponExplosive:
		return subExplosive
	case WeaponSuicide:
		return subSuicide
	case WeaponGrenade:
		return subGrenade
	case WeaponChemical:
		return subChemical
	}
	return ""
}
