import type { Link, Platform } from './types';

/**
 * The link that carries a transfer from processor `from` to `to`: an explicit
 * pair (either direction) wins over a '*' wildcard. Undefined when none.
 * O(links).
 */
export function linkBetween(platform: Platform, from: string, to: string): Link | undefined {
  const exact = platform.links.find((l) => (l.from === from && l.to === to) || (l.from === to && l.to === from));
  if (exact) return exact;
  return platform.links.find(
    (l) =>
      (l.from === '*' && (l.to === '*' || l.to === to || l.to === from)) ||
      (l.to === '*' && (l.from === from || l.from === to)),
  );
}
