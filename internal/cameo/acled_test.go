package cameo_test

import (
	"slices"
	"testing"

	"github.com/annals-project/annals/internal/cameo"
)

func TestACLEDZeroContext(t *testing.T) {
	tab := mustDefault(t)
	for e := range tab.All() {
		typ, sub := tab.ACLED(e.Code, cameo.ACLEDContext{})
		if typ != e.ACLEDType || sub != e.ACLEDSubtype {
			t.Errorf("ACLED(%s, {}) = %q/%q, want the table's %q/%q", e.Code, typ, sub, e.ACLEDType, e.ACLEDSubtype)
		}
	}
}

func TestACLEDCategories(t *testing.T) {
	cats := cameo.ACLEDCategories()
	types := map[string]int{}
	for _, c := range cats {
		types[c.Type]++
		if got := cameo.ACLEDTypeOf(c.Subtype); got != c.Type {
			t.Errorf("ACLEDTypeOf(%q) = %q, want %q", c.Subtype, got, c.Type)
		}
	}
	if len(cats) != 25 || len(types) != 6 {
		t.Errorf("ACLEDCategories() = %d sub-types in %d types, want 25 in 6", len(cats), len(types))
	}
	if got := cameo.ACLEDTypeOf("Riot"); got != "" {
		t.Errorf("ACLEDTypeOf(%q) = %q, want \"\"", "Riot", got)
	}
}

func TestACLED(t *testing.T) {
	tab := mustDefault(t)
	tests := []struct {
		name    string
		code    cameo.Code
		ctx     cameo.ACLEDContext
		typ     string
		subtype string
	}{
		{"statement has none", "010", cameo.ACLEDContext{Fatalities: 3}, "", ""},
		{"unknown code", "999", cameo.ACLEDContext{}, "", ""},
		{"rally", "141", cameo.ACLEDContext{}, "Protests", "Peaceful protest"},
		{"rally dispersed", "141", cameo.ACLEDContext{Intervention: true}, "Protests", "Protest with intervention"},
		{"rally fired on", "1412", cameo.ACLEDContext{Intervention: true, Fatalities: 2}, "Protests", "Excessive force against protesters"},
		{"rally with excessive force", "141", cameo.ACLEDContext{ExcessiveForce: true}, "Protests", "Excessive force against protesters"},
		{"rally turns violent", "141", cameo.ACLEDContext{Violent: true, Intervention: true}, "Riots", "Violent demonstration"},
		{"blockade by a mob", "144", cameo.ACLEDContext{Violent: true, Crowd: cameo.CrowdMob}, "Riots", "Mob violence"},
		{"hunger strike", "142", cameo.ACLEDContext{}, "Protests", "Peaceful protest"},
		{"riot", "145", cameo.ACLEDContext{}, "Riots", "Violent demonstration"},
		{"riot by a mob", "145", cameo.ACLEDContext{Crowd: cameo.CrowdMob}, "Riots", "Mob violence"},
		{"riot with police", "1452", cameo.ACLEDContext{Intervention: true, Fatalities: 1}, "Riots", "Violent demonstration"},
		{"arrest", "173", cameo.ACLEDContext{SourceIsState: true}, "Strategic developments", "Arrests"},
		{"protesters arrested", "173", cameo.ACLEDContext{SourceIsState: true, TargetIsProtester: true}, "Protests", "Protest with intervention"},
		{"police beat protesters", "182", cameo.ACLEDContext{SourceIsState: true, TargetIsProtester: true}, "Protests", "Protest with intervention"},
		{"police kill protesters", "175", cameo.ACLEDContext{SourceIsState: true, TargetIsProtester: true, Fatalities: 4}, "Protests", "Excessive force against protesters"},
		{"militia attacks protesters", "182", cameo.ACLEDContext{TargetIsProtester: true, TargetIsCivilian: true}, "Violence against civilians", "Attack"},
		{"rival supporters clash", "193", cameo.ACLEDContext{Crowd: cameo.CrowdMob}, "Riots", "Mob violence"},
		{"demonstrators attack police", "182", cameo.ACLEDContext{Crowd: cameo.CrowdDemonstrators, TargetIsArmed: true}, "Riots", "Violent demonstration"},
		{"mob burns houses", "1712", cameo.ACLEDContext{Crowd: cameo.CrowdMob}, "Riots", "Mob violence"},
		{"houses burnt", "1712", cameo.ACLEDContext{}, "Strategic developments", "Looting/property destruction"},
		{"arms cache seized", "1711", cameo.ACLEDContext{Disrupted: true}, "Strategic developments", "Disrupted weapons use"},
		{"bomb defused", "183", cameo.ACLEDContext{Disrupted: true}, "Strategic developments", "Disrupted weapons use"},
		{"clash", "190", cameo.ACLEDContext{TargetIsArmed: true}, "Battles", "Armed clash"},
		{"troops fire on villagers", "193", cameo.ACLEDContext{SourceIsState: true, TargetIsCivilian: true}, "Violence against civilians", "Attack"},
		{"killing", "1823", cameo.ACLEDContext{TargetIsCivilian: true}, "Violence against civilians", "Attack"},
		{"ambush on a patrol", "186", cameo.ACLEDContext{TargetIsArmed: true}, "Battles", "Armed clash"},
		{"abduction stays", "181", cameo.ACLEDContext{TargetIsArmed: true, Weapon: cameo.WeaponAir}, "Violence against civilians", "Abduction/forced disappearance"},
		{"sexual violence stays", "1821", cameo.ACLEDContext{SourceIsState: true, TargetIsProtester: true}, "Violence against civilians", "Sexual violence"},
		{"air strike on a market", "190", cameo.ACLEDContext{TargetIsCivilian: true, Weapon: cameo.WeaponAir}, "Explosions/Remote violence", "Air/drone strike"},
		{"aerial weapons", "195", cameo.ACLEDContext{}, "Explosions/Remote violence", "Air/drone strike"},
		{"shelling", "190", cameo.ACLEDContext{Weapon: cameo.WeaponShelling}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"artillery", "194", cameo.ACLEDContext{TargetIsCivilian: true}, "Explosions/Remote violence", "Shelling/artillery/missile attack"},
		{"grenade attack", "180", cameo.ACLEDContext{Weapon: cameo.WeaponGrenade}, "Explosions/Remote violence", "Grenade"},
		{"car bomb by a suicide driver", "1832", cameo.ACLEDContext{Weapon: cameo.WeaponSuicide}, "Explosions/Remote violence", "Suicide bomb"},
		{"roadside bomb", "1833", cameo.ACLEDContext{TargetIsArmed: true}, "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"landmine", "182", cameo.ACLEDContext{Weapon: cameo.WeaponExplosive}, "Explosions/Remote violence", "Remote explosive/landmine/IED"},
		{"gas attack", "200", cameo.ACLEDContext{Weapon: cameo.WeaponChemical}, "Explosions/Remote violence", "Chemical weapon"},
		{"town seized by rebels", "192", cameo.ACLEDContext{}, "Battles", "Non-state actor overtakes territory"},
		{"town retaken by the army", "192", cameo.ACLEDContext{SourceIsState: true}, "Battles", "Government regains territory"},
		{"town handed over", "192", cameo.ACLEDContext{SourceIsState: true, Unopposed: true}, "Strategic developments", "Non-violent transfer of territory"},
		{"withdrawal", "0874", cameo.ACLEDContext{SourceIsState: true}, "Strategic developments", "Non-violent transfer of territory"},
		{"ceasefire", "0871", cameo.ACLEDContext{}, "Strategic developments", "Agreement"},
		{"troops deployed", "154", cameo.ACLEDContext{}, "Strategic developments", "Change to group/activity"},
		{"curfew", "1723", cameo.ACLEDContext{}, "Strategic developments", "Other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, sub := tab.ACLED(tt.code, tt.ctx)
			if typ != tt.typ || sub != tt.subtype {
				t.Errorf("ACLED(%s, %+v) = %q/%q, want %q/%q", tt.code, tt.ctx, typ, sub, tt.typ, tt.subtype)
			}
		})
	}
}

