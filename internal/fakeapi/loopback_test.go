package fakeapi

// Every HTTP client these tests build reaches loopback only: the fake API.
import _ "github.com/digitalocean-exporter/digitalocean_exporter/internal/testnet"
