/** A focusable "?" that explains a figure (hover shows it, screen readers read it, Tab reaches it). */
export function Explain({ label, text }: { label: string; text: string }) {
  return (
    <span className="explain" tabIndex={0} role="note" aria-label={`${label}: ${text}`} title={text}>
      ?
    </span>
  );
}

/** What the stage bars under the bottleneck line show. */
export const STAGE_BARS_EXPLAINED =
  "The bars below: each stage's time per frame (coloured: compute; hatched: sending its output when the link has no DMA), and each DMA transfer on its own row, all on one scale where a full bar is the period. The longest bar is the bottleneck; the right column is the stage's memory against its processor's.";
