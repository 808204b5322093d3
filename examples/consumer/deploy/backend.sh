#!/bin/sh
# post-deploy hook: runs the release's backend image next to the slot that was just installed, so
# a slot is a complete install (static files + backend) and switching slots switches both.
# shipkit describes the release in the environment: SHIPKIT_SLOT, SHIPKIT_IMAGES (build-images'
# JSON: [{name, ref: <repository>@<digest>, digest, tags}]), SHIPKIT_RELEASE; BACKEND_PORT comes from the slot's `env`.
# This version uses podman on the host the job runs on (the self-hosted runner next to nginx);
# replace the last command with your platform's (ECS, Cloud Run, App Service, kubectl...).
set -eu
: "${SHIPKIT_SLOT:?}" "${SHIPKIT_IMAGES:?}" "${BACKEND_PORT:?}"
image="$(node -e '
  const images = JSON.parse(process.env.SHIPKIT_IMAGES);
  const backend = (Array.isArray(images) ? images : []).find((image) => image.name === "shop-backend");
  if (!backend) { console.error("SHIPKIT_IMAGES has no shop-backend image"); process.exit(1); }
  console.log(backend.ref);
')"
echo "backend for slot $SHIPKIT_SLOT: $image on port $BACKEND_PORT (release $SHIPKIT_RELEASE)"
exec podman run --detach --replace --name "shop-backend-$SHIPKIT_SLOT" --publish "127.0.0.1:$BACKEND_PORT:8080" "$image"
