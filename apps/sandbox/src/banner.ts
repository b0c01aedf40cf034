import type { SandboxEnvConfig } from './config.ts';

/**
 * What `pnpm sandbox` prints once it is ready: the endpoints an app or a test needs, where the
 * management token is, and a sign-in URL for the web UI (as Jupyter does).
 */
export function startBanner(options: { url: string; config: SandboxEnvConfig }): string {
  const { url, config } = options;
  const token =
    config.tokenSource.kind === 'env'
      ? 'from PLAN_API_SANDBOX_TOKEN'
      : `${config.tokenSource.path}${config.tokenSource.created ? ' (just created)' : ''}`;
  return [
    `Plan API sandbox is running at ${url}`,
    '',
    `  FHIR base (Patient Access):  ${url}/fhir`,
    `  SMART discovery:             ${url}/fhir/.well-known/smart-configuration`,
    `  Provider Directory base:     ${url}/directory/fhir`,
    `  Management API:              ${url}/api  (OpenAPI: ${url}/api/openapi.json)`,
    `  Management token:            ${token}`,
    `  Data dir:                    ${config.dataDir}`,
    '',
    'To use the web UI, open this sign-in URL (it contains the management token: keep it private):',
    '',
    `    ${url}/login?token=${encodeURIComponent(config.token)}`,
    '',
    'Stop with Ctrl+C (or SIGTERM).',
  ].join('\n');
}
