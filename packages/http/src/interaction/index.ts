export { createInteractionRouter } from './router.ts';
export type { InteractionRouterOptions } from './router.ts';
export { authorizationErrorPage } from './pages.ts';
export type { PickablePatient } from './pages.ts';
