import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hikey970 } from '../../../src/core/platform/presets';
import { bestTwoStagePlan } from '../../../src/core/plan/defaults';
import { buildCostTables } from '../../../src/core/cost/tables';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { base64urlDecode, base64urlEncode } from '../../../src/core/share/base64url';
import {
  decodeShareState,
  encodeShareState,
  isShareUrlTooLong,
  parsePlanFile,
  parseShareHash,
  PLAN_FILE_KIND,
  planFileText,
  sharePayloadOf,
  shareUrl,
} from '../../../src/core/share/codec';
import { openPlanFile, openShareHash } from '../../../src/core/share/open';
import { makeShareState, resolveShareState } from '../../../src/core/share/shareState';
import { zooNetwork } from '../../../src/core/zoo';
import { payloadOfText, VALID_STATE } from '../../fixtures/hostileHashes';
import { arbShareState } from '../../fixtures/shareArbitraries';

describe('base64url', () => {
  it('round-trips any bytes and uses only the URL-safe alphabet (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text.length).toBe(Math.ceil((bytes.length * 4) / 3));
        expect(base64urlDecode(text)).toEqual(bytes);
      }),
    );
  });

  it('matches RFC 4648 test vectors (unpadded, URL alphabet)', () => {
    const enc = (s: string) => base64urlEncode(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
    expect(base64urlEncode(new Uint8Array([251, 255]))).toBe('-_8');
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(base64urlDecode('ab+/')).toBeNull();
    expect(base64urlDecode('abc=')).toBeNull();
    expect(base64urlDecode('abcde')).toBeNull();
    expect(base64urlDecode('ab\u00e9c')).toBeNull();
  });
});

