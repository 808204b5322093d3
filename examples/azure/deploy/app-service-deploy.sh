#!/bin/sh
# deploy-env's deploy command for the api environment (target command, blue-green with the
# app-service-slots router): points the staging deployment slot at the release's image by digest
# (never a mutable tag) and waits for it to answer. The switch (blue-green-switch) then swaps the
# slot with production. shipkit passes SHIPKIT_RELEASE, SHIPKIT_SLOT and SHIPKIT_IMAGES (build-images'
# images output as JSON); RESOURCE_GROUP, WEB_APP, DEPLOY_SLOT and IMAGE_NAME come from the config's env.
# Runs after azure/login (the reusable pipelines sign in when azure-client-id is set).
set -eu
ref=$(printf '%s' "$SHIPKIT_IMAGES" | jq -r --arg name "$IMAGE_NAME" '.[] | select(.name == $name) | .ref')
case "$ref" in
  *@sha256:*) ;;
  *) echo "::error::images output has no pinned ref for $IMAGE_NAME (got '$ref')"; exit 1 ;;
esac
az webapp config container set \
  --resource-group "$RESOURCE_GROUP" --name "$WEB_APP" --slot "$DEPLOY_SLOT" \
  --container-image-name "$ref"
az webapp restart --resource-group "$RESOURCE_GROUP" --name "$WEB_APP" --slot "$DEPLOY_SLOT"
echo "$WEB_APP slot $DEPLOY_SLOT now runs $ref (release $SHIPKIT_RELEASE, shipkit slot $SHIPKIT_SLOT)"
