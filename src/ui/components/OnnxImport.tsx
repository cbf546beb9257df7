import { useStore } from '../../state/store';

/** The ONNX import's progress in the header while it runs (the File menu starts it). */
export function OnnxImportProgress() {
  const importing = useStore((s) => s.importing);
  if (!importing) return null;
  return (
    <label className="import-progress">
      Reading {importing.file}
      <progress max={1} value={importing.progress} data-testid="import-progress" />
    </label>
  );
}

/** What the importer said: unknown ops (kept with zero MACs) and the symbolic dims it filled in. */
export function ImportNotesBanner() {
  const notes = useStore((s) => s.importNotes);
  const network = useStore((s) => s.network);
  if (!notes || !network.id.startsWith('onnx:')) return null;
  return (
    <div className="import-notes" role="status" data-testid="import-notes">
      <strong>Imported {notes.file}</strong>: {network.layers.length} layers.
      {notes.dims.length > 0 && <> Symbolic dimensions: {notes.dims.join(', ')}.</>}
      {notes.warnings.length > 0 ? (
        <details>
          <summary>
            {notes.warnings.length} warning{notes.warnings.length === 1 ? '' : 's'} (unknown ops count 0 MACs)
          </summary>
          <ul>
            {notes.warnings.slice(0, 50).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : (
        ' Every op was understood.'
      )}
    </div>
  );
}
