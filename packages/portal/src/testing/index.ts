// Test support other packages use with the portal's ports (`@plan-api/portal/testing`).
export { memoryRateCounter } from './rate-counter.ts';
export { brokenMailer, keepingMailer } from './mailer.ts';
export { ATTESTATION, completeApp } from './production.ts';
