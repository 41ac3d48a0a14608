// ShelfReady on Azure: the Functions app (Flex Consumption) with Durable Functions on its storage account,
// Event Grid delivering BlobCreated under uploads/ to the blob trigger, the segmentation service on a
// Container Apps serverless GPU, Application Insights, and Key Vault for secrets. Identities only: the
// storage account refuses shared keys.
targetScope = 'resourceGroup'

@description('Short name of the environment (azd sets it); resource names derive from it.')
@minLength(2)
@maxLength(20)
param environmentName string

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Segmentation service image, e.g. myregistry.azurecr.io/shelfready-segmentation:1 (azd fills it on deploy).')
param segmentationImage string = ''

@description('Serverless GPU workload profile type of the Container Apps environment.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string = 'Consumption-GPU-NC8as-T4'

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Always-ready instances for the Durable group (orchestrators, activities, entities).')
@minValue(0)
@maxValue(10)
param durableAlwaysReady int = 1

@description('Create the Event Grid subscription to the blob trigger. Its endpoint needs the blobs_extension key, which exists once the app code is deployed: provision, deploy, then provision again with this set.')
param createEventSubscription bool = false

@description('Signing secret for merchant webhooks (whsec_ + base64).')
@secure()
param webhookSecret string

@description('Key that signs review links.')
@secure()
param reviewLinkKey string

@description('SMTP user name for reviewer mail through Communication Services (<communication resource name>.<Entra app id>.<tenant id>; the app needs the Communication and Email Service Owner role). Empty: no mail resources, and review mail goes nowhere.')
param reviewMailSmtpUsername string = ''

@description('Client secret of that Entra app, the SMTP password.')
@secure()
param reviewMailSmtpPassword string = ''

@description('Where Communication Services keeps its data.')
param mailDataLocation string = 'Europe'

@description('API key the function app sends to the segmentation service.')
@secure()
param segmentationApiKey string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var storageName = 'st${token}'
var appName = 'func-${environmentName}-${token}'
var sendReviewMail = !empty(reviewMailSmtpUsername)
var containers = [ 'uploads', 'work', 'exports', 'quarantine', 'config', 'app-package' ]
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDelegator: 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${environmentName}-${token}'
  location: location
  tags: tags
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${environmentName}-${token}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${environmentName}-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: true
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource blobContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containers: {
  parent: blobService
  name: name
  properties: { publicAccess: 'None' }
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${token}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource webhookSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webhook-secret-default'
  properties: { value: webhookSecret }
}

resource reviewLinkKeyValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'review-link-key'
  properties: { value: reviewLinkKey }
}

resource reviewMailPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (sendReviewMail) {
  parent: vault
  name: 'review-mail-smtp-password'
  properties: { value: reviewMailSmtpPassword }
}

resource mailService 'Microsoft.Communication/emailServices@2023-04-01' = if (sendReviewMail) {
  name: 'ecs-${environmentName}-${token}'
  location: 'global'
  tags: tags
  properties: { dataLocation: mailDataLocation }
}

resource mailDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (sendReviewMail) {
  parent: mailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: { domainManagement: 'AzureManaged', userEngagementTracking: 'Disabled' }
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = if (sendReviewMail) {
  name: 'acs-${environmentName}-${token}'
  location: 'global'
  tags: tags
  properties: { dataLocation: mailDataLocation, linkedDomains: [ mailDomain.id ] }
}

resource segmentationApiKeyValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'segmentation-api-key'
  properties: { value: segmentationApiKey }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

// One identity for the app and the container: blob data (Durable needs owner for leases on its hub),
// delegation for user-delegation SAS links, queues and tables for the Durable task hub, secrets, image pulls,
// and telemetry with Entra authentication.
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ roles.storageBlobDataOwner, roles.storageBlobDelegator, roles.storageQueueDataContributor, roles.storageTableDataContributor ]: {
  scope: storage
  name: guid(storage.id, identity.id, role)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource registryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, identity.id, roles.acrPull)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
  }
}

resource insightsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: insights
  name: guid(insights.id, identity.id, roles.monitoringMetricsPublisher)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}

resource containerEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${environmentName}-${token}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [
      { name: 'Consumption', workloadProfileType: 'Consumption' }
      { name: 'gpu', workloadProfileType: gpuProfileType }
    ]
  }
}

