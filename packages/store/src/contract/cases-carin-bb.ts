import type { SearchCase } from './cases.ts';

const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type';

/** CARIN BB 2.0 searches of ExplanationOfBenefit and Coverage. */
export const CARIN_BB_CASES: readonly SearchCase[] = [
  { what: 'EOB by patient', url: 'ExplanationOfBenefit?patient=pat-a', ids: ['eob-a-1', 'eob-a-2', 'eob-a-3'] },
  { what: 'EOB by _id', url: 'ExplanationOfBenefit?_id=eob-a-2', ids: ['eob-a-2'] },
  {
    what: 'EOB by patient and type',
    url: `ExplanationOfBenefit?patient=pat-a&type=${CLAIM_TYPE}|professional`,
    ids: ['eob-a-2'],
  },
  {
    what: 'EOB by identifier with system',
    url: 'ExplanationOfBenefit?identifier=https://plan.example.org/claim-id|CLM-1003',
    ids: ['eob-a-3'],
  },
  { what: 'EOB by identifier value', url: 'ExplanationOfBenefit?identifier=CLM-2001', ids: ['eob-b-1'] },
  {
    what: 'EOB service-date on a day',
    url: 'ExplanationOfBenefit?patient=pat-a&service-date=2023-03-15',
    ids: ['eob-a-2'],
  },
  {
    what: 'EOB service-date range overlapping a billable period',
    url: 'ExplanationOfBenefit?patient=pat-a&service-date=ge2023-06-01&service-date=le2023-06-30',
    ids: ['eob-a-1'],
  },
  {
    what: 'EOB service-start-date',
    url: 'ExplanationOfBenefit?patient=pat-a&service-start-date=ge2023-06-01',
    ids: ['eob-a-1', 'eob-a-3'],
  },
  {
    what: 'EOB billable-period-start',
    url: 'ExplanationOfBenefit?patient=pat-a&billable-period-start=lt2023-06-01',
    ids: ['eob-a-2'],
  },
  // A date without a prefix (eq) given exactly as the EOB stores it finds the EOB, at every precision.
  {
    what: 'EOB billable-period-start as stored (day)',
    url: 'ExplanationOfBenefit?billable-period-start=2023-06-01',
    ids: ['eob-a-1'],
  },
  {
    what: 'EOB service-start-date as stored (day)',
    url: 'ExplanationOfBenefit?service-start-date=2023-03-15',
    ids: ['eob-a-2'],
  },
  {
    what: 'EOB service-start-date as stored (day) from item.servicedDate',
    url: 'ExplanationOfBenefit?service-start-date=2023-09-01',
    ids: ['eob-a-3'],
  },
  {
    what: 'EOB billable-period-start as stored (seconds, zone offset)',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20T08:30:00-05:00',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB billable-period-start: the same instant in UTC',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20T13:30:00Z',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB billable-period-start: the same instant with an encoded + offset',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20T19:00:00%2B05:30',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB billable-period-start: an unencoded + offset (arrives as a space)',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20T19:00:00+05:30',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB billable-period-start one second after the stored value',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20T08:30:01-05:00',
    ids: [],
  },
  {
    what: 'EOB billable-period-start: the stored day contains the stored time',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11-20',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB billable-period-start by month',
    url: 'ExplanationOfBenefit?billable-period-start=2023-11',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB service-start-date as stored (milliseconds) from item.servicedPeriod.start',
    url: 'ExplanationOfBenefit?service-start-date=2023-11-20T09:15:00.250-05:00',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB service-start-date with fewer fraction digits (a 10 ms range holding the stored value)',
    url: 'ExplanationOfBenefit?service-start-date=2023-11-20T09:15:00.25-05:00',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB service-start-date one millisecond after the stored value',
    url: 'ExplanationOfBenefit?service-start-date=2023-11-20T09:15:00.251-05:00',
    ids: [],
  },
  {
    what: 'EOB service-start-date and billable-period-start together, with the patient',
    url: 'ExplanationOfBenefit?patient=pat-c&service-start-date=2023-11-20T14:15:00.250Z&billable-period-start=2023-11-20T08:30:00-05:00',
    ids: ['eob-c-1'],
  },
  {
    what: 'EOB by patient and _lastUpdated',
    url: 'ExplanationOfBenefit?patient=pat-b&_lastUpdated=gt2020-01-01',
    ids: ['eob-b-1'],
  },
  {
    what: '_include=ExplanationOfBenefit:patient',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:patient',
    ids: ['eob-a-1'],
    included: ['Patient/pat-a'],
  },
  {
    what: '_include=ExplanationOfBenefit:provider',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:provider',
    ids: ['eob-a-1'],
    included: ['Organization/org-hosp'],
  },
  {
    what: '_include=ExplanationOfBenefit:care-team',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:care-team',
    ids: ['eob-a-1'],
    included: ['Practitioner/prac-1'],
  },
  {
    what: '_include=ExplanationOfBenefit:coverage',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:coverage',
    ids: ['eob-a-1'],
    included: ['Coverage/cov-a'],
  },
  {
    what: '_include=ExplanationOfBenefit:insurer',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:insurer',
    ids: ['eob-a-1'],
    included: ['Organization/org-payer'],
  },
  {
    what: '_include=ExplanationOfBenefit:payee',
    url: 'ExplanationOfBenefit?_id=eob-a-2&_include=ExplanationOfBenefit:payee',
    ids: ['eob-a-2'],
    included: ['Organization/org-clinic'],
  },
  {
    what: '_include=ExplanationOfBenefit:* follows every reference parameter once',
    url: 'ExplanationOfBenefit?_id=eob-a-1&_include=ExplanationOfBenefit:*',
    ids: ['eob-a-1'],
    included: [
      'Coverage/cov-a',
      'Organization/org-hosp',
      'Organization/org-payer',
      'Patient/pat-a',
      'Practitioner/prac-1',
    ],
  },
  {
    what: 'several _include values over a page of EOBs',
    url: 'ExplanationOfBenefit?patient=pat-a&_include=ExplanationOfBenefit:provider&_include=ExplanationOfBenefit:care-team',
    ids: ['eob-a-1', 'eob-a-2', 'eob-a-3'],
    included: ['Organization/org-hosp', 'Organization/org-pharm', 'Practitioner/prac-1', 'Practitioner/prac-2'],
  },
  { what: 'Coverage by patient', url: 'Coverage?patient=pat-a', ids: ['cov-a'] },
  {
    what: 'Coverage by _id with _include=Coverage:payor',
    url: 'Coverage?_id=cov-a&_include=Coverage:payor',
    ids: ['cov-a'],
    included: ['Organization/org-payer'],
  },
];