// TestACLEDAlwaysValid checks that every code under every combination of
// context flags maps to a codebook pair or to nothing.
func TestACLEDAlwaysValid(t *testing.T) {
	tab := mustDefault(t)
	cats := cameo.ACLEDCategories()
	for e := range tab.All() {
		for bits := range 1 << 11 {
			ctx := cameo.ACLEDContext{
				SourceIsState:     bits&1 != 0,
				TargetIsArmed:     bits&2 != 0,
				TargetIsCivilian:  bits&4 != 0,
				TargetIsProtester: bits&8 != 0,
				Violent:           bits&16 != 0,
				Intervention:      bits&32 != 0,
				ExcessiveForce:    bits&64 != 0,
				Disrupted:         bits&128 != 0,
				Unopposed:         bits&256 != 0,
				Crowd:             cameo.Crowd((bits >> 9) % 3),
				Weapon:            cameo.Weapon(bits % 7),
				Fatalities:        bits % 3,
			}
			typ, sub := tab.ACLED(e.Code, ctx)
			if (typ == "") != (e.ACLEDType == "") {
				t.Fatalf("ACLED(%s, %+v) = %q/%q: mapped iff the table maps it", e.Code, ctx, typ, sub)
			}
			if typ != "" && !slices.Contains(cats, cameo.ACLEDCategory{Type: typ, Subtype: sub}) {
				t.Fatalf("ACLED(%s, %+v) = %q/%q: not a codebook pair", e.Code, ctx, typ, sub)
			}
		}
	}
}
