#!/bin/sh
# The CI self-test's services (.github/workflows/ci.yml, jobs self-test-*), started in the
# pipelines' deploy job by their setup-script input: moto in a container (S3 at 127.0.0.1:5000)
# with the buckets of test/github/self-test/shipkit.yml, and the runner's own nginx, unprivileged
# with its own prefix, serving them as websites (nginx.conf here). The router of staging runs
# this nginx's test and reload (the config's router.test / router.reload).
#
# test/self-test.test.ts runs this same script against a local moto_server (SHIPKIT_SELFTEST_S3)
# on free ports (SHIPKIT_SELFTEST_PORTS) in a temp dir (SHIPKIT_SELFTEST_DIR).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
dir="${SHIPKIT_SELFTEST_DIR:-/tmp/shipkit-selftest}/nginx"
s3="${SHIPKIT_SELFTEST_S3:-}"
# development, blue, green, live
set -- ${SHIPKIT_SELFTEST_PORTS:-8080 8081 8082 8083}
development=$1 blue=$2 green=$3 live=$4

if [ -z "$s3" ]; then
  docker run --detach --rm --name shipkit-selftest-s3 --publish 127.0.0.1:5000:5000 \
    --env S3_IGNORE_SUBDOMAIN_BUCKETNAME=true motoserver/moto:5.2.2 >/dev/null
  s3=http://127.0.0.1:5000
fi
tries=0
until curl -sf -o /dev/null "$s3/moto-api/"; do
  tries=$((tries + 1))
  [ "$tries" -lt 120 ] || { echo "moto did not answer at $s3" >&2; exit 1; }
  sleep 1
done
# The state (ledger and release store) stays private; the sites are read by the nginx in front of
# them (anonymous GetObject, as examples/static-site-nginx's bucket policy lets its proxy host read).
curl -sf -o /dev/null -X PUT "$s3/selftest-deploy"
for bucket in selftest-development selftest-staging-blue selftest-staging-green; do
  curl -sf -o /dev/null -X PUT "$s3/$bucket"
  policy='{"Version":"2012-10-17","Statement":[{"Sid":"ReadByTheProxy","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::'"$bucket"'/*"}]}'
  curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' --data-binary "$policy" "$s3/$bucket?policy"
done

# GitHub's Ubuntu images ship nginx (stopped); install it where a runner has none.
if ! command -v nginx >/dev/null 2>&1; then
  sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null
fi
mkdir -p "$dir/logs" "$dir/temp"
sed -e "s#@DIR@#$dir#g" -e "s#@S3@#$s3#g" -e "s#@PORT_DEVELOPMENT@#$development#g" \
  -e "s#@PORT_BLUE@#$blue#g" -e "s#@PORT_GREEN@#$green#g" -e "s#@PORT_LIVE@#$live#g" \
  "$here/nginx.conf" >"$dir/nginx.conf"
# The include exists before nginx starts (nginx refuses a missing one): blue, until the first switch.
printf 'upstream shipkit_selftest-staging { server 127.0.0.1:%s; }\n' "$blue" >"$dir/selftest-staging.conf"
nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log"
tries=0
until curl -sf -o /dev/null "http://127.0.0.1:$development/healthz"; do
  tries=$((tries + 1))
  [ "$tries" -lt 60 ] || { echo "nginx did not answer on port $development" >&2; cat "$dir/logs/error.log" >&2; exit 1; }
  sleep 1
done
echo "self-test services: S3 at $s3, nginx on 127.0.0.1:$development (development), :$blue :$green (staging slots), :$live (staging live)"
