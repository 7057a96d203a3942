#!/bin/sh
# Tell systemd of the unit, and restart the exporter on an upgrade if it runs.
# It is not enabled on a first install: it needs a token first (docs/operations.md).
set -e
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
  if [ "$1" = configure ] && [ -n "$2" ]; then
    systemctl try-restart digitalocean_exporter.service || true
  fi
fi
