import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRECTORY_SIZE, parseCommand, UsageError } from './cli-args.ts';

const usage = (argv: string[]): string => {
  try {
    parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
};

describe('parseCommand', () => {
  it('reads every option of the members command', () => {
    const argv = ['members', '--count', '25', '--seed', 'abc', '--scenario', 'diabetes', '--as-of', '2025-01-31'];
    expect(parseCommand([...argv, '--directory-size', '500', '--out', 'm.ndjson'])).toEqual({
      command: 'members',
      count: 25,
      seed: 'abc',
      scenario: 'diabetes',
      asOf: '2025-01-31',
      directorySize: 500,
      out: 'm.ndjson',
    });
  });

  it('defaults the directory size to the same value for both commands, and "-" to stdout', () => {
    const members = parseCommand(['members', '--seed', '7', '--out', '-']);
    const directory = parseCommand(['directory', '--seed', '7']);
    expect(members).toMatchObject({ count: 1, directorySize: DEFAULT_DIRECTORY_SIZE, out: undefined });
    expect(directory).toMatchObject({ command: 'directory', size: DEFAULT_DIRECTORY_SIZE, out: undefined });
  });

  it('recognises --help and -h anywhere', () => {
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCommand(['members', '-h'])).toEqual({ command: 'help' });
  });

  it('lists the valid scenarios for an unknown one', () => {
    expect(usage(['members', '--scenario', 'flu'])).toBe(
      'unknown scenario "flu"; valid scenarios: healthy, diabetes, pregnancy, pediatric, elderly-multimorbid',
    );
  });

  it('rejects a count that is not a positive whole number', () => {
    expect(usage(['members', '--count', 'ten'])).toBe('--count must be a positive whole number, got "ten"');
    expect(usage(['members', '--count', '0'])).toContain('--count must be a positive whole number');
    expect(usage(['members', '--count', '2.5'])).toContain('--count must be a positive whole number');
    expect(usage(['directory', '--size', '-3'])).toContain('--size');
  });

  it('rejects an impossible as-of date', () => {
    expect(usage(['members', '--as-of', '2025-02-30'])).toContain('--as-of must be a calendar date');
    expect(usage(['directory', '--as-of', 'yesterday'])).toContain('--as-of must be a calendar date');
  });

  it('rejects unknown commands, unknown flags and flags of the other command', () => {
    expect(usage([])).toBe('missing command: members or directory');
    expect(usage(['patients'])).toBe('unknown command "patients"; commands: members, directory');
    expect(usage(['members', '--colour', 'red'])).toContain('--colour');
    expect(usage(['directory', '--count', '3'])).toBe('--count does not apply to the directory command');
    expect(usage(['members', 'extra'])).toBe('unexpected argument "extra"');
  });
});
