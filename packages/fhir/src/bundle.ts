/** One entry for a searchset Bundle, already serialized. */
export interface BundleEntryJson {
  fullUrl: string;
  /** The resource's JSON, exactly as stored. */
  json: string;
  mode: 'match' | 'include' | 'outcome';
}

export interface SearchBundleInput {
  /** Absolute URL of the search without query, e.g. `https://x/fhir/Observation`. */
  url: string;
  /** Parameters of this page for the self link (`_count`/`_offset` included). */
  selfParams: [string, string][];
  entries: BundleEntryJson[];
  total?: number;
  /** Parameters of the next/previous pages, when there is one. */
  nextParams?: [string, string][];
  previousParams?: [string, string][];
}

/**
 * Serializes a searchset Bundle by concatenating the entries' stored JSON, so a search costs little
 * more than sending its bytes.
 */
export function searchBundleJson(input: SearchBundleInput): string {
  void input;
  throw new Error('searchBundleJson: not implemented yet');
}
