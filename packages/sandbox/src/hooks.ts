/**
 * The sandbox's simulated failures (a launch created with `simulateError`), plugged into the authorization
 * server and the Patient Access API through their hooks. The launch carries its failure as the tag
 * `simulateError`; each hook fails the step the vendor asked for and says it is simulated.
 */
import { FhirError } from '@plan-api/fhir';
import { invalidToken } from '@plan-api/http';
import type { PatientAccessHooks } from '@plan-api/http';
import { AuthHookError } from '@plan-api/smart';
import type { AuthHooks } from '@plan-api/smart';

/** The tag a sandbox launch carries its simulated failure in. */
export const SIMULATE_TAG = 'simulateError';

const simulated = (code: string): string => `simulated ${code} (the launch asked the sandbox to fail here)`;

/** At authorize (access_denied, invalid_scope) and at the token endpoint (invalid_client). */
export const simulatedAuthFailures: AuthHooks = {
  launchResolved: (launch) => {
    const code = launch.tags?.[SIMULATE_TAG];
    if (code === 'access_denied' || code === 'invalid_scope') throw new AuthHookError(code, simulated(code));
  },
  codeExchange: (grant) => {
    const code = grant.tags?.[SIMULATE_TAG];
    if (code === 'invalid_client') throw new AuthHookError(code, simulated(code));
  },
};

/** On the FHIR API (expired_token, server_error): every request of the launch's tokens fails. */
export const simulatedFhirFailures: PatientAccessHooks = {
  refuse: (grant, realm) => {
    switch (grant.tags?.[SIMULATE_TAG]) {
      case 'expired_token':
        return {
          code: 'expired_token',
          error: invalidToken(
            realm,
            'The access token has expired (simulated: this launch was created with simulateError=expired_token). ' +
              'A real app refreshes the token and retries.',
          ),
        };
      case 'server_error':
        return {
          code: 'server_error',
          error: new FhirError(
            500,
            'exception',
            'Simulated server error (this launch was created with simulateError=server_error): the app should ' +
              'show a helpful message and retry later.',
          ),
        };
      default:
        return undefined;
    }
  },
};
