#!/bin/sh
# post-deploy hook for production: points the slot's ECS service (shop-backend-<slot>) at the
# release's backend image, pinned by digest, and waits until the service is stable. The backend
# runs on ECS, not on the runner. shipkit gives SHIPKIT_SLOT, SHIPKIT_IMAGES, SHIPKIT_RELEASE;
# ECS_CLUSTER comes from the environment's `env` in .github/shipkit.yml.
set -eu
: "${SHIPKIT_SLOT:?}" "${SHIPKIT_IMAGES:?}" "${ECS_CLUSTER:?}"
service="shop-backend-$SHIPKIT_SLOT"
image="$(printf '%s' "$SHIPKIT_IMAGES" | jq -er '[.[] | select(.name == "shop-backend")][0].ref')"
family="$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$service" --query 'services[0].taskDefinition' --output text)"
definition="$(aws ecs describe-task-definition --task-definition "$family" --query taskDefinition \
  | jq --arg image "$image" '.containerDefinitions[0].image = $image
      | {family, taskRoleArn, executionRoleArn, networkMode, containerDefinitions, requiresCompatibilities, cpu, memory}
      | with_entries(select(.value != null))')"
revision="$(aws ecs register-task-definition --cli-input-json "$definition" --query taskDefinition.taskDefinitionArn --output text)"
echo "backend for slot $SHIPKIT_SLOT: $image as $revision (release ${SHIPKIT_RELEASE:-?})"
aws ecs update-service --cluster "$ECS_CLUSTER" --service "$service" --task-definition "$revision" >/dev/null
aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services "$service"
