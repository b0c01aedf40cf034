import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW,
  loadWindowState,
  MIN_WINDOW,
  sanitizeWindowState,
  saveWindowState,
  windowStateOf,
} from './window-state.ts';

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 };
const RIGHT_MONITOR = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('sanitizeWindowState', () => {
  it('keeps a size and position that fit the displays', () => {
    const saved = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(sanitizeWindowState(saved, [LAPTOP, RIGHT_MONITOR])).toEqual(saved);
  });

  it('drops the position when the display it was on is gone, so the window opens centered', () => {
    expect(sanitizeWindowState({ x: 1600, y: 100, width: 1200, height: 800 }, [LAPTOP])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('drops a position that leaves too little of the window on screen', () => {
    expect(sanitizeWindowState({ x: 1400, y: 10, width: 900, height: 600 }, [LAPTOP])).not.toHaveProperty('x');
    expect(sanitizeWindowState({ x: 10, y: 860, width: 900, height: 600 }, [LAPTOP])).not.toHaveProperty('y');
    expect(sanitizeWindowState({ x: 1300, y: 10, width: 900, height: 600 }, [LAPTOP])).toMatchObject({ x: 1300 });
  });

  it('clamps the size between the minimum and the largest display', () => {
    expect(sanitizeWindowState({ width: 100, height: 50 }, [LAPTOP])).toMatchObject(MIN_WINDOW);
    expect(sanitizeWindowState({ width: 9000, height: 9000 }, [LAPTOP, RIGHT_MONITOR])).toMatchObject({
      width: 2560,
      height: 1415,
    });
  });

  it('gives the default for anything that is not a saved state', () => {
    for (const raw of [null, 'big', 42, [], { width: '1200', height: 800 }, { width: 1200.5, height: 800 }, {}]) {
      expect(sanitizeWindowState(raw, [LAPTOP])).toEqual(DEFAULT_WINDOW);
    }
    expect(sanitizeWindowState({ width: 1000, height: 700, maximized: 'yes' }, [LAPTOP]).maximized).toBe(false);
  });

  it('fits the default size to a small display', () => {
    expect(sanitizeWindowState(undefined, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
  });
});

describe('loadWindowState and saveWindowState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-api-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the normal bounds and the maximized flag through a JSON file', async () => {
    const file = join(dir, 'nested', 'window-state.json');
    await saveWindowState(file, windowStateOf({ x: 40, y: 30, width: 1100, height: 760 }, true));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      x: 40,
      y: 30,
      width: 1100,
      height: 760,
      maximized: true,
    });
    expect(await loadWindowState(file, [LAPTOP])).toEqual({ x: 40, y: 30, width: 1100, height: 760, maximized: true });
  });

  it('starts with the default when the file is missing or broken', async () => {
    const file = join(dir, 'window-state.json');
    expect(await loadWindowState(file, [LAPTOP])).toEqual(DEFAULT_WINDOW);
    await writeFile(file, '{"width": 1000, "hei');
    expect(await loadWindowState(file, [LAPTOP])).toEqual(DEFAULT_WINDOW);
  });
});
