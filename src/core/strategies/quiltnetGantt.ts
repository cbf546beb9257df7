import { EVENT_KIND, type Schedule } from '../schedule/simulate';
import type { CompressedEvaluation } from './quiltnet';

/**
 * Splits each compute box of a stage with an autoencoder into decode | compute | encode boxes
 * (EVENT_KIND.decode / .encode), so the Gantt shows where the codec time goes. `schedule` must come
 * from `simulate(evaluation, ...)`: its compute boxes last the stage's computeMs, which includes the
 * decoder of the incoming cut and the encoder of the outgoing one. Box order stays by lane, then frame.
 * O(boxes).
 * @example splitCodecBoxes(simulate(e, { frames: 10 }), e).kind // includes EVENT_KIND.encode / .decode
 */
export function splitCodecBoxes(schedule: Schedule, evaluation: CompressedEvaluation): Schedule {
  const stages = evaluation.stages;
  const extra = (i: number): boolean =>
    schedule.kind[i] === EVENT_KIND.compute &&
    ((stages[schedule.stage[i]!]?.decodeMs ?? 0) > 0 || (stages[schedule.stage[i]!]?.encodeMs ?? 0) > 0);
  let rows = 0;
  for (let i = 0; i < schedule.kind.length; i++) {
    if (!extra(i)) {
      rows++;
      continue;
    }
    const s = stages[schedule.stage[i]!]!;
    rows += 1 + (s.decodeMs > 0 ? 1 : 0) + (s.encodeMs > 0 ? 1 : 0);
  }
  const out = {
    start: new Float64Array(rows),
    end: new Float64Array(rows),
    lane: new Uint16Array(rows),
    stage: new Uint16Array(rows),
    frame: new Uint32Array(rows),
    kind: new Uint8Array(rows),
  };
  let row = 0;
  const put = (i: number, s0: number, e0: number, kind: number): void => {
    out.start[row] = s0;
    out.end[row] = e0;
    out.lane[row] = schedule.lane[i]!;
    out.stage[row] = schedule.stage[i]!;
    out.frame[row] = schedule.frame[i]!;
    out.kind[row] = kind;
    row++;
  };
  for (let i = 0; i < schedule.kind.length; i++) {
    const s0 = schedule.start[i]!;
    const e0 = schedule.end[i]!;
    if (!extra(i)) {
      put(i, s0, e0, schedule.kind[i]!);
      continue;
    }
    const st = stages[schedule.stage[i]!]!;
    if (st.decodeMs > 0) put(i, s0, s0 + st.decodeMs, EVENT_KIND.decode);
    put(i, s0 + st.decodeMs, e0 - st.encodeMs, EVENT_KIND.compute);
    if (st.encodeMs > 0) put(i, e0 - st.encodeMs, e0, EVENT_KIND.encode);
  }
  return { ...schedule, ...out };
}
