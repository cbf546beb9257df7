import { useEffect, useRef, useState } from 'react';
import { formatBytes } from '../../core/format';
import { browserSessionHost } from '../../state/browserSession';
import { currentStagesCsv, currentTraceJson, scenarioFileStem } from '../../state/exports';
import { currentPlanFile, currentShareLink, openPlanText } from '../../state/share';
import { useStore } from '../../state/store';
import { ganttPng, ganttSvg } from '../charts/Gantt/exportGantt';
import { graphPng, graphSvg } from '../charts/LayerGraph/exportGraph';
import { download } from '../download';

/** Opens a picked or dropped plan file; errors go to the app's alert. */
export async function openPlanFileFromDisk(file: File): Promise<void> {
  const text = await file.text().catch(() => null);
  const outcome = text === null ? { message: 'The file could not be read.' } : await openPlanText(text);
  if (outcome) useStore.setState({ error: `${file.name}: ${outcome.message}` });
}

function MenuItem({ label, testId, onSelect }: { label: string; testId: string; onSelect: () => void }) {
  return (
    <button type="button" role="menuitem" data-testid={testId} onClick={onSelect}>
      {label}
    </button>
  );
}

/**
 * Share and export: copy the link (with its length, and a warning when an
 * inline network makes it too long), save or open a plan file, and export the
 * schedule (Chrome trace, CSV) and the Gantt (SVG, PNG).
 */
export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<{ text: string; url?: string; tooLong?: boolean } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const onnxRef = useRef<HTMLInputElement>(null);
  const importOnnx = useStore((s) => s.importOnnxFile);
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const share = async () => {
    const host = browserSessionHost();
    const base = `${window.location.origin}${host.location.pathname}${host.location.search}`;
    const link = currentShareLink(base);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.url);
      copied = true;
    } catch {
      // clipboard refused (permissions, insecure context): the link is shown to copy by hand
    }
    setNote({
      text: `${copied ? 'Link copied' : 'Copy this link'} (${formatBytes(link.length)})`,
      url: link.url,
      tooLong: link.tooLong,
    });
  };
  const stem = scenarioFileStem;
  return (
    <div className="share" ref={boxRef}>
      <button type="button" className="share-button" data-testid="share" onClick={() => void share()}>
        Share
      </button>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="file-menu"
        onClick={() => setOpen((o) => !o)}
      >
        File ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Models, plan files and exports">
          <MenuItem
            label="Open ONNX model… (or drop it on the page)"
            testId="open-onnx"
            onSelect={() => {
              setOpen(false);
              onnxRef.current?.click();
            }}
          />
          <hr />
          <MenuItem
            label={'Save plan file (.plan.json)'}
            testId={'save-plan'}
            onSelect={() => {
              setOpen(false);
              void (() => download(`${stem()}.plan.json`, currentPlanFile(), 'application/json'))();
            }}
          />
          <MenuItem
            label={'Open plan file…'}
            testId={'open-plan'}
            onSelect={() => {
              setOpen(false);
              void (() => fileRef.current?.click())();
            }}
          />
          <hr />
          <MenuItem
            label={'Chrome trace for Perfetto (.json)'}
            testId={'export-trace'}
            onSelect={() => {
              setOpen(false);
              void (() => download(`${stem()}.trace.json`, currentTraceJson(), 'application/json'))();
            }}
          />
          <MenuItem
            label={'Stages (.csv)'}
            testId={'export-csv'}
            onSelect={() => {
              setOpen(false);
              void (() => download(`${stem()}.stages.csv`, currentStagesCsv(), 'text/csv'))();
            }}
          />
          <MenuItem
            label={'Gantt chart (.svg)'}
            testId={'export-gantt-svg'}
            onSelect={() => {
              setOpen(false);
              void (() => download(`${stem()}.gantt.svg`, ganttSvg(), 'image/svg+xml'))();
            }}
          />
          <MenuItem
            label={'Gantt chart (.png)'}
            testId={'export-gantt-png'}
            onSelect={() => {
              setOpen(false);
              void (async () => download(`${stem()}.gantt.png`, await ganttPng()))();
            }}
          />
          <MenuItem
            label="Layer graph, as shown (.svg)"
            testId="export-graph-svg"
            onSelect={() => {
              setOpen(false);
              const svg = graphSvg();
              if (svg) download(`${stem()}.graph.svg`, svg, 'image/svg+xml');
            }}
          />
          <MenuItem
            label="Layer graph, as shown (.png)"
            testId="export-graph-png"
            onSelect={() => {
              setOpen(false);
              void graphPng()?.then((b) => download(`${stem()}.graph.png`, b));
            }}
          />
        </div>
      )}
      <input
        ref={onnxRef}
        type="file"
        accept=".onnx"
        hidden
        data-testid="onnx-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importOnnx(f);
        }}
      />
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="plan-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openPlanFileFromDisk(f);
        }}
      />
      {note && (
        <div className="share-note" role="status" data-testid="share-note">
          <div>
            {note.text}
            <button type="button" className="link" onClick={() => setNote(null)} aria-label="Close">
              ×
            </button>
          </div>
          <input
            readOnly
            value={note.url}
            aria-label="Share link"
            onFocus={(e) => e.target.select()}
            data-testid="share-url"
          />
          {note.tooLong && (
            <p className="warn" data-testid="share-too-long">
              This link is long because the imported network travels inside it; some apps cut links this long.{' '}
              <button
                type="button"
                className="link"
                onClick={() => download(`${stem()}.plan.json`, currentPlanFile(), 'application/json')}
              >
                Save the plan file instead
              </button>
              .
            </p>
          )}
        </div>
      )}
    </div>
  );
}
