#!/usr/bin/env bash
# Installs the Debian packages Monitor needs (browser tests, directive import from PDF and scans,
# Kafka interop tests, a loopback SMTP server for mail tests). Idempotent: installs only what is missing.
set -euo pipefail
packages=(chromium fonts-dejavu-core kcat poppler-utils tesseract-ocr tesseract-ocr-vie python3-aiosmtpd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing Debian packages: ${missing[*]}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
