package notify

import (
	tanulang "github.com/tanu-edu/tanu/lang"

	"bytes"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"strconv"
	texttemplate "text/template"

	"github.com/tanu-edu/tanu/credential"
)

// Letter is a rendered message.
type Letter struct {
	Subject, Text, HTML string
}

// letterData is what the templates see.
type letterData struct {
	Lang, Greeting, Issued, Org, Program              string
	PageURL, PDFURL, LinkedInURL                      string
	PageLabel, PDFLabel, LinkedInLabel, HowTo, Footer string
	WalletLabel, WalletURL                            string
}

const textBody = `{{.Greeting}}

{{.Issued}}

{{.PageLabel}}: {{.PageURL}}
{{.PDFLabel}}: {{.PDFURL}}

{{.LinkedInLabel}}: {{.LinkedInURL}}
{{.HowTo}}

{{.WalletLabel}}: {{.WalletURL}}

--
{{.Org}}
{{.Footer}}
`

const htmlBody = `<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 0 auto; padding: 1em; line-height: 1.5">
<p>{{.Greeting}}</p>
<p>{{.Issued}}</p>
<p><a href="{{.PageURL}}" style="display: inline-block; padding: .6em 1em; background: #1a5fb4; color: #fff; text-decoration: none; border-radius: 4px">{{.PageLabel}}</a></p>
<p><a href="{{.PDFURL}}">{{.PDFLabel}}</a></p>
<p><a href="{{.LinkedInURL}}">{{.LinkedInLabel}}</a><br>{{.HowTo}}</p>
<p><a href="{{.WalletURL}}">{{.WalletLabel}}</a></p>
<hr><p style="color: #555; font-size: .9em">{{.Org}}<br>{{.Footer}}</p>
</body></html>
`

var (
	textTmpl = texttemplate.Must(texttemplate.New("text").Parse(textBody))
	htmlTmpl = htmltemplate.Must(htmltemplate.New("html").Parse(htmlBody))
)

// render writes the message about rec (of program p) in lang for an issuer
// at base named org.
func render(l, base string, org credential.Text, rec *credential.Record, p *credential.Program) (*Letter, error) {
	t := tanulang.ParseOr(l, tanulang.EN)
	lang := string(t)
	orgName, progName := org.Get(lang), p.Name.Get(lang)
	page := base + "/c/" + url.PathEscape(rec.ID)
	li := url.Values{}
	li.Set("startTask", "CERTIFICATION_NAME")
	li.Set("name", progName)
	li.Set("organizationName", orgName)
	li.Set("issueYear", strconv.Itoa(rec.IssuedAt.Year()))
	li.Set("issueMonth", strconv.Itoa(int(rec.IssuedAt.Month())))
	li.Set("certUrl", page)
	li.Set("certId", strconv.FormatInt(rec.CertificateNumber, 10))
	d := letterData{Lang: lang, Greeting: t.T(tanulang.MailGreeting, rec.HolderName), Issued: t.T(tanulang.MailIssued, orgName, progName),
		Org: orgName, Program: progName, PageURL: page, PDFURL: page + "/certificate.pdf",
		LinkedInURL: "https://www.linkedin.com/profile/add?" + li.Encode(),
		PageLabel:   t.T(tanulang.MailPage), PDFLabel: t.T(tanulang.MailPdf), LinkedInLabel: t.T(tanulang.MailLinkedin), HowTo: t.T(tanulang.MailHowto), Footer: t.T(tanulang.MailFooter),
		WalletLabel: walletLabel(lang), WalletURL: base + "/my?lang=" + lang}
	var tb, hb bytes.Buffer
	if err := textTmpl.Execute(&tb, d); err != nil {
		return nil, fmt.Errorf("render text: %w", err)
	}
	if err := htmlTmpl.Execute(&hb, d); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	return &Letter{Subject: t.T(tanulang.MailSubject, orgName, progName), Text: tb.String(), HTML: hb.String()}, nil
}
