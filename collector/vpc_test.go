package collector

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/digitalocean-exporter/digitalocean_exporter/internal/fakeapi"
	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// TestVPCValuesFromExamples checks the VPC families against the example
// responses themselves (vpcs.json, vpc_nat_gateways.json, vpc_peerings.json),
// not against a golden file; the NAT gateway is given a second VPC.
func TestVPCValuesFromExamples(t *testing.T) {
	acct := fakeapi.Examples()
	gateway := acct.Lists[fakeapi.VPCNATGateways][0]
	gateway["vpcs"] = append(gateway["vpcs"].([]any), map[string]any{"vpc_uuid": "5a4981aa-9653-4bd1-bef5-d6bff52042e4"})
	c := newVPCCollector(refreshedSource(t, acct))
	want := `
# HELP digitalocean_vpc_info Descriptive labels of each VPC, as of the last refresh; value 1.
# TYPE digitalocean_vpc_info gauge
digitalocean_vpc_info{account="default",default="false",id="5a4981aa-9653-4bd1-bef5-d6bff52042e4",ip_range="10.10.10.0/24",name="env.prod-vpc",region="nyc1"} 1
digitalocean_vpc_info{account="default",default="true",id="d455e75d-4858-4eec-8c95-da2f0a5f93a7",ip_range="10.100.0.0/20",name="default-nyc3",region="nyc3"} 1
digitalocean_vpc_info{account="default",default="true",id="e0fe0f4d-596a-465e-a902-571ce57b79fa",ip_range="10.102.0.0/20",name="default-nyc1",region="nyc1"} 1
# HELP digitalocean_vpc_nat_gateway_info Descriptive labels of each VPC NAT gateway, once per VPC it serves, as of the last refresh; value 1.
# TYPE digitalocean_vpc_nat_gateway_info gauge
digitalocean_vpc_nat_gateway_info{account="default",id="70e1b58d-cdec-4e95-b3ee-2d4d95feff51",name="test-vpc-nat-gateways",region="tor1",state="ACTIVE",vpc_id="0eb1752f-807b-4562-a077-8018e13ab1fb"} 1
digitalocean_vpc_nat_gateway_info{account="default",id="70e1b58d-cdec-4e95-b3ee-2d4d95feff51",name="test-vpc-nat-gateways",region="tor1",state="ACTIVE",vpc_id="5a4981aa-9653-4bd1-bef5-d6bff52042e4"} 1
# HELP digitalocean_vpc_peering_info Descriptive labels of each VPC peering, as of the last refresh; value 1.
# TYPE digitalocean_vpc_peering_info gauge
digitalocean_vpc_peering_info{account="default",id="6b5c619c-359c-44ca-87e2-47e98170c01d",name="example-vpc-peering",status="ACTIVE"} 1
digitalocean_vpc_peering_info{account="default",id="c212b274-911c-44cc-a117-23b7da4a2922",name="another-vpc-peering",status="ACTIVE"} 1
`
	if err := testutil.CollectAndCompare(c, strings.NewReader(want)); err != nil {
		t.Error(err)
	}
}

// TestVPCsShowWithoutNATGateways: a token without nat_gateway:read still
// shows its VPCs and peerings; the gateways are absent, not zero.
func TestVPCsShowWithoutNATGateways(t *testing.T) {
	api, err := fakeapi.NewServer(testToken, fakeapi.Examples())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(api.Close)
	api.SetFault("/v2/vpc_nat_gateways", fakeapi.Fault{Status: 403})
	r := newTestRefresher(t, api.URL)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	r.Refresh(ctx)
	c := newVPCCollector(inventory.Refreshers{r})
	for name, want := range map[string]int{
		"digitalocean_vpc_info": 3, "digitalocean_vpc_nat_gateway_info": 0, "digitalocean_vpc_peering_info": 2,
	} {
		if got := testutil.CollectAndCount(c, name); got != want {
			t.Errorf("%s: %d series, want %d", name, got, want)
		}
	}
}
