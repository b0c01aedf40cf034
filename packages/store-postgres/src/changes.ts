import pg from 'pg';

/** The channel every FHIR write notifies (after commit, with the schema name as payload). */
export const FHIR_CHANGES_CHANNEL = 'plan_api_fhir_changes';

/**
 * Whether the FHIR data of a schema may have changed since a moment: `version()` moves on with every committed
 * write of any process on the database (PostgreSQL LISTEN/NOTIFY, fed by a statement trigger on the resources
 * table) and with this process's own writes as soon as they resolve (`touch`). While the listening connection
 * is down it is undefined (changes may be missed); a reconnection starts a new epoch, so nothing seen before
 * it is taken for current.
 */
export interface FhirChangeFeed {
  version(): string | undefined;
  /** Moves the version on now (this process just wrote). */
  touch(): void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** Delay before reconnecting after the listening connection failed (default 1 s). */
  retryMs?: number;
  /** Told when the connection fails (the feed keeps retrying). */
  onError?: (error: unknown) => void;
}

/** Starts listening for the FHIR changes of `schema` on a dedicated connection made like the pool's. */
export async function watchFhirChanges(
  pool: pg.Pool,
  schema: string,
  options: ChangeFeedOptions = {},
): Promise<FhirChangeFeed> {
  const retryMs = options.retryMs ?? 1000;
  let epoch = 0;
  let counter = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  /** A new listening connection; a failed attempt closes what it opened and throws. */
  const attempt = async (): Promise<pg.Client> => {
    const next = new pg.Client(pool.options);
    next.on('notification', (message) => {
      if (message.channel === FHIR_CHANGES_CHANNEL && message.payload === schema) counter++;
    });
    // Failures surface as rejections here, later as the handlers below.
    next.on('error', () => undefined);
    try {
      await next.connect();
      await next.query(`LISTEN ${FHIR_CHANGES_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    return next;
  };
  /** The connection is gone (or a reconnection failed): unknown until the next one listens. */
  const lost = (error: unknown): void => {
    listening = false;
    client = undefined;
    if (closed) return;
    options.onError?.(error);
    retry = setTimeout(() => void start().catch(lost), retryMs);
    retry.unref();
  };
  const start = async (): Promise<void> => {
    const next = await attempt();
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    const gone = (error: unknown): void => {
      if (client !== next) return;
      lost(error);
      void next.end().catch(() => undefined);
    };
    next.on('error', gone);
    next.on('end', () => gone(new Error('the change feed connection ended')));
    epoch++;
    listening = true;
  };

  // The first connection must work (the stores just did); later ones are retried until close.
  await start();
  return {
    version: () => (listening ? `${epoch}.${counter}` : undefined),
    touch: () => {
      counter++;
    },
    close: async () => {
      closed = true;
      listening = false;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
