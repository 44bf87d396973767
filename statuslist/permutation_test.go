package statuslist

import (
	"bytes"
	"errors"
	"testing"
)

func testKey(b byte) []byte { return bytes.Repeat([]byte{b}, 32) }

func TestPermutationIsBijection(t *testing.T) {
	sizes := []int{MinEntries, 2, 3, 1000, 65536, 200000}
	for _, n := range sizes {
		p, err := NewPermutation(testKey(1), n)
		if err != nil {
			t.Fatalf("NewPermutation(n=%d): %v", n, err)
		}
		seen := make([]bool, n)
		for k := range n {
			i, err := p.Index(k)
			if err != nil {
				t.Fatalf("n=%d Index(%d): %v", n, k, err)
			}
			if i < 0 || i >= n {
				t.Fatalf("n=%d Index(%d) = %d out of range", n, k, i)
			}
			if seen[i] {
				t.Fatalf("n=%d Index(%d) = %d repeats an earlier index", n, k, i)
			}
			seen[i] = true
		}
	}
}

func TestPermutationDeterministicAndKeyed(t *testing.T) {
	const n = MinEntries
	a1, _ := NewPermutation(testKey(1), n)
	a2, _ := NewPermutation(testKey(1), n)
	b, _ := NewPermutation(testKey(2), n)
	same, fixed := 0, 0
	for k := range n {
		x, _ := a1.Index(k)
		y, _ := a2.Index(k)
		z, _ := b.Index(k)
		if x != y {
			t.Fatalf("same key, Index(%d) = %d then %d", k, x, y)
		}
		if x == z {
			same++
		}
		if x == k {
			fixed++
		}
	}
	// Two unrelated permutations agree on about one point in expectation.
	if same > 20 {
		t.Errorf("different keys agree on %d of %d indices", same, n)
	}
	if fixed > 20 {
		t.Errorf("%d fixed points, expected about 1", fixed)
	}
}

func TestPermutationSpreadsConsecutive(t *testing.T) {
	const n = MinEntries
	p, _ := NewPermutation(testKey(7), n)
	var sum float64
	near := 0
	prev, _ := p.Index(0)
	for k := 1; k < n; k++ {
		cur, _ := p.Index(k)
		d := cur - prev
		if d < 0 {
			d = -d
		}
		sum += float64(d)
		if d < 64 {
			near++
		}
		prev = cur
	}
	mean := sum / float64(n-1)
	// For a random permutation E|X-Y| = n/3 ≈ 43690.
	if mean < float64(n)/4 || mean > float64(n)*0.42 {
		t.Errorf("mean distance between consecutive indices = %.0f, want about %d", mean, n/3)
	}
	// P(|X-Y| < 64) ≈ 2*64/n ≈ 0.1%, about 128 pairs.
	if near > 400 {
		t.Errorf("%d consecutive pairs closer than 64", near)
	}
	// The first few indices must not be sequential or clustered low.
	low := 0
	for k := range 100 {
		i, _ := p.Index(k)
		if i < n/10 {
			low++
		}
	}
	if low > 30 {
		t.Errorf("%d of the first 100 indices fall in the lowest tenth", low)
	}
}

func TestPermutationErrors(t *testing.T) {
	tests := []struct {
		name string
		key  []byte
		n    int
		want error
	}{
		{"short key", make([]byte, MinKeyLen-1), MinEntries, ErrInvalidKey},
		{"nil key", nil, MinEntries, ErrInvalidKey},
		{"n too small", testKey(1), 1, ErrInvalidDomain},
		{"n zero", testKey(1), 0, ErrInvalidDomain},
		{"n too large", testKey(1), MaxPermutationSize + 1, ErrInvalidDomain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := NewPermutation(tt.key, tt.n); !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
		})
	}
	p, _ := NewPermutation(testKey(1), MinEntries)
	for _, k := range []int{-1, MinEntries, MinEntries + 1} {
		if _, err := p.Index(k); !errors.Is(err, ErrRange) {
			t.Errorf("Index(%d) error = %v, want ErrRange", k, err)
		}
	}
	if p.Size() != MinEntries {
		t.Errorf("Size = %d", p.Size())
	}
}

func BenchmarkNewPermutation(b *testing.B) {
	for b.Loop() {
		if _, err := NewPermutation(testKey(1), MinEntries); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPermutationIndex(b *testing.B) {
	p, _ := NewPermutation(testKey(1), MinEntries)
	k := 0
	for b.Loop() {
		if _, err := p.Index(k); err != nil {
			b.Fatal(err)
		}
		k = (k + 1) % MinEntries
	}
}
