import { open } from 'node:fs/promises';
import { AuditLogError } from '../errors';
import { GENESIS_HASH } from './chain';
import { acquireFileLock } from './fileLock';
import { checkStoredLine, looksLikeEvent } from './storedLine';

/** What `repairJsonl` did. */
export interface JsonlRepair {
  /** Events in the chain that was kept. */
  kept: number;
  /** Complete lines moved out (0 when there was nothing to repair). */
  movedLines: number;
  movedBytes: number;
  /** The 1-based line where the moved tail started. */
  fromLine?: number;
  /** Where the moved bytes were appended. */
  rejectedPath?: string;
}

/**
 * Repairs a JSONL audit file whose tail is not a valid continuation of its chain (garbage
 * written by a crash, a bad last event): the complete lines from the first one that does not
 * verify to the end of the file are appended to `<path>.rejected` (made durable first) and cut
 * from the file. It never removes a valid event: if anything after the first bad line looks like
 * an event, that is not a bad tail but a break inside the chain, and it refuses. A torn last line
 * (no newline) is left to the writer, which cuts it on open. Holds the writer lock meanwhile.
 *
 * @throws AuditLogError `STORE_CORRUPT` when the bad part is followed by events; `STORE_LOCKED`
 *   when a writer has the file open.
 */
export async function repairJsonl(path: string): Promise<JsonlRepair> {
  const lock = await acquireFileLock(path);
  try {
    const handle = await open(path, 'r+');
    try {
      const bytes = await handle.readFile();
      const end = bytes.lastIndexOf(10) + 1; // complete lines only
      let offset = 0;
      let lineNo = 0;
      let prev = GENESIS_HASH;
      let expected = 1;
      let badAt: { offset: number; line: number } | undefined;
      while (offset < end) {
        const nl = bytes.indexOf(10, offset);
        const line = bytes.toString('utf8', offset, nl);
        lineNo += 1;
        if (badAt) {
          if (looksLikeEvent(line)) {
            throw new AuditLogError(
              'STORE_CORRUPT',
              `repair: line ${badAt.line} of ${path} is not a valid continuation of the chain, but line ${lineNo} after it looks like an event: this is a break inside the chain (tampering or damage), not a bad tail. Nothing was changed; investigate with \`city-audit verify\`.`,
            );
          }
        } else {
          const checked = checkStoredLine(line);
          if (checked.ok && checked.seq === expected && checked.prevHash === prev) {
            prev = checked.hash;
            expected += 1;
          } else badAt = { offset, line: lineNo };
        }
        offset = nl + 1;
      }
      if (!badAt) return { kept: expected - 1, movedLines: 0, movedBytes: 0 };
      const rejectedPath = `${path}.rejected`;
      const rejected = await open(rejectedPath, 'a');
      try {
        await rejected.write(bytes.subarray(badAt.offset, end));
        await rejected.sync();
      } finally {
        await rejected.close();
      }
      // Whatever followed the last newline (a torn write) goes with the bad tail: it came after it.
      if (bytes.length > end) {
        const torn = await open(rejectedPath, 'a');
        await torn.write(Buffer.concat([bytes.subarray(end), Buffer.from('\n')]));
        await torn.sync();
        await torn.close();
      }
      await handle.truncate(badAt.offset);
      await handle.sync();
      return {
        kept: expected - 1,
        movedLines: lineNo - badAt.line + 1,
        movedBytes: bytes.length - badAt.offset,
        fromLine: badAt.line,
        rejectedPath,
      };
    } finally {
      await handle.close();
    }
  } finally {
    await lock.release();
  }
}
