import type { Network } from '../core/model/types';
import type { Plan } from '../core/plan/types';
import type { Platform } from '../core/platform/types';
import type { Objective } from '../core/search/types';
import { isShareUrlTooLong, SHARE_URL_WARN_CHARS, shareUrl } from '../core/share/codec';
import { makeShareState } from '../core/share/shareState';
import type { Args } from './args';

/** Where the app is served; `--base-url` overrides it. */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

/** The share URL of a CLI scenario (a zoo network on a preset platform). O(JSON size). */
export function shareUrlFor(
  args: Args,
  net: Network,
  platform: Platform,
  plan: Plan,
  objective: Objective = 'fps',
  minFps?: number,
): string {
  const state = makeShareState({
    model: { zoo: net.id },
    platform,
    plan,
    objective,
    ...(minFps !== undefined ? { minFps } : {}),
  });
  return shareUrl(args.flags.get('base-url') ?? DEFAULT_BASE_URL, state);
}

/** The `share:` line of human output, with a note when the URL is too long to paste safely. */
export function shareLine(url: string): string {
  return isShareUrlTooLong(url)
    ? `share: ${url}\n(the link is longer than ${SHARE_URL_WARN_CHARS} characters; save a .plan.json file instead)`
    : `share: ${url}`;
}
