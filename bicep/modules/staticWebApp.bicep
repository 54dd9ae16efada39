// Static Web App (Standard, required for a linked backend) serving web/ with /api routed to the Function App.

param name string
@description('Static Web Apps exist in a handful of regions only')
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param location string
param tags object

@description('Name of the Function App to link as the /api backend')
param functionAppName string
@description('Region of the Function App')
param functionAppLocation string
param linkBackend bool = true

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
    enterpriseGradeCdnStatus: 'Disabled'
  }
}

resource apiBackend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = if (linkBackend) {
  parent: staticWebApp
  name: 'api'
  properties: {
    backendResourceId: functionApp.id
    region: functionAppLocation
  }
}

output name string = staticWebApp.name
output defaultHostName string = staticWebApp.properties.defaultHostname
