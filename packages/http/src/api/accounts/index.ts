import type { ApiRouteSet } from '../router.ts';
import { accountOperations, accountSchemas, sessionScheme } from './openapi.ts';
import { accountPrefix, accountRoutes } from './routes.ts';
import type { AccountRoutesOptions } from './routes.ts';

export type { AccountKind, AccountsApi, AccountView, ApiKeyView, RequestContext } from './port.ts';
export { ACCOUNT_PREFIX, clientIp, LINK_SENT, REGISTRATION_SENT } from './routes.ts';
export { sessionScheme } from './openapi.ts';
export type { AccountRoutesOptions } from './routes.ts';

/**
 * The account routes of one kind below its prefix (vendors at the root, reviewers at `/review`, members at
 * `/account`), with the operations and schemas that describe them; a kind other than vendor adds the security
 * scheme of its session cookie (`reviewerSession`), which its operations and its other routes' name.
 */
export function accountRouteSet(options: AccountRoutesOptions): ApiRouteSet {
  const { kind } = options;
  return {
    routes: accountRoutes(options),
    operations: accountOperations(kind, accountPrefix(options)),
    schemas: accountSchemas,
    account: kind,
    ...(kind === 'vendor'
      ? {}
      : {
          securitySchemes: {
            [sessionScheme(kind)]: {
              type: 'apiKey',
              in: 'cookie',
              name: options.sessions.cookieName,
              description: `The ${kind} session cookie, set by POST ${accountPrefix(options)}/session; changes also need the header X-Requested-With.`,
            },
          },
        }),
  };
}
