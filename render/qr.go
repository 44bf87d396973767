package render

import (
	"fmt"

	"github.com/skip2/go-qrcode"
)

// qrMatrix returns the modules of the QR code for s (error correction level
// M), without quiet zone: m[row][col] is true for a dark module.
func qrMatrix(s string) ([][]bool, error) {
	q, err := qrcode.New(s, qrcode.Medium)
	if err != nil {
		return nil, fmt.Errorf("render: qr code: %w", err)
	}
	q.DisableBorder = true
	return q.Bitmap(), nil
}
