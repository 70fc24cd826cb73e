// The dev IdP's storage, in this process's memory on purpose: its sessions and tokens end when it
// stops, as a development sign-in should. Given to oidc-provider explicitly, so it does not warn
// that its own quick-start adapter is in use (which every developer would learn to ignore).
// oidc-provider's adapter contract: a class built per model name, with upsert/find/consume/
// destroy, lookups by session uid and device user code, and revoking every token of a grant.

interface Entry {
  payload: Record<string, unknown>;
  /** Epoch milliseconds; Infinity when the model has no expiry. */
  expiresAt: number;
}

/** The models whose records belong to a grant (revoked together by `revokeByGrantId`). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/** One store per dev IdP, so two providers in a process (tests) never share records. */
export function memoryAdapter(): new (model: string) => unknown {
  const records = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  const uids = new Map<string, string>();
  const userCodes = new Map<string, string>();
  const live = (key: string) => {
    const entry = records.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      records.delete(key);
      return undefined;
    }
    return entry;
  };

  return class MemoryAdapter {
    readonly #model: string;
    constructor(model: string) {
      this.#model = model;
    }
    #key(id: string) {
      return `${this.#model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      const key = this.#key(id);
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      records.set(key, { payload, expiresAt });
      if (this.#model === 'Session' && typeof payload.uid === 'string') uids.set(payload.uid, id);
      if (typeof payload.userCode === 'string') userCodes.set(payload.userCode, id);
      if (GRANTABLE.has(this.#model) && typeof payload.grantId === 'string') {
        const members = grants.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        grants.set(payload.grantId, members);
      }
    }
    async find(id: string) {
      return live(this.#key(id))?.payload;
    }
    async findByUid(uid: string) {
      const id = uids.get(uid);
      return id === undefined ? undefined : this.find(id);
    }
    async findByUserCode(userCode: string) {
      const id = userCodes.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }
    async consume(id: string) {
      const entry = live(this.#key(id));
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      const key = this.#key(id);
      const payload = records.get(key)?.payload;
      records.delete(key);
      if (typeof payload?.uid === 'string') uids.delete(payload.uid);
      if (typeof payload?.userCode === 'string') userCodes.delete(payload.userCode);
    }
    async revokeByGrantId(grantId: string) {
      for (const key of grants.get(grantId) ?? []) records.delete(key);
      grants.delete(grantId);
    }
  };
}
