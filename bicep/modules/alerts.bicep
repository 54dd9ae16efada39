// Log alerts on the Function App's telemetry: HTTP 5xx rate and failed executions (the host's request records), p95
// API latency (the app's timing spans), failed jobs and TTS throttling (the app's OpenTelemetry metrics; names in
// adapters/metrics/openTelemetryMetrics.ts, docs/operations.md says what each alert means and what to do).

param namePrefix string
param location string
param tags object
param applicationInsightsName string

@description('E-mail address notified by the alerts; empty means alerts fire without notification')
param alertEmail string = ''

@description('Percentage of requests answered with 5xx over 15 minutes that raises the alert')
param serverErrorRatePercent int = 5

@description('Failed function executions over 15 minutes that raise the alert')
param failedExecutionThreshold int = 10

@description('95th percentile of API request time, in milliseconds over 15 minutes, that raises the alert')
param apiP95LatencyMs int = 3000

@description('Jobs ending in failure over 15 minutes that raise the alert (0: any failed job)')
param failedJobThreshold int = 0

@description('TTS requests the speech service throttled (429) over 15 minutes that raise the alert')
param ttsThrottledThreshold int = 50

@description('How often the rules run; log alerts are billed per rule by frequency (15 minutes is the cheapest)')
@allowed(['PT5M', 'PT10M', 'PT15M'])
param evaluationFrequency string = 'PT15M'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'khipu-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actionGroupIds = empty(alertEmail) ? [] : [actionGroup.id]

var alertDefinitions = [
  {
    name: '${namePrefix}-http-5xx-rate'
    displayName: 'Khipu API: 5xx rate above ${serverErrorRatePercent}%'
    severity: 2
    query: 'requests | summarize total = count(), failed = countif(toint(resultCode) >= 500) | extend failedPercent = iff(total == 0, 0.0, 100.0 * failed / total)'
    measure: 'failedPercent'
    aggregation: 'Maximum'
    threshold: serverErrorRatePercent
  }
  {
    name: '${namePrefix}-function-failures'
    displayName: 'Khipu functions: failed executions'
    severity: 2
    query: 'requests | where success == false | summarize failures = count()'
    measure: 'failures'
    aggregation: 'Total'
    threshold: failedExecutionThreshold
  }
  {
    name: '${namePrefix}-api-p95-latency'
    displayName: 'Khipu API: p95 latency above ${apiP95LatencyMs} ms'
    severity: 2
    query: 'dependencies | where name == "khipu.http.request" | summarize p95LatencyMs = percentile(duration, 95)'
    measure: 'p95LatencyMs'
    aggregation: 'Maximum'
    threshold: apiP95LatencyMs
  }
  {
    name: '${namePrefix}-jobs-failed'
    displayName: 'Khipu jobs failed'
    severity: 1
    query: 'customMetrics | where name == "khipu.jobs.completed" and tostring(customDimensions.outcome) == "failed" | summarize failedJobs = sum(valueSum)'
    measure: 'failedJobs'
    aggregation: 'Total'
    threshold: failedJobThreshold
  }
  {
    name: '${namePrefix}-tts-throttled'
    displayName: 'Khipu TTS: speech service throttling'
    severity: 2
    query: 'customMetrics | where name == "khipu.tts.requests" and tostring(customDimensions.outcome) == "throttled" | summarize throttled = sum(valueSum)'
    measure: 'throttled'
    aggregation: 'Total'
    threshold: ttsThrottledThreshold
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for alert in alertDefinitions: {
    name: alert.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: alert.displayName
      severity: alert.severity
      enabled: true
      scopes: [applicationInsights.id]
      evaluationFrequency: evaluationFrequency
      windowSize: 'PT15M'
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: alert.aggregation
            metricMeasureColumn: alert.measure
            operator: 'GreaterThan'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: actionGroupIds
      }
    }
  }
]

output alertNames array = [for (alert, i) in alertDefinitions: logAlerts[i].name]
