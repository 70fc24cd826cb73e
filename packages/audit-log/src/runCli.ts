import { existsSync, statSync } from 'node:fs';
import { type FileHandle, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileCheckpointMemory } from './checkpointSinks/fileCheckpointMemory';
import { readKeys, readLegacyCheckpoints, readNotes, UsageError } from './cli/trustArgs';
import { AuditLogError } from './errors';
import { repairJsonl } from './internal/repairJsonl';
import { jsonlStore } from './jsonlStore';
import { defaultOrigin } from './note/checkpointNote';
import { pgliteStore } from './pgliteStore';
import { postgresStore } from './postgresStore';
import {
  type ConsistencyProof,
  proveConsistency,
  verifyConsistencyProof,
} from './proofs/consistency';
import { type EventProof, proveEvent, verifyEventProof } from './proofs/eventProof';
import type { AuditStore } from './store';
import { toOcsf } from './toOcsf';
import { verify } from './verify';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show progress on long runs (default: when stderr is a terminal). */
  progress?: boolean;
}

const USAGE = `city-audit: verify, export and report on City audit logs

Usage:
  city-audit verify --store <store> (--key <vkey> | --public-key <pem>) --trusted <note>...
                    [--remember <file>] [--allow-unsigned] [--origin <origin>] [--json]
                    [--max-problems <n>] [--threads <n>]
  city-audit prove <event-id> --store <store> [--checkpoint-note <note>]
                   [--key <vkey> | --public-key <pem>] [--out <file>]
  city-audit consistency <old-note> <new-note> --store <store> [--out <file>]
  city-audit check-proof <proof.json> (--key <vkey> | --public-key <pem>) [--origin <origin>]
  city-audit export --store <store> --format ocsf|jsonl [--vendor-name <name>] [--out <file>]
  city-audit report access --target <id> [--target-type <type>] --store <store> [--json]
  city-audit repair --store jsonl:<file>

<store> is jsonl:<file>, pglite:<folder>, or a postgres:// URL (--schema, --chain select the
tables and chain; defaults city_audit and default).

repair moves a JSONL file's bad tail (complete lines after the last event that verifies) to
<file>.rejected, so a writer can resume; it never removes a valid event, and refuses (exit 1)
when events follow the bad part.

verify needs a trusted key and at least one checkpoint kept outside the log (--trusted, a C2SP
signed note such as a sink's latest.checkpoint); --remember <file> reads the last checkpoint this
verifier accepted from <file> and writes the newest verified one back. --allow-unsigned checks the
chain and tree alone, which a consistent rewrite of the whole store passes. --threads <n> checks a
JSONL log's lines in n worker threads (default: the machine's parallelism, at most 4; 1 checks in
one thread); the result is the same.

export --format ocsf names the municipality that runs the app as the OCSF product's vendor:
--vendor-name (default: standards-schema's default municipality, City of Boston); the product
name is each event's app name.

prove serves the newest checkpoint the store keeps that covers the event and matches the log
(signed by --key or --public-key when given: pass them, so a checkpoint row someone added is
never handed out), or the --checkpoint-note given.

Exit codes: 0 ok, 1 verification failed (or repair refused), 2 unusable input.
`;

/**
 * A file the CLI was told to write (`--out`, `--remember`) cannot be written: unusable input
 * (exit 2), never a crash or the exit 1 of a failed verification. The message names the file.
 */
class OutputError extends Error {}

/** Why writing `what` failed, as the error that says so. */
function outputError(what: string, error: unknown): OutputError {
  const e = error as NodeJS.ErrnoException;
  return new OutputError(
    `cannot write ${what}: ${e.code ? `${e.code} (${e.message})` : e.message}`,
    {
      cause: error,
    },
  );
}

/** `fn` (which writes `what`), with its failure turned into an {@link OutputError}. */
async function writing<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw outputError(what, error);
  }
}

/**
 * A file the CLI writes in pieces (export --out), opened before the first piece: an unusable path
 * fails here, as an {@link OutputError}. Pieces are gathered and written in blocks, each awaited,
 * so an error while writing (a full disk) is thrown where it happens, and memory stays bounded.
 */
