// This entry point is filled by the auth-client issue; it exports nothing yet.
export {};