describe('share codec', () => {
  it('decode(encode(s)) deep-equals s for generated valid states (property)', () => {
    fc.assert(
      fc.property(arbShareState, (s) => {
        const r = decodeShareState(encodeShareState(s));
        expect(r).toEqual({ ok: true, state: s });
        expect(parsePlanFile(planFileText(s))).toEqual({ ok: true, state: s });
      }),
      { numRuns: 150 },
    );
  });

  it('restores the exact plan and metrics of a scenario through a URL', () => {
    const net = zooNetwork('resnet50');
    const t = buildCostTables(net, hikey970);
    const plan = bestTwoStagePlan(t, 'gpu', 'npu');
    const state = makeShareState({ model: { zoo: 'resnet50' }, platform: hikey970, plan, objective: 'fps' });
    const url = shareUrl('http://localhost:5173/?x=1#old', state);
    expect(url.startsWith('http://localhost:5173/?x=1#s=')).toBe(true);
    expect(isShareUrlTooLong(url)).toBe(false);
    const opened = openShareHash(url.slice(url.indexOf('#')));
    if (!opened?.ok) throw new Error(JSON.stringify(opened));
    expect(opened.scenario.plan).toEqual(plan);
    const again = evaluatePlan(
      buildCostTables(opened.scenario.network, opened.scenario.platform),
      opened.scenario.plan,
    );
    expect(again.metrics).toEqual(evaluatePlan(t, plan).metrics);
  });

  it('carries an imported network inline and says when the URL gets long', () => {
    const small = zooNetwork('resnet18');
    const big = zooNetwork('densenet121');
    const urlOf = (net: typeof small) =>
      shareUrl(
        'http://localhost:5173/',
        makeShareState({
          model: { network: net },
          platform: hikey970,
          plan: { stages: [{ from: 0, to: net.layers.length, processor: 'gpu', units: 1 }] },
          objective: 'fps',
        }),
      );
    expect(isShareUrlTooLong(urlOf(small))).toBe(false);
    expect(isShareUrlTooLong(urlOf(big))).toBe(true);
    const opened = openShareHash(urlOf(big).split('#')[1]!);
    if (!opened?.ok) throw new Error(JSON.stringify(opened));
    expect(opened.scenario.network).toEqual(big);
  });

  it('reads the s= part of a hash and ignores hashes without one', () => {
    expect(sharePayloadOf('#s=abc&tab=x')).toBe('abc');
    expect(sharePayloadOf('#tab=x&s=abc')).toBe('abc');
    expect(sharePayloadOf('s=abc')).toBe('abc');
    expect(sharePayloadOf('#s')).toBe('');
    expect(sharePayloadOf('')).toBeNull();
    expect(sharePayloadOf('#')).toBeNull();
    expect(sharePayloadOf('#section-2')).toBeNull();
    expect(parseShareHash('#section-2')).toBeNull();
    expect(openShareHash('')).toBeNull();
    const payload = encodeShareState(VALID_STATE);
    expect(parseShareHash(`#s=${encodeURIComponent(payload)}`)).toEqual({ ok: true, state: VALID_STATE });
  });

  it('says "made by a newer version" for a future version, before any schema check', () => {
    const r = decodeShareState(payloadOfText(JSON.stringify({ v: 2, whatever: 'new shape' })));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SHARE_NEWER_VERSION');
      expect(r.error.message).toContain('made by a newer version');
      expect(r.error.message).toContain('version 2');
    }
  });

  it('explains schema failures with the field path', () => {
    const r = decodeShareState(payloadOfText(JSON.stringify({ ...VALID_STATE, objective: 'speed' })));
    expect(r).toMatchObject({ ok: false, error: { code: 'SHARE_INVALID' } });
    if (!r.ok) expect(r.error.message).toContain('objective: objective must be fps, latency or energy');
  });

  it('never pollutes prototypes: reserved keys anywhere are refused', () => {
    for (const text of [
      '{"__proto__":{"polluted":1}}',
      '{"v":1,"model":{"inline":{"layers":[{"a":{"__proto__":{"polluted":1}}}]}}}',
      '{"v":1,"plan":{"constructor":{"prototype":{"polluted":1}}}}',
      '[{"x":[{"prototype":1}]}]',
    ]) {
      expect(decodeShareState(payloadOfText(text))).toMatchObject({ ok: false, error: { code: 'SHARE_UNSAFE_KEY' } });
      expect(parsePlanFile(`{"kind":"${PLAN_FILE_KIND}",${text.slice(1)}`)).toMatchObject({ ok: false });
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('plan files', () => {
  const net = zooNetwork('resnet50');
  const plan = bestTwoStagePlan(buildCostTables(net, hikey970), 'gpu', 'npu');
  const state = makeShareState({
    model: { zoo: 'resnet50' },
    platform: hikey970,
    plan,
    objective: 'energy',
    minFps: 20,
    view: { tab: 'gantt', collapsed: ['layer1'] },
  });

  it('are pretty JSON of the same state with the kind marker first', () => {
    const text = planFileText(state);
    expect(text.startsWith(`{\n  "kind": "${PLAN_FILE_KIND}",\n  "v": 1,`)).toBe(true);
    const opened = openPlanFile(text);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.state).toEqual(state);
    expect(opened.scenario.plan).toEqual(plan);
    expect(resolveShareState(state).minFps).toBe(20);
  });

  it('refuse other JSON files, empty files, huge files and future versions', () => {
    expect(parsePlanFile(JSON.stringify(state))).toMatchObject({ error: { code: 'PLAN_FILE_KIND' } });
    expect(parsePlanFile('')).toMatchObject({ error: { code: 'PLAN_FILE_KIND' } });
    expect(parsePlanFile('{"name": "package.json"}')).toMatchObject({ error: { code: 'PLAN_FILE_KIND' } });
    expect(parsePlanFile('[]')).toMatchObject({ error: { code: 'PLAN_FILE_KIND' } });
    expect(parsePlanFile('{')).toMatchObject({ error: { code: 'SHARE_NOT_JSON' } });
    expect(parsePlanFile(' '.repeat(33 * 1024 * 1024))).toMatchObject({ error: { code: 'PLAN_FILE_TOO_LARGE' } });
    expect(parsePlanFile(planFileText({ ...state, v: 7 as 1 }))).toMatchObject({
      error: { code: 'SHARE_NEWER_VERSION' },
    });
  });
});
