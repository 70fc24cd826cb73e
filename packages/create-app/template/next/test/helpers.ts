import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCheckpointKeys, signCheckpointNote, verify } from '@cityofboston/audit-log';
import { AUDIT_SIGNING_SETTING, auditOrigin, auditSigningFrom } from '../src/server/auditSigning';
import { readAppInfo } from '../src/server/config';
import { AUDIT_SCHEMA, openPglite } from '../src/server/database';
import { openSettings } from '../src/server/settings';

const require = createRequire(import.meta.url);
const NEXT = require.resolve('next/dist/bin/next');

/** The environment for Next's own processes: vitest's NODE_ENV=test is not theirs. */
function nextEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  Reflect.deleteProperty(env, 'NODE_ENV');
  return env;
}

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
};

/** Builds the app (`next build`) unless the build is newer than every source file. */
export function buildIfStale(): void {
  const built = newest('.next/BUILD_ID');
  const sources = Math.max(
    ...['src', 'next.config.ts', 'city-app.json', 'package.json'].map(newest),
  );
  if (built > sources) return;
  execFileSync(process.execPath, [NEXT, 'build'], { env: nextEnv(), stdio: 'inherit' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** A new empty folder. */
export const scratchDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A running `next start` of the built app. */
export interface RunningNext {
  url: string;
  dataDir: string;
  checkpointDir: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the app has closed its audit log. */
  stop(): Promise<number | null>;
}

/** Starts `next start` on `port` with the app's settings in `env`, as production runs it. */
export async function startNext(port: number, env: Record<string, string>): Promise<RunningNext> {
  const dataDir = env.DATA_DIR ?? join(scratchDir('app-data-'), 'pglite');
  const checkpointDir = env.AUDIT_CHECKPOINT_DIR ?? scratchDir('audit-checkpoints-');
  const child: ChildProcess = spawn(process.execPath, [NEXT, 'start', '--port', String(port)], {
    env: nextEnv({
      NEXT_MANUAL_SIG_HANDLE: 'true',
      DATA_DIR: dataDir,
      AUDIT_CHECKPOINT_DIR: checkpointDir,
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d));
  child.stderr?.on('data', (d: Buffer) => (out += d));
  const url = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${out}`);
    const res = await fetch(`${url}/sign-in`).catch(() => undefined);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      // A server that never answered is stopped, not left running after the tests.
      child.kill('SIGKILL');
      throw new Error(`next start did not answer:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    checkpointDir,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** A session secret for tests. */
export const testSecret = () => randomBytes(32).toString('base64url');

/**
 * Verifies the audit log the app left in `dataDir`, as an auditor would: against the verifier
 * key of the app's signing key and the newest checkpoint it exported; then, with no trust
 * given, and with a checkpoint signed by another key.
 */
export async function verifyAuditLog(dataDir: string, checkpointDir: string) {
  const info = readAppInfo();
  const db = await openPglite(dataDir);
  const store = db.auditStore(AUDIT_SCHEMA);
  try {
    const privateKey = await (await openSettings(db)).find(AUDIT_SIGNING_SETTING);
    if (!privateKey) throw new Error('the app kept no audit signing key');
    const { verifierKey } = auditSigningFrom(privateKey, info);
    const checkpoint = readFileSync(join(checkpointDir, 'latest.checkpoint'), 'utf8');
    const origin = auditOrigin(info);
    const result = await verify(store, { keys: [verifierKey], trusted: [checkpoint], origin });
    const withoutTrust = await verify(store, { keys: [], trusted: [] }).then(
      () => 'verified',
      (error: { code?: string }) => error.code ?? String(error),
    );
    const forged = signCheckpointNote(
      { origin, size: 1, rootHash: Buffer.alloc(32).toString('base64') },
      [{ name: origin, privateKey: generateCheckpointKeys().privateKey }],
    );
    const withForged = await verify(store, { keys: [verifierKey], trusted: [forged.note], origin });
    const outbox = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_outbox');
    const sessions = await db.query<{ table: string | null }>(
      "SELECT to_regclass('app_sessions.city_auth_sessions')::text AS table",
    );
    return {
      result,
      origin,
      checkpoint,
      withoutTrust,
      forgedAccepted: withForged.ok,
      outboxPending: Number(outbox.rows[0]?.n ?? -1),
      sessionsTable: sessions.rows[0]?.table,
    };
  } finally {
    await store.close();
    await db.close();
  }
}

export {
  type KeyboardEvidence,
  launchBrowser,
  type PageEvidence,
  writeEvidence,
} from './browser';
