// The one user-assigned identity the Function App runs as. Every data-plane role in rbac.bicep is granted to it.

param name string
param location string
param tags object

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output name string = appIdentity.name
output resourceId string = appIdentity.id
output principalId string = appIdentity.properties.principalId
output clientId string = appIdentity.properties.clientId
