// This entry point is filled by the audit-log issue; it exports nothing yet.
export {};
