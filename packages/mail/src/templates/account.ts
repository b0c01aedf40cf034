import { MailError } from '../errors.ts';
import { formatInstant } from './format.ts';
import { markup } from './html.ts';
import { button, greeting, layout, paragraph, signature, textBody } from './layout.ts';
import { DEFAULT_CONTEXT, type RenderedMail, type TemplateContext } from './types.ts';

/** Who an account mail is for. */
export type AccountAudience = 'vendor' | 'reviewer' | 'member';

/** Why a single-use link was sent: to finish enrollment, reset a password, accept an invitation, confirm an address. */
export type AccountLinkPurpose = 'enroll' | 'reset' | 'invite' | 'verify';

/** Data of the mail that carries a single-use link (set a password, reset it, confirm an address). */
export interface AccountLinkData {
  audience: AccountAudience;
  purpose: AccountLinkPurpose;
  /** The person's name as they gave it (may be empty). */
  name: string;
  /** The single-use link (http or https). */
  link: string;
  /** ISO instant the link stops working. */
  expiresAt: string;
}

/** Data of the mail sent when a member registration names no member (wrong member ID or date of birth). */
export interface MemberNotFoundData {
  /** The member portal's registration page (no token), to try again. */
  registerLink: string;
}

/** Data of the mail sent when someone enrolls or registers with an address that already has an account. */
export interface AccountExistsData {
  audience: AccountAudience;
  name: string;
  signInLink: string;
  resetLink: string;
}

interface LinkWording {
  subject: string;
  heading: string;
  intro: string;
  action: string;
  ignore: string;
}

const IGNORE_UNEXPECTED = 'If you did not expect this email, you can ignore it.';

/** The words of each audience and purpose; what one audience does not override comes from the purpose. */
function linkWording(audience: AccountAudience, purpose: AccountLinkPurpose, plan: string): LinkWording {
  const setPassword = { action: 'Set your password', ignore: IGNORE_UNEXPECTED };
  switch (purpose) {
    case 'enroll':
      return audience === 'vendor'
        ? {
            ...setPassword,
            subject: `Finish your enrollment in the ${plan} Developer Sandbox: set your password`,
            heading: 'Finish your enrollment',
            intro: `Thank you for enrolling in the ${plan} Developer Sandbox. Set your password to finish your enrollment and sign in.`,
          }
        : {
            ...setPassword,
            subject: `Finish setting up your ${plan} account: set your password`,
            heading: 'Finish setting up your account',
            intro: `Set your password to finish setting up your ${plan} account and sign in.`,
          };
    case 'reset':
      return {
        subject: `Reset your ${plan} password`,
        heading: 'Reset your password',
        intro: `Someone asked to reset the password of your ${plan} account. Choose a new password with the link below.`,
        action: 'Choose a new password',
        ignore: 'If you did not ask for this, ignore this email: your password stays as it is.',
      };
    case 'invite':
      if (audience === 'reviewer')
        return {
          ...setPassword,
          subject: `You are invited to review apps for ${plan}`,
          heading: 'You are invited to review apps',
          intro: `${plan} invites you to review the apps that vendors ask to publish for its members. Set your password to open the review queue.`,
        };
      if (audience === 'member')
        return {
          ...setPassword,
          subject: `Your ${plan} member account: set your password`,
          heading: 'Your member account is ready',
          intro: `${plan} opened a member account for you. Set your password to sign in, see which apps can read your health data, and choose what they may read.`,
        };
      return {
        ...setPassword,
        subject: `You are invited to the ${plan} Developer Sandbox: set your password`,
        heading: 'You are invited to the Developer Sandbox',
        intro: `${plan} invites you to its Developer Sandbox. Set your password to sign in.`,
      };
    case 'verify':
      return {
        subject: `Confirm your email for ${plan}`,
        heading: 'Confirm your email',
        intro:
          audience === 'member'
            ? `Confirm that this address is yours and choose your password to finish registering your ${plan} member account.`
            : `Confirm that this address is yours to finish setting up your ${plan} account.`,
        action: 'Confirm your email',
        ignore: 'If you did not register, ignore this email: nothing changes.',
      };
  }
}

const AUDIENCES: readonly string[] = ['vendor', 'reviewer', 'member'] satisfies AccountAudience[];
const PURPOSES: readonly string[] = ['enroll', 'reset', 'invite', 'verify'] satisfies AccountLinkPurpose[];

/**
 * Refuses data the types cannot stop (it crosses a package boundary as plain values): an unknown audience or
 * purpose, or a link that is not http(s), which a button must never carry (`javascript:` would run on click).
 */
