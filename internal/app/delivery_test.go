package app_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tanu-edu/tanu/internal/app"
	"github.com/tanu-edu/tanu/internal/app/apptest"
)

// TestMailAttachPDF: with AttachPDF the holder's message carries the PDF
// certificate; every message points at the holder's page for wallets.
func TestMailAttachPDF(t *testing.T) {
	mp := newMailpit(t)
	mp.start(t)
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: func(c *app.Config) {
		mailConfig(mp)(c)
		c.Mail.AttachPDF = true
	}})
	regno := createProgram(t, h)
	body := issueBody(regno, "A1")
	body["email"], body["language"] = "attach@students.example.edu", "ru"
	if resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("issue: %d %s", resp.StatusCode, out)
	}
	got := mp.waitMessages(t, 1)
	resp, err := http.Get(mp.webURL + "/api/v1/message/" + got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var msg struct {
		Text        string
		Attachments []struct {
			FileName string `json:"FileName"`
			Size     int    `json:"Size"`
		} `json:"Attachments"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&msg); err != nil {
		t.Fatal(err)
	}
	if len(msg.Attachments) != 1 || !strings.HasSuffix(msg.Attachments[0].FileName, ".pdf") || msg.Attachments[0].Size < 10_000 {
		t.Fatalf("attachments: %+v", msg.Attachments)
	}
	if !strings.Contains(msg.Text, h.URL+"/my?lang=ru") || !strings.Contains(msg.Text, "цифровой кошелёк") {
		t.Fatalf("no wallet line in the message:\n%s", msg.Text)
	}
}

// TestDeliveryScreens writes what a holder sees (the e-mails as Mailpit
// received them, the holder's page signed out and in, a wallet offer) as
// HTML files into $TANU_DELIVERY_SHOTS, for scripts/delivery-shots.sh to
// photograph at phone width. Skipped unless the variable is set.
func TestDeliveryScreens(t *testing.T) {
	dir := os.Getenv("TANU_DELIVERY_SHOTS")
	if dir == "" {
		t.Skip("TANU_DELIVERY_SHOTS is not set")
	}
	mp := newMailpit(t)
	mp.start(t)
	h := apptest.Start(t, "sqlite", apptest.Options{Configure: mailConfig(mp)})
	regno := createProgram(t, h)
	const addr = "m.zhumabekova@students.example.edu"
	for i, l := range []string{"kk", "kk"} {
		body := issueBody(regno, "D"+string(rune('1'+i)))
		body["email"], body["language"] = addr, l
		if i == 1 {
			body["date_from"], body["date_to"], body["decision_date"] = "2025-09-01", "2025-12-20", "2025-12-25"
		}
		if resp, out := h.Do(t, "registrar", "POST", "/api/v1/credentials", "application/json", mustJSON(t, body)); resp.StatusCode != http.StatusCreated {
			t.Fatalf("issue: %d %s", resp.StatusCode, out)
		}
	}
	save := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	issued := mp.waitMessages(t, 2)
	save("mail-issued.html", mp.message(t, issued[0].ID).HTML)
	b := holderBrowser(t)
	_, form := getBody(t, b, h.URL+"/my?lang=kk")
	save("my-form.html", string(form))
	postForm(t, b, h.URL+"/my?lang=kk", url.Values{"email": {addr}})
	link := mp.signInMail(t, addr, 1)
	for _, s := range mp.list(t) {
		if strings.Contains(mp.message(t, s.ID).Text, "/my/signin?") {
			save("mail-signin.html", mp.message(t, s.ID).HTML)
			break
		}
	}
	u, _ := url.Parse(link)
	postForm(t, b, h.URL+"/my/signin?lang=kk", url.Values{"t": {u.Query().Get("t")}})
	_, list := getBody(t, b, h.URL+"/my?lang=kk")
	save("my-list.html", string(list))
	id := regexp.MustCompile(`id="c-([0-9a-f-]{36})"`).FindStringSubmatch(string(list))[1]
	_, wallet := postForm(t, b, h.URL+"/my/wallet/"+id+"?lang=kk", nil)
	save("my-wallet.html", wallet)
}