async function openOutput(path: string) {
  const what = `--out ${path}`;
  const fh: FileHandle = await writing(what, () => open(path, 'w'));
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    await writing(what, () => fh.writeFile(text, 'utf8'));
  };
  return {
    async write(text: string) {
      pending.push(text);
      size += text.length;
      if (size >= 1 << 20) await flush();
    },
    /** Writes what is left and closes the file. */
    async end() {
      await flush();
      await writing(what, () => fh.close());
    },
    /** Closes the file after a failure (what it holds is incomplete). */
    async abandon() {
      await fh.close().catch(() => {});
    },
  };
}

/**
 * process.stdout as the CLI writes to it when the caller gives no `io.stdout`. A write error
 * (EPIPE when the reader, such as `| head`, stops reading) is kept for the CLI to report, instead
 * of crashing the process as an unhandled 'error' event (exit 1, which means tampering). `write`
 * returns a promise while the pipe is full, so an export holds no more than the pipe's buffer.
 */
function processStdout() {
  const stdout = process.stdout;
  let failed: Error | undefined;
  let pending = 0;
  let flushed: (() => void) | undefined;
  const onError = (error: Error) => {
    failed ??= error;
  };
  const written = (error?: Error | null) => {
    if (error) failed ??= error;
    pending -= 1;
    if (pending === 0) flushed?.();
  };
  stdout.on('error', onError);
  return {
    failed: () => failed,
    write(text: string): Promise<void> | undefined {
      if (failed || stdout.destroyed) return undefined;
      pending += 1;
      if (stdout.write(text, written)) return undefined;
      return new Promise<void>((resolve) => {
        const done = () => {
          stdout.off('drain', done);
          stdout.off('close', done);
          resolve();
        };
        stdout.on('drain', done);
        stdout.on('close', done);
      });
    },
    /** Waits until every write finished (or failed), then stops listening for errors. */
    async close() {
      if (pending > 0 && !stdout.destroyed) {
        await new Promise<void>((resolve) => {
          flushed = resolve;
          stdout.once('close', resolve);
        });
      }
      // A failed write's 'error' event follows its callback.
      await new Promise(setImmediate);
      stdout.off('error', onError);
    },
  };
}

function openStore(
  spec: string | undefined,
  schema: string | undefined,
  chainId: string | undefined,
): AuditStore {
  if (!spec) throw new UsageError('--store is required');
  const sql = { ...(schema ? { schema } : {}), ...(chainId ? { chainId } : {}), migrate: false };
  if (spec.startsWith('postgres://') || spec.startsWith('postgresql://')) {
    return postgresStore({ connectionString: spec, ...sql });
  }
  // A reading tool must not create an empty log where the given one is missing.
  const mustExist = (path: string) => {
    if (!existsSync(path)) {
      throw new UsageError(`--store ${JSON.stringify(spec)}: ${path} does not exist`);
    }
    return path;
  };
  if (spec.startsWith('pglite:')) {
    // PGlite creates a database in any folder it is given: a reading tool must not write one
    // into a folder that holds something else (or nothing), so only a data directory is opened.
    const dataDir = mustExist(spec.slice(7));
    if (!statSync(dataDir).isDirectory() || !existsSync(join(dataDir, 'PG_VERSION'))) {
      throw new UsageError(
        `--store ${JSON.stringify(spec)}: ${dataDir} is not a PGlite data directory (it has no PG_VERSION file)`,
      );
    }
    return pgliteStore({ dataDir, ...sql });
  }
  const jsonl = spec.startsWith('jsonl:')
    ? spec.slice(6)
    : spec.endsWith('.jsonl')
      ? spec
      : undefined;
  if (jsonl !== undefined) {
    return jsonlStore({ path: mustExist(jsonl), ...(chainId ? { chainId } : {}) });
  }
  throw new UsageError(
    `--store ${JSON.stringify(spec)}: expected jsonl:<file>, pglite:<folder> or postgres://…`,
  );
}

/**
 * The `city-audit` command line, callable in-process. Resolves with the exit code: 0 when all
 * is well, 1 when verification finds tampering, 2 on unusable input (bad arguments, a store
 * that cannot be opened, an unreadable key).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['verify', '--store', 'jsonl:audit.jsonl']);
 * ```
 */
