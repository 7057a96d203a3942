#!/usr/bin/env bash
# CI's check of the Debian package, as root on a Debian machine with make,
# systemd and procps (.ci/run installs them): build the package, install it
# with dpkg, run the installed binary, verify the installed unit, then purge
# the package again.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=$(mktemp -d) # of its own, so that no package of an earlier version is picked
trap 'rm -rf "$dist"' EXIT
make deb DIST="$dist"
deb=$(ls "$dist"/digitalocean-exporter_*_"$(dpkg --print-architecture)".deb)
dpkg -i "$deb"
trap 'dpkg --purge digitalocean-exporter >/dev/null; rm -rf "$dist"' EXIT
/usr/bin/digitalocean_exporter --version
# verify exits 0 on a setting it does not know, and says so: any word fails.
complaints=$(systemd-analyze verify /lib/systemd/system/digitalocean_exporter.service 2>&1)
if [ -n "$complaints" ]; then
  echo "systemd-analyze verify:"; echo "$complaints"; exit 1
fi >&2
if ! dpkg-query --control-show digitalocean-exporter conffiles | grep -qx /etc/default/digitalocean_exporter; then
  echo "/etc/default/digitalocean_exporter is not a conffile of the package" >&2; exit 1
fi
if [ "$(stat -c %a /etc/digitalocean_exporter)" != 755 ]; then
  echo "/etc/digitalocean_exporter is not 755: the unit's dynamic user cannot read its config file" >&2; exit 1
fi
echo "$(basename "$deb"): installs, runs, and its unit verifies"
