import { describe } from 'vitest';
import { sqlSuite } from '../test/sqlSuite';

// Real PostgreSQL when DATABASE_URL is set (CI sets it), the embedded PGlite otherwise.
describe(`postgresStore (${process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'PGlite stand-in'})`, () => {
  sqlSuite('env');
});
