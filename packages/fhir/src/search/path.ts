/**
 * The element-path language of SearchParamDef.paths: dot-separated element names from the resource
 * root, `extension(<url>)` to select extensions by url, and `name[field=value]` to keep only the
 * elements whose `field` equals `value`. Paths are compiled once and evaluated many times.
 */

/** One compiled step of a path. */
export type PathSegment =
  { kind: 'field'; name: string; filterField?: string; filterValue?: string } | { kind: 'extension'; url: string };

/** Splits on the dots that are outside `(...)` and `[...]` (urls and filter values contain dots). */
function splitSegments(path: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 40 /* ( */ || c === 91 /* [ */) depth++;
    else if (c === 41 /* ) */ || c === 93 /* ] */) depth--;
    else if (c === 46 /* . */ && depth === 0) {
      parts.push(path.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new Error(`Unbalanced brackets in search path ${path}`);
  }
  if (depth !== 0) throw new Error(`Unbalanced brackets in search path ${path}`);
  parts.push(path.slice(start));
  return parts;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && (t[0] === "'" || t[0] === '"') && t[t.length - 1] === t[0] ? t.slice(1, -1) : t;
}

/** Compiles a path; throws on a malformed one (paths are constants, so this is a programming error). */
export function compilePath(path: string): PathSegment[] {
  return splitSegments(path).map((part): PathSegment => {
    if (part.length === 0) throw new Error(`Empty segment in search path ${path}`);
    if (part.startsWith('extension(') && part.endsWith(')')) {
      const url = unquote(part.slice('extension('.length, -1));
      if (url.length === 0) throw new Error(`Empty extension url in search path ${path}`);
      return { kind: 'extension', url };
    }
    const open = part.indexOf('[');
    if (open < 0) return { kind: 'field', name: part };
    const eq = part.indexOf('=', open);
    if (!part.endsWith(']') || eq < 0 || open === 0) throw new Error(`Malformed filter in search path ${path}`);
    return {
      kind: 'field',
      name: part.slice(0, open),
      filterField: part.slice(open + 1, eq).trim(),
      filterValue: unquote(part.slice(eq + 1, -1)),
    };
  });
}

function passesFilter(node: unknown, seg: { filterField?: string; filterValue?: string }): boolean {
  if (seg.filterField === undefined) return true;
  if (typeof node !== 'object' || node === null) return false;
  const v = (node as Record<string, unknown>)[seg.filterField];
  return v !== undefined && v !== null && String(v) === seg.filterValue;
}

function walk(node: unknown, segments: readonly PathSegment[], i: number, out: unknown[]): void {
  if (i === segments.length) {
    out.push(node);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const seg = segments[i]!;
  const obj = node as Record<string, unknown>;
  if (seg.kind === 'extension') {
    const exts = obj['extension'];
    if (!Array.isArray(exts)) return;
    for (const ext of exts as unknown[]) {
      if (typeof ext === 'object' && ext !== null && (ext as { url?: unknown }).url === seg.url) {
        walk(ext, segments, i + 1, out);
      }
    }
    return;
  }
  const value = obj[seg.name];
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (item !== null && item !== undefined && passesFilter(item, seg)) walk(item, segments, i + 1, out);
    }
  } else if (passesFilter(value, seg)) {
    walk(value, segments, i + 1, out);
  }
}

/** Appends to `out` every element the compiled path selects from `root` (arrays are flattened). */
export function evaluatePath(root: unknown, segments: readonly PathSegment[], out: unknown[]): void {
  walk(root, segments, 0, out);
}
