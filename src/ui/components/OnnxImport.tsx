import { useRef } from 'react';
import { useStore } from '../../state/store';

/** "Open ONNX…" in the header, with the import's progress while it runs. */
export function OnnxImportButton() {
  const importing = useStore((s) => s.importing);
  const importFile = useStore((s) => s.importOnnxFile);
  const ref = useRef<HTMLInputElement>(null);
  return (
    <div className="onnx-import">
      {importing ? (
        <label className="import-progress">
          Reading {importing.file}
          <progress max={1} value={importing.progress} data-testid="import-progress" />
        </label>
      ) : (
        <button
          type="button"
          onClick={() => ref.current?.click()}
          data-testid="open-onnx"
          title="Import a .onnx model (or drop it on the page)"
        >
          Open ONNX…
        </button>
      )}
      <input
        ref={ref}
        type="file"
        accept=".onnx"
        hidden
        data-testid="onnx-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importFile(f);
        }}
      />
    </div>
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
