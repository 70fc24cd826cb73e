import express from 'express';

/** The JSON body parser of the API: 16 kB, any content type, any JSON value (checked later). */
export const jsonBody = express.json({ limit: '16kb', strict: false, type: () => true });
