import { createContext, useContext } from 'react';
import { DEFAULT_CONFIG, type RuntimeConfig } from './config.ts';

/** The runtime config read at start; the default (desktop sandbox) serves components rendered without a provider. */
export const RuntimeConfigContext = createContext<RuntimeConfig>(DEFAULT_CONFIG);

/** The page's runtime config (mode, base path, plan name). */
export function useRuntimeConfig(): RuntimeConfig {
  return useContext(RuntimeConfigContext);
}
