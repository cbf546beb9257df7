import type { Network } from '../model/types';
import type { T } from './builder';
import { NetBuilder } from './builder';

/**
 * torchvision's Fire module: squeeze 1x1 + ReLU, then 1x1 and 3x3 expand branches
 * (each + ReLU) concatenated on channels. The concat is functional in torchvision,
 * so it gets the extra name `<prefix>.cat`.
 */
function fire(b: NetBuilder, prefix: string, x: T, squeeze: number, e1: number, e3: number): T {
  let s = b.conv(`${prefix}.squeeze`, x, { out: squeeze, k: 1 });
  s = b.relu(`${prefix}.squeeze_activation`, s);
  let a = b.conv(`${prefix}.expand1x1`, s, { out: e1, k: 1 });
  a = b.relu(`${prefix}.expand1x1_activation`, a);
  let c = b.conv(`${prefix}.expand3x3`, s, { out: e3, k: 3, p: 1 });
  c = b.relu(`${prefix}.expand3x3_activation`, c);
  return b.concat(`${prefix}.cat`, [a, c]);
}

/**
 * SqueezeNet 1.1 as torchvision builds it: 3x3/2 stem, ceil-mode max pools earlier
 * than 1.0, and a conv classifier (final_conv 1x1 -> ReLU -> global average pool).
 * The classifier's Dropout (`classifier.0`) is omitted.
 */
export function squeezenet11(): Network {
  const b = new NetBuilder(
    'squeezenet1_1',
    'SqueezeNet 1.1',
    [1, 3, 224, 224],
    'torchvision.models.squeezenet1_1 (Iandola et al. 2016, arXiv:1602.07360; v1.1 from the SqueezeNet repo)',
  );
  let x = b.conv('features.0', b.input, { out: 64, k: 3, s: 2 });
  x = b.relu('features.1', x);
  x = b.maxpool('features.2', x, { k: 3, s: 2, ceil: true });
  x = fire(b, 'features.3', x, 16, 64, 64);
  x = fire(b, 'features.4', x, 16, 64, 64);
  x = b.maxpool('features.5', x, { k: 3, s: 2, ceil: true });
  x = fire(b, 'features.6', x, 32, 128, 128);
  x = fire(b, 'features.7', x, 32, 128, 128);
  x = b.maxpool('features.8', x, { k: 3, s: 2, ceil: true });
  x = fire(b, 'features.9', x, 48, 192, 192);
  x = fire(b, 'features.10', x, 48, 192, 192);
  x = fire(b, 'features.11', x, 64, 256, 256);
  x = fire(b, 'features.12', x, 64, 256, 256);
  x = b.conv('classifier.1', x, { out: 1000, k: 1 });
  x = b.relu('classifier.2', x);
  x = b.adaptiveAvgPool('classifier.3', x, [1, 1]);
  x = b.flatten('flatten', x);
  b.output(x);
  return b.build();
}
