import { useRef, useState } from 'react';
import {
  checkField,
  duplicateProcessor,
  LINK_FIELDS,
  PROCESSOR_FIELDS,
  removeProcessor,
  replaceLink,
  replaceProcessor,
  type NumericField,
} from '../../core/platform/fields';
import { figureSources } from '../../core/platform/provenance';
import { describeIssues, validatePlatform } from '../../core/platform/schema';
import type { FigureSource, Platform } from '../../core/platform/types';
import { useStore } from '../../state/store';
import { selectPlatform } from '../../state/selectors';

interface CellProps<T> {
  item: T;
  field: NumericField<T>;
  source: FigureSource | undefined;
  label: string;
  /** Applies the edited item; returns why the whole platform refuses it, or null. */
  onValid: (next: T) => string | null;
  onError: (message: string | null) => void;
}

/** One editable figure: applies every valid keystroke (one undo step per field visit), refuses the rest with a message. */
function FigureCell<T>({ item, field, source, label, onValid, onError }: CellProps<T>) {
  const value = field.get(item);
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const st = useStore.getState;
  return (
    <td className={invalid ? 'invalid' : undefined}>
      <input
        aria-label={label}
        aria-invalid={invalid}
        inputMode="decimal"
        value={text ?? String(value)}
        onFocus={() => st().beginGesture()}
        onChange={(e) => {
          setText(e.target.value);
          const r = checkField(field, e.target.value);
          const refused = !r.ok ? r.message : r.value !== value ? onValid(field.set(item, r.value)) : null;
          setInvalid(refused !== null);
          onError(refused);
        }}
        onBlur={() => {
          st().endGesture();
          setText(null);
          setInvalid(false);
          onError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
      {source?.status === 'estimate' && (
        <span className="badge estimate" title={`estimate: ${source.source}`}>
          est.
        </span>
      )}
      {source && source.status !== 'estimate' && (
        <span className="source-dot" title={`${source.status}: ${source.source}`} aria-hidden>
          ●
        </span>
      )}
    </td>
  );
}

/** A processor's busy share of the period; its own subscription, so a drag re-renders this text, not the editor. */
function Busy({ id }: { id: string }) {
  const u = useStore((s) => s.evaluation.metrics.utilization[id] ?? 0);
  return <>{Math.round(u * 100)}%</>;
}

/** Attaches a measured profile (ONNX Runtime JSON, TFLite op profile, CSV) to one processor. */
function ProfileButton({ id, name }: { id: string; name: string }) {
  const attach = useStore((s) => s.attachProfileFile);
  const measured = useStore((s) => s.calibrations[id] !== undefined);
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => ref.current?.click()}
        aria-label={`Attach a measured profile to ${name}`}
        title="ONNX Runtime profiling JSON, TFLite benchmark_model op profile, or CSV layer,time_ms"
        data-testid={`profile-${id}`}
      >
        {measured ? 'profile ✓' : 'profile…'}
      </button>
      <input
        ref={ref}
        type="file"
        accept=".json,.csv,.txt,.tsv"
        hidden
        data-testid={`profile-input-${id}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void attach(id, f);
        }}
      />
    </>
  );
}

/**
 * Every processor and link figure of the platform, editable with validation.
 * Valid edits re-evaluate the plan at once; estimates carry a badge and every
 * figure shows its source on hover.
 */
export function PlatformEditor() {
  const platform = useStore(selectPlatform);
  const setPlatform = useStore((s) => s.setPlatform);
  const [error, setError] = useState<string | null>(null);
  /** Field checks pass one figure; the platform schema then checks the whole (e.g. idle power <= active). */
  const apply = (next: Platform): string | null => {
    const v = validatePlatform(next);
    if (!v.ok) return describeIssues(v.issues);
    void setPlatform(next);
    return null;
  };
  const procs = platform.processors;
  return (
    <section className="panel lazy-panel" aria-labelledby="platform-title" data-testid="platform-editor">
      <div className="panel-head">
        <h2 id="platform-title">Platform: {platform.name}</h2>
        <p className="muted">
          {platform.description} Edit any figure; the plan re-evaluates as you type. Hover a figure for its source;{' '}
          <span className="badge estimate">est.</span> marks estimates.
        </p>
      </div>
      {error && (
        <div role="alert" className="field-error" data-testid="field-error">
          {error}
        </div>
      )}
      <div className="editor-scroll">
        <table className="editor">
          <thead>
            <tr>
              <th scope="col">Processor</th>
              {procs.map((p) => (
                <th scope="col" key={p.id}>
                  <div className="proc-name">{p.name}</div>
                  <div className="muted">
                    {p.id} · {p.kind} · {p.dtype} · busy <Busy id={p.id} />
                  </div>
                  <div className="proc-actions">
                    <button
                      type="button"
                      onClick={() => void setPlatform(duplicateProcessor(platform, p.id))}
                      aria-label={`Add another ${p.name}`}
                    >
                      + copy
                    </button>
                    <ProfileButton id={p.id} name={p.name} />
                    <button
                      type="button"
                      disabled={procs.length <= 1}
                      onClick={() => void setPlatform(removeProcessor(platform, p.id))}
                      aria-label={`Remove ${p.name}`}
                    >
                      remove
                    </button>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PROCESSOR_FIELDS.map((f) => (
              <tr key={f.key}>
                <th scope="row">
                  {f.label} {f.unit && <span className="muted">{f.unit}</span>}
                </th>
                {procs.map((p) => (
                  <FigureCell
                    key={`${p.id}-${f.key}`}
                    item={p}
                    field={f}
                    source={figureSources(platform, 'processors', p.id).get(f.key)}
                    label={`${p.name}: ${f.label}`}
                    onValid={(next) => apply(replaceProcessor(platform, p.id, next))}
                    onError={setError}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {platform.links.length > 0 && (
          <table className="editor links">
            <thead>
              <tr>
                <th scope="col">Link</th>
                {platform.links.map((l) => (
                  <th scope="col" key={l.id}>
                    <div className="proc-name">{l.name}</div>
                    <div className="muted">
                      {l.from} → {l.to} · {l.overlapsCompute ? 'DMA (overlaps compute)' : 'sender pushes'}
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {LINK_FIELDS.map((f) => (
                <tr key={f.key}>
                  <th scope="row">
                    {f.label} <span className="muted">{f.unit}</span>
                  </th>
                  {platform.links.map((l) => (
                    <FigureCell
                      key={`${l.id}-${f.key}`}
                      item={l}
                      field={f}
                      source={figureSources(platform, 'links', l.id).get(f.key)}
                      label={`${l.name}: ${f.label}`}
                      onValid={(next) => apply(replaceLink(platform, l.id, next))}
                      onError={setError}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
