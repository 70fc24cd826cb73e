import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../test/fixtures';
import { createAuditLog } from './createAuditLog';
import { pgliteStore } from './pgliteStore';

describe('pgliteStore when its database goes away', () => {
  it('a database closed under the log makes records reject with STORE_UNAVAILABLE, never crash the app', async () => {
    const seen: unknown[] = [];
    const onCrash = (error: unknown) => seen.push(error);
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    try {
      const db = await PGlite.create();
      const store = pgliteStore({ db });
      const log = createAuditLog({
        app: { name: 'fault-test' },
        store,
        batch: { retries: 1, retryDelayMs: 1 },
      });
      await log.record(sampleEvent(1));
      const burst = Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => log.record(sampleEvent(i))),
      );
      await db.close();
      const later = await log.record(sampleEvent(2)).catch((e: unknown) => e);
      expect(later).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      for (const r of await burst) {
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      }
      await log.close();

      expect(seen).toEqual([]);
    } finally {
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    }
  }, 120_000); // a fresh PGlite and 52 records took 18 s alone at load 16; CI runs seven packages at once
});
