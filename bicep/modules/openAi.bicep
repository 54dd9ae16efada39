// Azure OpenAI with the two chat deployments the character detection and attribution steps use.

param name string
param location string
param tags object

@description('Tokens-per-minute capacity of the gpt-4o deployment, in thousands')
@minValue(1)
param gpt4oCapacity int = 30

@description('Tokens-per-minute capacity of the gpt-4o-mini deployment, in thousands')
@minValue(1)
param gpt4oMiniCapacity int = 100

param gpt4oVersion string = '2024-11-20'
param gpt4oMiniVersion string = '2024-07-18'

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource gpt4o 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'gpt-4o'
  sku: {
    name: 'GlobalStandard'
    capacity: gpt4oCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o'
      version: gpt4oVersion
    }
    versionUpgradeOption: 'OnceNewDefaultVersionAvailable'
  }
}

// Deployments on one account must be created one at a time.
resource gpt4oMini 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openAi
  name: 'gpt-4o-mini'
  sku: {
    name: 'GlobalStandard'
    capacity: gpt4oMiniCapacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: 'gpt-4o-mini'
      version: gpt4oMiniVersion
    }
    versionUpgradeOption: 'OnceNewDefaultVersionAvailable'
  }
  dependsOn: [gpt4o]
}

output name string = openAi.name
output id string = openAi.id
output endpoint string = openAi.properties.endpoint
output gpt4oDeploymentName string = gpt4o.name
output gpt4oMiniDeploymentName string = gpt4oMini.name
