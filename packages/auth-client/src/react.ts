'use client';
// React bindings for the BFF: session context, guards and the idle-timeout dialog.
export type { SessionState, SessionStatus } from './react/AuthContext';
export { AuthProvider, type AuthProviderProps } from './react/AuthProvider';
export { Can, type CanProps } from './react/Can';
export {
  englishIdleTimeout,
  IdleTimeoutDialog,
  type IdleTimeoutDialogProps,
  type IdleTimeoutMessageKey,
  type IdleTimeoutTranslate,
} from './react/IdleTimeoutDialog';
export { RequireAuth, type RequireAuthProps } from './react/RequireAuth';
export { RequireRole, type RequireRoleProps } from './react/RequireRole';
export { useSession } from './react/useSession';
