import { describe, expect, it } from 'vitest';
import { buildCostTables } from '../../../src/core/cost/tables';
import { csvField, neutraliseFormula, STAGE_CSV_COLUMNS, stagesCsv } from '../../../src/core/export/stagesCsv';
import { evaluatePlan } from '../../../src/core/plan/evaluate';
import { planFromSpec } from '../../../src/core/plan/types';
import { hikey970 } from '../../../src/core/platform/presets';
import { compactNetwork, networkFromCompact } from '../../../src/core/share/compactNetwork';
import { zooNetwork } from '../../../src/core/zoo';

/** Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('stagesCsv', () => {
  const net = zooNetwork('resnet50');
  const t = buildCostTables(net, hikey970);
  const e = evaluatePlan(
    t,
    planFromSpec({ cuts: [40, 120], procs: ['big', 'gpu', 'npu'] }, net.layers.length, () => 1),
  );

  it('writes a header and one row per stage with the evaluation figures', () => {
    const rows = parseCsv(stagesCsv(net, e));
    expect(rows[0]).toEqual([...STAGE_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual([
      '2',
      'gpu',
      '1',
      '40',
      '120',
      net.layers[40]!.name,
      net.layers[119]!.name,
      String(e.stages[1]!.computeMs),
      String(e.stages[1]!.transferMs),
      String(e.stages[1]!.transferBytes),
      String(e.stages[1]!.memoryBytes),
      String(e.stages[1]!.activeEnergyMj),
    ]);
    expect(Number(rows[1]![7])).toBe(e.stages[0]!.computeMs);
  });

  it('quotes commas, quotes and line breaks, and neutralises formulas in names from files', () => {
    const c = compactNetwork(zooNetwork('alexnet'));
    const names = ['=HYPERLINK("http://x","click")', 'a,b', 'say "hi"', 'two\nlines', '+1', '-cmd', '@SUM(A1)'];
    const hostile = networkFromCompact({
      ...c,
      layers: c.layers.map((l, i) => (i < names.length ? { ...l, n: names[i]! } : l)),
    });
    const ht = buildCostTables(hostile, hikey970);
    const cuts = [1, 2, 3, 4, 5, 6];
    const he = evaluatePlan(
      ht,
      planFromSpec({ cuts, procs: cuts.map(() => 'gpu').concat('npu') }, hostile.layers.length, () => 1),
    );
    const text = stagesCsv(hostile, he);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(8);
    expect(rows.slice(1, 8).map((r) => r[5])).toEqual([
      `'=HYPERLINK("http://x","click")`,
      'a,b',
      'say "hi"',
      'two\nlines',
      "'+1",
      "'-cmd",
      "'@SUM(A1)",
    ]);
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""click"")"');
    // Every data row has the same number of fields as the header.
    expect(rows.every((r) => r.length === STAGE_CSV_COLUMNS.length)).toBe(true);
  });

  it('leaves ordinary text and numbers alone', () => {
    expect(neutraliseFormula('layer1.0.conv1')).toBe('layer1.0.conv1');
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField('plain')).toBe('plain');
  });
});
