import type { Tables } from './sql.ts';

/** One versioned step of the schema. `sql` gets the schema's tables and the schema pg_trgm lives in. */
export interface Migration {
  version: number;
  name: string;
  sql: (t: Tables, trgm: string) => string;
}

/** Index rows of every kind share these columns: the resource they belong to and the parameter code. */
const KEY = `rtype text NOT NULL, id text COLLATE "C" NOT NULL, param text NOT NULL`;

/**
 * Resources: `resources` holds each resource's current version (a tombstone once deleted),
 * `resource_history` the versions it replaced. Search parameters live in one index table per value kind,
 * filled from @plan-api/fhir's extractIndex for live current versions only; each has a lookup index
 * (type, parameter, value, id) and a per-resource index (type, id, parameter) for probes and deletes.
 */
const V1_RESOURCES = (t: Tables, trgm: string): string => `
CREATE SEQUENCE ${t.versionSeq};
CREATE TABLE ${t.resources} (
  rtype text NOT NULL, id text COLLATE "C" NOT NULL, version_id integer NOT NULL, lu bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false, seq bigint NOT NULL, json text COMPRESSION lz4 NOT NULL,
  PRIMARY KEY (rtype, id));
CREATE INDEX resources_lu ON ${t.resources} (rtype, lu);
CREATE INDEX resources_seq ON ${t.resources} (rtype, seq);
CREATE TABLE ${t.history} (
  rtype text NOT NULL, id text COLLATE "C" NOT NULL, version_id integer NOT NULL, lu bigint NOT NULL,
  deleted boolean NOT NULL, seq bigint NOT NULL, json text COMPRESSION lz4 NOT NULL,
  PRIMARY KEY (rtype, id, version_id));
CREATE INDEX resource_history_seq ON ${t.history} (rtype, seq);

CREATE TABLE ${t.token} (${KEY}, system text COLLATE "C", code text COLLATE "C", text text);
CREATE INDEX idx_token_lookup ON ${t.token} (rtype, param, code, id) INCLUDE (system);
CREATE INDEX idx_token_probe ON ${t.token} (rtype, id, param);

CREATE TABLE ${t.string} (${KEY}, norm text COLLATE "C" NOT NULL, exact text NOT NULL);
CREATE INDEX idx_string_lookup ON ${t.string} (rtype, param, norm, id);
CREATE INDEX idx_string_probe ON ${t.string} (rtype, id, param);
CREATE INDEX idx_string_trgm ON ${t.string} USING gin (norm ${trgm}.gin_trgm_ops);

CREATE TABLE ${t.date} (${KEY}, lo bigint NOT NULL, hi bigint NOT NULL);
CREATE INDEX idx_date_lo ON ${t.date} (rtype, param, lo);
CREATE INDEX idx_date_hi ON ${t.date} (rtype, param, hi);
CREATE INDEX idx_date_probe ON ${t.date} (rtype, id, param);

CREATE TABLE ${t.reference} (${KEY}, ttype text COLLATE "C", tid text COLLATE "C", url text, isys text, ival text);
CREATE INDEX idx_reference_lookup ON ${t.reference} (rtype, param, tid, ttype, id);
CREATE INDEX idx_reference_probe ON ${t.reference} (rtype, id, param) INCLUDE (ttype, tid);
CREATE INDEX idx_reference_identifier ON ${t.reference} (rtype, param, ival) WHERE ival IS NOT NULL;
CREATE INDEX idx_reference_url ON ${t.reference} (rtype, param, url) WHERE url IS NOT NULL;

CREATE TABLE ${t.number} (${KEY}, value double precision NOT NULL, system text, code text, unit text);
CREATE INDEX idx_number_lookup ON ${t.number} (rtype, param, value);
CREATE INDEX idx_number_probe ON ${t.number} (rtype, id, param);

CREATE TABLE ${t.uri} (${KEY}, value text COLLATE "C" NOT NULL);
CREATE INDEX idx_uri_lookup ON ${t.uri} (rtype, param, value, id);
CREATE INDEX idx_uri_probe ON ${t.uri} (rtype, id, param);

CREATE TABLE ${t.position} (${KEY}, lat double precision NOT NULL, lon double precision NOT NULL, pt point NOT NULL);
CREATE INDEX idx_position_pt ON ${t.position} USING gist (pt);
CREATE INDEX idx_position_probe ON ${t.position} (rtype, id, param);
`;

/** Records (JSON documents by collection and id) and key-value entries with expiry and secondary keys. */
const V1_PORTAL = (t: Tables): string => `
CREATE TABLE ${t.records} (collection text NOT NULL, id text COLLATE "C" NOT NULL, data jsonb NOT NULL,
  PRIMARY KEY (collection, id));
CREATE TABLE ${t.kv} (namespace text NOT NULL, key text NOT NULL, value text NOT NULL, expires_at bigint,
  idx jsonb, PRIMARY KEY (namespace, key));
CREATE INDEX kv_idx ON ${t.kv} USING gin (idx jsonb_path_ops);
CREATE INDEX kv_expiry ON ${t.kv} (expires_at) WHERE expires_at IS NOT NULL;
`;

/** Every migration, oldest first. Never edit one that has shipped: add the next version. */
/**
 * Change notices: every statement that writes resources notifies `plan_api_fhir_changes` with the schema name
 * (delivered at commit, once per transaction), so processes caching answers over this data know to drop them.
 */
const V2_CHANGE_NOTICES = (t: Tables): string => `
CREATE FUNCTION ${t.schema}.notify_fhir_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('plan_api_fhir_changes', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;
CREATE TRIGGER notify_fhir_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t.resources}
  FOR EACH STATEMENT EXECUTE FUNCTION ${t.schema}.notify_fhir_change();
`;

/**
 * Joint statistics of (type, parameter, code) in the token index: a code's frequency depends on the parameter and
 * type (`laboratory` is a common Observation category and no other type's), which the planner cannot tell from
 * per-column statistics. Without them it took a member's `Observation?patient&category=laboratory` for a small
 * set and hash-joined every laboratory Observation of the plan (70-90 ms instead of under 1 ms). Filled by
 * ANALYZE: here for data already in, then after imports and by autovacuum.
 */
const V3_TOKEN_STATISTICS = (t: Tables): string => `
CREATE STATISTICS ${t.schema}.idx_token_type_param_code (mcv, ndistinct, dependencies) ON rtype, param, code FROM ${t.token};
ANALYZE ${t.token};
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'resources, search index tables, records, key-value',
    sql: (t, trgm) => V1_RESOURCES(t, trgm) + V1_PORTAL(t),
  },
  { version: 2, name: 'change notices of FHIR writes', sql: (t) => V2_CHANGE_NOTICES(t) },
  { version: 3, name: 'joint statistics of token index rows', sql: (t) => V3_TOKEN_STATISTICS(t) },
];

/** The version a fully migrated schema is at. */
export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
