// Custom topic the app publishes job events to (CloudEvents 1.0). Publishers authenticate with Entra only.
// The topic's system-assigned identity writes dead letters to blob storage; the subscription to the dispatcher
// function is created by hooks/postdeploy.sh once the function exists.

param name string
param location string
param tags object

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = topic.name
output id string = topic.id
output endpoint string = topic.properties.endpoint
output principalId string = topic.identity.principalId
