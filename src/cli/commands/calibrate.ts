import { formatMs } from '../../core/format';
import type { Network } from '../../core/model/types';
import type { Platform } from '../../core/platform/types';
import type { Args } from '../args';
import { calibrationJson, calibrationsFrom, calibrationSummary } from '../profiles';
import { table } from '../table';
import { ExplorerError } from '../../core/errors';

/** `calibrate <model> --platform <id> --profile FILE@PROC`: measured vs modelled time of every matched layer. */
export function calibrateCommand(net: Network, platform: Platform, args: Args, json: boolean): string {
  const calibrations = calibrationsFrom(args, net, platform);
  if (calibrations.length === 0) throw new ExplorerError('BAD_ARGUMENT', 'missing --profile FILE@PROCESSOR');
  if (json) {
    return JSON.stringify({
      model: net.id,
      platform: platform.id,
      calibrations: calibrations.map((c) => ({ ...calibrationJson(c), layers: c.report.rows })),
    });
  }
  return calibrations
    .map((c) =>
      [
        calibrationSummary(c),
        table(
          ['#', 'layer', 'op', 'measured ms', 'modelled ms', 'error'],
          c.report.rows.map((r) => [
            r.index,
            r.name,
            r.op,
            formatMs(r.measuredMs),
            formatMs(r.modelledMs),
            Number.isFinite(r.errorPct) ? `${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(0)}%` : '—',
          ]),
        ),
        c.report.unmatchedRecords.length > 0
          ? `unmatched profile entries: ${c.report.unmatchedRecords.map((r) => `${r.name} (${formatMs(r.ms)} ms)`).join(', ')}`
          : '',
      ].join('\n'),
    )
    .join('\n\n');
}
