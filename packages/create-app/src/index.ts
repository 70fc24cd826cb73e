// The programmatic API of `npm create @cityofboston/app`, for scripts and the release rehearsal.
export { appNameProblems, assertAppName, titleFromName } from './appName';
export { type CreatedApp, createApp } from './createApp';
export { CREATE_APP_ERROR_CODES, CreateAppError, type CreateAppErrorCode } from './errors';
export {
  type AppOptions,
  BOSTON,
  DATABASES,
  type DatabaseName,
  type Municipality,
  type ResolvedOptions,
  resolveOptions,
  TEMPLATES,
  type TemplateName,
} from './options';
export { sdkVersions } from './versions';
