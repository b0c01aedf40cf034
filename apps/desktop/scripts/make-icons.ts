/**
 * Draws the app icon and writes the three files electron-builder packages (`pnpm --filter @plan-api/desktop icons`):
 * resources/icons/icon.png (1024×1024), icon.icns (macOS) and icon.ico (Windows, 16 to 256 px). The files are
 * committed; run this again only to change the design. Deterministic: the same code writes the same bytes.
 *
 * The design: a white medical cross on a rounded square with a teal-to-indigo gradient (the sandbox UI's colours).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { BICUBIC, createICNS, createICO } from 'png2icons';

const SIZE = 1024;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../resources/icons');

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy): negative inside. */
function roundedRect(x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, r: number): number {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Coverage (0..1) of a pixel by a shape from its signed distance: a one-pixel antialiased edge. */
const coverage = (distance: number): number => Math.min(1, Math.max(0, 0.5 - distance));

const mix = (a: number, b: number, t: number): number => a + (b - a) * t;
const TEAL = [14, 116, 144] as const;
const INDIGO = [67, 56, 202] as const;

function draw(): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE });
  const c = SIZE / 2;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // The macOS icon grid: an 824 px tile centred in 1024, corner radius ~22%.
      const tile = coverage(roundedRect(px, py, c, c, 412, 412, 184));
      const cross = Math.max(
        coverage(roundedRect(px, py, c, c, 92, 272, 40)),
        coverage(roundedRect(px, py, c, c, 272, 92, 40)),
      );
      const t = Math.min(1, Math.max(0, (px + py - 200) / (2 * SIZE - 400)));
      const i = (y * SIZE + x) * 4;
      for (let k = 0; k < 3; k++) {
        const background = mix(TEAL[k] ?? 0, INDIGO[k] ?? 0, t);
        png.data[i + k] = Math.round(mix(background, 255, cross));
      }
      png.data[i + 3] = Math.round(255 * tile);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

const icon = draw();
const icns = createICNS(icon, BICUBIC, 0);
const ico = createICO(icon, BICUBIC, 0, true, true);
if (!icns || !ico) throw new Error('png2icons could not convert the icon.');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'icon.png'), icon);
writeFileSync(join(OUT, 'icon.icns'), icns);
writeFileSync(join(OUT, 'icon.ico'), ico);
console.log(`Wrote icon.png (${icon.length} B), icon.icns (${icns.length} B), icon.ico (${ico.length} B) to ${OUT}`);
