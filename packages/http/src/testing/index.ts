export * from './fhir.ts';
export * from './interaction.ts';
export * from './patient-access.ts';
export * from './schema-check.ts';
