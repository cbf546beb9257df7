/** A focusable "?" that explains a figure (hover shows it, screen readers read it, Tab reaches it). */
export function Explain({ label, text }: { label: string; text: string }) {
  return (
    <span className="explain" tabIndex={0} role="note" aria-label={`${label}: ${text}`} title={text}>
      ?
    </span>
  );
}
