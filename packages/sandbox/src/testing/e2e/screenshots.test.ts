import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS_DIR, screenshotsDir } from './screenshots.ts';

describe('screenshotsDir', () => {
  it('writes docs/screenshots only when asked, so a test run leaves the work tree clean', () => {
    expect(screenshotsDir({ PLAN_API_SCREENSHOTS: '1' })).toBe(SCREENSHOTS_DIR);
    expect(SCREENSHOTS_DIR).toMatch(/docs[/\\]screenshots[/\\]?$/);
    for (const env of [{}, { PLAN_API_SCREENSHOTS: '0' }, { PLAN_API_SCREENSHOTS: 'yes' }]) {
      expect(screenshotsDir(env).startsWith(tmpdir())).toBe(true);
    }
  });
});
