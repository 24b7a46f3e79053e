/** The live-Azure source, for the action and the CLI: read what is deployed, lay the IaC over it. */
export { CLOUD_ENDPOINTS, cloudEndpoints, portalLink, type CloudEndpoints } from './clouds'
export { createCredential, OIDC_AUDIENCE, type CredentialOptions } from './credentials'
export { readLiveNetwork, LIVE_KINDS, type LiveReadResult, type ReadLiveOptions } from './read'
export {
  readEffectiveRoutes,
  selectEffectiveRoute,
  type EffectiveRoute,
  type EffectiveRoutesResult,
  type EffectiveRouteSelection,
  type ReadEffectiveRoutesOptions,
  type SubnetEffectiveRoutes,
  type UncheckedSubnet,
} from './effective-routes'
export { applyHubEffectiveRoutes, connectionsToCheck, readHubEffectiveRoutes } from './hub-routes'
export { isDeployedOnly, overlayModels, type OverlayOptions } from './overlay'
export { liveId } from './arm-id'
export type { ClientOptions } from './client'
