import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window's last size and place. Without x/y the window is centered. */
export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 840, maximized: false };
export const MIN_WINDOW = { width: 800, height: 560 } as const;
/** How much of the window must lie on some display for its position to be kept (enough to grab the title bar). */
const VISIBLE = { width: 120, height: 40 } as const;

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * A window state that can be used on the displays there are now (their work areas): the size within the minimum
 * and the largest display, the position only when enough of the window would be on one of them (a display may
 * have been unplugged since). Anything unreadable gives the default, fitted the same way.
 */
export function sanitizeWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  // The default goes through the same fitting: a 1280×840 window does not fit a small laptop screen.
  const value =
    isInt(given.width) && isInt(given.height) ? given : (DEFAULT_WINDOW as unknown as Record<string, unknown>);
  if (!isInt(value.width) || !isInt(value.height)) return { ...DEFAULT_WINDOW };
  const maxWidth = Math.max(MIN_WINDOW.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_WINDOW.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(value.width, MIN_WINDOW.width), maxWidth);
  const height = Math.min(Math.max(value.height, MIN_WINDOW.height), maxHeight);
  const state: WindowState = { width, height, maximized: value.maximized === true };
  if (isInt(value.x) && isInt(value.y)) {
    const rect = { x: value.x, y: value.y, width, height };
    const visible = workAreas.some((area) => {
      const o = overlap(rect, area);
      return o.width >= VISIBLE.width && o.height >= VISIBLE.height;
    });
    if (visible) {
      state.x = value.x;
      state.y = value.y;
    }
  }
  return state;
}

/** The saved state, checked against the current displays; the default when there is none. */
export async function loadWindowState(file: string, workAreas: readonly Rect[]): Promise<WindowState> {
  try {
    return sanitizeWindowState(JSON.parse(await readFile(file, 'utf8')) as unknown, workAreas);
  } catch {
    return sanitizeWindowState(undefined, workAreas);
  }
}

/** Saves the state (temporary file, then rename: a crash never leaves half a file). */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`);
  await rename(temporary, file);
}

/**
 * The state to save from a window: its normal (restored) bounds, so a maximized window that is later restored
 * gets its previous size back.
 */
export function windowStateOf(normalBounds: Rect, maximized: boolean): WindowState {
  return { ...normalBounds, maximized };
}
