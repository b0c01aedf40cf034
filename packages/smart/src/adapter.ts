/**
 * oidc-provider's storage adapter over the KeyValueStore port: one namespace per model, secondary indexes for
 * the lookups oidc-provider makes (session uid, device user code, grant id), expiry handed to the store.
 * Clients are never stored: the `Client` model answers from the portal's app records.
 */
import type { Adapter, AdapterFactory, AdapterPayload, ClientMetadata } from 'oidc-provider';
import type { KeyValueStore } from '@plan-api/store';
import { revocationEpoch } from './revocations.ts';
import type { RevocationEpoch } from './revocations.ts';
import type { AuthHooks, StoredGrantEntry } from './types.ts';

/** Namespace of an oidc-provider model in the KeyValueStore. */
export function modelNamespace(model: string): string {
  return `oidc:${model}`;
}

/** Index value of a grant's client and account, for "revoke every grant of this app for this member". */
export function clientAccountKey(clientId: string, accountId: string): string {
  return JSON.stringify([clientId, accountId]);
}

const now = (): number => Math.floor(Date.now() / 1000);

/** The field an entry's write time (epoch ms) is stored in beside oidc-provider's payload, for AuthHooks.storedEntry. */
const SAVED_AT = 'savedAt';

/** The models whose entries belong to a grant, as AuthHooks.storedEntry sees them. */
const GRANT_MODELS = new Set<string>(['AccessToken', 'RefreshToken', 'AuthorizationCode', 'Grant']);

/** The entry of a grant a stored payload is (undefined for sessions, interactions and the like). */
function grantEntry(model: string, id: string, stored: AdapterPayload): StoredGrantEntry | undefined {
  if (!GRANT_MODELS.has(model)) return undefined;
  const grantId = model === 'Grant' ? id : stored.grantId;
  if (typeof grantId !== 'string') return undefined;
  const savedAt = (stored as Record<string, unknown>)[SAVED_AT];
  return {
    model: model as StoredGrantEntry['model'],
    grantId,
    savedAt: typeof savedAt === 'number' ? savedAt : 0,
  };
}

function indexesOf(model: string, id: string, payload: AdapterPayload): Record<string, string> {
  const index: Record<string, string> = {};
  if (model === 'Grant') {
    index.grantId = id;
    if (payload.clientId && payload.accountId)
      index.clientAccount = clientAccountKey(payload.clientId, payload.accountId);
  } else if (typeof payload.grantId === 'string') {
    index.grantId = payload.grantId;
  }
  if (model === 'Session' && typeof payload.uid === 'string') index.uid = payload.uid;
  if (typeof payload.userCode === 'string') index.userCode = payload.userCode;
  return index;
}

/** Models whose deletion makes an access token stop working (verified tokens are remembered until then). */
const REVOKING = new Set(['AccessToken', 'Grant']);

class KeyValueAdapter implements Adapter {
  private readonly namespace: string;
  private readonly revocations: RevocationEpoch | undefined;

  constructor(
    private readonly model: string,
    private readonly kv: KeyValueStore,
    private readonly storedEntry: AuthHooks['storedEntry'],
  ) {
    this.namespace = modelNamespace(model);
    this.revocations = REVOKING.has(model) ? revocationEpoch(kv) : undefined;
  }

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    await this.kv.set(
      this.namespace,
      id,
      { ...payload, [SAVED_AT]: Date.now() },
      {
        ...(expiresIn !== undefined && expiresIn > 0 ? { expiresInSeconds: expiresIn } : {}),
        index: indexesOf(this.model, id, payload),
      },
    );
  }

  /** The payload as oidc-provider wrote it, as the storedEntry hook makes it look now (gone, or older). */
  async find(id: string): Promise<AdapterPayload | undefined> {
    const stored = await this.kv.get<AdapterPayload>(this.namespace, id);
    if (!stored) return undefined;
    const { [SAVED_AT]: _savedAt, ...payload } = stored as AdapterPayload & { [SAVED_AT]?: number };
    const entry = this.storedEntry ? grantEntry(this.model, id, stored) : undefined;
    const view = entry && this.storedEntry ? await this.storedEntry(entry) : undefined;
    if (view?.gone) return undefined;
    const aged = view?.agedSeconds ?? 0;
    if (aged <= 0) return payload;
    return {
      ...payload,
      ...(typeof payload.iat === 'number' ? { iat: payload.iat - aged } : {}),
      ...(typeof payload.exp === 'number' ? { exp: payload.exp - aged } : {}),
    };
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const [hit] = await this.kv.findByIndex<AdapterPayload>(this.namespace, 'uid', uid);
    return hit?.value;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const [hit] = await this.kv.findByIndex<AdapterPayload>(this.namespace, 'userCode', userCode);
    return hit?.value;
  }

  /** Marks the entry consumed; a second use of a code or rotated refresh token sees the mark. */
  async consume(id: string): Promise<void> {
    const payload = await this.find(id);
    if (!payload) return;
    const remaining = typeof payload.exp === 'number' ? payload.exp - now() : undefined;
    if (remaining !== undefined && remaining <= 0) return;
    await this.upsert(id, { ...payload, consumed: now() }, remaining);
  }

  async destroy(id: string): Promise<void> {
    await this.kv.delete(this.namespace, id);
    await this.revocations?.bump();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const members = await this.kv.findByIndex(this.namespace, 'grantId', grantId);
    for (const { key } of members) await this.kv.delete(this.namespace, key);
    if (members.length > 0) await this.revocations?.bump();
  }
}

/** Answers the `Client` model from the app records; writes are refused (no dynamic registration). */
class ClientAdapter implements Adapter {
  constructor(private readonly lookup: (clientId: string) => Promise<ClientMetadata | undefined>) {}

  async find(id: string): Promise<AdapterPayload | undefined> {
    return (await this.lookup(id)) as AdapterPayload | undefined;
  }

  upsert(): Promise<void> {
    return Promise.reject(
      new Error('Clients come from the app records; they cannot be written through oidc-provider.'),
    );
  }

  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  consume(): Promise<void> {
    return Promise.resolve();
  }

  destroy(): Promise<void> {
    return Promise.resolve();
  }

  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}

/** The adapter factory oidc-provider calls once per model; `storedEntry` sees every grant entry read. */
export function createAdapterFactory(
  kv: KeyValueStore,
  clientMetadata: (clientId: string) => Promise<ClientMetadata | undefined>,
  storedEntry?: AuthHooks['storedEntry'],
): AdapterFactory {
  return (model: string) =>
    model === 'Client' ? new ClientAdapter(clientMetadata) : new KeyValueAdapter(model, kv, storedEntry);
}
