package app

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // image headers of seeded images
	_ "image/png"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/tanu-edu/tanu/credential"
	"github.com/tanu-edu/tanu/issuer"
	"github.com/tanu-edu/tanu/render"
	"github.com/tanu-edu/tanu/store"
)

// OrgRefresh is how long an instance trusts the organization's identity it
// loaded before asking the database for its version again: a change made
// on one instance takes effect on every instance within it.
const OrgRefresh = 2 * time.Second

// Organization returns the identity the organization file describes, for
// seeding an empty database.
func (o OrgConfig) Organization() *credential.Organization {
	org := &credential.Organization{Name: o.Name, HeadName: o.HeadName, HeadTitle: o.HeadTitle, URL: o.URL, Email: o.Email,
		DefaultLang: o.DefaultLang, GradeScale: o.GradeScale}
	return org
}

// images reads the organization file's images for seeding. The file's
// images were printed before the database kept them, so only the
// renderer's own check applies (not the upload limits).
func (o OrgConfig) images() ([]credential.OrgImage, error) {
	var out []credential.OrgImage
	for _, f := range []struct{ kind, path string }{{credential.ImageLogo, o.Logo}, {credential.ImageSeal, o.Seal}, {credential.ImageSignature, o.Signature}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return nil, fmt.Errorf("config: branding image: %w", err)
		}
		if err := render.CheckImage(f.kind, b); err != nil {
			return nil, fmt.Errorf("config: branding image %s: %w", f.path, err)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("config: branding image %s: %w", f.path, err)
		}
		out = append(out, credential.OrgImage{Kind: f.kind, ContentType: "image/" + format, Width: cfg.Width, Height: cfg.Height, Size: len(b), Data: b})
	}
	return out, nil
}

// orgSync keeps this instance's identity (the issuer's, the certificates')
// in step with the organization's identity in the database, which every
// instance shares, and lets an admin change it. It is safe for concurrent
// use.
type orgSync struct {
	a    *App
	base *render.Renderer // templates and fonts, without the organization's images

	mu      sync.Mutex
	checked time.Time
	version int64
}

// load reads the identity and images from the database and applies them.
func (o *orgSync) load(ctx context.Context) (issuer.Identity, error) {
	org, v, err := o.a.Store.Organization(ctx)
	if err != nil {
		return issuer.Identity{}, err
	}
	images, err := o.a.Store.OrganizationImages(ctx)
	if err != nil {
		return issuer.Identity{}, err
	}
	id := o.a.Config.identityOf(org)
	if o.a.Issuer != nil {
		if err := o.a.Issuer.SetIdentity(id); err != nil {
			return id, err
		}
	}
	if o.a.Certificates != nil && o.base != nil {
		r, err := o.base.WithBranding(o.branding(org, images))
		if err != nil {
			return id, err
		}
		o.a.Certificates.SetIdentity(&id, r)
	}
	o.version, o.checked = v, o.a.Now()
	return id, nil
}

// branding is the renderer's branding of an identity.
func (o *orgSync) branding(org *credential.Organization, images []credential.OrgImage) render.Branding {
	b := render.Branding{Name: org.Name, PrimaryColor: o.a.Config.Org.PrimaryColor, AccentColor: o.a.Config.Org.AccentColor}
	for _, im := range images {
		switch im.Kind {
		case credential.ImageLogo:
			b.Logo = im.Data
		case credential.ImageSeal:
			b.SealImage = im.Data
		case credential.ImageSignature:
			b.SignatureImage = im.Data
		}
	}
	return b
}

// Refresh reloads the identity when another instance (or this one)
// changed it: at most one version query per OrgRefresh.
func (o *orgSync) Refresh(ctx context.Context) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if now := o.a.Now(); now.Sub(o.checked) < OrgRefresh && !now.Before(o.checked) {
		return nil
	}
	v, err := o.a.Store.OrganizationVersion(ctx)
	if err != nil {
		return err
	}
	if v == o.version {
		o.checked = o.a.Now()
		return nil
	}
	_, err = o.load(ctx)
	return err
}

// reload applies the database's identity now (after a change here).
func (o *orgSync) reload(ctx context.Context) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, err := o.load(ctx)
	return err
}

// State returns the identity, its images (without bytes), its version and
// what it lacks.
func (o *orgSync) State(ctx context.Context) (*credential.OrgState, error) {
	org, v, err := o.a.Store.Organization(ctx)
	if err != nil {
		return nil, err
	}
	images, err := o.a.Store.OrganizationImages(ctx)
	if err != nil {
		return nil, err
	}
	for i := range images {
		images[i].Data = nil
	}
	return &credential.OrgState{Organization: *org, Images: images, Version: v, Missing: org.Missing()}, nil
}

// Put validates and stores the identity, and applies it here at once (the
// other instances within OrgRefresh).
func (o *orgSync) Put(ctx context.Context, org *credential.Organization) (*credential.OrgState, error) {
	if err := org.Validate(); err != nil {
		return nil, err
	}
	if _, err := o.a.Store.PutOrganization(ctx, org); err != nil {
		return nil, err
	}
	if err := o.reload(ctx); err != nil {
		return nil, err
	}
	return o.State(ctx)
}

// PutImage checks and stores an image (no data: removes the kind's
// image), and applies it.
func (o *orgSync) PutImage(ctx context.Context, kind string, data []byte) (*credential.OrgState, error) {
	im := &credential.OrgImage{Kind: kind}
	if len(data) > 0 {
		var err error
		if im, err = credential.CheckImage(kind, data); err != nil {
			return nil, err
		}
		if err := render.CheckImage(kind, data); err != nil {
			return nil, credential.Wrap(credential.CodeUnsupported, err, "the "+kind+" image cannot be read: "+err.Error())
		}
	} else if _, err := credential.CheckImage(kind, nil); err != nil && credential.ErrorCode(err) == credential.CodeInvalid {
		return nil, err
	}
	if _, err := o.a.Store.PutOrganizationImage(ctx, *im); err != nil {
		return nil, err
	}
	if err := o.reload(ctx); err != nil {
		return nil, err
	}
	return o.State(ctx)
}

// Image returns one image with its bytes.
func (o *orgSync) Image(ctx context.Context, kind string) (*credential.OrgImage, error) {
	return o.a.Store.OrganizationImage(ctx, kind)
}

// seedOrganization stores the organization file's identity in a database
// that has none (the first start after upgrading, or of a new deployment
// with a file; the demo seeds its sample identity). A file naming nothing
// seeds nothing: the console's setup page asks for the identity.
func seedOrganization(ctx context.Context, st *store.Store, cfg OrgConfig) (bool, error) {
	if len(cfg.Name) == 0 {
		return false, nil
	}
	images, err := cfg.images()
	if err != nil {
		return false, err
	}
	org := cfg.Organization()
	if err := org.Validate(); err != nil {
		return false, fmt.Errorf("config: organization: %w", err)
	}
	return st.SeedOrganization(ctx, org, images)
}

// identityOf is the issuer identity of the configuration's public URLs and
// an organization's identity.
func (c *Config) identityOf(org *credential.Organization) issuer.Identity {
	return issuer.Identity{
		BaseURL: strings.TrimRight(c.PublicURL, "/"), PreviousBaseURLs: c.PreviousPublicURLs, Name: org.Name, URL: org.URL, Email: org.Email,
		DefaultLang: org.DefaultLang, HeadName: org.HeadName, HeadTitle: org.HeadTitle, Scale: org.Scale(),
		Incomplete: org.IncompleteError(),
	}
}
