import type { AccountsContext } from './context.ts';
import { toAccountView, type AccountView } from './model.ts';

/** An account by id (what a session names), or undefined. */
export async function getAccount(ctx: AccountsContext, id: string): Promise<AccountView | undefined> {
  const account = await ctx.accounts.get(id);
  return account === undefined ? undefined : toAccountView(account);
}
