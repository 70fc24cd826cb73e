/**
 * The English text of the dev IdP's pages, for projects without the ui kit. It is the `idp.` part
 * of the kit's English catalogue (`@cityofboston/ui`), where every other language is kept; a test
 * fails when the two differ.
 */
export const ENGLISH_PAGE_STRINGS = {
  'idp.signInTitle': 'Sign in: {municipality} development identity provider',
  'idp.signInHeading': 'Sign in to {client}',
  'idp.signInNote':
    'This is the development identity provider. Every person below is synthetic; choose one to sign in as. No password is needed.',
  'idp.personasLabel': 'Synthetic personas',
  'idp.signInAs': 'Sign in as {name}',
  'idp.personaSummary': '{title}. Department {department}, clearance {clearance}, roles {roles}.',
  'idp.personaNoRoles': 'none',
  'idp.personaAccountEnds': 'The account ends on {date}.',
  'idp.signOutTitle': 'Sign out: {municipality} development identity provider',
  'idp.signOutHeading': 'Sign out of the development identity provider?',
  'idp.signOutYes': 'Yes, sign me out',
  'idp.signOutNo': 'No, stay signed in',
  'idp.signedOutTitle': 'Signed out: {municipality} development identity provider',
  'idp.signedOutHeading': 'You are signed out',
  'idp.signedOutBody': 'You can close this window.',
  'idp.errorTitle': 'Sign-in error',
  'idp.errorUnknownInteraction':
    'This sign-in request is unknown or has expired. Go back to the application and sign in again.',
  'idp.errorUnknownPersona': 'There is no such persona. Go back and choose one from the list.',
  'idp.errorUnsupportedPrompt':
    'The development identity provider cannot answer this request (prompt {prompt}).',
} as const;
