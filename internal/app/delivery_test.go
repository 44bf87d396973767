package app_test

import (
	"encoding/json"
	"net/http"
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
