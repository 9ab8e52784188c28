package cameo

import "slices"

// PLOVEREvents returns PLOVER's 16 event types in the manual's order.
func PLOVEREvents() []string {
	return []string{
		"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
		"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
		"MOBILIZE", "COERCE", "ASSAULT",
	}
}

// PLOVERModes returns the modes the PLOVER manual (draft 0.8) defines for an
// event type, or nil for an event type without modes or an unknown one.
func PLOVERModes(event string) []string {
	switch event {
	case "CONSULT":
		return []string{"visit", "third-party", "multilateral", "phone"}
	case "RETREAT":
		return []string{"withdraw", "release", "disarm", "ceasefire", "access", "resign"}
	case "REQUEST", "REJECT":
		return []string{"assist", "change", "yield", "meet"}
	case "ACCUSE":
		return []string{"disapprove", "investigate", "allege"}
	case "THREATEN":
		return []string{"restrict", "arrest", "relations", "expel", "territory", "violence"}
	case "PROTEST":
		return []string{"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}
	case "SANCTION":
		return []string{"convict", "expel", "withdraw", "discontinue"}
	case "MOBILIZE":
		return []string{"troops", "weapons", "police", "militia"}
	case "COERCE":
		return []string{"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
			"deport", "withhold", "misinformation", "cyber"}
	case "ASSAULT":
		return []string{"abduct", "beat", "torture", "sexual", "targeted", "destroy",
			"primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone",
			"heavy-weapons", "crowd-control", "unconventional"}
	}
	return nil
}

// PLOVERContexts returns the general contexts of the PLOVER manual (draft 0.8).
func PLOVERContexts() []string {
	return []string{
		"military", "intelligence", "executive", "legislative", "election",
		"political_institutions", "pro_democracy", "pro_autocracy", "economic",
		"legal", "reparations", "human_rights", "rights_freedoms", "repression",
		"human_security", "gender", "lgbt", "religion_ethnicity", "inequality",
		"diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
		"disasters", "natural_resource", "environment", "technology", "terrorism",
		"cbrn", "cyber", "misinformation", "crime", "corruption", "illegal_drugs",
		"trafficking",
	}
}

// ACLED event types (ACLED Codebook 2023).
const (
	acledBattles   = "Battles"
	acledExplosion = "Explosions/Remote violence"
	acledVAC       = "Violence against civilians"
	acledProtests  = "Protests"
	acledRiots     = "Riots"
	acledStrategic = "Strategic developments"
)

// ACLED sub-event types (ACLED Codebook 2023).
const (
	subArmedClash   = "Armed clash"
	subGovRegains   = "Government regains territory"
	subNonStateTake = "Non-state actor overtakes territory"

	subChemical  = "Chemical weapon"
	subAirStrike = "Air/drone strike"
	subSuicide   = "Suicide bomb"
	subShelling  = "Shelling/artillery/missile attack"
	subExplosive = "Remote explosive/landmine/IED"
	subGrenade   = "Grenade"

	subSexual    = "Sexual violence"
	subAttack    = "Attack"
	subAbduction = "Abduction/forced disappearance"

	subPeaceful     = "Peaceful protest"
	subIntervention = "Protest with intervention"
	subExcessive    = "Excessive force against protesters"

	subViolentDemo = "Violent demonstration"
	subMob         = "Mob violence"

	subAgreement   = "Agreement"
	subArrests     = "Arrests"
	subChangeGroup = "Change to group/activity"
	subDisrupted   = "Disrupted weapons use"
	subBase        = "Headquarters or base established"
	subLooting     = "Looting/property destruction"
	subTransfer    = "Non-violent transfer of territory"
	subOther       = "Other"
)

// An ACLEDCategory is one ACLED sub-event type with its event type.
type ACLEDCategory struct {
	Type    string
	Subtype string
}

// ACLEDCategories returns ACLED's 6 event types and 25 sub-event types
// (ACLED Codebook 2023), in codebook order.
func ACLEDCategories() []ACLEDCategory {
	return []ACLEDCategory{
		{acledBattles, subArmedClash},
		{acledBattles, subGovRegains},
		{acledBattles, subNonStateTake},
		{acledExplosion, subChemical},
		{acledExplosion, subAirStrike},
		{acledExplosion, subSuicide},
		{acledExplosion, subShelling},
		{acledExplosion, subExplosive},
		{acledExplosion, subGrenade},
		{acledVAC, subSexual},
		{acledVAC, subAttack},
		{acledVAC, subAbduction},
		{acledProtests, subPeaceful},
		{acledProtests, subIntervention},
		{acledProtests, subExcessive},
		{acledRiots, subViolentDemo},
		{acledRiots, subMob},
		{acledStrategic, subAgreement},
		{acledStrategic, subArrests},
		{acledStrategic, subChangeGroup},
		{acledStrategic, subDisrupted},
		{acledStrategic, subBase},
		{acledStrategic, subLooting},
		{acledStrategic, subTransfer},
		{acledStrategic, subOther},
	}
}

// ACLEDTypeOf returns the ACLED event type of a sub-event type, or "" when
// sub is not one of the 25.
func ACLEDTypeOf(sub string) string {
	switch sub {
	case subArmedClash, subGovRegains, subNonStateTake:
		return acledBattles
	case subChemical, subAirStrike, subSuicide, subShelling, subExplosive, subGrenade:
		return acledExplosion
	case subSexual, subAttack, subAbduction:
		return acledVAC
	case subPeaceful, subIntervention, subExcessive:
		return acledProtests
	case subViolentDemo, subMob:
		return acledRiots
	case subAgreement, subArrests, subChangeGroup, subDisrupted, subBase, subLooting,
		subTransfer, subOther:
		return acledStrategic
	}
	return ""
}

func isPLOVEREvent(s string) bool   { return slices.Contains(PLOVEREvents(), s) }
func isPLOVERContext(s string) bool { return slices.Contains(PLOVERContexts(), s) }

func isACLEDType(s string) bool {
	switch s {
	case acledBattles, acledExplosion, acledVAC, acledProtests, acledRiots, acledStrategic:
		return true
	}
	return false
}
