package geo

// A descKind is what a place descriptor after a name says about the place:
// "Rangpur city", "Donetsk region", "Meghna upazila", "Jhenaidah Sadar".
type descKind uint8

const (
	notDescriptor descKind = iota
	descCity               // a populated place: "city", "town", "village"
	descRegion             // a first-level region: "province", "oblast", "state"
	descOther              // a unit between the two, or below a city: "district", "upazila", "area"
)

// descriptorOf returns the kind of descriptor whose key is k.
func descriptorOf(k []byte) descKind {
	switch string(k) {
	case "city", "town", "village", "township", "municipality", "settlement", "hamlet", "borough", "suburb":
		return descCity
	case "province", "region", "oblast", "governorate", "state", "division", "krai", "kray", "prefecture",
		"voivodeship", "emirate", "canton":
		return descRegion
	case "district", "county", "zila", "zilla", "upazila", "upazilla", "thana", "union", "sadar", "raion", "rayon",
		"department", "commune", "tehsil", "taluk", "subdistrict", "area", "locality", "neighbourhood", "neighborhood",
		"ward", "camp", "hq", "headquarters":
		return descOther
	}
	return notDescriptor
}

// capitalDescriptor reports whether the descriptor with key k also
// describes the name before it when capitalised ("Jhenaidah Sadar",
// "Comilla District"); "Union", "Area" and "Camp" capitalised start names
// of their own ("Oxford Union").
func capitalDescriptor(k []byte) bool {
	switch string(k) {
	case "union", "area", "camp", "ward", "state", "borough", "hq", "headquarters":
		return false
	}
	return true
}

// descriptor returns the kind of descriptor that tok is, if any.
func descriptor(text string, tok token) descKind {
	var arr [24]byte
	k := appendKey(arr[:0], text[tok.start:tok.end])
	d := descriptorOf(k)
	if d != notDescriptor && tok.upper && !tok.allCaps && !capitalDescriptor(k) {
		return notDescriptor
	}
	return d
}
