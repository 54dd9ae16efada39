// Durable Task Scheduler backend for Durable Functions (used when durableBackend = 'DurableTaskScheduler').
// The task hub name equals DURABLE_TASK_HUB_NAME, which host.json reads as the hub name.

param name string
param location string
param tags object
param taskHubName string

@allowed(['Consumption', 'Dedicated'])
param skuName string = 'Consumption'

resource scheduler 'Microsoft.DurableTask/schedulers@2025-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    // An empty allow list denies all traffic; access is still gated by Entra roles.
    ipAllowlist: ['0.0.0.0/0']
    sku: {
      name: skuName
    }
  }
}

resource taskHub 'Microsoft.DurableTask/schedulers/taskHubs@2025-11-01' = {
  parent: scheduler
  name: taskHubName
}

output name string = scheduler.name
output id string = scheduler.id
output endpoint string = scheduler.properties.endpoint
output taskHubName string = taskHub.name
