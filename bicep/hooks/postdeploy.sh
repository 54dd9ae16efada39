#!/bin/sh
# azd postdeploy hook: subscribes the Event Grid–triggered webhook dispatcher to the app's topic.
# Runs after code deploy because the `azurefunction` endpoint must name an existing function.
# Inputs come from the azd environment (bicep outputs); nothing here is a secret.
set -eu

require() {
  eval "value=\${$1:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $1 is not set (run through 'azd up' / 'azd deploy', which exports the bicep outputs)" >&2
    exit 1
  fi
}
for name in AZURE_RESOURCE_GROUP FUNCTION_APP_NAME EVENTGRID_TOPIC_NAME STORAGE_ACCOUNT_NAME DEAD_LETTER_CONTAINER_NAME; do
  require "$name"
done

subscription_name="${EVENTGRID_SUBSCRIPTION_NAME:-webhook-dispatcher}"
attempts="${DISPATCHER_DISCOVERY_ATTEMPTS:-18}"

topic_id=$(az eventgrid topic show --resource-group "$AZURE_RESOURCE_GROUP" --name "$EVENTGRID_TOPIC_NAME" --query id --output tsv)
function_app_id=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" --query id --output tsv)
storage_id=$(az storage account show --resource-group "$AZURE_RESOURCE_GROUP" --name "$STORAGE_ACCOUNT_NAME" --query id --output tsv)

# The dispatcher is the app's Event Grid trigger; name it explicitly with WEBHOOK_DISPATCHER_FUNCTION, or let the
# hook find it. Flex Consumption indexes functions shortly after a deploy, so discovery retries for a while.
dispatcher="${WEBHOOK_DISPATCHER_FUNCTION:-}"
try=1
while [ -z "$dispatcher" ] && [ "$try" -le "$attempts" ]; do
  found=$(az functionapp function list --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
    --query "[?config.bindings[?type=='eventGridTrigger']].name" --output tsv 2>/dev/null || true)
  count=$(printf '%s\n' "$found" | grep -c . || true)
  if [ "$count" -gt 1 ]; then
    echo "postdeploy: several Event Grid triggers found; set WEBHOOK_DISPATCHER_FUNCTION to one of:" >&2
    printf '%s\n' "$found" >&2
    exit 1
  fi
  # `function list` names functions "{app}/{function}".
  dispatcher=${found##*/}
  if [ -z "$dispatcher" ]; then
    echo "postdeploy: waiting for the Event Grid–triggered function to be indexed ($try/$attempts)"
    try=$((try + 1))
    sleep 10
  fi
done
if [ -z "$dispatcher" ]; then
  echo "postdeploy: no Event Grid–triggered function in $FUNCTION_APP_NAME; set WEBHOOK_DISPATCHER_FUNCTION" >&2
  exit 1
fi

echo "postdeploy: subscribing $dispatcher to $EVENTGRID_TOPIC_NAME"
# Create is a PUT, so re-running the hook updates the subscription in place.
# Event Grid reaches an `azurefunction` endpoint through Azure Resource Manager (no key handled here);
# dead letters are written with the topic's system-assigned identity (Storage Blob Data Contributor on the
# dead-letter container only, granted in bicep/modules/rbac.bicep).
az eventgrid event-subscription create \
  --name "$subscription_name" \
  --source-resource-id "$topic_id" \
  --endpoint-type azurefunction \
  --endpoint "$function_app_id/functions/$dispatcher" \
  --event-delivery-schema cloudeventschemav1_0 \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --deadletter-identity systemassigned \
  --deadletter-identity-endpoint "$storage_id/blobServices/default/containers/$DEAD_LETTER_CONTAINER_NAME" \
  --output none

echo "postdeploy: done"
