/** A record of the portal's own entities: JSON with a string id. */
export interface StoredRecord {
  id: string;
}

/** Equality filter on top-level fields (compiled to indexed SQL by the PostgreSQL adapter). */
export type RecordFilter<T> = {
  [K in keyof T]?: T[K] extends string | number | boolean | null | undefined ? T[K] : never;
};

export interface ListOptions<T> {
  where?: RecordFilter<T>;
  /** Sort by a top-level field (default: id). */
  orderBy?: keyof T & string;
  descending?: boolean;
  limit?: number;
  offset?: number;
}

/** One collection of records (apps, launches, launch steps, access log entries, ...). */
export interface RecordCollection<T extends StoredRecord> {
  get(id: string): Promise<T | undefined>;
  list(options?: ListOptions<T>): Promise<T[]>;
  count(where?: RecordFilter<T>): Promise<number>;
  /** Insert or replace by id. */
  put(record: T): Promise<void>;
  /** Insert only: throws a RecordConflictError when the id exists. */
  insert(record: T): Promise<void>;
  /**
   * Compare-and-set: replaces the record with the same id only when the stored one matches `where`
   * (e.g. `{ updatedAt: seen }`); false when it does not match or is absent.
   */
  putIf(record: T, where: RecordFilter<T>): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** Deletes every record matching the filter; returns how many. */
  deleteWhere(where: RecordFilter<T>): Promise<number>;
}

/** The portal's storage: named collections. */
export interface RecordStore {
  collection<T extends StoredRecord>(name: string): RecordCollection<T>;
  close(): Promise<void>;
}

/** Thrown by insert when the id is taken. */
export class RecordConflictError extends Error {
  constructor(collection: string, id: string) {
    super(`${collection}: a record with id ${id} already exists`);
    this.name = 'RecordConflictError';
  }
}
