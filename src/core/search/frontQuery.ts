/** A front point's two figures (see `paretoFront`): throughput and energy per frame, frames back to back. */
export interface FrontFigures {
  readonly fps: number;
  /** mJ per frame. */
  readonly energyMj: number;
}

/**
 * The point of a front that delivers at least `fps` with the least energy per frame, or undefined
 * when none is that fast. Throughputs within one part in 10^9 of `fps` count as reaching it, so a
 * plan read back from the front finds itself. Why: "how much energy would the optimum spend at my
 * plan's speed?" is the question a user asks of the front. O(points).
 */
export function cheapestAtLeast<T extends FrontFigures>(points: readonly T[], fps: number): T | undefined {
  let best: T | undefined;
  for (const p of points) {
    if (p.fps < fps * (1 - 1e-9)) continue;
    if (!best || p.energyMj < best.energyMj) best = p;
  }
  return best;
}
