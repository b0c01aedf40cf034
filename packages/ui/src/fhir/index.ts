export type { DetailRow, ResourceSummary } from './types.ts';
export { summarize } from './summarize.ts';
export { groupRecord, filterRecord, typeLabel, type RecordGroup, type RecordItem } from './record.ts';
export { formatDate, formatMoney, formatPeriod, formatQuantity } from './format.ts';
