// Obs on Azure: the Functions app (HTTP triggers + Durable orchestrations) on a Linux Flex
// Consumption plan, with identity-only access to its storage and Application Insights.
//
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json \
//     -p otlpHeaders='<headers>'
//
// See docs/deploy-azure.md.

import { tagMap } from 'modules/types.bicep'

targetScope = 'resourceGroup'

@description('Azure region of every resource. Must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Suffix that makes resource names unique (lowercase letters and digits; used in the storage account name).')
@minLength(3)
@maxLength(13)
param nameSuffix string = uniqueString(subscription().id, resourceGroup().id)

@description('Short name of the workload, the first part of every resource name (lowercase letters and digits).')
@minLength(2)
@maxLength(8)
param workloadName string = 'obs'

@description('Maximum number of instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('OTLP endpoint the app exports traces and metrics to (OTEL_EXPORTER_OTLP_ENDPOINT), e.g. https://api.honeycomb.io. Empty: no OTLP export.')
param otlpEndpoint string = ''

@description('OTLP transport (OTEL_EXPORTER_OTLP_PROTOCOL): grpc (usually port 4317 or 443) or http/protobuf (usually port 4318 or 443).')
@allowed([
  'grpc'
  'http/protobuf'
])
param otlpProtocol string = 'grpc'

@description('OTLP export headers (OTEL_EXPORTER_OTLP_HEADERS), e.g. "x-honeycomb-team=<key>". A secret: pass it on the command line, never in a parameters file.')
@secure()
param otlpHeaders string = ''

@description('OpenTelemetry service name of the app (OTEL_SERVICE_NAME).')
param serviceName string = 'obs-functions'

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags applied to every resource.')
param tags tagMap = {}

var suffix = toLower(nameSuffix)
var identityName = 'id-${workloadName}-${suffix}'
var storageAccountName = take(toLower('st${workloadName}${suffix}'), 24)
var appInsightsName = 'appi-${workloadName}-${suffix}'
var deploymentContainerName = 'app-package-${suffix}'
// azd finds the app to publish to by this tag (azure.yaml service "api").
var appTags = union(tags, { 'azd-service-name': 'api' })

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    name: identityName
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    deploymentContainerName: deploymentContainerName
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: 'log-${workloadName}-${suffix}'
    appInsightsName: appInsightsName
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    // Names known at the start of the deployment (not module outputs) keep What-If precise;
    // dependsOn orders the assignments after the resources they target.
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
    identityName: identityName
  }
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    planName: 'plan-${workloadName}-${suffix}'
    appName: 'func-${workloadName}-${suffix}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storageAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: appInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    otlpEndpoint: otlpEndpoint
    otlpProtocol: otlpProtocol
    otlpHeaders: otlpHeaders
    serviceName: serviceName
    tags: tags
    appTags: appTags
  }
  // The host must be able to reach its storage and deployment package when it first starts.
  dependsOn: [
    monitoring
    roles
  ]
}

@description('URL of the function app.')
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the function app (for `func azure functionapp publish`).')
output functionAppName string = functionApp.outputs.name

@description('Name of the storage account (AzureWebJobsStorage and Durable task hub).')
output storageAccountName string = storage.outputs.name

@description('Client id of the user-assigned managed identity the app runs as.')
output identityClientId string = identity.outputs.clientId
