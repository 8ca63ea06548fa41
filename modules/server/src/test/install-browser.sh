#!/usr/bin/env bash
# Installs Debian's Chromium and its ChromeDriver for the end-to-end browser tests, when missing.
# Test tools must not download browsers of their own: the machine reaches Debian's archive only.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi

echo "Installing Debian's chromium and chromium-driver for the browser tests..."
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-browser: need root or sudo to install chromium" >&2; exit 1; }
  sudo_cmd=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version
/usr/bin/chromedriver --version
