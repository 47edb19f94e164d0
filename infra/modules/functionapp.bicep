// Linux Flex Consumption (FC1) plan + the Obs Functions app (.NET 10 isolated worker).
// The app runs as a user-assigned managed identity: the host storage connection
// (AzureWebJobsStorage, also Durable's Azure Storage backend), the deployment package and
// Application Insights are all reached with that identity, never with a key.

import { tagMap } from 'types.bicep'

@description('Azure region of the plan and the app.')
param location string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param appName string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of the user-assigned managed identity the app runs as.')
param identityClientId string

@description('Name of the storage account used as AzureWebJobsStorage.')
param storageAccountName string

@description('URL of the blob container the app package is deployed from.')
param deploymentContainerUrl string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Maximum number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('OTLP endpoint the app exports traces and metrics to (OTEL_EXPORTER_OTLP_ENDPOINT). Empty: no OTLP export.')
param otlpEndpoint string

@description('OTLP transport (OTEL_EXPORTER_OTLP_PROTOCOL).')
@allowed([
  'grpc'
  'http/protobuf'
])
param otlpProtocol string

@description('OTLP export headers, e.g. "x-honeycomb-team=<key>" (OTEL_EXPORTER_OTLP_HEADERS).')
@secure()
param otlpHeaders string

@description('OpenTelemetry service name of the app (OTEL_SERVICE_NAME).')
param serviceName string

@description('Tags applied to the plan.')
param tags tagMap = {}

@description('Tags applied to the function app.')
param appTags tagMap = {}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
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

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: appTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        // Host storage and Durable Functions' Azure Storage task hub, identity-based.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // Application Insights with Entra ID authentication (local auth is disabled).
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        // OpenTelemetry export (read by Obs.Telemetry over config/tracing.yaml).
        {
          name: 'OTEL_EXPORTER_OTLP_ENDPOINT'
          value: otlpEndpoint
        }
        {
          name: 'OTEL_EXPORTER_OTLP_PROTOCOL'
          value: otlpProtocol
        }
        {
          name: 'OTEL_EXPORTER_OTLP_HEADERS'
          value: otlpHeaders
        }
        {
          name: 'OTEL_SERVICE_NAME'
          value: serviceName
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName
