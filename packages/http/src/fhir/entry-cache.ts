import { searchEntryJson } from '@plan-api/fhir';
import type { BundleEntryJson } from '@plan-api/fhir';
import type { StoredResource } from '@plan-api/store';

interface Encoded {
  /** The stored JSON the bytes were made from: a version object given new JSON is encoded again. */
  json: string;
  bytes: Buffer;
}

/**
 * The UTF-8 bytes of searchset entries (fullUrl, stored JSON, search mode) of stored versions, so a
 * search answering resources already served copies bytes instead of building and encoding strings.
 * Keyed weakly by the version objects the store hands out: a version the store lets go is forgotten.
 * It holds at most one encoding per version and mode, for one base URL: a request under another base
 * (another Host header) starts the cache afresh.
 */
export class EntryCache {
  #base = '';
  #byMode = new Map<BundleEntryJson['mode'], WeakMap<StoredResource, Encoded>>();

  /** The entry of `resource` in a Bundle served from `base`. */
  bytes(base: string, resource: StoredResource, mode: BundleEntryJson['mode']): Buffer {
    if (base !== this.#base) {
      this.#base = base;
      this.#byMode = new Map();
    }
    let cache = this.#byMode.get(mode);
    if (!cache) this.#byMode.set(mode, (cache = new WeakMap()));
    const known = cache.get(resource);
    if (known && known.json === resource.json) return known.bytes;
    const fullUrl = `${base}/${resource.resourceType}/${resource.id}`;
    const bytes = Buffer.from(searchEntryJson({ fullUrl, json: resource.json, mode }));
    cache.set(resource, { json: resource.json, bytes });
    return bytes;
  }
}
