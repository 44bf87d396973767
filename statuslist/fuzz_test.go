package statuslist

import (
	"bytes"
	"testing"
)

// FuzzDecode checks that Decode never panics and that whatever it accepts
// re-encodes to an equivalent list.
func FuzzDecode(f *testing.F) {
	f.Add(w3cAllZero, 0)
	f.Add("uH4sI", 0)
	f.Add("u", 8)
	f.Add(encodeRaw(gzipped(f, make([]byte, 1024))), 8192)
	f.Fuzz(func(t *testing.T, s string, minEntries int) {
		b, err := Decode(s, minEntries)
		if err != nil {
			return
		}
		enc, err := b.Encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(enc, b.Len())
		if err != nil || !bytes.Equal(back.Bytes(), b.Bytes()) {
			t.Fatalf("re-encoding changed the list: %v", err)
		}
	})
}
