package inventory

import "time"

// KindAutoscale are Droplet autoscale pools.
const KindAutoscale = "autoscale"

// AutoscalePool is one Droplet autoscale pool: a dynamic pool scales
// between Min and Max, a static one keeps Target Droplets. Its Droplets'
// user data (cloud-init, which often holds secrets) is never decoded.
type AutoscalePool struct {
	ID, Name, Region, Size, Status string
	Min, Max, Target               Limit // each Known only where the pool's configuration says it
	Active                         int   // Droplets the pool runs now
	Created                        time.Time
}

// AutoscalePools lists the Droplet autoscale pools.
var AutoscalePools = newList(listSpec[[]autoscalePoolWire, AutoscalePool]{
	Name: KindAutoscale, Label: "Autoscale pools", Scope: "droplet:read",
	Fetch: pagedRaw[autoscalePoolWire]("autoscale pools", "v2/droplets/autoscale", "autoscale_pools"),
	Map:   eachValue(mapAutoscalePool),
})

// autoscalePoolWire is the part of a pool we read. godo's
// DropletAutoscalePool would decode its Droplet template's user_data.
type autoscalePoolWire struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Status    string     `json:"status"`
	CreatedAt *time.Time `json:"created_at"`
	Active    int        `json:"active_resources_count"`
	Config    struct {
		Min    *int `json:"min_instances"`
		Max    *int `json:"max_instances"`
		Target *int `json:"target_number_instances"`
	} `json:"config"`
	Template struct {
		Size   string `json:"size"`
		Region string `json:"region"`
	} `json:"droplet_template"`
}

func mapAutoscalePool(p *autoscalePoolWire) AutoscalePool {
	return AutoscalePool{ID: p.ID, Name: p.Name, Region: p.Template.Region, Size: p.Template.Size, Status: p.Status,
		Min: limitOf(p.Config.Min), Max: limitOf(p.Config.Max), Target: limitOf(p.Config.Target), Active: p.Active,
		Created: timeOf(p.CreatedAt)}
}
