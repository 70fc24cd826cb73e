// This entry point is filled by the ui issue; it exports nothing yet.
export {};
