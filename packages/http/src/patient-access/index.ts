export { createPatientAccessRouter } from './router.ts';
export type { PatientAccessRouterOptions } from './router.ts';
export type { AccessListener, PatientAccessEntry } from './access-log.ts';
export { fhirCors } from './cors.ts';
export { PATIENT_COMPARTMENT, SHARED_TYPES } from './compartment.ts';
