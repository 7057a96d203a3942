package fakeapi

// autoscalePlan is a Droplet autoscale pool of the demo: a dynamic one
// between min and max, or a static one of target Droplets.
type autoscalePlan struct {
	name, size       string
	region           int
	min, max, target int // max 0: a static pool
	active           int
	status           string
}

// autoscalePlans: the web pool has room to grow, the API pool runs at its
// maximum, and the batch pool keeps its four Droplets.
var autoscalePlans = []autoscalePlan{
	{name: "web-pool", size: "s-2vcpu-4gb", region: 0, min: 2, max: 5, active: 3, status: "active"},
	{name: "api-pool", size: "c-4", region: 1, min: 1, max: 3, active: 3, status: "active"},
	{name: "batch-pool", size: "s-4vcpu-8gb", region: 3, target: 4, active: 4, status: "active"},
}

// DemoUserData is the cloud-init the demo's autoscale pools give their
// Droplets. User data often holds secrets, so tests look for it where it
// must never show.
const DemoUserData = "#cloud-config\nruncmd:\n  - echo DEMO_USER_DATA_SECRET=s3cr3t-token >> /etc/environment\n"

func (b builder) autoscalePool(i int) map[string]any {
	p := autoscalePlans[i%len(autoscalePlans)]
	o := cloneObject(b.template(AutoscalePools, 0))
	o["id"], o["name"], o["status"] = fakeUUID("autoscale pool", i), numbered(p.name, i/len(autoscalePlans)), p.status
	config := map[string]any{"cooldown_minutes": 10}
	if p.max > 0 {
		config["min_instances"], config["max_instances"], config["target_cpu_utilization"] = p.min, p.max, 0.6
	} else {
		config["target_number_instances"] = p.target
	}
	o["config"] = config
	t := object(o, "droplet_template")
	t["name"], t["size"], t["region"] = p.name, p.size, regions[p.region].slug
	t["vpc_uuid"], t["project_id"] = vpcUUID(regions[p.region]), projectID(storefrontProject)
	t["tags"], t["user_data"] = []string{"autoscale", p.name}, DemoUserData
	t["image"] = images[0].slug
	o["created_at"] = stamp(createdAt(i, b.size[AutoscalePools]))
	o["updated_at"] = o["created_at"]
	o["active_resources_count"] = p.active
	return o
}
