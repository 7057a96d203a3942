package inventory

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/digitalocean/godo"
)

// databaseWire is the part of a database cluster we read. The API's list
// also carries connection URIs, users and passwords; decoding into this
// type instead of godo.Database drops them at the edge, so they are never
// held in memory past the response body.
type databaseWire struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Engine         string     `json:"engine"`
	Version        string     `json:"version"`
	Region         string     `json:"region"`
	Size           string     `json:"size"`
	Status         string     `json:"status"`
	NumNodes       int        `json:"num_nodes"`
	StorageSizeMiB *int64     `json:"storage_size_mib"`
	Tags           []string   `json:"tags"`
	CreatedAt      *time.Time `json:"created_at"`
	// godo does not decode this field, one more reason for our own type.
	VersionEndOfLife *string `json:"version_end_of_life"`
}

// fetchDatabases reads the whole list in one call: the endpoint is not
// paginated and answers without links.
func fetchDatabases(ctx context.Context, c *godo.Client) ([]databaseWire, error) {
	req, err := c.NewRequest(ctx, http.MethodGet, "v2/databases", nil)
	if err != nil {
		return nil, fmt.Errorf("list databases: %w", err)
	}
	var body struct {
		Databases *[]databaseWire `json:"databases"` // nil when the key is missing
	}
	switch _, err := c.Do(ctx, req, &body); {
	case err != nil:
		return nil, fmt.Errorf("list databases: %w", err)
	case body.Databases == nil:
		return nil, fmt.Errorf("list databases: %w", errIncompleteAnswer)
	}
	return *body.Databases, nil
}

func mapDatabases(in []databaseWire) []Database {
	databases := make([]Database, 0, len(in))
	for _, d := range in {
		db := Database{
			ID:      d.ID,
			Name:    d.Name,
			Engine:  d.Engine,
			Version: d.Version,
			Region:  d.Region,
			Size:    d.Size,
			Status:  d.Status,
			Nodes:   d.NumNodes,
			Tags:    sortedTags(d.Tags),
		}
		if d.StorageSizeMiB != nil {
			db.StorageBytes = *d.StorageSizeMiB * mebibyte
		}
		if d.CreatedAt != nil {
			db.Created = *d.CreatedAt
		}
		if d.VersionEndOfLife != nil {
			db.VersionEndOfLife = parseTime(*d.VersionEndOfLife)
		}
		databases = append(databases, db)
	}
	return databases
}
