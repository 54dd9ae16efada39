// Function App on Flex Consumption (Linux, Node 22) running as one user-assigned identity.
// App settings are exactly what adapters/config/config.ts reads in azure mode, plus the host's identity-based
// connections; no keys or secret-bearing connection strings (test/bicep checks this).

param name string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned identity the app runs as')
param identityResourceId string
@description('Client id of that identity (DefaultAzureCredential and the host pick it through AZURE_CLIENT_ID / __clientId)')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

// ----- app configuration (names mirror the config keys) -----
param authIssuer string
param authAudience string
param authJwksUri string = ''
param authTenantClaim string = 'khipu_tenant'
param authRolesClaim string = 'roles'
@description('Client id of the web\'s (public client) app registration')
param authClientId string
@description('Authorization endpoint the web redirects to; empty to use the issuer\'s discovery document')
param authAuthorizationEndpoint string = ''
@description('Scopes the web requests, including the API scope')
param authScope string

param cosmosEndpoint string
param cosmosDatabaseName string = 'khipu'
param blobContainerName string = 'khipu'
param eventGridTopicEndpoint string

@allowed(['offline', 'azure'])
param ttsEngine string = 'azure'
param speechRegion string
param speechEndpoint string
param speechResourceId string

@allowed(['heuristic', 'azure-openai', 'openai-compatible'])
param llmEngine string = 'azure-openai'
param openAiEndpoint string
param openAiDeploymentCharacters string = 'gpt-4o-mini'
param openAiDeploymentAttribution string = 'gpt-4o-mini'
param openAiApiVersion string = '2024-10-21'

@description('The terms of service and privacy notice in force; a new version asks everyone to accept again.')
param termsVersion string = '2026-12'

@minLength(3)
@maxLength(45)
param durableTaskHubName string
@allowed(['AzureStorage', 'DurableTaskScheduler'])
param durableBackend string = 'AzureStorage'
@description('Scheduler endpoint, required when durableBackend is DurableTaskScheduler')
param durableTaskSchedulerEndpoint string = ''

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageAccount.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'node'
        version: '22'
      }
    }
  }
}

// Deployments go through Entra (azd uses a bearer token), so publishing with basic credentials stays off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

var hostConnectionSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageAccount.properties.primaryEndpoints.blob
  AzureWebJobsStorage__queueServiceUri: storageAccount.properties.primaryEndpoints.queue
  AzureWebJobsStorage__tableServiceUri: storageAccount.properties.primaryEndpoints.table
  // The connection string only locates the component; with local auth off, ingestion needs the Entra identity below.
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

var appConfigSettings = {
  KHIPU_MODE: 'azure'
  AZURE_CLIENT_ID: identityClientId
  DURABLE_TASK_HUB_NAME: durableTaskHubName
  AUTH_ISSUER: authIssuer
  AUTH_AUDIENCE: authAudience
  AUTH_JWKS_URI: authJwksUri
  AUTH_TENANT_CLAIM: authTenantClaim
  AUTH_ROLES_CLAIM: authRolesClaim
  // Longest exp - iat accepted; Entra's default access tokens can live 60-90 min: see docs/reliability.md.
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: '5400'
  AUTH_CLIENT_ID: authClientId
  AUTH_AUTHORIZATION_ENDPOINT: authAuthorizationEndpoint
  AUTH_SCOPE: authScope
  STORAGE_BLOB_ENDPOINT: storageAccount.properties.primaryEndpoints.blob
  BLOB_CONTAINER: blobContainerName
  COSMOS_ENDPOINT: cosmosEndpoint
  COSMOS_DATABASE: cosmosDatabaseName
  EVENTGRID_TOPIC_ENDPOINT: eventGridTopicEndpoint
  TTS_ENGINE: ttsEngine
  SPEECH_REGION: speechRegion
  SPEECH_ENDPOINT: speechEndpoint
  SPEECH_RESOURCE_ID: speechResourceId
  LLM_ENGINE: llmEngine
  OPENAI_ENDPOINT: openAiEndpoint
  OPENAI_DEPLOYMENT_CHARACTERS: openAiDeploymentCharacters
  OPENAI_DEPLOYMENT_ATTRIBUTION: openAiDeploymentAttribution
  OPENAI_API_VERSION: openAiApiVersion
  TERMS_VERSION: termsVersion
}

// host.json names no storage provider (Azure Storage by default); these override it for the scheduler backend.
var durableTaskSchedulerSettings = durableBackend == 'DurableTaskScheduler' ? {
  DURABLE_TASK_SCHEDULER_CONNECTION_STRING: 'Endpoint=${durableTaskSchedulerEndpoint};Authentication=ManagedIdentity;ClientID=${identityClientId}'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__type: 'azureManaged'
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__connectionStringName: 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING'
} : {}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(hostConnectionSettings, appConfigSettings, durableTaskSchedulerSettings)
}

output name string = functionApp.name
output id string = functionApp.id
output defaultHostName string = functionApp.properties.defaultHostName
