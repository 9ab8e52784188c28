package alert_test

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/annals-project/annals/internal/alert"
)

// naiveTail sums the negative-binomial (or Poisson) probabilities below y
// one by one and subtracts them from 1: exact enough for p ≫ 1e-12.
func naiveTail(y int, mu, theta float64) float64 {
	sum := 0.0
	for k := range y {
		fk := float64(k)
		var lp float64
		if math.IsInf(theta, 1) {
			lg, _ := math.Lgamma(fk + 1)
			lp = -mu + fk*math.Log(mu) - lg
		} else {
			a, _ := math.Lgamma(fk + theta)
			b, _ := math.Lgamma(theta)
			c, _ := math.Lgamma(fk + 1)
			lp = a - b - c + theta*math.Log(theta/(theta+mu)) + fk*math.Log(mu/(theta+mu))
		}
		sum += math.Exp(lp)
	}
	return 1 - sum
}

func TestUpperTail(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name      string
		y         int
		mu, theta float64
		want      float64
		rel       float64
	}{
		// P(Y ≥ 5), Y ~ Poisson(2) = 1 − e^−2(1 + 2 + 2 + 4/3 + 2/3).
		{"poisson body", 5, 2, inf, 1 - math.Exp(-2)*7, 1e-12},
		{"poisson at zero", 0, 2, inf, 1, 0},
		{"poisson below mean", 1, 2, inf, 1 - math.Exp(-2), 1e-12},
		// θ = 1 is the geometric law: P(Y ≥ y) = (μ/(1+μ))^y.
		{"geometric body", 4, 3, 1, math.Pow(0.75, 4), 1e-12},
		{"geometric far tail", 60, 1, 1, math.Pow(0.5, 60), 1e-10},
		{"geometric below mean", 2, 3, 1, math.Pow(0.75, 2), 1e-12},
		// P(Y ≥ 20), Y ~ Poisson(1) = e^−1 Σ_{k≥20} 1/k!, summed here in
		// closed form to 1.6e-19 (terms beyond k = 24 are negligible).
		{"poisson far tail", 20, 1, inf, poissonTail20(), 1e-10},
		{"zero mean", 3, 0, 5, 0, 0},
		{"huge size is poisson", 5, 2, 1e15, 1 - math.Exp(-2)*7, 1e-9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := alert.UpperTail(tt.y, tt.mu, tt.theta)
			if math.Abs(got-tt.want) > tt.rel*math.Abs(tt.want) {
				t.Errorf("UpperTail(%d, %g, %g) = %.17g, want %.17g", tt.y, tt.mu, tt.theta, got, tt.want)
			}
		})
	}
	for _, bad := range [][2]float64{{2, 0}, {2, -1}, {math.NaN(), 1}, {2, math.NaN()}} {
		if got := alert.UpperTail(3, bad[0], bad[1]); !math.IsNaN(got) {
			t.Errorf("UpperTail(3, %g, %g) = %g, want NaN", bad[0], bad[1], got)
		}
	}
}

func poissonTail20() float64 {
	sum, term := 0.0, math.Exp(-1)
	for k := 1; k <= 40; k++ {
		term /= float64(k)
		if k >= 20 {
			sum += term
		}
	}
	return sum
}

// TestUpperTailAgrees compares UpperTail with the naive sum where that is
// exact, and checks that it decreases in y.
func TestUpperTailAgrees(t *testing.T) {
	for _, mu := range []float64{0.05, 0.7, 3, 12.5, 80} {
		for _, theta := range []float64{0.3, 1, 4.5, 40, math.Inf(1)} {
			prev := 1.0
			for y := 0; y < int(3*mu)+15; y++ {
				got := alert.UpperTail(y, mu, theta)
				if got > prev+1e-15 {
					t.Fatalf("UpperTail(%d, %g, %g) = %g > UpperTail(%d) = %g", y, mu, theta, got, y-1, prev)
				}
				prev = got
				if want := naiveTail(y, mu, theta); want > 1e-6 && math.Abs(got-want) > 1e-9 {
					t.Errorf("UpperTail(%d, %g, %g) = %.12g, naive sum %.12g", y, mu, theta, got, want)
				}
			}
		}
	}
}

func TestAdjust(t *testing.T) {
	p := []float64{0.01, 0.04, 0.03, 0.005}
	tests := []struct {
		c    alert.Correction
		want []float64
	}{
		// Sorted: 0.005, 0.01, 0.03, 0.04; m·p/rank: 0.02, 0.02, 0.04,
		// 0.04; running minimum from the top.
		{alert.BH, []float64{0.02, 0.04, 0.04, 0.02}},
		{alert.Bonferroni, []float64{0.04, 0.16, 0.12, 0.02}},
		{"holm", nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.c), func(t *testing.T) {
			got := tt.c.Adjust(p)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("%s.Adjust(%v) (-want +got):\n%s", tt.c, p, diff)
			}
		})
	}
	if got := alert.Bonferroni.Adjust([]float64{0.5, 0.9}); got[0] != 1 || got[1] != 1 {
		t.Errorf("Bonferroni caps at 1: got %v", got)
	}
}

func BenchmarkUpperTailFarTail(b *testing.B) {
	for b.Loop() {
		alert.UpperTail(400, 3.5, 7)
	}
}
