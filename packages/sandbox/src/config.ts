import { resourceTypesOf } from '@plan-api/fhir';
import type { HttpLogger } from '@plan-api/http';
import { DEFAULT_SUPPORTED_TYPES } from '@plan-api/smart';

/** The Patient Access types a sandbox may support (the FHIR API serves them; scopes may name them). */
export const PATIENT_ACCESS_TYPES: readonly string[] = resourceTypesOf('patientAccess');

/** The Patient Access types supported unless configured: the seed's scope list plus Patient. */
export { DEFAULT_SUPPORTED_TYPES };

/** Where the sandbox reports what it does (start-up steps) and what went wrong. */
export interface SandboxLogger extends HttpLogger {
  info(message: string, details?: Record<string, unknown>): void;
}

/** The configuration of createSandboxServer (the app's config loader builds it from the environment). */
export interface SandboxServerConfig {
  /** Folder of the lowdb files (`fhir/`, `records/`, `kv/`); undefined = in-memory stores (tests). */
  dataDir?: string;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port to listen on; 0 = any free port (default 4010). */
  port?: number;
  /**
   * The absolute URL clients reach the sandbox at (no trailing slash), e.g. `http://127.0.0.1:4010`;
   * undefined = `http://<host>:<the port actually bound>`.
   */
  publicUrl?: string;
  /** The management API token (`Authorization: Bearer`) and the `/login?token=` secret. */
  managementToken: string;
  /** Approximate number of resources of the synthetic provider directory (default 2000). */
  directorySize?: number;
  /** Seed of the synthetic provider directory (default `sandbox`). */
  directorySeed?: string | number;
  /** Secret cookies are signed with; undefined = one generated at first start and kept in the data dir. */
  cookieSecret?: string;
  /** Where the management token is, shown on the sign-in page (e.g. "in /home/me/.../sandbox-token"). */
  tokenHint?: string;
  /** Failed sign-ins allowed per address and window (default 10 per minute). */
  signInRateLimit?: { limit: number; windowMs: number };
  logger?: SandboxLogger;
  /** The web UI build served at `/` (index.html and assets/: `packages/ui/dist`, wherever the host keeps it). */
  uiDir: string;
  /** The code lists synthetic data is made from (`resources/terminology`, wherever the host keeps it). */
  terminologyDir: string;
  /**
   * The Patient Access types the sandbox supports (of PATIENT_ACCESS_TYPES): what the FHIR API serves and scopes
   * grant, a wildcard as this list. Default DEFAULT_SUPPORTED_TYPES.
   */
  supportedTypes?: readonly string[];
  /** Require PKCE from every app, confidential ones too (default off: only public apps must use it). */
  requirePkce?: boolean;
}

/** The console, for hosts that inject no logger. */
export const consoleSandboxLogger: SandboxLogger = {
  info(message, details) {
    if (details) console.log(message, details);
    else console.log(message);
  },
  error(message, details) {
    console.error(message, details ?? '');
  },
};
