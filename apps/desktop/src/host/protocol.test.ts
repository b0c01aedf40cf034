import { describe, expect, it } from 'vitest';
import { parseHostMessage, parseServerMessage, type ServerStartConfig } from './protocol.ts';

const CONFIG: ServerStartConfig = {
  host: '127.0.0.1',
  port: 0,
  dataDir: '/d',
  token: 't',
  tokenHint: 'in /d/sandbox-token',
  uiDir: '/ui',
  terminologyDir: '/terms',
};

describe('parseServerMessage', () => {
  it('accepts each message the server child sends', () => {
    expect(parseServerMessage({ type: 'ready', url: 'http://127.0.0.1:5000' })).toEqual({
      type: 'ready',
      url: 'http://127.0.0.1:5000',
    });
    expect(parseServerMessage({ type: 'failed', message: 'listen EADDRINUSE', code: 'EADDRINUSE' })).toEqual({
      type: 'failed',
      message: 'listen EADDRINUSE',
      code: 'EADDRINUSE',
    });
    expect(parseServerMessage({ type: 'log', level: 'error', message: 'x', details: '{}' })).toEqual({
      type: 'log',
      level: 'error',
      message: 'x',
      details: '{}',
    });
    expect(parseServerMessage({ type: 'stopped' })).toEqual({ type: 'stopped' });
  });

  it('drops anything malformed instead of throwing', () => {
    for (const bad of [
      null,
      'ready',
      [],
      { type: 'ready' },
      { type: 'ready', url: 'file:///x' },
      { type: 'failed', message: 1 },
      { type: 'log', level: 'debug', message: 'x' },
      { type: 'log', level: 'info', message: 'x', details: {} },
      { type: 'other' },
    ]) {
      expect(parseServerMessage(bad)).toBeUndefined();
    }
  });
});

describe('parseHostMessage', () => {
  it('accepts start with a complete config, and stop', () => {
    expect(parseHostMessage({ type: 'start', config: CONFIG })).toEqual({ type: 'start', config: CONFIG });
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, directorySize: 50 } })).toMatchObject({
      config: { directorySize: 50 },
    });
    expect(parseHostMessage({ type: 'stop' })).toEqual({ type: 'stop' });
  });

  it('refuses a start missing a setting or with a port out of range', () => {
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, token: '' } })).toBeUndefined();
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, uiDir: undefined } })).toBeUndefined();
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, port: 70000 } })).toBeUndefined();
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, port: 1.5 } })).toBeUndefined();
    expect(parseHostMessage({ type: 'start', config: { ...CONFIG, directorySize: 0 } })).toBeUndefined();
    expect(parseHostMessage({ type: 'start' })).toBeUndefined();
  });
});
