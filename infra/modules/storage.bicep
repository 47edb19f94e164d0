// The function app's storage account: the host's AzureWebJobsStorage (blob leases, queues),
// Durable Functions' Azure Storage backend (task hub queues, tables and blobs), and the blob
// container Flex Consumption deploys the app package from. Shared-key access is off; everything
// authenticates with Microsoft Entra ID (the app's user-assigned identity).

import { tagMap } from 'types.bicep'

@description('Azure region of the storage account.')
param location string

@description('Name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Name of the blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

@description('Tags applied to the storage account.')
param tags tagMap = {}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
        }
        table: {
          enabled: true
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Durable Functions' Azure Storage provider keeps its work-item and control queues here...
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// ...and its instance and history tables here.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

@description('Name of the storage account.')
output name string = storage.name

@description('Resource id of the storage account.')
output id string = storage.id

@description('Blob endpoint of the storage account.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue endpoint of the storage account.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table endpoint of the storage account.')
output tableEndpoint string = storage.properties.primaryEndpoints.table

@description('URL of the deployment container (blob endpoint + container name).')
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
