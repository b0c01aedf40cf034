import type { SearchCase } from './cases.ts';

const VS = 'Observation?patient=pat-a&category=vital-signs';
const A_OBS = ['obs-a-a1c', 'obs-a-bp', 'obs-a-glu', 'obs-a-hr', 'obs-a-resp', 'obs-a-smoke', 'obs-a-temp'];

/** US Core 6.1 SHALL searches and the general search features of CONFORMANCE.md. */
export const US_CORE_CASES: readonly SearchCase[] = [
  { what: 'Observation by patient and category', url: VS, ids: ['obs-a-bp', 'obs-a-hr', 'obs-a-resp', 'obs-a-temp'] },
  {
    what: 'Observation by patient and category with system|code',
    url: 'Observation?patient=pat-a&category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
    ids: ['obs-a-a1c', 'obs-a-glu'],
  },
  {
    what: 'Observation by patient and code with system|code',
    url: 'Observation?patient=pat-a&code=http://loinc.org|8867-4',
    ids: ['obs-a-hr'],
  },
  {
    what: 'a code without system matches it in any system',
    url: 'Observation?patient=Patient/pat-b&code=2339-0',
    ids: ['obs-b-glu', 'obs-b-local'],
  },
  {
    what: 'system|code matches only that system',
    url: 'Observation?patient=pat-b&code=http://loinc.org|2339-0',
    ids: ['obs-b-glu'],
  },
  {
    what: 'patient=id and patient=Patient/id agree',
    url: 'Observation?patient=Patient/pat-a&category=vital-signs',
    ids: ['obs-a-bp', 'obs-a-hr', 'obs-a-resp', 'obs-a-temp'],
  },
  { what: 'a code across patients', url: 'Observation?code=8867-4', ids: ['obs-a-hr', 'obs-b-hr'] },
  { what: 'comma ORs codes', url: 'Observation?patient=pat-a&code=8867-4,8310-5', ids: ['obs-a-hr', 'obs-a-temp'] },
  {
    what: 'comma ORs patients',
    url: 'Observation?patient=pat-a,pat-b&category=vital-signs',
    ids: ['obs-a-bp', 'obs-a-hr', 'obs-a-resp', 'obs-a-temp', 'obs-b-hr'],
  },
  { what: 'date eq (a day) needs the whole range inside the day', url: `${VS}&date=2023-06-01`, ids: ['obs-a-hr'] },
  { what: 'date eq at month precision', url: `${VS}&date=eq2023-06`, ids: ['obs-a-hr'] },
  { what: 'date ne', url: `${VS}&date=ne2023-06-01`, ids: ['obs-a-bp', 'obs-a-resp', 'obs-a-temp'] },
  { what: 'date gt', url: `${VS}&date=gt2023-06-01`, ids: ['obs-a-temp'] },
  {
    what: 'date ge includes ranges that reach into the day',
    url: `${VS}&date=ge2023-06-01`,
    ids: ['obs-a-hr', 'obs-a-resp', 'obs-a-temp'],
  },
  { what: 'date lt', url: `${VS}&date=lt2023-06-01`, ids: ['obs-a-bp', 'obs-a-resp'] },
  { what: 'date le', url: `${VS}&date=le2023-06-01`, ids: ['obs-a-bp', 'obs-a-hr', 'obs-a-resp'] },
  { what: 'date sa', url: `${VS}&date=sa2023-06-01`, ids: ['obs-a-temp'] },
  { what: 'date eb', url: `${VS}&date=eb2023-06-01`, ids: ['obs-a-bp'] },
  { what: 'date ap (10% of the distance to now)', url: `${VS}&date=ap2023-06-01`, ids: ['obs-a-hr', 'obs-a-resp'] },
  {
    what: 'date ge at second precision with a zone',
    url: `${VS}&date=ge2023-06-01T09:30:00Z`,
    ids: ['obs-a-hr', 'obs-a-temp'],
  },
  {
    what: 'date ge with a +hh:mm zone',
    url: `${VS}&date=ge2023-06-01T05:30:00%2B05:00`,
    ids: ['obs-a-hr', 'obs-a-resp', 'obs-a-temp'],
  },
  {
    what: 'date le with a -hh:mm zone',
    url: `${VS}&date=le2023-05-31T20:00:00-03:00`,
    ids: ['obs-a-bp', 'obs-a-resp'],
  },
  { what: 'date lt at year precision', url: 'Observation?patient=pat-a&date=lt2023', ids: ['obs-a-a1c'] },
  {
    what: 'two date criteria are ANDed',
    url: `${VS}&date=ge2023-03-01&date=lt2023-06-01`,
    ids: ['obs-a-bp', 'obs-a-resp'],
  },
  { what: '_id with comma', url: 'Observation?_id=obs-a-hr,obs-b-hr,nope', ids: ['obs-a-hr', 'obs-b-hr'] },
  {
    what: ':missing=true finds resources without the element',
    url: 'Observation?date:missing=true',
    ids: ['obs-c-prelim'],
  },
  { what: ':missing=false', url: 'Observation?patient=pat-c&date:missing=false', ids: ['obs-c-wt'] },
  {
    what: ':not on a token',
    url: 'Observation?patient=pat-a&category:not=vital-signs',
    ids: ['obs-a-a1c', 'obs-a-glu', 'obs-a-smoke'],
  },
  { what: ':not on status', url: 'Observation?status:not=final', ids: ['obs-c-prelim'] },
  { what: '_sort by date', url: `${VS}&_sort=date`, ids: ['obs-a-bp', 'obs-a-resp', 'obs-a-hr', 'obs-a-temp'] },
  { what: '_sort descending', url: `${VS}&_sort=-date`, ids: ['obs-a-temp', 'obs-a-hr', 'obs-a-resp', 'obs-a-bp'] },
  {
    what: '_sort puts missing values last',
    url: 'Observation?code=2339-0&_sort=-date',
    ids: ['obs-a-glu', 'obs-b-local', 'obs-b-glu', 'obs-c-prelim'],
  },
  {
    what: '_sort by two keys',
    url: 'Observation?patient=pat-a&_sort=category,-date',
    ids: ['obs-a-glu', 'obs-a-a1c', 'obs-a-smoke', 'obs-a-temp', 'obs-a-hr', 'obs-a-resp', 'obs-a-bp'],
  },
  { what: 'every Observation of a patient, in id order', url: 'Observation?patient=pat-a', ids: A_OBS },
  {
    what: '_revinclude=Provenance:target',
    url: 'Observation?patient=pat-a&code=8867-4&_revinclude=Provenance:target',
    ids: ['obs-a-hr'],
    included: ['Provenance/prov-a-1'],
  },
  {
    what: '_revinclude adds a Provenance once even when it targets several matches',
    url: 'Condition?patient=pat-a&_revinclude=Provenance:target',
    ids: ['cond-a-dm', 'cond-a-enc', 'cond-a-hc', 'cond-a-htn'],
    included: ['Provenance/prov-a-1'],
  },
  {
    what: 'MedicationRequest by patient and intent',
    url: 'MedicationRequest?patient=pat-a&intent=order',
    ids: ['mr-a-1', 'mr-a-3'],
  },
  {
    what: 'MedicationRequest by patient, intent and status',
    url: 'MedicationRequest?patient=pat-a&intent=order&status=active',
    ids: ['mr-a-1'],
  },
  {
    what: 'MedicationRequest with ORed intents',
    url: 'MedicationRequest?patient=pat-a&intent=order,plan&status=active',
    ids: ['mr-a-1', 'mr-a-2'],
  },
  {
    what: '_include=MedicationRequest:medication',
    url: 'MedicationRequest?patient=pat-a&intent=plan&_include=MedicationRequest:medication',
    ids: ['mr-a-2'],
    included: ['Medication/med-lisinopril'],
  },
  {
    what: 'Encounter by date and patient (a day inside the period)',
    url: 'Encounter?date=2023-03-15&patient=pat-a',
    ids: ['enc-a-1'],
  },
  {
    what: 'Encounter by a date range overlapping a stay',
    url: 'Encounter?date=ge2023-06-02&date=le2023-06-02&patient=pat-a',
    ids: ['enc-a-2'],
  },
  { what: 'Encounter before a date', url: 'Encounter?date=lt2023-06-01&patient=Patient/pat-a', ids: ['enc-a-1'] },
  { what: 'Encounter of another patient', url: 'Encounter?patient=pat-b&date=2023-06-02', ids: ['enc-b-1'] },
  {
    what: 'Condition by patient and category',
    url: 'Condition?patient=pat-a&category=problem-list-item',
    ids: ['cond-a-dm', 'cond-a-htn'],
  },
  {
    what: 'Condition by patient and category with system|code',
    url: 'Condition?patient=pat-a&category=http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis',
    ids: ['cond-a-enc'],
  },
  {
    what: 'Condition health-concern category',
    url: 'Condition?patient=pat-a&category=health-concern',
    ids: ['cond-a-hc'],
  },
  {
    what: 'DocumentReference by patient and type',
    url: 'DocumentReference?patient=pat-a&type=http://loinc.org|18842-5',
    ids: ['doc-a-1'],
  },
  {
    what: 'DocumentReference by patient, category and date ge',
    url: 'DocumentReference?patient=pat-a&category=clinical-note&date=ge2023-06-01',
    ids: ['doc-a-1'],
  },
  {
    what: 'DocumentReference by patient, category and date lt',
    url: 'DocumentReference?patient=pat-a&category=clinical-note&date=lt2023-06-01',
    ids: ['doc-a-2'],
  },
  { what: 'CareTeam by patient and status', url: 'CareTeam?patient=pat-a&status=active', ids: ['ct-a-1'] },
  {
    what: 'CareTeam with ORed statuses',
    url: 'CareTeam?patient=pat-a&status=active,inactive',
    ids: ['ct-a-1', 'ct-a-2'],
  },
  { what: 'Procedure by patient and date', url: 'Procedure?patient=pat-a&date=ge2022-01-01', ids: ['proc-a-1'] },
  { what: 'Procedure with a Period before a date', url: 'Procedure?date=lt2021-01-01', ids: ['proc-b-1'] },
  {
    what: 'Patient by identifier',
    url: 'Patient?identifier=https://plan.example.org/member-id|M-1002',
    ids: ['pat-b'],
  },
];
