package notify

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"net/url"
	texttemplate "text/template"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/lang"
)

// SignInTTL is how long a sign-in link to the holder's page works; TxCodeTTL
// how long a wallet offer (and its transaction code) does. The letters say
// so; the holder service enforces them.
const (
	SignInTTL = 15 * time.Minute
	TxCodeTTL = 30 * time.Minute
)

// holderData is what the holder letters' templates see.
type holderData struct {
	Lang, Body, Link, Button, Ignore, Org string
}

const holderText = `{{.Body}}
{{if .Link}}
{{.Button}}: {{.Link}}
{{end}}
{{.Ignore}}

--
{{.Org}}
`

const holderHTML = `<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 36em; margin: 0 auto; padding: 1em; line-height: 1.5">
<p>{{.Body}}</p>
{{if .Link}}<p><a href="{{.Link}}" style="display: inline-block; padding: .6em 1em; background: #1a5fb4; color: #fff; text-decoration: none; border-radius: 4px">{{.Button}}</a></p>
<p style="font-size: .9em; word-break: break-all">{{.Link}}</p>{{end}}
<p style="color: #555">{{.Ignore}}</p>
<hr><p style="color: #555; font-size: .9em">{{.Org}}</p>
</body></html>
`

var (
	holderTextTmpl = texttemplate.Must(texttemplate.New("text").Parse(holderText))
	holderHTMLTmpl = htmltemplate.Must(htmltemplate.New("html").Parse(holderHTML))
)

// renderHolder writes a message of the holder's page: the sign-in link
// (m.Payload is its secret) or a wallet offer's transaction code
// (m.Payload is the code).
func renderHolder(m credential.Message, base string, org credential.Text) (*Letter, error) {
	if m.Payload == "" {
		return nil, errors.New("holder message without its secret")
	}
	t := lang.ParseOr(m.Language, lang.EN)
	orgName := org.Get(string(t))
	d := holderData{Lang: string(t), Org: orgName, Ignore: t.T(lang.HolderMailIgnore)}
	var subject string
	switch m.Purpose {
	case credential.PurposeSignIn:
		subject = t.T(lang.HolderMailSubject, orgName)
		d.Body = t.T(lang.HolderMailBody, int(SignInTTL/time.Minute))
		d.Button = t.T(lang.HolderMailButton)
		d.Link = base + "/my/signin?" + url.Values{"t": {m.Payload}, "lang": {string(t)}}.Encode()
	case credential.PurposeTxCode:
		subject = t.T(lang.HolderTxMailSubject, orgName)
		d.Body = t.T(lang.HolderTxMailBody, m.Payload, int(TxCodeTTL/time.Minute))
	default:
		return nil, fmt.Errorf("no letter for purpose %q", m.Purpose)
	}
	var tb, hb bytes.Buffer
	if err := holderTextTmpl.Execute(&tb, d); err != nil {
		return nil, fmt.Errorf("render text: %w", err)
	}
	if err := holderHTMLTmpl.Execute(&hb, d); err != nil {
		return nil, fmt.Errorf("render html: %w", err)
	}
	return &Letter{Subject: subject, Text: tb.String(), HTML: hb.String()}, nil
}

// walletLabel is the issued letter's line pointing at the holder's page,
// where the credential is offered to wallets.
func walletLabel(l string) string { return lang.ParseOr(l, lang.EN).T(lang.HolderMailWallet) }
