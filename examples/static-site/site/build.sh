#!/bin/sh
# Builds the site into site/dist: hashed assets, then index.html and version.json pointing at them.
# Runs in the pipelines' static job (contents: read, no credentials); APP_VERSION is optional.
set -eu
cd "$(dirname "$0")"
version="${APP_VERSION:-dev}"
case "$version" in *[!0-9A-Za-z.-]*) echo "APP_VERSION must be letters, digits, dots and dashes" >&2; exit 1;; esac
rm -rf dist && mkdir -p dist/assets
css_hash="$(sha256sum src/style.css | cut -c1-8)"
cp src/style.css "dist/assets/style.$css_hash.css"
mkdir -p dist/guide
sed -e "s/@VERSION@/$version/g" -e "s/@CSS@/style.$css_hash.css/g" src/index.html > dist/index.html
sed -e "s/@CSS@/style.$css_hash.css/g" src/guide/index.html > dist/guide/index.html
printf '{"version":"%s"}\n' "$version" > dist/version.json
