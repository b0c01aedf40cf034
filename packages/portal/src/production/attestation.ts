import { z } from 'zod';
import type { AttestationAnswer, PrivacyAttestation } from './model.ts';

/** One question of the privacy attestation, with the plain words the member gallery shows for each answer. */
export interface AttestationQuestion {
  key: keyof PrivacyAttestation;
  question: string;
  yes: string;
  no: string;
}

/** The four privacy questions of a production request, in the order the form asks them. */
export const ATTESTATION_QUESTIONS: readonly AttestationQuestion[] = [
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

/** "Answer: does the app sell members' data?" */
function answerMessage(question: string): string {
  return `Answer: ${question.charAt(0).toLowerCase()}${question.slice(1)}`;
}

function answer(key: keyof PrivacyAttestation) {
  const question = ATTESTATION_QUESTIONS.find((q) => q.key === key)?.question ?? key;
  return z.enum(['yes', 'no'] satisfies AttestationAnswer[], { error: answerMessage(question) });
}

/**
 * The attestation of a request body: each answer "yes" or "no"; a missing attestation reads as no answers,
 * so each question gets its own field error (`attestation.sellsData`: "Answer: does the app sell members' data?").
 */
export const attestationSchema = z.preprocess(
  (value) => (value === undefined || value === null ? {} : value),
  z.strictObject(
    {
      sellsData: answer('sellsData'),
      sharesWithThirdParties: answer('sharesWithThirdParties'),
      membersCanDelete: answer('membersCanDelete'),
      followsCarinCode: answer('followsCarinCode'),
    },
    { error: 'The attestation must be an object with an answer ("yes" or "no") to each privacy question.' },
  ),
);

/** Whether two attestations give the same answers. */
export function sameAttestation(a: PrivacyAttestation, b: PrivacyAttestation): boolean {
  return ATTESTATION_QUESTIONS.every(({ key }) => a[key] === b[key]);
}
