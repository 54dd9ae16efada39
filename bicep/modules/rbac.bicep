// Every data-plane permission of the deployment, each granted on exactly one resource (never the resource group),
// named guid(resource, principal, role) so re-deployments are idempotent.

param storageAccountName string
param deadLetterContainerName string
param cosmosAccountName string
param eventGridTopicName string
param speechAccountName string
param openAiAccountName string
param applicationInsightsName string
param useDurableTaskScheduler bool
@description('Scheduler name; must name a deployed scheduler when useDurableTaskScheduler is true')
param durableTaskSchedulerName string

@description('Principal id of the Function App identity')
param appPrincipalId string
@description('Principal id of the Event Grid topic identity (writes dead letters)')
param eventGridPrincipalId string
@description('Optional: the deploying user or pipeline, for debugging with their own credentials')
param userPrincipalId string = ''
@allowed(['User', 'ServicePrincipal', 'Group'])
param userPrincipalType string = 'User'

var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  eventGridDataSender: 'd5a91429-5739-47e2-a06b-3470a27159e7'
  cognitiveServicesSpeechUser: 'f2dc8367-1007-4938-bd23-fe263f013447'
  cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  durableTaskDataContributor: '0ad04412-c4d5-4796-b79c-f76d14c8d402'
}
// Cosmos DB data-plane roles live in the account, not in Azure RBAC.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

// Owner (not Contributor) because the app sets blob index tags that drive the lifecycle rules; the Functions host
// and the Durable Azure Storage backend use queues and tables.
var appStorageRoles = [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]
var userStorageRoles = [roles.storageBlobDataContributor, roles.storageQueueDataContributor, roles.storageTableDataContributor]
var grantUser = !empty(userPrincipalId)

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: storageAccount
  name: 'default'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' existing = {
  parent: blobService
  name: deadLetterContainerName
}

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource eventGridTopic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventGridTopicName
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: speechAccountName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: openAiAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource durableTaskScheduler 'Microsoft.DurableTask/schedulers@2025-11-01' existing = {
  name: durableTaskSchedulerName
}

// ----- the Function App identity -----

resource appStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appStorageRoles: {
    name: guid(storageAccount.id, appPrincipalId, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appCosmosAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, appPrincipalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: appPrincipalId
    scope: cosmosAccount.id
  }
}

resource appEventGridAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventGridTopic.id, appPrincipalId, roles.eventGridDataSender)
  scope: eventGridTopic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appSpeechAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(speech.id, appPrincipalId, roles.cognitiveServicesSpeechUser)
  scope: speech
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesSpeechUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appOpenAiAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, appPrincipalId, roles.cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAiUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTelemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appDurableTaskAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useDurableTaskScheduler) {
  name: guid(durableTaskScheduler.id, appPrincipalId, roles.durableTaskDataContributor)
  scope: durableTaskScheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ----- the Event Grid topic identity: dead letters only, on the one container -----

resource eventGridDeadLetterAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, eventGridPrincipalId, roles.storageBlobDataContributor)
  scope: deadLetterContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: eventGridPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ----- the deploying user (optional) -----

resource userStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in userStorageRoles: if (grantUser) {
    name: guid(storageAccount.id, userPrincipalId, roleId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]

resource userCosmosAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (grantUser) {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, userPrincipalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: userPrincipalId
    scope: cosmosAccount.id
  }
}

resource userEventGridAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantUser) {
  name: guid(eventGridTopic.id, userPrincipalId, roles.eventGridDataSender)
  scope: eventGridTopic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.eventGridDataSender)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userSpeechAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantUser) {
  name: guid(speech.id, userPrincipalId, roles.cognitiveServicesSpeechUser)
  scope: speech
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesSpeechUser)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userOpenAiAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantUser) {
  name: guid(openAi.id, userPrincipalId, roles.cognitiveServicesOpenAiUser)
  scope: openAi
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.cognitiveServicesOpenAiUser)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}

resource userDurableTaskAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantUser && useDurableTaskScheduler) {
  name: guid(durableTaskScheduler.id, userPrincipalId, roles.durableTaskDataContributor)
  scope: durableTaskScheduler
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.durableTaskDataContributor)
    principalId: userPrincipalId
    principalType: userPrincipalType
  }
}
