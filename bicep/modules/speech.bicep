// Azure AI Speech for neural TTS. Keyless: the app gets Entra tokens, which requires a custom subdomain.

param name string
param location string
param tags object

@allowed(['F0', 'S0'])
param skuName string = 'S0'

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: {
    name: skuName
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = speech.name
output id string = speech.id
output endpoint string = speech.properties.endpoint
output region string = speech.location
