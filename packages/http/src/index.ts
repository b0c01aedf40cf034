export { createFhirRouter } from './fhir/router.ts';
export { fhirErrorHandler } from './fhir/error-handler.ts';
export { consoleLogger } from './fhir/options.ts';
export type { FhirRouterOptions, HttpLogger, ReadOnlyPolicy } from './fhir/options.ts';
export { FHIR_JSON } from './fhir/respond.ts';
export { createFhirApp } from './app.ts';
export type { FhirApp, FhirAppOptions } from './app.ts';
