import type { ApiRouteSet } from '../router.ts';
import { accountOperations, accountSchemas } from './openapi.ts';
import { accountRoutes } from './routes.ts';
import type { AccountRoutesOptions } from './routes.ts';

export type { AccountKind, AccountsApi, AccountView, ApiKeyView, RequestContext } from './port.ts';
export { clientIp, LINK_SENT } from './routes.ts';
export type { AccountRoutesOptions } from './routes.ts';

/** The account routes of one kind, with the operations and schemas that describe them. */
export function accountRouteSet(options: AccountRoutesOptions): ApiRouteSet {
  return { routes: accountRoutes(options), operations: accountOperations(options.kind), schemas: accountSchemas };
}
