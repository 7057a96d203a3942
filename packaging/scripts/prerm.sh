#!/bin/sh
# Stop the exporter when the package is removed (not on an upgrade).
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
  systemctl stop digitalocean_exporter.service || true
fi
