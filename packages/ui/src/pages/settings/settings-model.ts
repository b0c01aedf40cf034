// The desktop sandbox's Settings: the plan server connection form.
import { isWebUrl } from '../../forms/validators.ts';

export interface ConnectionForm {
  serverUrl: string;
  apiKey: string;
}

export const CONNECTION_FIELDS = ['serverUrl', 'apiKey'] as const;

/** What the form can see is wrong before asking the server (which checks the key and has the last word). */
export function connectionErrors(values: ConnectionForm): Partial<Record<keyof ConnectionForm, string>> {
  const errors: Partial<Record<keyof ConnectionForm, string>> = {};
  const url = values.serverUrl.trim();
  if (url === '') errors.serverUrl = "Enter the plan server's address, such as https://plan.example.";
  else if (!isWebUrl(url))
    errors.serverUrl = 'Enter a web address that starts with https://, such as https://plan.example.';
  if (values.apiKey.trim() === '')
    errors.apiKey = 'Enter an API key from the Account page of the hosted developer sandbox.';
  return errors;
}

/** The API body: trimmed, the URL without a trailing slash. */
export function connectionInput(values: ConnectionForm): ConnectionForm {
  return { serverUrl: values.serverUrl.trim().replace(/\/+$/, ''), apiKey: values.apiKey.trim() };
}
