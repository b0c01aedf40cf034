import type { Request } from 'express';
import { ApiError } from './errors.ts';

/** A single non-empty string query parameter, or undefined. */
export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    throw new ApiError(400, 'invalid_query', `Give ${name} once, as a plain value.`, {
      fields: { [name]: 'Give it once.' },
    });
  }
  return value;
}

/** A positive whole-number query parameter up to `max`, or undefined. */
export function queryLimit(req: Request, name: string, max: number): number | undefined {
  const text = queryString(req, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) {
    const message = `${name} must be a whole number from 1 to ${max}.`;
    throw new ApiError(400, 'invalid_query', message, { fields: { [name]: message } });
  }
  return n;
}
