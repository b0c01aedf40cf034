import type { PublishedAppRecord } from '../production/model.ts';
import type { ReviewContext } from './context.ts';
import type { VendorContact } from '../context.ts';

/** Where mail goes when an owner has no account: the request's contact address, read only when needed. */
type ContactEmail = string | undefined | (() => Promise<string | undefined>);

/** Resolves owners to their contact once per call (a list names the same vendor on many rows). */
export type VendorLookup = (ownerId: string, contactEmail: ContactEmail) => Promise<VendorContact>;

/**
 * The vendor lookup of one use-case call: the enrolled account when there is one, else the request's contact
 * address (the unconnected desktop's requests have no account behind them; email '' when there is none).
 */
export function vendorLookup(ctx: ReviewContext): VendorLookup {
  const cache = new Map<string, Promise<VendorContact | undefined>>();
  return async (ownerId, contactEmail) => {
    let pending = cache.get(ownerId);
    if (pending === undefined) cache.set(ownerId, (pending = ctx.vendorContact(ownerId)));
    const account = await pending;
    if (account !== undefined) {
      const contact: VendorContact = { name: account.name, email: account.email };
      if (account.organizationName !== undefined) contact.organizationName = account.organizationName;
      return contact;
    }
    const email = typeof contactEmail === 'function' ? await contactEmail() : contactEmail;
    return { name: email ?? ownerId, email: email ?? '' };
  };
}

/** The vendor of a published app (the contact address of the request that published it, if no account). */
export function publishedVendor(ctx: ReviewContext, lookup: VendorLookup, record: PublishedAppRecord) {
  return lookup(record.ownerId, async () => (await ctx.requests.get(record.requestId))?.contactEmail);
}
