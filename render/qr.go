package render

import (
	"fmt"

	"github.com/skip2/go-qrcode"
)

// qrMatrix returns the modules of the QR code for s (error correction level
// Q, 25 %: a scratched or folded print still scans), without quiet zone:
// m[row][col] is true for a dark module.
func qrMatrix(s string) ([][]bool, error) {
	q, err := qrcode.New(s, qrcode.High)
	if err != nil {
		return nil, fmt.Errorf("render: qr code: %w", err)
	}
	q.DisableBorder = true
	return q.Bitmap(), nil
}