export async function runCli(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const stdout = io?.stdout ? undefined : processStdout();
  let code: number;
  try {
    code = await runCommand(argv, io, stdout);
  } finally {
    await stdout?.close();
  }
  const failed = stdout?.failed();
  if (failed) {
    // What was asked for did not all arrive: not ok, but no verdict on the log either (a failed
    // verification still says so).
    const e = failed as NodeJS.ErrnoException;
    (io?.stderr ?? ((t: string) => process.stderr.write(t)))(
      `city-audit: cannot write to stdout: ${e.code ?? e.message}\n`,
    );
    if (code === 0) code = 2;
  }
  return code;
}

async function runCommand(
  argv: readonly string[],
  io: Partial<CliIo> | undefined,
  stdout: ReturnType<typeof processStdout> | undefined,
): Promise<number> {
  const out = io?.stdout ?? ((t: string) => stdout?.write(t));
  const err = io?.stderr ?? ((t: string) => process.stderr.write(t));
  const showProgress = io?.progress ?? Boolean(process.stderr.isTTY);
  const progress = (n: number) => {
    if (showProgress) err(`\r${n.toLocaleString('en-US')} events…`);
  };
  let store: AuditStore | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        schema: { type: 'string' },
        chain: { type: 'string' },
        'public-key': { type: 'string' },
        key: { type: 'string', multiple: true },
        trusted: { type: 'string', multiple: true },
        remember: { type: 'string' },
        'allow-unsigned': { type: 'boolean' },
        origin: { type: 'string' },
        'max-problems': { type: 'string' },
        threads: { type: 'string' },
        'checkpoint-note': { type: 'string' },
        checkpoint: { type: 'string', multiple: true },
        format: { type: 'string' },
        'vendor-name': { type: 'string' },
        out: { type: 'string' },
        target: { type: 'string' },
        'target-type': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, sub] = positionals;
    if (values.help || !command) {
      out(USAGE);
      return command || values.help ? 0 : 2;
    }
    const origin = values.origin ?? defaultOrigin(values.chain ?? 'default');
    if (command === 'verify') {
      const { keys, publicKey } = await readKeys(values.key ?? [], values['public-key'], origin);
      const trusted: (string | Awaited<ReturnType<typeof readLegacyCheckpoints>>[number])[] = [
        ...(await readNotes(values.trusted ?? [])),
        ...(await readLegacyCheckpoints(values.checkpoint ?? [])),
      ];
      const memory = values.remember ? fileCheckpointMemory(values.remember) : undefined;
      const remembered = await memory?.load().catch((error: unknown) => {
        const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
        throw new UsageError(
          `--remember ${values.remember}: cannot read it${cause?.code ? ` (${cause.code})` : ''}`,
        );
      });
      if (remembered) trusted.push(remembered);
      const maxProblems = values['max-problems'] ? Number(values['max-problems']) : 100;
      if (!Number.isSafeInteger(maxProblems) || maxProblems < 1) {
        throw new UsageError('--max-problems must be a whole number >= 1');
      }
      const threads = values.threads === undefined ? undefined : Number(values.threads);
      if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 1)) {
        throw new UsageError(`--threads must be a whole number >= 1 (got ${values.threads})`);
      }
      store = openStore(values.store, values.schema, values.chain);
      if (threads !== undefined && threads > 1 && store.kind !== 'jsonl') {
        err(
          `note: --threads applies to JSONL logs; this ${store.kind} store is checked in one thread\n`,
        );
      }
      if (!values['allow-unsigned']) {
        if (keys.length === 0) {
          throw new UsageError('verify needs --key or --public-key (or --allow-unsigned)');
        }
        if (trusted.length === 0) {
          throw new UsageError(
            'verify needs --trusted <checkpoint> or a --remember file that holds one (or --allow-unsigned)',
          );
        }
      }
      const result = await verify(store, {
        keys,
        ...(publicKey ? { publicKey } : {}),
        trusted,
        ...(values.origin ? { origin: values.origin } : {}),
        allowUnsigned: values['allow-unsigned'] === true,
        maxProblems,
        ...(threads !== undefined ? { threads } : {}),
        onProgress: progress,
        progressEvery: 50_000,
      });
      if (showProgress) err('\n');
      if (result.ok && memory && result.latestCheckpoint) {
        const latest = result.latestCheckpoint;
        await writing(`--remember ${values.remember}`, () => memory.save(latest));
      }
      if (values.json) out(`${JSON.stringify(result)}\n`);
      else if (result.ok) {
        out(
          `ok: ${result.count} events, head ${result.headHash}, root ${result.rootHash}, ${result.checkpointsChecked} checkpoint(s) matched${result.checkpointsIgnored ? `, ${result.checkpointsIgnored} unsigned or unknown checkpoint(s) in the store ignored` : ''}\n`,
        );
        if (values['allow-unsigned'] && result.checkpointsChecked === 0) {
          out('warning: no trusted checkpoint was checked; a consistent rewrite would pass\n');
        }
      } else {
        const first = result.firstBad;
        out(
          `TAMPERED at seq ${first?.seq}: ${first?.reason} (${first?.message}); ${result.problems.length}${result.moreProblems ? '+' : ''} problem(s)\n`,
        );
        for (const p of result.problems.slice(1))
          out(`  seq ${p.seq}: ${p.reason} (${p.message})\n`);
      }
      if (result.unplaced && !values.json) {
        const u = result.unplaced;
        out(
          `note: ${u.events} event(s) in ${u.batches} batch(es), stored since ${u.since}, are not in the log yet: their writer stopped before placing them, and the next append places them\n`,
        );
      }
      return result.ok ? 0 : 1;
    }
    if (command === 'repair') {
      const spec = values.store;
      const file = spec?.startsWith('jsonl:')
        ? spec.slice(6)
        : spec?.endsWith('.jsonl')
          ? spec
          : '';
      if (!file) throw new UsageError('repair needs --store jsonl:<file>');
      if (!existsSync(file))
        throw new UsageError(`--store ${JSON.stringify(spec)}: ${file} does not exist`);
      try {
        const r = await repairJsonl(file);
        out(
          r.movedLines === 0
            ? `ok: nothing to repair, ${r.kept} events verify\n`
            : `repaired: moved ${r.movedLines} line(s) (${r.movedBytes} bytes) from line ${r.fromLine} to ${r.rejectedPath}; the chain keeps ${r.kept} events\n`,
        );
        return 0;
      } catch (error) {
        if (error instanceof AuditLogError && error.code === 'STORE_CORRUPT') {
          out(`REFUSED: ${error.message}\n`);
          return 1;
        }
        // The file it moves the bad tail to: a file it cannot write, not a log it cannot read.
        const failed = (error as NodeJS.ErrnoException | null)?.path;
        if (failed === `${file}.rejected`) throw outputError(failed, error);
        throw error;
      }
    }
    if (command === 'prove') {
      if (!sub) throw new UsageError('prove needs an event id');
      store = openStore(values.store, values.schema, values.chain);
      const [note] = await readNotes(
        values['checkpoint-note'] ? [values['checkpoint-note']] : [],
        '--checkpoint-note',
      );
      const { keys } = await readKeys(values.key ?? [], values['public-key'], origin);
      const proof = await proveEvent(store, sub, {
        ...(note ? { checkpoint: note } : {}),
        ...(keys.length > 0 ? { keys } : {}),
      });
      const text = `${JSON.stringify(proof, null, 2)}\n`;
      const outFile = values.out;
      if (outFile) await writing(`--out ${outFile}`, () => writeFile(outFile, text));
      else out(text);
      return 0;
    }
    if (command === 'consistency') {
      const [, oldFile, newFile] = positionals;
      if (!oldFile || !newFile)
        throw new UsageError('consistency needs <old-note> <new-note> files');
      const [oldNote, newNote] = await readNotes([oldFile, newFile], 'consistency');
      store = openStore(values.store, values.schema, values.chain);
      const proof = await proveConsistency(store, oldNote as string, newNote as string);
      const text = `${JSON.stringify(proof, null, 2)}\n`;
      const outFile = values.out;
      if (outFile) await writing(`--out ${outFile}`, () => writeFile(outFile, text));
      else out(text);
      return 0;
    }
    if (command === 'check-proof') {
      if (!sub) throw new UsageError('check-proof needs a proof file');
      const { keys } = await readKeys(values.key ?? [], values['public-key'], origin);
      if (keys.length === 0) throw new UsageError('check-proof needs --key or --public-key');
      let bundle: unknown;
      try {
        bundle = JSON.parse(await readFile(sub, 'utf8'));
      } catch (e) {
        throw new UsageError(`check-proof ${sub}: ${(e as Error).message}`);
      }
      const opts = { keys, ...(values.origin ? { origin: values.origin } : {}) };
      const r =
        typeof (bundle as ConsistencyProof).from === 'string'
          ? verifyConsistencyProof(bundle as ConsistencyProof, opts)
          : verifyEventProof(bundle as EventProof, opts);
      if (r.ok) {
        // Which log and tree it is for: one key may sign the checkpoints of several logs, so a
        // reader who did not pass --origin sees which one vouched for it.
        const cp = 'checkpoint' in r ? r.checkpoint : r.to;
        out(
          `ok: the proof verifies against the signed checkpoint of ${cp.origin} at ${cp.size} events\n`,
        );
      } else out(`INVALID: ${r.reason}\n`);
      return r.ok ? 0 : 1;
    }
    if (command === 'export') {
      const format = values.format ?? 'jsonl';
      if (format !== 'jsonl' && format !== 'ocsf')
        throw new UsageError(`--format must be ocsf or jsonl, got ${format}`);
      const vendorName = values['vendor-name'];
      if (vendorName !== undefined) {
        if (format !== 'ocsf') throw new UsageError('--vendor-name applies to --format ocsf only');
        if (vendorName.trim() === '') throw new UsageError('--vendor-name must not be empty');
      }
      const ocsfOptions = vendorName === undefined ? {} : { vendorName };
      store = openStore(values.store, values.schema, values.chain);
      // Opened before the log is read: an unusable path is refused at once (exit 2).
      const file = values.out ? await openOutput(values.out) : undefined;
      let n = 0;
      try {
        for await (const event of store.read()) {
          const text = `${JSON.stringify(format === 'ocsf' ? toOcsf(event, ocsfOptions) : event)}\n`;
          if (file) await file.write(text);
          else if (stdout) {
            // Stop at the first failed write (the reader went away: runCli says so), and wait
            // while the pipe is full.
            if (stdout.failed()) return 2;
            await stdout.write(text);
          } else out(text);
          n += 1;
          if (n % 50_000 === 0) progress(n);
        }
        await file?.end();
      } catch (error) {
        await file?.abandon();
        throw error;
      }
      err(`${showProgress ? '\n' : ''}exported ${n} events as ${format}\n`);
      return 0;
    }
    if (command === 'report' && sub === 'access') {
      if (!values.target) throw new UsageError('report access needs --target <id>');
      store = openStore(values.store, values.schema, values.chain);
      const rows: {
        time: string;
        actor: string;
        action: string;
        outcome: string;
        purpose?: string;
      }[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.query({
          targetId: values.target,
          ...(values['target-type'] ? { targetType: values['target-type'] } : {}),
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        for (const e of page.events) {
          rows.push({
            time: e.time,
            actor: `${e.actor.type}:${e.actor.id}${e.actor.department ? ` (${e.actor.department})` : ''}`,
            action: e.action,
            outcome: e.outcome,
            ...(e.purpose ? { purpose: e.purpose } : {}),
          });
        }
        cursor = page.nextCursor;
        progress(rows.length);
      } while (cursor);
      if (values.json) {
        out(`${JSON.stringify({ target: values.target, accesses: rows })}\n`);
      } else {
        out(`Access to ${values.target}: ${rows.length} event(s)\n`);
        for (const r of rows)
          out(
            `${r.time}  ${r.actor}  ${r.action}  ${r.outcome}${r.purpose ? `  purpose=${r.purpose}` : ''}\n`,
          );
      }
      return 0;
    }
    throw new UsageError(`unknown command ${[command, sub].filter(Boolean).join(' ')}`);
  } catch (error) {
    // node:util parseArgs throws ERR_PARSE_ARGS_* for an unknown option, an option without its
    // value, a value given to a flag, and so on: all are usage errors.
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof UsageError ||
      (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))
    ) {
      err(`city-audit: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof OutputError) {
      err(`city-audit: ${error.message}\n`);
      return 2;
    }
    const what =
      error instanceof AuditLogError ? `${error.code}: ${error.message}` : (error as Error).message;
    err(`city-audit: cannot read the audit log: ${what}\n`);
    return 2;
  } finally {
    await store?.close().catch(() => {});
  }
}
