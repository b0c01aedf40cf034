import { parseArgs } from 'node:util';

/** A command line that cannot be used: the message says what is wrong and how to write it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses a command's arguments (node:util parseArgs), turning its errors into UsageError with the usage line. */
export function parseCommand<T extends Options>(
  args: string[],
  options: T,
  usage: string,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`);
  }
}
