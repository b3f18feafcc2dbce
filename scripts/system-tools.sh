#!/usr/bin/env bash
# The system tools the test suite runs besides Python packages: Debian's kubectl (kustomize, in
# kubernetes-client), prometheus and promtool (tests/deploy). `make test` runs this first.
# Missing tools are installed with apt-get when this runs as root or with sudo; otherwise it
# prints exactly what to install and fails (the tests fail, never skip, without them).
set -euo pipefail

declare -A package_of=([kubectl]=kubernetes-client [prometheus]=prometheus [promtool]=prometheus)

missing_packages() {
  local tool
  for tool in kubectl prometheus promtool; do
    command -v "$tool" >/dev/null 2>&1 || echo "${package_of[$tool]}"
  done | sort -u
}

mapfile -t missing < <(missing_packages)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$sudo" = "none" ]; then
  echo "scripts/system-tools.sh: the tests need kubectl, prometheus and promtool; missing: ${missing[*]}." >&2
  echo "Install them (Debian/Ubuntu): sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  echo "Elsewhere: kubectl (any version >= 1.20) and Prometheus >= 2.42 with promtool, on the PATH." >&2
  exit 1
fi
echo "scripts/system-tools.sh: installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
for tool in kubectl prometheus promtool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "scripts/system-tools.sh: $tool still missing after apt-get" >&2; exit 1; }
done
