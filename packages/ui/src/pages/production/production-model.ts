// The vendor's side of production requests: App Status, the Send Request form and its errors.
import { ATTESTATION_QUESTIONS } from '../../api/constants.ts';
import type {
  AppRecord,
  AttestationAnswer,
  PreCheck,
  PrivacyAttestation,
  ProductionRequestInput,
  ProductionStatus,
} from '../../api/types.ts';
import { isEmailAddress } from '../../forms/validators.ts';
import { FIELD_LABELS, type AppFormValues } from '../apps/app-form-model.ts';

/** The seed's warning before sending. */
export const SEND_WARNING =
  'Before you commit to promoting your app, please make sure you have entered the correct app details that you intend to use on production.';

/** The seed's warning about deleting an app approved for production (its words, as the seed spells them). */
export const DELETE_PUBLISHED_WARNING =
  "Do not delete the app from your sandbox after it has been approved for production. Doing so will prevent you from accessing it's security credentials (Client ID and Secret) and updating it in the future.";

/** The longest notes the server accepts. */
export const MAX_NOTES = 2000;

/** The App Status badge of a state, with the seed's words. */
export const STATE_BADGES: Record<ProductionStatus['state'], { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  pending: { label: 'Pending review', color: 'yellow' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  suspended: { label: 'Suspended', color: 'orange' },
};

/** The badge of an app's status (an old record without one counts as Draft). */
export function statusBadge(status: ProductionStatus | null | undefined): { label: string; color: string } {
  return STATE_BADGES[status?.state ?? 'draft'] ?? STATE_BADGES.draft;
}

/** Whether the app is (or was) on production: deleting it loses its credentials' owner. */
export function isPublished(status: ProductionStatus | null | undefined): boolean {
  return status?.published !== undefined || status?.state === 'approved' || status?.state === 'suspended';
}

/** Whether Send Request can be used now, and if not, why (the button's hint). */
export function sendAvailability(status: ProductionStatus | null | undefined): { allowed: boolean; hint?: string } {
  switch (status?.state ?? 'draft') {
    case 'pending':
      return {
        allowed: false,
        hint: 'The request is pending review. Save the app to update the pending request.',
      };
    case 'approved':
    case 'suspended':
      return status?.changesNotPublished === true
        ? { allowed: true }
        : { allowed: false, hint: 'Nothing changed since the approved version. Edit the app first.' };
    default:
      return { allowed: true };
  }
}

/** Where the status's dates and reason are shown: label and value, in order. */
export function statusFacts(
  status: ProductionStatus | null | undefined,
  formatDate: (iso: string) => string,
): { label: string; value: string }[] {
  if (status === null || status === undefined) return [];
  const facts: { label: string; value: string }[] = [];
  if (status.version !== undefined) facts.push({ label: 'Request version', value: String(status.version) });
  if (status.requestedAt !== undefined) facts.push({ label: 'Sent', value: formatDate(status.requestedAt) });
  if (status.decidedAt !== undefined && status.state !== 'pending')
    facts.push({ label: status.state === 'suspended' ? 'Suspended' : 'Decided', value: formatDate(status.decidedAt) });
  if (status.published !== undefined)
    facts.push({
      label: 'Published',
      value: `Version ${status.published.version}, approved ${formatDate(status.published.approvedAt)}`,
    });
  return facts;
}

/** The title over the reason of a rejected or suspended app. */
export function reasonTitle(status: ProductionStatus): string {
  return status.state === 'suspended' ? 'Reason for the suspension' : "The reviewer's reason";
}

/**
 * The notification after saving an app: while pending, the save added a version to the request. Undefined when
 * the save was an ordinary one.
 */
export function pendingUpdateMessage(saved: Pick<AppRecord, 'productionRequest'>): string | undefined {
  const status = saved.productionRequest;
  if (status?.state !== 'pending' || status.version === undefined) return undefined;
  return `Saved. The pending request was updated (version ${status.version}).`;
}

/** The Send Request form: an answer of each question ('' until chosen), notes and, where needed, contact email. */
export interface SendRequestForm {
  sellsData: AttestationAnswer | '';
  sharesWithThirdParties: AttestationAnswer | '';
  membersCanDelete: AttestationAnswer | '';
  followsCarinCode: AttestationAnswer | '';
  notes: string;
  contactEmail: string;
}

export type SendRequestField = keyof SendRequestForm;

/** The form's inputs, in order. */
export const SEND_REQUEST_FIELDS: readonly SendRequestField[] = [
  ...ATTESTATION_QUESTIONS.map((q) => q.key),
  'notes',
  'contactEmail',
];

/** An empty form (nothing answered). */
export function emptySendRequestForm(): SendRequestForm {
  return {
    sellsData: '',
    sharesWithThirdParties: '',
    membersCanDelete: '',
    followsCarinCode: '',
    notes: '',
    contactEmail: '',
  };
}

/** What is wrong with the form before it is sent; `needsContact` when the API wants a contact email. */
export function sendRequestErrors(
  values: SendRequestForm,
  needsContact: boolean,
): Partial<Record<SendRequestField, string>> {
  const errors: Partial<Record<SendRequestField, string>> = {};
  for (const { key } of ATTESTATION_QUESTIONS)
    if (values[key] !== 'yes' && values[key] !== 'no') errors[key] = 'Answer Yes or No.';
  if (values.notes.trim().length > MAX_NOTES) errors.notes = `Notes must be at most ${MAX_NOTES} characters.`;
  if (needsContact) {
    const email = values.contactEmail.trim();
    if (email === '') errors.contactEmail = 'Contact email is required: the address where the reviewers answer.';
    else if (!isEmailAddress(email))
      errors.contactEmail = 'Contact email must be an email address such as dev@app.example.';
  }
  return errors;
}

/** The API body of a valid form (call sendRequestErrors first): trimmed, blanks left out. */
export function sendRequestInput(values: SendRequestForm, needsContact: boolean): ProductionRequestInput {
  const attestation = Object.fromEntries(
    ATTESTATION_QUESTIONS.map(({ key }) => [key, values[key] === 'yes' ? 'yes' : 'no']),
  ) as unknown as PrivacyAttestation;
  const notes = values.notes.trim();
  const contactEmail = values.contactEmail.trim();
  return {
    attestation,
    ...(notes !== '' ? { notes } : {}),
    ...(needsContact && contactEmail !== '' ? { contactEmail } : {}),
  };
}

/** The API's field errors of a failed send, split: the form's own inputs, the app's fields (to fix in the form), the rest. */
export function splitSendErrors(fields: Record<string, string>): {
  formErrors: Partial<Record<SendRequestField, string>>;
  appErrors: { field: string; label: string; message: string }[];
  other: Record<string, string>;
} {
  const formErrors: Partial<Record<SendRequestField, string>> = {};
  const appErrors: { field: string; label: string; message: string }[] = [];
  const other: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const attestationKey = key.startsWith('attestation.') ? key.slice('attestation.'.length) : undefined;
    const head = key.split('.')[0] ?? key;
    if (attestationKey !== undefined && ATTESTATION_QUESTIONS.some((q) => q.key === attestationKey))
      formErrors[attestationKey as SendRequestField] = message;
    else if (key === 'notes' || key === 'contactEmail') formErrors[key] = message;
    else if (head in FIELD_LABELS)
      appErrors.push({ field: key, label: FIELD_LABELS[head as keyof AppFormValues], message });
    else other[key] = message;
  }
  return { formErrors, appErrors, other };
}

/** The pre-checks that failed, by severity, and whether any blocks the request. */
export function checkSummary(checks: readonly PreCheck[]): {
  blocking: PreCheck[];
  advisory: PreCheck[];
  passed: PreCheck[];
  blocked: boolean;
} {
  const blocking = checks.filter((c) => !c.passed && c.severity === 'blocking');
  const advisory = checks.filter((c) => !c.passed && c.severity === 'advisory');
  const passed = checks.filter((c) => c.passed);
  return { blocking, advisory, passed, blocked: blocking.length > 0 };
}

/** The label of a check's field (the App form's words), when it names one. */
export function checkFieldLabel(check: Pick<PreCheck, 'field'>): string | undefined {
  if (check.field === undefined) return undefined;
  const head = check.field.split('.')[0] ?? '';
  return head in FIELD_LABELS ? FIELD_LABELS[head as keyof AppFormValues] : undefined;
}
