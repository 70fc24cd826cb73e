// This entry point is filled by the standards-schema issue; it exports nothing yet.
export {};
