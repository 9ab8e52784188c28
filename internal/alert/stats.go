package alert

import (
	"cmp"
	"math"
	"slices"
)

// UpperTail returns P(Y ≥ y) for Y negative-binomial with mean mu and size
// theta (variance mu + mu²/theta); theta = +Inf gives the Poisson
// distribution. It is exact to about 1e-13 relative error even far in the
// tail, because it sums the tail itself rather than subtracting the body
// from 1. It returns 1 for y ≤ 0, 0 for mu ≤ 0 (and y ≥ 1), and NaN for a
// NaN argument or theta ≤ 0.
func UpperTail(y int, mu, theta float64) float64 {
	switch {
	case math.IsNaN(mu) || math.IsNaN(theta) || theta <= 0:
		return math.NaN()
	case y <= 0:
		return 1
	case mu <= 0:
		return 0
	case math.IsInf(mu, 1):
		return 1
	}
	poisson := math.IsInf(theta, 1) || theta > 1e12
	logPMF := func(k int) float64 {
		fk := float64(k)
		if poisson {
			return -mu + fk*math.Log(mu) - lgamma(fk+1)
		}
		return lgamma(fk+theta) - lgamma(theta) - lgamma(fk+1) +
			theta*math.Log(theta/(theta+mu)) + fk*math.Log(mu/(theta+mu))
	}
	// ratio(k) = pmf(k+1)/pmf(k).
	ratio := func(k int) float64 {
		if poisson {
			return mu / float64(k+1)
		}
		return (float64(k) + theta) / float64(k+1) * (mu / (mu + theta))
	}
	if float64(y) <= mu {
		// The body below y is the smaller sum: 1 − Σ_{k<y} pmf(k).
		// Here y ≤ mu, so the answer is at least about 0.3 and the
		// subtraction loses nothing that matters.
		sum := 0.0
		p := math.Exp(logPMF(0))
		for k := 0; k < y; k++ {
			sum += p
			p *= ratio(k)
		}
		return clamp01(1 - sum)
	}
	// y > mu ≥ mode: the terms from y on decrease, with ratios that
	// decrease too, so the rest after term t is at most t·r/(1−r).
	p := math.Exp(logPMF(y))
	if p == 0 {
		return 0
	}
	sum := 0.0
	for k := y; k < y+10_000_000; k++ {
		sum += p
		r := ratio(k)
		p *= r
		if r < 1 && p/(1-r) <= 1e-16*sum {
			break
		}
	}
	return clamp01(sum)
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

func clamp01(x float64) float64 { return math.Max(0, math.Min(1, x)) }

// A Correction adjusts the p-values of one day's cells for multiplicity.
type Correction string

// The corrections.
const (
	// BH is the Benjamini–Hochberg step-up procedure: it controls the
	// false discovery rate among the day's alerts at Alpha (and the
	// family-wise error rate when no cell departs from its baseline).
	BH Correction = "bh"
	// Bonferroni multiplies each p-value by the number of cells: it
	// controls the family-wise error rate at Alpha.
	Bonferroni Correction = "bonferroni"
)

// Adjust returns the adjusted p-values (q-values) of p under c, in p's
// order, each at most 1. For BH, q_(i) = min over j ≥ i of m·p_(j)/j with
// p sorted ascending; for Bonferroni, q_i = m·p_i. An unknown correction
// returns nil.
func (c Correction) Adjust(p []float64) []float64 {
	m := float64(len(p))
	q := make([]float64, len(p))
	switch c {
	case Bonferroni:
		for i, v := range p {
			q[i] = math.Min(1, v*m)
		}
		return q
	case BH:
		idx := make([]int, len(p))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
		run := 1.0
		for r := len(idx) - 1; r >= 0; r-- {
			i := idx[r]
			run = math.Min(run, p[i]*m/float64(r+1))
			q[i] = run
		}
		return q
	}
	return nil
}
