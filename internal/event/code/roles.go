package code

import "github.com/annals-project/annals/internal/event"

// A roleClass is a set of CAMEO roles the coder treats alike.
type roleClass uint16

// Role classes.
const (
	classState     roleClass = 1 << iota // the state and international bodies
	classForce                           // state forces, as ACLED counts them
	classArmed                           // organised armed actors, whose violence is not rioting
	classFighter                         // parties to fighting: armed groups and the military
	classPeople                          // people who act together outside the state
	classWorkers                         // people who strike
	classUnarmed                         // no armed organisation
	classPolitical                       // whose arrest ACLED records
	classCivilian                        // civilians as targets
)

// roleClasses maps each CAMEO role to its classes.
var roleClasses = map[string]roleClass{
	"GOV": classState | classPolitical,
	"LEG": classState | classPolitical,
	"JUD": classState | classPolitical,
	"IGO": classState | classArmed | classPolitical,
	"MIL": classState | classForce | classArmed | classFighter | classPolitical,
	"COP": classState | classForce | classArmed | classPolitical,
	"SPY": classState | classForce | classArmed | classPolitical,
	"REB": classArmed | classFighter | classPolitical,
	"INS": classArmed | classFighter | classPolitical,
	"SEP": classArmed | classFighter | classPolitical,
	"UAF": classArmed | classFighter | classPolitical,
	"CRM": classArmed,
	"RAD": classPolitical,
	"HRI": classPolitical,
	"NGO": classPolitical,
	"OPP": classUnarmed | classPolitical,
	"MED": classUnarmed | classPolitical | classCivilian,
	"CVL": classPeople | classUnarmed | classCivilian,
	"REF": classPeople,
	"EDU": classPeople | classWorkers | classUnarmed | classCivilian,
	"LAB": classPeople | classWorkers | classUnarmed,
	"AGR": classPeople | classWorkers | classUnarmed,
	"HLH": classPeople | classWorkers | classUnarmed | classCivilian,
	"REL": classUnarmed | classCivilian,
	"BUS": classUnarmed,
}

// roleIs reports whether role belongs to class c.
func roleIs(role string, c roleClass) bool { return roleClasses[role]&c != 0 }

// actorIs reports whether a, if any, has a role of class c.
func actorIs(a *event.Actor, c roleClass) bool { return a != nil && roleIs(a.Role, c) }
