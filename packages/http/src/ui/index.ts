export { createUiRouter, SANDBOX_SERVER_PATHS } from './router.ts';
export type { UiRouterOptions } from './router.ts';
