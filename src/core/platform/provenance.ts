import type { FigureSource, Platform } from './types';

/**
 * Sources of one processor's or link's figures, keyed by field name.
 * O(sources). @example figureSources(p, 'processors', 'npu').get('peakGmacsPerUnit')?.status
 */
export function figureSources(
  platform: Platform,
  group: 'processors' | 'links',
  id: string,
): Map<string, FigureSource> {
  const prefix = `${group}.${id}.`;
  const out = new Map<string, FigureSource>();
  for (const s of platform.sources) if (s.path.startsWith(prefix)) out.set(s.path.slice(prefix.length), s);
  return out;
}
