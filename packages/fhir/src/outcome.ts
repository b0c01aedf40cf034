import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

/** The issue codes we use (a subset of http://hl7.org/fhir/ValueSet/issue-type). */
export type IssueCode = OperationOutcomeIssue['code'];

/**
 * The one error vocabulary of the FHIR layer. Anything that should reach a client as an
 * OperationOutcome is thrown as a FhirError; the HTTP error handler turns it into a response.
 */
export class FhirError extends Error {
  readonly status: number;
  readonly code: IssueCode;
  readonly expression: string[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: IssueCode,
    message: string,
    options: { expression?: string[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'FhirError';
    this.status = status;
    this.code = code;
    this.expression = options.expression;
    this.headers = options.headers ?? {};
  }

  /** The OperationOutcome a client receives for this error. */
  toOutcome(): OperationOutcome {
    return operationOutcome(this.status >= 500 ? 'fatal' : 'error', this.code, this.message, this.expression);
  }
}

/** Builds a single-issue OperationOutcome. */
export function operationOutcome(
  severity: OperationOutcomeIssue['severity'],
  code: IssueCode,
  diagnostics: string,
  expression?: string[],
): OperationOutcome {
  const issue: OperationOutcomeIssue = { severity, code, diagnostics };
  if (expression && expression.length > 0) issue.expression = expression;
  return { resourceType: 'OperationOutcome', issue: [issue] };
}

/** 400: the request is malformed (bad parameter value, invalid body). */
export function badRequest(message: string, expression?: string[]): FhirError {
  return new FhirError(400, 'invalid', message, expression ? { expression } : {});
}

/** 400 for a body that is not a valid resource. */
export function invalidResource(message: string, expression?: string[]): FhirError {
  return new FhirError(400, 'structure', message, expression ? { expression } : {});
}

/** 404: unknown resource type or id. */
export function notFound(message: string): FhirError {
  return new FhirError(404, 'not-found', message);
}

/** 410: the resource existed and was deleted. */
export function gone(message: string): FhirError {
  return new FhirError(410, 'deleted', message);
}

/** 409/412: version conflicts. */
export function conflict(message: string, status: 409 | 412 = 409): FhirError {
  return new FhirError(status, 'conflict', message);
}

/** 405: the interaction is not supported on this base. */
export function notAllowed(message: string): FhirError {
  return new FhirError(405, 'not-supported', message);
}

/** 403: the caller may not do this. */
export function forbidden(message: string): FhirError {
  return new FhirError(403, 'forbidden', message);
}

/** 401: no or bad credentials. */
export function unauthorized(message: string, wwwAuthenticate = 'Bearer'): FhirError {
  return new FhirError(401, 'login', message, { headers: { 'WWW-Authenticate': wwwAuthenticate } });
}

/** 422: the resource breaks a business rule. */
export function unprocessable(message: string, expression?: string[]): FhirError {
  return new FhirError(422, 'processing', message, expression ? { expression } : {});
}

/** Type guard for FhirError. */
export function isFhirError(err: unknown): err is FhirError {
  return err instanceof FhirError;
}
