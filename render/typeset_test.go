package render_test

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/tanu-edu/tanu/render"
)

const ptPerMM = 72 / 25.4

// TestQRCode rasterizes page 1 at 150 dpi, decodes the QR code and checks
// that it carries exactly the verification URL and is at least 25 mm wide.
func TestQRCode(t *testing.T) {
	r := newRenderer(t)
	for _, c := range []render.Certificate{micro("kk"), micro("en"), microLong("ru"), teachhub("kk"), nonformal("en")} {
		t.Run(c.Kind+"-"+c.Lang, func(t *testing.T) {
			const dpi = 150
			img := rasterize(t, renderPDF(t, r, c), 1, dpi)
			bmp, err := gozxing.NewBinaryBitmapFromImage(img)
			if err != nil {
				t.Fatal(err)
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
			if err != nil {
				t.Fatalf("decode QR: %v", err)
			}
			if res.GetText() != c.URL {
				t.Fatalf("QR = %q, want %q", res.GetText(), c.URL)
			}
			pts := res.GetResultPoints() // bottom-left, top-left, top-right finder centres
			if len(pts) < 3 {
				t.Fatalf("want 3 finder patterns, got %d", len(pts))
			}
			left := finderEdge(img, pts[1].GetX(), pts[1].GetY(), -1)
			right := finderEdge(img, pts[2].GetX(), pts[2].GetY(), +1)
			mm := float64(right-left+1) / dpi * 25.4
			if mm < 25 {
				t.Errorf("QR code is %.1f mm wide, want at least 25 mm", mm)
			}
			t.Logf("QR code %.1f mm wide", mm)
		})
	}
}

// finderEdge walks from a finder pattern's centre in direction dir across its
// dark core, light ring and dark ring, and returns the x of the outer edge.
func finderEdge(img image.Image, cx, cy float64, dir int) int {
	dark := func(x, y int) bool {
		g := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
		return g.Y < 128
	}
	x, y := int(math.Round(cx)), int(math.Round(cy))
	runs, last := 0, dark(x, y)
	for b := img.Bounds(); x > b.Min.X && x < b.Max.X-1; x += dir {
		d := dark(x+dir, y)
		if d != last {
			runs++
			last = d
			if runs == 3 { // core -> light -> ring -> quiet zone
				return x
			}
		}
	}
	return x
}

// TestWithinMargins checks, with pdftotext -bbox, that no word of the longest
// names, titles and organization leaves the content area or the page, and
// that no two words overlap.
func TestWithinMargins(t *testing.T) {
	r := newRenderer(t)
	const (
		marginMM = 22 // content margin of the shipped layouts
		slackMM  = 1.5
	)
	cases := map[string]render.Certificate{}
	for _, lang := range []string{"kk", "ru", "en"} {
		cases["micro-long-"+lang] = microLong(lang)
		th := teachhub(lang)
		th.FamilyName, th.GivenName, th.Patronymic = "Мұхаметжанова-Әбілқасымова", "Гүлнұр-Қарлығаш", "Нұрланқызы"
		th.ProgramName = longProgram
		th.Organization = longOrg
		th.Department = longOrg
		th.Facilitators = []string{"Мұхаметжанова Гүлнұр Нұрланқызы", "Әбілқасымова Қарлығаш Нұрланқызы", "Жұмабекова Мөлдір Нұрланқызы"}
		cases["teachhub-long-"+lang] = th
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			for pi, pg := range pdfWords(t, renderPDF(t, r, c)) {
				minX, maxX := (marginMM-slackMM)*ptPerMM, pg.Width-(marginMM-slackMM)*ptPerMM
				for _, w := range pg.Words {
					if w.XMin < minX || w.XMax > maxX || w.YMin < 15*ptPerMM || w.YMax > pg.Height-15*ptPerMM {
						t.Errorf("page %d: %q at x %.1f–%.1f mm, y %.1f–%.1f mm is outside the content area",
							pi+1, w.Text, w.XMin/ptPerMM, w.XMax/ptPerMM, w.YMin/ptPerMM, w.YMax/ptPerMM)
					}
				}
				if err := overlaps(pg.Words); err != nil {
					t.Errorf("page %d: %v", pi+1, err)
				}
			}
		})
	}
}

// overlaps reports two words whose boxes overlap by more than half the height
// of the smaller one (line boxes of adjacent lines may touch).
func overlaps(ws []word) error {
	for i := range ws {
		for j := i + 1; j < len(ws); j++ {
			a, b := ws[i], ws[j]
			ox := math.Min(a.XMax, b.XMax) - math.Max(a.XMin, b.XMin)
			oy := math.Min(a.YMax, b.YMax) - math.Max(a.YMin, b.YMin)
			h := math.Min(a.YMax-a.YMin, b.YMax-b.YMin)
			if ox > 0.5 && oy > h/2 {
				return fmt.Errorf("%q and %q overlap", a.Text, b.Text)
			}
		}
	}
	return nil
}
