// Khipu Cloud: the whole platform in one resource group, keyless (managed identity everywhere).
// `azd up` provisions this, deploys services `api` and `web` (azure.yaml), then runs hooks/postdeploy.sh.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group and the unique resource token')
param environmentName string

@minLength(1)
@description('Primary region for all resources (must offer Flex Consumption)')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group name; defaults to rg-{environmentName}')
param resourceGroupName string = ''

@description('Object id of the deploying user or pipeline, granted data access for debugging; empty for none')
param principalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

// ----- sign-in (Microsoft Entra External ID) -----
@description('Token issuer, e.g. https://{tenantId}.ciamlogin.com/{tenantId}/v2.0')
param authIssuer string
@description('Audience of the API tokens: the API app registration\'s client id or Application ID URI')
param authAudience string
@description('JWKS URI; empty to use the issuer\'s OpenID discovery document')
param authJwksUri string = ''
param authTenantClaim string = 'khipu_tenant'
param authRolesClaim string = 'roles'
@description('Client id of the web (single-page app) registration that signs users in')
param authClientId string
@description('Authorization endpoint for the web\'s sign-in redirect; empty to use the issuer\'s discovery document')
param authAuthorizationEndpoint string = ''
@description('Scopes the web requests; empty for "openid profile email offline_access {API}/access_as_user"')
param authScope string = ''

// ----- engines and AI -----
@allowed(['offline', 'azure'])
param ttsEngine string = 'azure'
@allowed(['heuristic', 'azure-openai'])
param llmEngine string = 'azure-openai'
@description('Region of the Speech account')
param speechLocation string = location
@description('Region of the Azure OpenAI account (must offer gpt-4o and gpt-4o-mini GlobalStandard)')
param openAiLocation string = location
@minValue(1)
param gpt4oCapacity int = 30
@minValue(1)
param gpt4oMiniCapacity int = 100
param openAiDeploymentCharacters string = 'gpt-4o-mini'
param openAiDeploymentAttribution string = 'gpt-4o-mini'

// ----- Durable Functions -----
@allowed(['AzureStorage', 'DurableTaskScheduler'])
param durableBackend string = 'AzureStorage'
@minLength(3)
@maxLength(45)
@description('Task hub name (letters and digits, starting with a letter)')
param durableTaskHubName string = 'khipu'
@allowed(['Consumption', 'Dedicated'])
param durableTaskSchedulerSku string = 'Consumption'

// ----- scale, web, operations -----
@allowed([512, 2048, 4096])
param functionInstanceMemoryMB int = 2048
@minValue(1)
@maxValue(1000)
param functionMaximumInstanceCount int = 40
@allowed(['westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia'])
param staticWebAppLocation string = 'eastus2'
@description('Link the Function App as the Static Web App\'s /api backend')
param linkApiBackend bool = true
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS'])
param storageSkuName string = 'Standard_LRS'
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30
@description('E-mail notified by alerts; empty for none')
param alertEmail string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var useDurableTaskScheduler = durableBackend == 'DurableTaskScheduler'
var durableTaskSchedulerName = 'dts-${resourceToken}'
var apiScopePrefix = startsWith(authAudience, 'api://') ? authAudience : 'api://${authAudience}'
var effectiveAuthScope = !empty(authScope) ? authScope : 'openid profile email offline_access ${apiScopePrefix}/access_as_user'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-khipu-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    appContainerName: 'khipu'
    deploymentContainerName: 'app-package'
    deadLetterContainerName: 'deadletter'
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: 'cosmos-${resourceToken}'
    location: location
    tags: tags
    databaseName: 'khipu'
  }
}

module eventGrid 'modules/eventGrid.bicep' = {
  name: 'eventGrid'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
  }
}

module speech 'modules/speech.bicep' = {
  name: 'speech'
  scope: rg
  params: {
    name: 'spch-${resourceToken}'
    location: speechLocation
    tags: tags
  }
}

module openAi 'modules/openAi.bicep' = {
  name: 'openAi'
  scope: rg
  params: {
    name: 'oai-${resourceToken}'
    location: openAiLocation
    tags: tags
    gpt4oCapacity: gpt4oCapacity
    gpt4oMiniCapacity: gpt4oMiniCapacity
  }
}

module durableTaskScheduler 'modules/durableTaskScheduler.bicep' = if (useDurableTaskScheduler) {
  name: 'durableTaskScheduler'
  scope: rg
  params: {
    name: durableTaskSchedulerName
    location: location
    tags: tags
    taskHubName: durableTaskHubName
    skuName: durableTaskSchedulerSku
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  scope: rg
  params: {
    name: 'func-khipu-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    authIssuer: authIssuer
    authAudience: authAudience
    authJwksUri: authJwksUri
    authTenantClaim: authTenantClaim
    authRolesClaim: authRolesClaim
    authClientId: authClientId
    authAuthorizationEndpoint: authAuthorizationEndpoint
    authScope: effectiveAuthScope
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    blobContainerName: storage.outputs.appContainerName
    eventGridTopicEndpoint: eventGrid.outputs.endpoint
    ttsEngine: ttsEngine
    speechRegion: speech.outputs.region
    speechEndpoint: speech.outputs.endpoint
    speechResourceId: speech.outputs.id
    llmEngine: llmEngine
    openAiEndpoint: openAi.outputs.endpoint
    openAiDeploymentCharacters: openAiDeploymentCharacters
    openAiDeploymentAttribution: openAiDeploymentAttribution
    durableTaskHubName: durableTaskHubName
    durableBackend: durableBackend
    durableTaskSchedulerEndpoint: useDurableTaskScheduler ? durableTaskScheduler.outputs.endpoint : ''
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    deadLetterContainerName: storage.outputs.deadLetterContainerName
    cosmosAccountName: cosmos.outputs.accountName
    eventGridTopicName: eventGrid.outputs.name
    speechAccountName: speech.outputs.name
    openAiAccountName: openAi.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    useDurableTaskScheduler: useDurableTaskScheduler
    durableTaskSchedulerName: useDurableTaskScheduler ? durableTaskScheduler.outputs.name : durableTaskSchedulerName
    appPrincipalId: identity.outputs.principalId
    eventGridPrincipalId: eventGrid.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module staticWebApp 'modules/staticWebApp.bicep' = {
  name: 'staticWebApp'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: staticWebAppLocation
    tags: tags
    functionAppName: functionApp.outputs.name
    functionAppLocation: location
    linkBackend: linkApiBackend
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    namePrefix: 'khipu-${resourceToken}'
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    alertEmail: alertEmail
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

// azd stores these in the environment (.azure/{env}/.env); none of them is a secret.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output STATIC_WEB_APP_NAME string = staticWebApp.outputs.name
output STATIC_WEB_APP_URL string = 'https://${staticWebApp.outputs.defaultHostName}'
output APP_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output DEAD_LETTER_CONTAINER_NAME string = storage.outputs.deadLetterContainerName
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmos.outputs.databaseName
output EVENTGRID_TOPIC_NAME string = eventGrid.outputs.name
output EVENTGRID_TOPIC_ENDPOINT string = eventGrid.outputs.endpoint
output SPEECH_REGION string = speech.outputs.region
output SPEECH_ENDPOINT string = speech.outputs.endpoint
output SPEECH_RESOURCE_ID string = speech.outputs.id
output OPENAI_ENDPOINT string = openAi.outputs.endpoint
output DURABLE_BACKEND string = durableBackend
output DURABLE_TASK_HUB_NAME string = durableTaskHubName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
