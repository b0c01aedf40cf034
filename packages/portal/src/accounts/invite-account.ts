import { z } from 'zod';
import { emailField } from '../shared/email.ts';
import { stringError, lineField } from '../shared/text.ts';
import { PortalError } from '../types.ts';
import { createPendingAccount } from './account-store.ts';
import type { AccountsContext } from './context.ts';
import { parseBody } from './input.ts';
import { sendLink } from './links.ts';
import { toAccountView, type AccountKind, type AccountView } from './model.ts';

const common = { name: lineField('Name', 100), email: emailField() };
const patientId = z
  .string({ error: stringError('Patient id', 'Patient id is required: the Patient the member is bound to.') })
  .regex(/^[A-Za-z0-9.-]{1,64}$/, 'Patient id must be a FHIR id: 1 to 64 letters, digits, "-" and ".".');
const schemas = {
  vendor: z.strictObject(common),
  reviewer: z.strictObject(common),
  member: z.strictObject({ ...common, patientId }),
};

/**
 * Invites an account (reviewers from the server's CLI now, members later): creates it pending with name and
 * email (a member also with the Patient it is bound to) and mails it an `invite` link that sets its password.
 * An operator asks, so the answer may tell: `account_exists` when the address already has an account of
 * that kind (a pending one can use "Forgot password" to get a new link). `validation_failed` per field.
 */
export async function inviteAccount(ctx: AccountsContext, kind: AccountKind, input: unknown): Promise<AccountView> {
  const fields = kind === 'member' ? ['name', 'email', 'patientId'] : ['name', 'email'];
  const parsed = parseBody(schemas[kind], input, 'Nobody was invited', fields);
  const { account, created } = await createPendingAccount(ctx, { kind, ...parsed });
  if (!created) {
    const state =
      account.status === 'active' ? 'active' : 'pending: its owner can use "Forgot password" for a new link';
    throw new PortalError(
      'account_exists',
      `A ${kind} account with the email ${account.email} already exists (${state}).`,
      {
        email: `A ${kind} account with this email already exists.`,
      },
    );
  }
  await sendLink(ctx, account, 'invite', account.name);
  return toAccountView(account);
}