function check(field: string, value: string, allowed?: readonly string[]): void {
  const ok =
    allowed === undefined ? URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) : allowed.includes(value);
  if (!ok) {
    const expected = allowed === undefined ? 'an http(s) URL' : allowed.join(', ');
    // The value itself is left out: a link carries a single-use token, and errors end up in logs.
    throw new MailError(`The account mail's ${field} must be ${expected}.`);
  }
}

/** The single-use link mail: enrollment, password reset, invitation or email confirmation. */
export function accountLink(data: AccountLinkData, { planName }: TemplateContext = DEFAULT_CONTEXT): RenderedMail {
  check('audience', data.audience, AUDIENCES);
  check('purpose', data.purpose, PURPOSES);
  check('link', data.link);
  const words = linkWording(data.audience, data.purpose, planName);
  const expires = formatInstant(data.expiresAt);
  const once = `This link works once and expires at ${expires}.`;
  const text = textBody(
    [greeting(data.name), words.intro, { pre: `${words.action}:\n${data.link}` }, once, words.ignore],
    planName,
  );
  const body = markup`${paragraph(greeting(data.name))}
    ${paragraph(words.intro)}
    ${button(words.action, data.link)}
    ${paragraph(markup`This link works once and expires at <strong>${expires}</strong>.`)}
    ${paragraph(markup`If the button does not work, open this address: <a href="${data.link}">${data.link}</a>`)}
    ${paragraph(words.ignore)}
    ${signature(planName).html}`;
  return {
    subject: words.subject,
    text,
    html: layout({ planName, title: words.subject, preheader: once, heading: words.heading, body }),
  };
}

/** What the person tried to do, in the words of their audience. */
function attempted(audience: AccountAudience, plan: string): string {
  if (audience === 'vendor') return `enroll in the ${plan} Developer Sandbox`;
  if (audience === 'member') return `register for a member account with ${plan}`;
  return `set up a reviewer account with ${plan}`;
}

/** "You already have an account": how someone who enrolled again learns it (the web page says the same to all). */
export function accountExists(data: AccountExistsData, { planName }: TemplateContext = DEFAULT_CONTEXT): RenderedMail {
  check('audience', data.audience, AUDIENCES);
  check('signInLink', data.signInLink);
  check('resetLink', data.resetLink);
  const subject = `You already have an account with ${planName}: sign in, or reset your password`;
  const intro = `Someone, probably you, used this email address to ${attempted(data.audience, planName)}. It already has an account, so no new one was made.`;
  const ignore = 'If it was not you, ignore this email: your account and password stay as they are.';
  const text = textBody(
    [
      greeting(data.name),
      intro,
      { pre: `Sign in:\n${data.signInLink}` },
      { pre: `Forgot your password? Reset it:\n${data.resetLink}` },
      ignore,
    ],
    planName,
  );
  const body = markup`${paragraph(greeting(data.name))}
    ${paragraph(intro)}
    ${button('Sign in', data.signInLink)}
    ${paragraph('Forgot your password?')}
    ${button('Reset your password', data.resetLink, 'secondary')}
    ${paragraph(ignore)}
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({ planName, title: subject, preheader: intro, heading: 'You already have an account', body }),
  };
}

/**
 * "We could not find a member": a registration whose member ID and date of birth match no member of the plan.
 * The web page answered as it does for every registration, so the mail is where the person learns it. The
 * member ID typed is not repeated: whoever typed it may not own the mailbox.
 */
export function memberNotFound(
  data: MemberNotFoundData,
  { planName }: TemplateContext = DEFAULT_CONTEXT,
): RenderedMail {
  check('registerLink', data.registerLink);
  const subject = `We could not find your ${planName} membership`;
  const intro = `Someone, probably you, used this email address to register for a member account with ${planName}. We could not find a member with that member ID and date of birth, so no account was made.`;
  const retry =
    'Check the member ID on your insurance card and your date of birth, and register again. If it still does not work, call the member services number on your card.';
  const ignore = 'If it was not you, ignore this email: nothing changes.';
  const text = textBody(
    [greeting(''), intro, retry, { pre: `Register again:\n${data.registerLink}` }, ignore],
    planName,
  );
  const body = markup`${paragraph(greeting(''))}
    ${paragraph(intro)}
    ${paragraph(retry)}
    ${button('Register again', data.registerLink)}
    ${paragraph(ignore)}
    ${signature(planName).html}`;
  return {
    subject,
    text,
    html: layout({ planName, title: subject, preheader: intro, heading: 'We could not find your membership', body }),
  };
}
