package web_test

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/require"

	"github.com/carnet-salon/carnet/internal/testkit"
)

// decodeQR reads the QR code back from the served PNG. The image is a clean
// rendering, so the decoder is told so: gozxing's camera-photo finder
// misplaces the patterns on about 2% of perfect images (it sees no skew to
// correct), which made this test fail on some salon slugs.
func decodeQR(t *testing.T, p *testkit.Page) string {
	t.Helper()
	require.Equal(t, 200, p.Status)
	require.Equal(t, "image/png", p.Header.Get("Content-Type"))
	img, err := png.Decode(bytes.NewReader([]byte(p.Body)))
	require.NoError(t, err)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
	require.NoError(t, err)
	return res.GetText()
}

func TestTheHomePageLinksToThePublicPageWithAQRCodeToPrint(t *testing.T) {
	t.Parallel()
	env := testkit.NewEnv(t, testkit.EnvOptions{NoWorkers: true})
	s := env.NewSalon("Institut Lien")
	owner := env.Login(s.OwnerEmail)
	want := env.URL + "/b/" + s.Slug

	home := owner.Get("/app")
	require.Equal(t, want, home.Value("#public-url"))
	require.Equal(t, want, home.Doc.Find("#public-link a[target=_blank]").AttrOr("href", ""))
	require.Equal(t, "#public-url", home.Doc.Find("#public-link [data-copy]").AttrOr("data-copy", ""), "a button copies the link")
	src := home.Doc.Find("#public-link img.qr").AttrOr("src", "")
	require.Equal(t, want, decodeQR(t, owner.Get(src)), "the QR code opens the public page")

	poster := owner.Get(home.Doc.Find("#public-link a[href='/app/public-link']").AttrOr("href", "none"))
	require.Equal(t, 200, poster.Status)
	require.Equal(t, "Institut Lien", poster.Text(".poster h1"))
	require.Contains(t, poster.Text(".poster"), want)
	require.Equal(t, want, decodeQR(t, owner.Get(poster.Doc.Find(".poster img").AttrOr("src", ""))))

	require.Equal(t, 303, env.NewClient().Get("/app/public-link/qr.png").Status, "the back office's QR needs a session")
}
