package dedup

// Options are the thresholds of deduplication. Zero fields take the value
// DefaultOptions gives them, so the zero Options works.
type Options struct {
	// DateSlack is the gap in days allowed between the dates of two
	// reports of one event, after each date is widened to the period its
	// precision stands for (a day, a week, a month, a year). Default 1:
	// reports of one day-precision event may be a day apart, as with an
	// attack late at night. Negative means 0.
	DateSlack int
	// AnchorDays widens a date of precision "anchor" (the coder took the
	// document's date because the sentence gave none) back in time: such
	// a date stands for the AnchorDays days up to the anchor. Default 3; negative means 0.
	AnchorDays int

	// CityRadiusKm is the greatest distance between two city-precision
	// places of one event. Default 50.
	CityRadiusKm float64
	// Admin1RadiusKm is the greatest distance between a city and a region
	// (or two regions) of one event when a side does not name its region.
	// Default 150.
	Admin1RadiusKm float64

	// VerbalMinScore replaces MinScore for verbal events, CAMEO roots 01
	// to 05 and 10 to 13 (quad classes 1 and 3: statements, appeals,
	// consultations, demands, criticism, threats). The many things one
	// government says in a week differ only in what was said, which the
	// score does not see, so they need more agreement: the same city and
	// speaker, or the same speaker, audience and country. Default 3.
	VerbalMinScore float64

	// SearchRadiusKm is the radius around a mention's city or region
	// within which candidate events are looked for. Default 300: a city
	// and the centre of a large region it lies in.
	SearchRadiusKm float64

	// MinScore is the least score (see Merger.Score) a candidate needs
	// for a mention to merge into it. Default 2: a shared city; or a
	// shared region and another agreement; or two agreeing actors.
	MinScore float64
	// MaxCandidates caps the events the store returns per mention.
	// Default 50.
	MaxCandidates int

	// BackgroundDays: a mention dated more than this many days before its
	// document was written (its anchor date, see Merger.Candidates) is a
	// background mention of an older event; its candidates are looked for
	// over the whole period of its date, so that "last year's bombing"
	// finds last year's event. Default 30.
	BackgroundDays int

	// Compatible lists groups of CAMEO roots that reports of one event
	// may disagree between, besides the same root. Nil means the default
	// {{"18", "19", "20"}}: assault, fight and unconventional mass
	// violence, as one bombing is told as an attack, a clash or a
	// massacre (a protest and a riot, 145, already share root 14). An
	// empty non-nil slice allows none.
	Compatible [][]string
	// Symmetric lists the CAMEO roots of events without a direction, whose
	// source and target may be swapped between reports ("A and B
	// clashed"). Nil means the default {"04", "19"}: consult and meet,
	// fight.
	Symmetric []string

	// MinSimilarity is the least Similarity of the fingerprints of a
	// copy and its original (the estimated Jaccard similarity of their
	// word 3-shingles). Default 0.6.
	MinSimilarity float64

	// MaxFatalities, MaxInjuries and MaxCrowd are the largest casualty and
	// crowd figures Credible keeps. Defaults 1,000,000, 1,000,000 and
	// 20,000,000.
	MaxFatalities int
	MaxInjuries   int
	MaxCrowd      int
}

// DefaultOptions returns the documented defaults.
func DefaultOptions() Options {
	return Options{
		DateSlack:      1,
		AnchorDays:     3,
		CityRadiusKm:   50,
		Admin1RadiusKm: 150,
		MinScore:       2,
		VerbalMinScore: 3,
		MaxCandidates:  50,
		SearchRadiusKm: 300,
		BackgroundDays: 30,
		Compatible:     [][]string{{"18", "19", "20"}},
		Symmetric:      []string{"04", "19"},
		MinSimilarity:  0.6,
		MaxFatalities:  1_000_000,
		MaxInjuries:    1_000_000,
		MaxCrowd:       20_000_000,
	}
}

// withDefaults returns o with its zero fields set from DefaultOptions.
func (o Options) withDefaults() Options {
	d := DefaultOptions()
	setInt := func(v *int, def int) {
		if *v == 0 {
			*v = def
		}
	}
	setInt(&o.DateSlack, d.DateSlack)
	setInt(&o.AnchorDays, d.AnchorDays)
	setInt(&o.MaxCandidates, d.MaxCandidates)
	setInt(&o.BackgroundDays, d.BackgroundDays)
	setInt(&o.MaxFatalities, d.MaxFatalities)
	setInt(&o.MaxInjuries, d.MaxInjuries)
	setInt(&o.MaxCrowd, d.MaxCrowd)
	if o.CityRadiusKm == 0 {
		o.CityRadiusKm = d.CityRadiusKm
	}
	if o.Admin1RadiusKm == 0 {
		o.Admin1RadiusKm = d.Admin1RadiusKm
	}
	if o.VerbalMinScore == 0 {
		o.VerbalMinScore = d.VerbalMinScore
	}
	if o.SearchRadiusKm == 0 {
		o.SearchRadiusKm = d.SearchRadiusKm
	}
	if o.MinScore == 0 {
		o.MinScore = d.MinScore
	}
	if o.Compatible == nil {
		o.Compatible = d.Compatible
	}
	if o.Symmetric == nil {
		o.Symmetric = d.Symmetric
	}
	o.DateSlack = max(o.DateSlack, 0)
	o.AnchorDays = max(o.AnchorDays, 0)
	if o.MinSimilarity == 0 {
		o.MinSimilarity = d.MinSimilarity
	}
	return o
}
