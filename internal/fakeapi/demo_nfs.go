package fakeapi

// nfsPlan is an NFS share of the demo.
type nfsPlan struct {
	name    string
	region  int // in regions
	sizeGiB int
	status  string
}

// nfsPlans: media for the shop, data sets for the GPU Droplet, and a share
// still being made.
var nfsPlans = []nfsPlan{
	{"media", 0, 1024, "ACTIVE"},
	{"ml-datasets", 7, 4096, "ACTIVE"},
	{"scratch", 2, 100, "CREATING"},
}

func (b builder) nfsShare(i int) map[string]any {
	p := nfsPlans[i%len(nfsPlans)]
	r := regions[p.region]
	s := cloneObject(b.template(NFSShares, 0))
	s["id"], s["name"] = fakeUUID("nfs share", i), numbered(p.name, i/len(nfsPlans))
	s["region"], s["size_gib"], s["status"] = r.slug, p.sizeGiB, p.status
	s["created_at"] = stamp(createdAt(i, b.size[NFSShares]))
	s["vpc_ids"] = []string{vpcUUID(r)}
	s["mount_path"] = "/" + fakeUUID("nfs mount", i)
	s["host"] = privateIPv4(p.region, nfsHosts+i)
	s["access_points"] = []any{}
	return s
}
