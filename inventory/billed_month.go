package inventory

import (
	"maps"
	"math/big"
	"time"
)

// BilledMonth sums the billing insights of the month so far. An item whose
// amount the exporter cannot read makes its SKU and region, and its group,
// unknown (left out), never a smaller sum.
type BilledMonth struct {
	URN        string // the team (do:team:UUID) or organization (do:teamgroup:UUID) billed
	Start, End time.Time
	BySKU      map[SKURegion]float64
	// ByGroup sums the items of each invoice item group (a Kubernetes
	// cluster's name, say); items in no group are left out.
	ByGroup    map[string]float64
	DataPoints int
	ReadWhole  time.Time // when the whole month was last read
	days       map[string]*billedDay
}

// SKURegion is what one billing series is for.
type SKURegion struct{ SKU, Region string }

// billedDay sums the data points of one day (their start_date), exactly;
// never changed once made.
type billedDay struct {
	bySKU   sums[SKURegion]
	byGroup sums[string]
	points  int
}

// billedDays sums data points by their day.
func billedDays(points []dataPoint) map[string]*billedDay {
	days := map[string]*billedDay{}
	for _, p := range points {
		day, ok := days[p.Date]
		if !ok {
			day = &billedDay{bySKU: sums[SKURegion]{}, byGroup: sums[string]{}}
			days[p.Date] = day
		}
		day.points++
		day.bySKU.add(SKURegion{p.SKU, p.Region}, p.Amount)
		if p.Group != "" {
			day.byGroup.add(p.Group, p.Amount)
		}
	}
	return days
}

// daysBefore is read, with the days this month kept from before from:
// those read again replace them.
func (m *BilledMonth) daysBefore(from time.Time, read map[string]*billedDay) map[string]*billedDay {
	days := maps.Clone(read)
	for date, day := range m.days {
		if _, again := read[date]; !again && date < from.Format(time.DateOnly) {
			days[date] = day
		}
	}
	return days
}

func newBilledMonth(urn string, start, end, readWhole time.Time, days map[string]*billedDay) BilledMonth {
	m := BilledMonth{URN: urn, Start: start, End: end, ReadWhole: readWhole, days: days}
	bySKU, byGroup := sums[SKURegion]{}, sums[string]{}
	for _, day := range days {
		bySKU.merge(day.bySKU)
		byGroup.merge(day.byGroup)
		m.DataPoints += day.points
	}
	m.BySKU, m.ByGroup = bySKU.known(), byGroup.known()
	return m
}

// sums adds decimal amounts exactly by key (20 times 0.86 is 17.2, not
// 17.199999999999996); a key with an amount that is not one is unknown.
type sums[K comparable] map[K]*big.Rat // nil: unknown

func (s sums[K]) add(key K, amount string) {
	if _, ok := parseDollars(amount); !ok {
		s[key] = nil
		return
	}
	a, _ := new(big.Rat).SetString(amount)
	s.addRat(key, a)
}

// merge adds other's sums, which it leaves as they are.
func (s sums[K]) merge(other sums[K]) {
	for key, v := range other {
		s.addRat(key, v)
	}
}

// addRat adds a known amount, or makes the key unknown for nil.
func (s sums[K]) addRat(key K, a *big.Rat) {
	sum, seen := s[key]
	switch {
	case seen && sum == nil: // unknown stays unknown
	case a == nil:
		s[key] = nil
	case !seen:
		s[key] = new(big.Rat).Set(a)
	default:
		sum.Add(sum, a)
	}
}

func (s sums[K]) known() map[K]float64 {
	out := make(map[K]float64, len(s))
	for key, sum := range s {
		if sum != nil {
			out[key], _ = sum.Float64()
		}
	}
	return out
}
