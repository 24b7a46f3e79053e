/**
 * The credential the live reader signs in with. On GitHub Actions the preferred way is OIDC workload
 * identity federation: the workflow's ID token (audience `api://AzureADTokenExchange`) is exchanged for an
 * Entra token, so no client secret is stored anywhere. Without those inputs DefaultAzureCredential picks
 * up what azure/login left behind (the Azure CLI session) or service principal environment variables.
 *
 * Tokens and assertions are passed straight to @azure/identity and never logged or kept here.
 */
import type { TokenCredential } from '@azure/core-auth'
import { ClientAssertionCredential, DefaultAzureCredential } from '@azure/identity'

/** The audience Entra ID expects on a federated GitHub OIDC token. */
export const OIDC_AUDIENCE = 'api://AzureADTokenExchange'

export interface CredentialOptions {
  clientId?: string
  tenantId?: string
  /** Entra authority of the target cloud (see clouds.ts); defaults to the public cloud. */
  authorityHost?: string
  /** Returns a GitHub OIDC ID token for an audience (e.g. `core.getIDToken` of @actions/core). */
  getIdToken?: (audience: string) => Promise<string>
}

/** The assertion callback of the federated credential: a fresh ID token each time, as they expire in minutes. */
export function oidcAssertion(getIdToken: (audience: string) => Promise<string>): () => Promise<string> {
  return async () => {
    const token = await getIdToken(OIDC_AUDIENCE)
    // An empty token would surface later as an opaque AADSTS error; say what is missing instead.
    if (!token) throw new Error('the GitHub OIDC token is empty (does the workflow grant `id-token: write`?)')
    return token
  }
}

export function createCredential(opts: CredentialOptions = {}): TokenCredential {
  const authority = opts.authorityHost ? { authorityHost: opts.authorityHost } : {}
  if (opts.clientId && opts.tenantId && opts.getIdToken)
    return new ClientAssertionCredential(
      opts.tenantId,
      opts.clientId,
      oidcAssertion(opts.getIdToken),
      authority,
    )
  return new DefaultAzureCredential({ ...authority, ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) })
}
