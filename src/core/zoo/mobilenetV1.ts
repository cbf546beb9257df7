import type { Network } from '../model/types';
import { NetBuilder, type T } from './builder';

/** Conv (no bias: BN follows) + BN + ReLU, named Keras-style `<name>`, `<name>_bn`, `<name>_relu`. */
function convBnRelu(b: NetBuilder, name: string, x: T, out: number, k: number, s: number, groups = 1): T {
  // Symmetric padding k // 2 gives the same output size as Keras' asymmetric "same" padding.
  const y = b.conv(name, x, { out, k, s, p: Math.floor(k / 2), groups, bias: false });
  return b.relu(`${name}_relu`, b.bn(`${name}_bn`, y));
}

/** Depthwise-separable block i: depthwise 3x3 (stride s) then pointwise 1x1 to `out` channels. */
function separable(b: NetBuilder, i: number, x: T, out: number, s: number): T {
  const dw = convBnRelu(b, `conv_dw_${i}`, x, x.shape[1]!, 3, s, x.shape[1]!);
  return convBnRelu(b, `conv_pw_${i}`, dw, out, 1, 1);
}

/** Output channels and stride of the 13 depthwise-separable blocks (paper Table 1). */
const BLOCKS: readonly (readonly [out: number, stride: number])[] = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

/**
 * MobileNet v1, width 1.0, 224x224 (Howard et al. 2017, Table 1); not in
 * torchvision. Layer names follow Keras' `MobileNet`. 4,231,976 params,
 * ~569 M MACs.
 */
export function mobilenetV1(): Network {
  const b = new NetBuilder(
    'mobilenet_v1',
    'MobileNet v1',
    [1, 3, 224, 224],
    'Howard et al. 2017 (arXiv:1704.04861) Table 1, width 1.0; Keras-style layer names',
  );
  let x = convBnRelu(b, 'conv1', b.input, 32, 3, 2);
  BLOCKS.forEach(([out, s], i) => {
    x = separable(b, i + 1, x, out, s);
  });
  x = b.adaptiveAvgPool('global_pool', x);
  x = b.flatten('flatten', x);
  b.output(b.linear('predictions', x, 1000));
  return b.build();
}
