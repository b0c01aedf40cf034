/** One search of the contract suite and its exact answer. */
export interface SearchCase {
  /** What the search shows, as a sentence fragment (the test name). */
  what: string;
  /** `Type?query`, as a client would send it (values URL-encoded where needed). */
  url: string;
  /** Ids of the matches, in order. */
  ids: string[];
  /** `Type/id` of the included resources (any order). */
  included?: string[];
}
