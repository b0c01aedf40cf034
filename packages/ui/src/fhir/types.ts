/** One labelled fact about a resource, as the My Data view lists it; a list value renders as several lines. */
export interface DetailRow {
  label: string;
  value: string | string[];
}

/** A resource in plain words: a title line, a secondary line, and the details behind them. */
export interface ResourceSummary {
  /** What the resource is, in one line ("Hemoglobin A1c: 7.6% (High)"). */
  title: string;
  /** When, status and who, in one line ("Nov 23, 2021 · Laboratory · final"). */
  subtitle: string;
  /** The resource's main date (FHIR date or dateTime), for ordering newest first. */
  date?: string;
  rows: DetailRow[];
  /** Decoded text of an attached note (DocumentReference), shown in full on demand. */
  note?: string;
}
