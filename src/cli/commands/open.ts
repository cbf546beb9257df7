import { readFileSync, statSync } from 'node:fs';
import { buildCostTables } from '../../core/cost/tables';
import { ExplorerError } from '../../core/errors';
import { evaluatePlan } from '../../core/plan/evaluate';
import { MAX_PLAN_FILE_CHARS, shareUrl } from '../../core/share/codec';
import type { OpenResult } from '../../core/share/open';
import { openPlanFile, openShareHash } from '../../core/share/open';
import { positional, type Args } from '../args';
import { DEFAULT_BASE_URL, shareLine } from '../share';
import { evaluationJson, human } from './evaluate';

/** A URL (anything with `#s=`) or a path to a `.plan.json` file. */
function openTarget(target: string): OpenResult {
  const hashAt = target.indexOf('#');
  if (hashAt >= 0 && /^[a-z][a-z0-9+.-]*:|^#/i.test(target)) {
    const r = openShareHash(target.slice(hashAt));
    if (r === null) throw new ExplorerError('SHARE_EMPTY', `"${target.slice(0, 80)}" has no #s= part`);
    return r;
  }
  let text: string;
  try {
    if (statSync(target).size > MAX_PLAN_FILE_CHARS * 4) {
      throw new ExplorerError('PLAN_FILE_TOO_LARGE', `"${target}"`);
    }
    text = readFileSync(target, 'utf8');
  } catch (e) {
    if (e instanceof ExplorerError) throw e;
    throw new ExplorerError('BAD_ARGUMENT', `cannot read "${target}": give a share URL or a .plan.json file`);
  }
  return openPlanFile(text);
}

/**
 * `open <url|file.plan.json> [--json]`: decodes and resolves a shared plan, evaluates it and prints
 * the same metrics block as `evaluate` (and the same JSON, plus model, platform and the share URL).
 */
export function openCommand(args: Args, json: boolean): string {
  const r = openTarget(positional(args, 1, 'share URL or .plan.json file'));
  // The message already carries the catalogue text; rethrowing it as is keeps one line for main.ts.
  if (!r.ok) throw new Error(r.error.message);
  const { network, platform, plan, evaluateOptions } = r.scenario;
  const e = evaluatePlan(buildCostTables(network, platform), plan, evaluateOptions);
  const url = shareUrl(args.flags.get('base-url') ?? DEFAULT_BASE_URL, r.state);
  if (json) {
    return JSON.stringify({
      model: network.id,
      platform: platform.id,
      objective: r.state.objective,
      ...(r.state.minFps !== undefined ? { minFps: r.state.minFps } : {}),
      ...evaluationJson(e),
      shareUrl: url,
    });
  }
  return `${human(network, platform, e)}\n${shareLine(url)}`;
}
