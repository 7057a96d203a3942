package inventory

import (
	"regexp"
	"strconv"
)

// amountPattern is an amount as the billing and app endpoints write it: a
// decimal string such as "23.44", "-5.00" or "0.000002066799".
var amountPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parseDollars reads such an amount. Anything else (an empty string, a
// number with an exponent or spaces, "NaN") is not an amount: false.
func parseDollars(s string) (float64, bool) {
	if !amountPattern.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// Amount is a sum of money in dollars that the API may not have given.
type Amount struct {
	Dollars float64
	Known   bool
}

func amountOf(s string) Amount {
	dollars, ok := parseDollars(s)
	return Amount{Dollars: dollars, Known: ok}
}
