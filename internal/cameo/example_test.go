package cameo_test

import (
	"fmt"

	"github.com/annals-project/annals/internal/cameo"
)

func ExampleTable_Lookup() {
	tab, err := cameo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	e, _ := tab.Lookup("1412")
	fmt.Println(e.Name)
	fmt.Println(e.Root, e.QuadClass, e.Goldstein)
	fmt.Println(e.PLOVER, e.PLOVERMode, e.PLOVERContext)
	// Output:
	// Demonstrate for policy change
	// 14 4 -6.5
	// PROTEST demo executive
}

func ExampleTable_ACLED() {
	tab, err := cameo.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	// Police broke up a march; two marchers died.
	fmt.Println(tab.ACLED("141", cameo.ACLEDContext{Intervention: true, Fatalities: 2}))
	// Supporters of rival factions fought with sticks.
	fmt.Println(tab.ACLED("193", cameo.ACLEDContext{Crowd: cameo.CrowdMob}))
	// A drone strike on a village.
	fmt.Println(tab.ACLED("190", cameo.ACLEDContext{TargetIsCivilian: true, Weapon: cameo.WeaponAir}))
	// Output:
	// Protests Excessive force against protesters
	// Riots Mob violence
	// Explosions/Remote violence Air/drone strike
}
