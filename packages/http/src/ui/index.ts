export { createUiRouter } from './router.ts';
export type { UiRouterOptions } from './router.ts';
