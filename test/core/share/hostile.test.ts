import { describe, expect, it } from 'vitest';
import { openShareHash } from '../../../src/core/share/open';
import { HOSTILE_HASHES, MARKUP_NAMES_HASH, VALID_HASH } from '../../fixtures/hostileHashes';

describe('hostile hashes', () => {
  it('has at least 20 distinct named cases', () => {
    expect(HOSTILE_HASHES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(HOSTILE_HASHES.map((h) => h.name)).size).toBe(HOSTILE_HASHES.length);
    expect(new Set(HOSTILE_HASHES.map((h) => h.hash)).size).toBe(HOSTILE_HASHES.length);
  });

  it('the valid hash they are derived from opens', () => {
    const r = openShareHash(VALID_HASH);
    expect(r?.ok).toBe(true);
  });

  it.each(HOSTILE_HASHES.map((h) => [h.name, h] as const))('%s gives a typed error, never an exception', (_, h) => {
    const r = openShareHash(h.hash);
    expect(r).not.toBeNull();
    if (!r || r.ok) throw new Error('expected an error');
    expect(r.error.code).toBe(h.code);
    expect(r.error.message.length).toBeGreaterThan(10);
    // Messages are short enough for an alert and never echo a megabyte of input.
    expect(r.error.message.length).toBeLessThan(600);
  });

  it('leaves Object.prototype untouched', () => {
    for (const h of HOSTILE_HASHES) openShareHash(h.hash);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('opens markup names as plain data', () => {
    const r = openShareHash(MARKUP_NAMES_HASH);
    if (!r || !r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
    expect(r.scenario.network.layers[0]!.name.startsWith('<script>')).toBe(true);
    expect(r.scenario.network.name).toContain('onerror');
  });
});
