// The embedded OpenID provider for development and tests. Node only; refuses production.
export { type DevPersona, defaultPersonas } from './dev-idp/personas';
export {
  DEFAULT_DEV_CLIENT,
  DEV_ACR,
  type DevClient,
  type DevIdp,
  type DevIdpOptions,
  startDevIdp,
} from './dev-idp/start-dev-idp';
