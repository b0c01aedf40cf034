/** Resource ids of the directory: a short kind prefix and the index (`prac-42`), stable per index. */
export const ids = {
  payer: 'payer',
  planEndpoint: 'ep-plan',
  network: (n: number): string => `network-${n}`,
  insurancePlan: (i: number): string => `insplan-${i}`,
  area: (i: number): string => `area-${i}`,
  org: (i: number): string => `org-${i}`,
  location: (i: number): string => `loc-${i}`,
  practitioner: (i: number): string => `prac-${i}`,
  role: (i: number): string => `role-${i}`,
  service: (i: number): string => `svc-${i}`,
  affiliation: (i: number): string => `aff-${i}`,
  endpoint: (i: number): string => `ep-${i}`,
} as const;
