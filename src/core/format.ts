/**
 * Number formatting shared by the CLI and the UI, so both print the same
 * figure for the same plan. Pure, O(1).
 */

/** Frames per second with two decimals. @example formatFps(12.345) === '12.35' */
export function formatFps(fps: number): string {
  return Number.isFinite(fps) ? fps.toFixed(2) : '—';
}

/** Milliseconds: three significant digits below 10, one decimal above. @example formatMs(0.01234) === '0.0123' */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '∞';
  if (ms === 0) return '0';
  return ms < 10 ? ms.toPrecision(3) : ms.toFixed(1);
}

/** Millijoules like formatMs. */
export const formatMj = formatMs;

/** Bytes in B, kB, MB or GB (powers of 1000). @example formatBytes(1_500_000) === '1.50 MB' */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '∞';
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(2)} ${units[i]}`;
}

/** Large counts with SI suffix. @example formatCount(25_557_032) === '25.56 M' */
export function formatCount(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}
