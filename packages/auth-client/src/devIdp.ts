// The embedded OpenID provider for development and tests. Node only; refuses production.
export {
  type DevIdpMessageKey,
  type DevIdpTranslator,
  type DevIdpTranslatorFor,
  englishPages,
} from './devIdp/pageStrings';
export { type DevPersona, defaultPersonas } from './devIdp/personas';
export {
  DEFAULT_DEV_CLIENT,
  DEV_ACR,
  type DevClient,
  type DevIdp,
  type DevIdpOptions,
  startDevIdp,
} from './devIdp/startDevIdp';
