package collector

import (
	"cmp"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/digitalocean-exporter/digitalocean_exporter/inventory"
)

// The exporter's own health: whether the API answers, how each refresh
// went, and how much of the token's rate limit is used.
var (
	up = newDesc("", "up",
		"1 when the last call to /v2/account authenticated and was answered, 0 otherwise.")
	refreshSuccess = newDesc("refresh", "success",
		"1 when the last refresh of the resource kind worked, 0 when it failed and older data is served.", "resource")
	refreshLastSuccess = newDesc("refresh", "last_success_timestamp_seconds",
		"When the resource kind was last refreshed successfully, in Unix seconds: the age of its data.", "resource")
	refreshDuration = newDesc("refresh", "duration_seconds",
		"How long the last refresh of the resource kind took, in seconds.", "resource")
	refreshInterval = newDesc("refresh", "interval_seconds",
		"Seconds between refreshes of the resource kind as now planned: the configured interval, stretched to stay within the request budget.",
		"resource")
	refreshErrors = newDesc("refresh", "errors_total",
		"Failed refreshes of the resource kind, by reason: "+reasonList()+" (too_large: an answer over 64 MiB).",
		"resource", "reason")
	apiRequests = newDesc("api", "requests_total",
		"Requests sent to the DigitalOcean API, by route template (/v2/droplets) and HTTP status (error when no answer came).",
		"endpoint", "code")
	apiRateLimit = newDesc("api", "rate_limit_limit",
		"Requests per hour the token may make, as the API last reported.")
	apiRateRemaining = newDesc("api", "rate_limit_remaining",
		"Requests the token has left in the current window, as the API last reported.")
	apiRateReset = newDesc("api", "rate_limit_reset_timestamp_seconds",
		"When the oldest request in the rate-limit window expires, in Unix seconds, as the API last reported.")
	apiPausedUntil = newDesc("api", "paused_until_timestamp_seconds",
		"Until when the account's requests were paused after the last 429, in Unix seconds; a time in the past (0 when never paused) means not paused.")
	apiPauses = newDesc("api", "pauses_total",
		"Times a 429 answer paused the account's requests.")
)

func newHealthCollector(src inventory.Source) prometheus.Collector {
	return newKindCollector("", src, collectHealth, up, refreshSuccess, refreshLastSuccess, refreshDuration,
		refreshInterval, refreshErrors, apiRequests, apiRateLimit, apiRateRemaining, apiRateReset, apiPausedUntil, apiPauses,
		monitoringResources, monitoringSampled)
}

func collectHealth(out emit, s *inventory.Snapshot) {
	if s.Status[inventory.KindAccount].Refreshes > 0 {
		gauge(out, up, boolValue(s.Up()), s.Account)
	}
	for kind, status := range s.Status {
		collectRefresh(out, s.Account, kind, status)
	}
	for key, n := range s.API.Requests {
		counter(out, apiRequests, float64(n), s.Account, key.Endpoint, key.Code)
	}
	counter(out, apiPauses, float64(s.API.Pauses), s.Account)
	// Never paused is 0 (1970), a time in the past like any other.
	timestamp(out, apiPausedUntil, cmp.Or(s.API.PausedUntil, time.Unix(0, 0)), s.Account)
	if rate := s.API.RateLimit; rate.Seen {
		gauge(out, apiRateLimit, float64(rate.Limit), s.Account)
		gauge(out, apiRateRemaining, float64(rate.Remaining), s.Account)
		timestamp(out, apiRateReset, rate.Reset, s.Account)
	}
	collectMonitoring(out, s)
}

// collectRefresh reports one kind. Error counters exist for every reason
// from the start, so rate() and alerts see a series before the first error.
func collectRefresh(out emit, account, kind string, status inventory.Status) {
	for _, reason := range inventory.Reasons {
		counter(out, refreshErrors, float64(status.Errors[reason]), account, kind, string(reason))
	}
	gauge(out, refreshInterval, status.Interval.Seconds(), account, kind)
	if status.Refreshes == 0 {
		return
	}
	gauge(out, refreshSuccess, boolValue(status.Succeeded()), account, kind)
	gauge(out, refreshDuration, status.Duration.Seconds(), account, kind)
	timestamp(out, refreshLastSuccess, status.LastSuccess, account, kind)
}

// reasonList names every reason a refresh fails for, as the label says them.
func reasonList() string {
	names := make([]string, len(inventory.Reasons))
	for i, r := range inventory.Reasons {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}
