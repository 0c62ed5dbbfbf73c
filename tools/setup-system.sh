#!/bin/sh
# System packages the tests need: Debian's Chromium and a CJK font for the browser test.
# Idempotent: installs only what is missing. Runs as root without sudo, with sudo otherwise.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "setup-system: need root or sudo to install:$missing" >&2
  exit 1
fi
echo "setup-system: installing$missing" >&2
$as_root apt-get update -q >/dev/null
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends $missing >/dev/null
