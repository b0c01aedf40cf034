export { createPatientAccessRouter } from './router.ts';
export type { PatientAccessHooks, PatientAccessRouterOptions } from './router.ts';
export { invalidToken } from './errors.ts';
export type { AccessListener, PatientAccessEntry } from './access-log.ts';
export { fhirCors } from './cors.ts';
export { PATIENT_COMPARTMENT, SHARED_TYPES } from './compartment.ts';
