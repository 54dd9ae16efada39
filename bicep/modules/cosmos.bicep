// Cosmos DB for NoSQL, serverless, keyless (disableLocalAuth): the app authenticates with its managed identity
// through the built-in data contributor role (see rbac.bicep).

param accountName string
param location string
param tags object

param databaseName string = 'khipu'

var tenantPartitionKey = {
  paths: ['/tenantId']
  kind: 'Hash'
  version: 2
}

// Per-project content: all of a project's documents share one logical partition prefix, so a project's chapters,
// segments or jobs are read with a single-partition query, and a big tenant still spreads over many partitions.
var projectPartitionKey = {
  paths: ['/tenantId', '/projectId']
  kind: 'MultiHash'
  version: 2
}

var listByUpdated = [
  { path: '/tenantId', order: 'ascending' }
  { path: '/updatedAt', order: 'descending' }
]
var listByStatusAndUpdated = [
  { path: '/tenantId', order: 'ascending' }
  { path: '/status', order: 'ascending' }
  { path: '/updatedAt', order: 'descending' }
]
var projectListByUpdated = [
  { path: '/tenantId', order: 'ascending' }
  { path: '/projectId', order: 'ascending' }
  { path: '/updatedAt', order: 'descending' }
]
var projectListByStatusAndUpdated = [
  { path: '/tenantId', order: 'ascending' }
  { path: '/projectId', order: 'ascending' }
  { path: '/status', order: 'ascending' }
  { path: '/updatedAt', order: 'descending' }
]

// The read side (adapters/cosmos/containers.ts): chapter outlines in reading order, and a chapter's committed plan in
// order, whole or narrowed to one speaker or to flagged lines. Chapter and segment text is never filtered on, so it is
// kept out of the index.
var chaptersInOrder = [
  { path: '/type', order: 'ascending' }
  { path: '/deleted', order: 'ascending' }
  { path: '/order', order: 'ascending' }
]
var planInOrder = [
  { path: '/chapterId', order: 'ascending' }
  { path: '/planGeneration', order: 'ascending' }
  { path: '/index', order: 'ascending' }
]
var planBySpeakerInOrder = [
  { path: '/chapterId', order: 'ascending' }
  { path: '/planGeneration', order: 'ascending' }
  { path: '/speakerId', order: 'ascending' }
  { path: '/index', order: 'ascending' }
]
var planFlaggedInOrder = [
  { path: '/chapterId', order: 'ascending' }
  { path: '/planGeneration', order: 'ascending' }
  { path: '/flagged', order: 'ascending' }
  { path: '/index', order: 'ascending' }
]
var unindexedText = [{ path: '/text/?' }]

// defaultTtl -1 enables per-document `ttl` without expiring anything by default.
var containers = [
  { name: 'tenants', partitionKey: { paths: ['/id'], kind: 'Hash', version: 2 }, compositeIndexes: [], defaultTtl: -1, excludedPaths: [] }
  { name: 'identities', partitionKey: { paths: ['/id'], kind: 'Hash', version: 2 }, compositeIndexes: [], defaultTtl: -1, excludedPaths: [] }
  { name: 'users', partitionKey: tenantPartitionKey, compositeIndexes: [listByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'projects', partitionKey: tenantPartitionKey, compositeIndexes: [listByUpdated, listByStatusAndUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'webhooks', partitionKey: tenantPartitionKey, compositeIndexes: [listByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'idempotency', partitionKey: tenantPartitionKey, compositeIndexes: [], defaultTtl: 172800, excludedPaths: [] }
  { name: 'chapters', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated, chaptersInOrder], defaultTtl: -1, excludedPaths: unindexedText }
  { name: 'characters', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'segments', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated, planInOrder, planBySpeakerInOrder, planFlaggedInOrder], defaultTtl: -1, excludedPaths: unindexedText }
  { name: 'jobs', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated, projectListByStatusAndUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'packages', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated, projectListByStatusAndUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'costs', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'lexicon', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'reviews', partitionKey: projectPartitionKey, compositeIndexes: [projectListByUpdated], defaultTtl: -1, excludedPaths: [] }
  { name: 'deliveries', partitionKey: tenantPartitionKey, compositeIndexes: [listByUpdated, listByStatusAndUpdated], defaultTtl: 2592000, excludedPaths: [] }
  { name: 'metrics', partitionKey: tenantPartitionKey, compositeIndexes: [], defaultTtl: -1, excludedPaths: [] }
  { name: 'audit', partitionKey: tenantPartitionKey, compositeIndexes: [], defaultTtl: -1, excludedPaths: [] }
  { name: 'privacy', partitionKey: tenantPartitionKey, compositeIndexes: [], defaultTtl: -1, excludedPaths: [] }
]

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmosAccount
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: container.partitionKey
        defaultTtl: container.defaultTtl
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [
            {
              path: '/*'
            }
          ]
          excludedPaths: concat([{ path: '/"_etag"/?' }], container.excludedPaths)
          compositeIndexes: container.compositeIndexes
        }
      }
    }
  }
]

output accountName string = cosmosAccount.name
output endpoint string = cosmosAccount.properties.documentEndpoint
output databaseName string = database.name
output containerNames array = [for (container, i) in containers: containerResources[i].name]
