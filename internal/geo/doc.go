// Package geo is annals' gazetteer: it finds place names in text, tells
// which countries a document is about, and geolocates events to a city,
// first-level region (admin1) or country with GeoNames coordinates.
//
// The default gazetteer is embedded (data/gazetteer.tsv.gz, about 5 MB):
// 135,000 populated places of 1,000 or more people from GeoNames
// cities1000, 37,700 more (district and subdistrict seats, places added
// since) from a newer GeoNames dump, 3,600 admin1 regions and 250
// countries with ISO 3166-1 codes, plus our own aliases and regions (data/aliases.tsv: Donbas,
// Darfur, Sinai, Kurdistan Region...). It is built by gen/main.go (`go
// generate`) from pinned npm packages; see data/README.md for sources,
// versions and the GeoNames credit.
//
// Find reads the qualifiers news and ACLED notes put after a name
// (chain.go): descriptors ("upazila", "Sadar", "region"), then regions,
// districts and the country after commas, inside parentheses or after
// "in" ("Krishnapur village, Jhenaidah Sadar upazila (Khulna)"), and a
// city before a spaced hyphen or possessive ("Dhaka - Mirpur", "Dhaka's
// Mirpur"). The qualifiers choose among namesakes, and a name they place
// where the gazetteer has no such place is reported Within the most
// precise of them rather than as its namesake abroad. Focus weighs where
// things happen over whom they are done to ("a protest in Dhaka against
// Myanmar" is about Bangladesh).
//
// In the pipeline geo sits after sentence splitting: the event coder calls
// Find on a document or sentence, Focus for the document's countries, and
// Locate or Resolve to pick one place per mention, then Place.Location to
// fill event.Location.
//
// A *Gazetteer is read-only once loaded and safe for concurrent use.
package geo
