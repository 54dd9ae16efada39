// The operations dashboard: an Azure Monitor workbook over the app's OpenTelemetry metrics and timing spans in
// Application Insights, per tenant (a Tenant picker) and overall. Its queries live in workbook.json; the metric and
// span names they use are the app's (adapters/metrics/openTelemetryMetrics.ts, checked by test/bicep).

param location string
param tags object
param applicationInsightsName string

@description('Name shown in the portal')
param displayName string = 'Khipu operations'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook names are GUIDs; deriving it from the component keeps redeployments updating the same workbook.
  name: guid(applicationInsights.id, 'khipu-operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsights.id
    serializedData: replace(loadTextContent('workbook.json'), '__APPLICATION_INSIGHTS_ID__', applicationInsights.id)
    version: 'Notebook/1.0'
  }
}

output workbookId string = workbook.id
