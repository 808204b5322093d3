#!/bin/sh
# Builds frontend/dist: assets named by content hash (cacheable forever), index.html pointing at
# them, and version.json (the version marker the smoke tests and people look at).
# APP_VERSION defaults to the tag (v1.2.3 -> 1.2.3) or `git describe`.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
out="$here/dist"
version="${APP_VERSION:-}"
if [ -z "$version" ]; then
  if [ "${GITHUB_REF_TYPE:-}" = tag ]; then version="${GITHUB_REF_NAME#v}"
  else version="$(git -C "$here" describe --tags --always 2>/dev/null || echo dev)"; fi
fi
case "$version" in *[!A-Za-z0-9._+-]*) echo "build.sh: invalid version: $version" >&2; exit 1;; esac

rm -rf "$out"
mkdir -p "$out/assets"
hashed() { # hashed <file> <ext> -> copies to dist/assets/<base>.<hash8>.<ext>, prints the name
  name="$(basename "$1" ".$2").$(sha256sum "$1" | cut -c1-8).$2"
  cp "$1" "$out/assets/$name"
  echo "$name"
}
script="$(hashed "$src/app.js" js)"
style="$(hashed "$src/style.css" css)"
sed -e "s/__APP_VERSION__/$version/g" -e "s/__SCRIPT__/$script/" -e "s/__STYLE__/$style/" "$src/index.html" > "$out/index.html"
printf '{"version":"%s"}\n' "$version" > "$out/version.json"
echo "frontend $version: $(ls "$out/assets" | tr '\n' ' ')"
