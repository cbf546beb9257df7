import type { Network } from '../model/types';
import type { T } from './builder';
import { NetBuilder } from './builder';

type BlockKind = 'basic' | 'bottleneck';

/** Output channels of a block are `planes * EXPANSION[kind]`, as in torchvision. */
const EXPANSION: Record<BlockKind, number> = { basic: 1, bottleneck: 4 };

/**
 * A block's optional `downsample` (1x1 conv with the block stride + BN), then the
 * residual add and the final relu. torchvision reuses one `relu` module per block,
 * so its later calls are suffixed `_1`, `_2` like the reference script names them.
 */
function residual(b: NetBuilder, p: string, x: T, y: T, stride: number, lastRelu: string): T {
  const out = y.shape[1]!;
  let identity = x;
  if (stride !== 1 || x.shape[1] !== out) {
    identity = b.conv(`${p}.downsample.0`, x, { out, k: 1, s: stride, bias: false });
    identity = b.bn(`${p}.downsample.1`, identity);
  }
  return b.relu(lastRelu, b.add(`${p}.add`, y, identity));
}

/** torchvision BasicBlock: 3x3 (stride) -> BN -> ReLU -> 3x3 -> BN, + identity, ReLU. */
function basic(b: NetBuilder, p: string, x: T, planes: number, stride: number): T {
  let y = b.conv(`${p}.conv1`, x, { out: planes, k: 3, s: stride, p: 1, bias: false });
  y = b.relu(`${p}.relu`, b.bn(`${p}.bn1`, y));
  y = b.conv(`${p}.conv2`, y, { out: planes, k: 3, p: 1, bias: false });
  y = b.bn(`${p}.bn2`, y);
  return residual(b, p, x, y, stride, `${p}.relu_1`);
}

/** torchvision Bottleneck (ResNet v1.5: the stride sits on the 3x3 conv, not the first 1x1). */
function bottleneck(b: NetBuilder, p: string, x: T, planes: number, stride: number): T {
  let y = b.conv(`${p}.conv1`, x, { out: planes, k: 1, bias: false });
  y = b.relu(`${p}.relu`, b.bn(`${p}.bn1`, y));
  y = b.conv(`${p}.conv2`, y, { out: planes, k: 3, s: stride, p: 1, bias: false });
  y = b.relu(`${p}.relu_1`, b.bn(`${p}.bn2`, y));
  y = b.conv(`${p}.conv3`, y, { out: planes * EXPANSION.bottleneck, k: 1, bias: false });
  y = b.bn(`${p}.bn3`, y);
  return residual(b, p, x, y, stride, `${p}.relu_2`);
}

/** torchvision `ResNet`: 7x7/2 stem, 3x3/2 max pool, four stages, global pool, fc. */
function resnet(id: string, name: string, kind: BlockKind, depths: readonly number[], paperNote: string): Network {
  const b = new NetBuilder(id, name, [1, 3, 224, 224], `torchvision.models.${id} (${paperNote})`);
  let x = b.conv('conv1', b.input, { out: 64, k: 7, s: 2, p: 3, bias: false });
  x = b.relu('relu', b.bn('bn1', x));
  x = b.maxpool('maxpool', x, { k: 3, s: 2, p: 1 });
  const block = kind === 'basic' ? basic : bottleneck;
  depths.forEach((depth, stage) => {
    const planes = 64 << stage;
    for (let i = 0; i < depth; i++) {
      // Only the first block of stages 2-4 halves the resolution.
      const stride = i === 0 && stage > 0 ? 2 : 1;
      x = block(b, `layer${stage + 1}.${i}`, x, planes, stride);
    }
  });
  x = b.adaptiveAvgPool('avgpool', x, [1, 1]);
  x = b.flatten('flatten', x);
  x = b.linear('fc', x, 1000);
  b.output(x);
  return b.build();
}

const PAPER = 'He et al. 2015, arXiv:1512.03385';

/** ResNet-18: BasicBlocks [2, 2, 2, 2]. */
export function resnet18(): Network {
  return resnet('resnet18', 'ResNet-18', 'basic', [2, 2, 2, 2], PAPER);
}

/** ResNet-50: Bottlenecks [3, 4, 6, 3], torchvision's v1.5 stride placement. */
export function resnet50(): Network {
  return resnet('resnet50', 'ResNet-50', 'bottleneck', [3, 4, 6, 3], `${PAPER}; v1.5 strides`);
}

/** ResNet-152: Bottlenecks [3, 8, 36, 3], torchvision's v1.5 stride placement. */
export function resnet152(): Network {
  return resnet('resnet152', 'ResNet-152', 'bottleneck', [3, 8, 36, 3], `${PAPER}; v1.5 strides`);
}
