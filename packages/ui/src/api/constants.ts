import type { OAuthType, PrivacyAttestation, ScenarioName, SimulatedErrorName } from './types.ts';

/** Scenario choices of Initialize Patient, as the seed names them. */
export const SCENARIO_OPTIONS: readonly { value: ScenarioName; label: string; description: string }[] = [
  { value: 'healthy', label: 'Healthy', description: 'Preventive visits, a few acute episodes' },
  { value: 'diabetes', label: 'Diabetes', description: 'Type 2 diabetes: HbA1c results, metformin fills' },
  { value: 'pregnancy', label: 'Pregnancy', description: 'Prenatal care, delivery and postpartum' },
  { value: 'pediatric', label: 'Pediatric', description: 'Well-child visits and immunizations' },
  {
    value: 'elderly-multimorbid',
    label: 'Elderly multimorbid',
    description: 'Several chronic conditions, many medications',
  },
];

/** Failures a launch can simulate, with where each happens (mirrors the portal's SIMULATED_ERRORS). */
export const SIMULATED_ERROR_OPTIONS: readonly { value: SimulatedErrorName; label: string }[] = [
  { value: 'access_denied', label: 'access_denied: at authorize, the member denies access' },
  { value: 'invalid_client', label: 'invalid_client: at the token endpoint, client authentication fails' },
  { value: 'invalid_scope', label: 'invalid_scope: at authorize, the requested scopes are refused' },
  { value: 'expired_token', label: 'expired_token: on the FHIR API, the access token is reported expired' },
  { value: 'server_error', label: 'server_error: on the FHIR API, the server fails' },
];

/** How the Apps list and form name an OAuth type. */
export const OAUTH_TYPE_LABELS: Record<OAuthType, string> = {
  secret: 'Authorization Code + Secret',
  pkce: 'Authorization Code + PKCE',
  private_key_jwt: 'Authorization Code + Private Key JWT',
};

/**
 * The privacy attestation's questions, in order (mirrors the portal's ATTESTATION_QUESTIONS: the UI may import
 * only types from the portal). `yes` and `no` are the plain words for each answer, as the member gallery says them.
 */
export const ATTESTATION_QUESTIONS: readonly {
  key: keyof PrivacyAttestation;
  question: string;
  yes: string;
  no: string;
}[] = [
  {
    key: 'sellsData',
    question: "Does the app sell members' data?",
    yes: "Sells members' data",
    no: "Does not sell members' data",
  },
  {
    key: 'sharesWithThirdParties',
    question: "Does the app share members' data with third parties?",
    yes: "Shares members' data with third parties",
    no: "Does not share members' data with third parties",
  },
  {
    key: 'membersCanDelete',
    question: 'Can members have their data deleted from the app?',
    yes: 'Members can have their data deleted',
    no: 'Members cannot have their data deleted',
  },
  {
    key: 'followsCarinCode',
    question: 'Does the app follow the CARIN Alliance code of conduct?',
    yes: 'Follows the CARIN Alliance code of conduct',
    no: 'Does not follow the CARIN Alliance code of conduct',
  },
];
