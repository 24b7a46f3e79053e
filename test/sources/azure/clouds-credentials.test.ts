import { ClientAssertionCredential, DefaultAzureCredential } from '@azure/identity'
import { CLOUDS } from '../../../src/kms/catalogue'
import { CLOUD_ENDPOINTS, cloudEndpoints, portalLink } from '../../../src/sources/azure/clouds'
import { createCredential, OIDC_AUDIENCE, oidcAssertion } from '../../../src/sources/azure/credentials'

describe('cloud endpoints', () => {
  it('knows every cloud of the KMS catalogue', () => {
    expect(Object.keys(CLOUD_ENDPOINTS).sort()).toEqual([...CLOUDS].sort())
  })

  it('gives each sovereign cloud its own ARM and authority', () => {
    expect(cloudEndpoints('AzureCloud')).toMatchObject({
      resourceManager: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
    })
    expect(cloudEndpoints('AzureUSGovernment')).toMatchObject({
      resourceManager: 'https://management.usgovcloudapi.net',
      authorityHost: 'https://login.microsoftonline.us',
    })
    expect(cloudEndpoints('AzureChinaCloud')).toMatchObject({
      resourceManager: 'https://management.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
    })
  })

  it('takes overrides, without trailing slashes', () => {
    expect(cloudEndpoints('AzureCloud', { resourceManager: 'https://127.0.0.1:8443/' })).toMatchObject({
      resourceManager: 'https://127.0.0.1:8443',
      authorityHost: 'https://login.microsoftonline.com',
    })
  })

  it('links deployed resources to the portal of their cloud', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/routeTables/rt'
    expect(portalLink(id)).toBe(`https://portal.azure.com/#@/resource${id}`)
    expect(portalLink(id, 'AzureUSGovernment')).toBe(`https://portal.azure.us/#@/resource${id}`)
    expect(portalLink(id, 'AzureChinaCloud')).toBe(`https://portal.azure.cn/#@/resource${id}`)
  })
})

describe('createCredential', () => {
  it('uses GitHub OIDC federation when client, tenant and an ID token source are given', () => {
    const c = createCredential({ clientId: 'c', tenantId: 't', getIdToken: async () => 'jwt' })
    expect(c).toBeInstanceOf(ClientAssertionCredential)
  })

  it('falls back to DefaultAzureCredential (azure/login session, environment) otherwise', () => {
    expect(createCredential({ clientId: 'c', tenantId: 't' })).toBeInstanceOf(DefaultAzureCredential)
    expect(createCredential()).toBeInstanceOf(DefaultAzureCredential)
  })

  it('asks for an ID token with the Entra token-exchange audience, each time', async () => {
    const audiences: string[] = []
    let n = 0
    const assertion = oidcAssertion(async (aud) => {
      audiences.push(aud)
      return `jwt-${++n}`
    })
    expect(await assertion()).toBe('jwt-1')
    expect(await assertion()).toBe('jwt-2')
    expect(audiences).toEqual([OIDC_AUDIENCE, OIDC_AUDIENCE])
    expect(OIDC_AUDIENCE).toBe('api://AzureADTokenExchange')
  })

  it('explains an empty ID token', async () => {
    await expect(oidcAssertion(async () => '')()).rejects.toThrow(/id-token: write/)
  })
})
