package credential

// iinWeights are the two weight sequences of the IIN check digit.
var iinWeights = [2][11]int{
	{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
	{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2},
}

// IINCheckDigit computes the check digit of a Kazakhstan individual
// identification number (IIN) from its first eleven digits: the weighted
// sum modulo 11 with weights 1…11, or, when that gives 10, with weights
// 3…11, 1, 2. ok is false when both give 10: no valid IIN starts with
// these digits.
func IINCheckDigit(d [11]int) (digit int, ok bool) {
	for _, w := range iinWeights {
		sum := 0
		for i, wi := range w {
			sum += d[i] * wi
		}
		if c := sum % 11; c != 10 {
			return c, true
		}
	}
	return 0, false
}
