package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/tanu-edu/tanu/credential"
)

// orgCounter names the counter that versions the organization's identity.
const orgCounter = "organization"

// Organization returns the organization's identity and its version (0 and
// an empty identity when none was ever stored).
func (s *Store) Organization(ctx context.Context) (*credential.Organization, int64, error) {
	var o credential.Organization
	var v int64
	if err := s.db.QueryRow(ctx, s.q.get("organization_version")).Scan(&v); err != nil {
		return nil, 0, s.translate(err, "organization")
	}
	var data string
	err := s.db.QueryRow(ctx, s.q.get("organization_get")).Scan(&data)
	switch {
	case s.db.IsNoRows(err):
		return &o, v, nil
	case err != nil:
		return nil, 0, s.translate(err, "organization")
	}
	if err := json.Unmarshal([]byte(data), &o); err != nil {
		return nil, 0, fmt.Errorf("store: organization: %w", err)
	}
	return &o, v, nil
}

// OrganizationVersion returns the version of the organization's identity:
// it changes with every change of the identity or its images.
func (s *Store) OrganizationVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.db.QueryRow(ctx, s.q.get("organization_version")).Scan(&v); err != nil {
		return 0, s.translate(err, "organization")
	}
	return v, nil
}

// PutOrganization replaces the organization's identity and returns its new
// version. The caller validates it.
func (s *Store) PutOrganization(ctx context.Context, o *credential.Organization) (int64, error) {
	b, err := json.Marshal(o)
	if err != nil {
		return 0, fmt.Errorf("store: organization: %w", err)
	}
	var v int64
	err = s.inTx(ctx, func(tx Tx) error {
		if _, err := tx.Exec(ctx, s.q.get("organization_put"), string(b), s.nowUTC()); err != nil {
			return err
		}
		if v, err = s.addCounter(ctx, tx, orgCounter, 1); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionOrganizationChanged, "organization", "1", "", map[string]any{"version": v})
	})
	return v, s.translate(err, "organization")
}

// SeedOrganization stores o and its images only if no identity was ever
// stored (the first start of a deployment that had an organization file),
// in one transaction. It reports whether it stored anything.
func (s *Store) SeedOrganization(ctx context.Context, o *credential.Organization, images []credential.OrgImage) (bool, error) {
	b, err := json.Marshal(o)
	if err != nil {
		return false, fmt.Errorf("store: organization: %w", err)
	}
	seeded := false
	err = s.inTx(ctx, func(tx Tx) error {
		n, err := tx.Exec(ctx, s.q.get("organization_seed"), string(b), s.nowUTC())
		if err != nil || n == 0 {
			return err
		}
		for _, im := range images {
			if _, err := tx.Exec(ctx, s.q.get("organization_image_seed"), im.Kind, im.ContentType, im.Width, im.Height, im.Data, s.nowUTC()); err != nil {
				return err
			}
		}
		v, err := s.addCounter(ctx, tx, orgCounter, 1)
		if err != nil {
			return err
		}
		seeded = true
		return s.audit(ctx, tx, credential.ActionOrganizationSeeded, "organization", "1", "", map[string]any{"version": v, "images": len(images)})
	})
	return seeded, s.translate(err, "organization")
}

// OrganizationImages returns the organization's images, by kind.
func (s *Store) OrganizationImages(ctx context.Context) ([]credential.OrgImage, error) {
	rows, err := s.db.Query(ctx, s.q.get("organization_image_list"))
	if err != nil {
		return nil, s.translate(err, "organization images")
	}
	defer rows.Close()
	var out []credential.OrgImage
	for rows.Next() {
		var im credential.OrgImage
		if err := rows.Scan(&im.Kind, &im.ContentType, &im.Width, &im.Height, &im.Data); err != nil {
			return nil, s.translate(err, "organization images")
		}
		im.Size = len(im.Data)
		out = append(out, im)
	}
	return out, s.translate(rows.Err(), "organization images")
}

// OrganizationImage returns one image (not_found when none is stored).
func (s *Store) OrganizationImage(ctx context.Context, kind string) (*credential.OrgImage, error) {
	var im credential.OrgImage
	err := s.db.QueryRow(ctx, s.q.get("organization_image_get"), kind).Scan(&im.Kind, &im.ContentType, &im.Width, &im.Height, &im.Data)
	if err != nil {
		return nil, s.translate(err, "organization image "+kind)
	}
	im.Size = len(im.Data)
	return &im, nil
}

// PutOrganizationImage stores an image (the caller checked it), or with
// no data deletes the kind's image, and returns the identity's new version.
func (s *Store) PutOrganizationImage(ctx context.Context, im credential.OrgImage) (int64, error) {
	if !slices.Contains(credential.ImageKinds, im.Kind) {
		return 0, credential.Errorf(credential.CodeInvalid, "unknown image kind %q", im.Kind)
	}
	var v int64
	err := s.inTx(ctx, func(tx Tx) error {
		var err error
		if len(im.Data) == 0 {
			_, err = tx.Exec(ctx, s.q.get("organization_image_delete"), im.Kind)
		} else {
			_, err = tx.Exec(ctx, s.q.get("organization_image_put"), im.Kind, im.ContentType, im.Width, im.Height, im.Data, s.nowUTC())
		}
		if err != nil {
			return err
		}
		if v, err = s.addCounter(ctx, tx, orgCounter, 1); err != nil {
			return err
		}
		return s.audit(ctx, tx, credential.ActionOrganizationImage, "organization", im.Kind, "",
			map[string]any{"version": v, "content_type": im.ContentType, "bytes": len(im.Data), "width": im.Width, "height": im.Height})
	})
	return v, s.translate(err, "organization image")
}
