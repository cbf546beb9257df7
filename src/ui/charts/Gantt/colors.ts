import { stageColor } from '../../theme';

/** Chart colours in one place, so tests can recognise what was drawn. */
export const GANTT_COLORS = {
  background: '#ffffff',
  processorLane: '#ffffff',
  linkLane: '#f4f6f9',
  /** Tint of the lane that sets the period. */
  bottleneckTint: '#fde8e7',
  bottleneckInk: '#b42318',
  separator: '#e3e6eb',
  grid: '#eceef2',
  ink: '#1f2937',
  muted: '#5b6474',
  marker: '#111827',
  veil: 'rgba(255, 255, 255, 0.6)',
  outline: '#111827',
} as const;

/** A stage colour mixed with white: `amount` 0 keeps it, 1 gives white. */
export function lighten(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** Dark or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const L = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast against white (1.05 / (L + 0.05)) vs against near-black (#111827, L ≈ 0.01).
  return 1.05 / (L + 0.05) >= (L + 0.05) / 0.06 ? '#ffffff' : '#111827';
}

// Colour maths runs once per stage, not once per box on every redraw.
const memo = (f: (stage: number) => string): ((stage: number) => string) => {
  const cache = new Map<number, string>();
  return (stage) => {
    let hit = cache.get(stage);
    if (hit === undefined) cache.set(stage, (hit = f(stage)));
    return hit;
  };
};

/** Fill of a compute box, and of a transfer/send box (lighter, with stripes in the stage colour). */
export const computeFill = (stage: number): string => stageColor(stage);
export const transferFill = memo((stage) => lighten(stageColor(stage), 0.62));
/** Ink for frame numbers on a compute box of this stage. */
export const computeInk = memo((stage) => inkOn(stageColor(stage)));
