#!/usr/bin/env bash
# Installs the Debian packages named as arguments when they are missing: the test tools the build
# needs (Chromium and its driver for the browser tests, nginx and openssl for the reverse-proxy test,
# wrk for the benchmarks). Tools must not
# download programs of their own: the machine reaches Debian's archive only.
set -euo pipefail

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$package")
done
((${#missing[@]} == 0)) && exit 0

echo "Installing Debian's ${missing[*]} for the tests..."
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-debian: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
