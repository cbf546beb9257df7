import type { Network } from '../model/types';
import { NetBuilder, type T } from './builder';

/** torchvision's `Conv2dNormActivation` with ReLU6: conv (no bias) `.0`, BN `.1`, ReLU6 `.2`. */
function convBnRelu6(b: NetBuilder, prefix: string, x: T, out: number, k: number, s = 1, groups = 1): T {
  const y = b.conv(`${prefix}.0`, x, { out, k, s, p: Math.floor(k / 2), groups, bias: false });
  return b.relu6(`${prefix}.2`, b.bn(`${prefix}.1`, y));
}

/**
 * `InvertedResidual`: optional 1x1 expansion (skipped when t = 1, which shifts
 * the module indices inside `.conv`), 3x3 depthwise, then a linear 1x1
 * projection with BN and no activation. The residual add applies when the
 * stride is 1 and channels are unchanged.
 */
function invertedResidual(b: NetBuilder, prefix: string, x: T, out: number, stride: number, t: number): T {
  const inp = x.shape[1]!;
  const hidden = Math.round(inp * t);
  let i = 0;
  let y = x;
  if (t !== 1) y = convBnRelu6(b, `${prefix}.conv.${i++}`, y, hidden, 1);
  y = convBnRelu6(b, `${prefix}.conv.${i++}`, y, hidden, 3, stride, hidden);
  y = b.conv(`${prefix}.conv.${i++}`, y, { out, k: 1, bias: false });
  y = b.bn(`${prefix}.conv.${i}`, y);
  return stride === 1 && inp === out ? b.add(`${prefix}.add`, x, y) : y;
}

/** Expansion t, output channels c, repeats n, first stride s (torchvision's `inverted_residual_setting`). */
const SETTING: readonly (readonly [t: number, c: number, n: number, s: number])[] = [
  [1, 16, 1, 1],
  [6, 24, 2, 2],
  [6, 32, 3, 2],
  [6, 64, 4, 2],
  [6, 96, 3, 1],
  [6, 160, 3, 2],
  [6, 320, 1, 1],
];

/** MobileNet v2, width 1.0, 224x224 (torchvision `mobilenet_v2()`), 3,504,872 params. */
export function mobilenetV2(): Network {
  const b = new NetBuilder(
    'mobilenet_v2',
    'MobileNet v2',
    [1, 3, 224, 224],
    'torchvision 0.14 models/mobilenetv2.py (mobilenet_v2, width 1.0), Sandler et al. 2018',
  );
  let idx = 0;
  let x = convBnRelu6(b, `features.${idx++}`, b.input, 32, 3, 2);
  for (const [t, c, n, s] of SETTING) {
    for (let r = 0; r < n; r++) x = invertedResidual(b, `features.${idx++}`, x, c, r === 0 ? s : 1, t);
  }
  x = convBnRelu6(b, `features.${idx}`, x, 1280, 1);
  // adaptive_avg_pool2d and flatten are functional in MobileNetV2._forward_impl.
  x = b.adaptiveAvgPool('avgpool', x);
  x = b.flatten('flatten', x);
  // classifier.0 is Dropout, omitted.
  b.output(b.linear('classifier.1', x, 1000));
  return b.build();
}
