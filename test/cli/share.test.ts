import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run';
import { STAGE_CSV_COLUMNS } from '../../src/core/export/stagesCsv';
import { parseShareHash, planFileText } from '../../src/core/share/codec';
import { HOSTILE_HASHES, VALID_STATE } from '../fixtures/hostileHashes';

const json = (argv: string[]) => JSON.parse(run([...argv, '--json']).stdout);
const EVALUATE = ['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '40,120', '--procs', 'big,gpu,npu'];

describe('cli share links', () => {
  it('evaluate prints a share line on the default base URL, and shareUrl in JSON', () => {
    const text = run(EVALUATE).stdout;
    const line = text.split('\n').find((l) => l.startsWith('share: '))!;
    expect(line).toMatch(/^share: http:\/\/localhost:5173\/#s=[A-Za-z0-9_-]+$/);
    const out = json(EVALUATE);
    expect(line).toBe(`share: ${out.shareUrl}`);
    const decoded = parseShareHash(out.shareUrl.slice(out.shareUrl.indexOf('#')));
    expect(decoded).toEqual({
      ok: true,
      state: {
        v: 1,
        model: { zoo: 'resnet50' },
        platform: { preset: 'hikey970' },
        plan: { cuts: [40, 120], procs: ['big', 'gpu', 'npu'], units: [4, 1, 1] },
        objective: 'fps',
      },
    });
  });

  it('uses --base-url', () => {
    const out = json([...EVALUATE, '--base-url', 'https://explorer.example/app/']);
    expect(out.shareUrl.startsWith('https://explorer.example/app/#s=')).toBe(true);
  });

  it('open <url> prints the same metrics as evaluate', () => {
    const evaluated = json(EVALUATE);
    const opened = json(['open', evaluated.shareUrl]);
    expect(opened.metrics).toEqual(evaluated.metrics);
    expect(opened.stages).toEqual(evaluated.stages);
    expect(opened).toMatchObject({ model: 'resnet50', platform: 'hikey970', shareUrl: evaluated.shareUrl });
    const text = run(['open', evaluated.shareUrl]).stdout;
    const evaluateText = run(EVALUATE).stdout;
    expect(text).toBe(evaluateText);
  });

  it('plan prints a share URL that opens to the optimal plan with its objective', () => {
    const planned = json([
      'plan',
      'resnet18',
      '--platform',
      'snapdragon855',
      '--objective',
      'energy',
      '--min-fps',
      '20',
    ]);
    const opened = json(['open', planned.shareUrl]);
    expect(opened.metrics.fps).toBe(planned.metrics.fps);
    expect(opened.metrics.energyPerFrameMj).toBe(planned.metrics.energyPerFrameMj);
    expect(opened).toMatchObject({ objective: 'energy', minFps: 20 });
    expect(run(['plan', 'resnet18', '--platform', 'hikey970']).stdout).toMatch(/\nshare: http:\/\/localhost:5173\/#s=/);
  });

  it('open <file.plan.json> evaluates a saved plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const file = join(dir, 'mine.plan.json');
    writeFileSync(file, planFileText(VALID_STATE));
    const opened = json(['open', file]);
    const evaluated = json(['evaluate', 'resnet50', '--platform', 'hikey970', '--cuts', '60', '--procs', 'gpu,npu']);
    expect(opened.metrics).toEqual(evaluated.metrics);
  });

  it('open refuses hostile links and unreadable files with the catalogue message', () => {
    for (const h of HOSTILE_HASHES.slice(0, 12)) {
      expect(() => run(['open', `http://localhost:5173/${h.hash}`])).toThrow(/\S/);
    }
    expect(() => run(['open', 'http://localhost:5173/#s=v999'])).toThrow(/damaged/);
    expect(() => run(['open', 'http://localhost:5173/#other'])).toThrow(/has no #s= part/);
    expect(() => run(['open', '/nonexistent/x.plan.json'])).toThrow(/cannot read/);
    expect(() => run(['open'])).toThrow(/missing share URL/);
  });

  it('evaluate --trace and --csv write the exports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exports-'));
    const trace = join(dir, 'trace.json');
    const csv = join(dir, 'stages.csv');
    const text = run([...EVALUATE, '--trace', trace, '--frames', '4', '--csv', csv]).stdout;
    expect(text).toContain(`wrote ${trace}`);
    const t = JSON.parse(readFileSync(trace, 'utf8'));
    expect(Object.keys(t)[0]).toBe('displayTimeUnit');
    // 3 stages x 4 frames of compute, 2 transfers x 4 frames, 2 send boxes (no DMA on the HiKey) x 4 frames.
    expect(t.traceEvents.filter((e: { ph: string }) => e.ph === 'X')).toHaveLength(28);
    const rows = readFileSync(csv, 'utf8').split('\r\n');
    expect(rows[0]).toBe(STAGE_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(5);
    expect(() => run([...EVALUATE, '--trace', trace, '--frames', '0'])).toThrow(/--frames "0"/);
  });
});