// Scales to zero between batches; HTTP concurrency brings up GPU replicas, and the service's own 429 with
// Retry-After is what the pipeline's adapter backs off on while a replica starts.
resource segmentation 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-seg-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'segmentation' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ registryRole, vaultRole ]
  properties: {
    environmentId: containerEnvironment.id
    workloadProfileName: 'gpu'
    configuration: {
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [ { server: registry.properties.loginServer, identity: identity.id } ]
      secrets: [ { name: 'api-key', keyVaultUrl: segmentationApiKeyValue.properties.secretUri, identity: identity.id } ]
    }
    template: {
      containers: [
        {
          name: 'segmentation'
          image: empty(segmentationImage) ? 'mcr.microsoft.com/k8se/quickstart:latest' : segmentationImage
          resources: { cpu: json('8'), memory: '56Gi' }
          env: [
            { name: 'SegmentationService__ApiKeys__0', secretRef: 'api-key' }
            { name: 'Inference__ExecutionProviders__0', value: 'CUDA' }
            { name: 'Inference__ExecutionProviders__1', value: 'CPU' }
          ]
          probes: [
            { type: 'Readiness', httpGet: { path: '/readyz', port: 8080 } }
            { type: 'Liveness', httpGet: { path: '/healthz', port: 8080 } }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: 4
        rules: [ { name: 'http', http: { metadata: { concurrentRequests: '16' } } } ]
      }
    }
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${environmentName}-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

var blobEndpoint = storage.properties.primaryEndpoints.blob
var keyVaultReference = 'SecretUri=${vault.properties.vaultUri}secrets'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  dependsOn: [ storageRoles, vaultRole, insightsRole ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}app-package'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 4096
        alwaysReady: [ { name: 'durable', instanceCount: durableAlwaysReady } ]
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        { name: 'ShelfReadyStorage__blobServiceUri', value: blobEndpoint }
        { name: 'ShelfReadyStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'ShelfReadyStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'ShelfReadyStorage__credential', value: 'managedidentity' }
        { name: 'ShelfReadyStorage__clientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'ShelfReady__StorageAccountUri', value: blobEndpoint }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
        { name: 'Segmentation__Endpoint', value: 'https://${segmentation.properties.configuration.ingress.fqdn}/' }
        { name: 'Segmentation__ApiKey', value: '@Microsoft.KeyVault(${keyVaultReference}/${segmentationApiKeyValue.name})' }
        { name: 'Webhooks__Secrets__default', value: '@Microsoft.KeyVault(${keyVaultReference}/${webhookSecretValue.name})' }
        { name: 'Review__PublicBaseUrl', value: 'https://${appName}.azurewebsites.net/' }
        { name: 'Review__SigningKeys__k1', value: '@Microsoft.KeyVault(${keyVaultReference}/${reviewLinkKeyValue.name})' }
        { name: 'Review__ActiveKeyId', value: 'k1' }
      ], sendReviewMail ? [
        { name: 'Review__Email__Transport', value: 'Smtp' }
        { name: 'Review__Email__SmtpHost', value: 'smtp.azurecomm.net' }
        { name: 'Review__Email__SmtpPort', value: '587' }
        { name: 'Review__Email__Security', value: 'StartTls' }
        { name: 'Review__Email__Username', value: reviewMailSmtpUsername }
        { name: 'Review__Email__Password', value: '@Microsoft.KeyVault(${keyVaultReference}/review-mail-smtp-password)' }
        { name: 'Review__Email__From', value: 'ShelfReady <DoNotReply@${mailDomain!.properties.fromSenderDomain}>' }
      ] : [])
    }
  }
}

resource uploadsTopic 'Microsoft.EventGrid/systemTopics@2024-06-01-preview' = {
  name: 'evgt-${environmentName}-${token}'
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The blob trigger's Event Grid endpoint (the blobs extension's webhook, keyed by its system key).
resource uploadsSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2024-06-01-preview' = if (createEventSubscription) {
  parent: uploadsTopic
  name: 'uploads-to-blob-trigger'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.OnUpload&code=${listKeys('${app.id}/host/default', '2024-04-01').systemKeys.blobs_extension}'
      }
    }
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: '/blobServices/default/containers/uploads/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    retryPolicy: { maxDeliveryAttempts: 30, eventTimeToLiveInMinutes: 1440 }
  }
}

output AZURE_FUNCTION_APP_NAME string = app.name
output AZURE_STORAGE_BLOB_ENDPOINT string = blobEndpoint
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.properties.loginServer
output AZURE_KEY_VAULT_URI string = vault.properties.vaultUri
output SEGMENTATION_ENDPOINT string = 'https://${segmentation.properties.configuration.ingress.fqdn}/'
