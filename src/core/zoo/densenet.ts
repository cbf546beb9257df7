import type { Network } from '../model/types';
import { NetBuilder, type T } from './builder';

/** DenseNet-BC hyper-parameters (torchvision's `DenseNet.__init__` arguments). */
interface DenseNetConfig {
  growthRate: number;
  blockConfig: readonly number[];
  initFeatures: number;
  bnSize: number;
}

/**
 * One `_DenseLayer`: BN-ReLU-Conv1x1 bottleneck then BN-ReLU-Conv3x3 producing
 * `growthRate` new channels. torchvision concatenates all earlier features
 * before norm1 on every call; with a single earlier feature that concat is a
 * copy-free no-op, so the first layer of a block reads its input directly.
 */
function denseLayer(b: NetBuilder, prefix: string, features: readonly T[], cfg: DenseNetConfig): T {
  const x = features.length === 1 ? features[0]! : b.concat(`${prefix}.cat`, features);
  let y = b.bn(`${prefix}.norm1`, x);
  y = b.relu(`${prefix}.relu1`, y);
  y = b.conv(`${prefix}.conv1`, y, { out: cfg.bnSize * cfg.growthRate, k: 1, bias: false });
  y = b.bn(`${prefix}.norm2`, y);
  y = b.relu(`${prefix}.relu2`, y);
  return b.conv(`${prefix}.conv2`, y, { out: cfg.growthRate, k: 3, p: 1, bias: false });
}

/** `_DenseBlock`: each layer reads every earlier feature map; the block returns them all concatenated. */
function denseBlock(b: NetBuilder, prefix: string, x: T, layers: number, cfg: DenseNetConfig): T {
  const features: T[] = [x];
  for (let i = 1; i <= layers; i++) features.push(denseLayer(b, `${prefix}.denselayer${i}`, features, cfg));
  return b.concat(`${prefix}.cat`, features);
}

/** `_Transition`: BN-ReLU-Conv1x1 halving the channels, then 2x2 average pooling halving H and W. */
function transition(b: NetBuilder, prefix: string, x: T): T {
  let y = b.bn(`${prefix}.norm`, x);
  y = b.relu(`${prefix}.relu`, y);
  y = b.conv(`${prefix}.conv`, y, { out: Math.floor(x.shape[1]! / 2), k: 1, bias: false });
  return b.avgpool(`${prefix}.pool`, y, { k: 2, s: 2 });
}

function densenet(id: string, name: string, cfg: DenseNetConfig): Network {
  const b = new NetBuilder(
    id,
    name,
    [1, 3, 224, 224],
    `torchvision 0.14 models/densenet.py (${id}), Huang et al. 2017`,
  );
  let x = b.conv('features.conv0', b.input, { out: cfg.initFeatures, k: 7, s: 2, p: 3, bias: false });
  x = b.bn('features.norm0', x);
  x = b.relu('features.relu0', x);
  x = b.maxpool('features.pool0', x, { k: 3, s: 2, p: 1 });
  cfg.blockConfig.forEach((layers, i) => {
    x = denseBlock(b, `features.denseblock${i + 1}`, x, layers, cfg);
    if (i !== cfg.blockConfig.length - 1) x = transition(b, `features.transition${i + 1}`, x);
  });
  x = b.bn('features.norm5', x);
  // DenseNet.forward applies F.relu, adaptive_avg_pool2d and flatten outside `features`.
  x = b.relu('relu', x);
  x = b.adaptiveAvgPool('avgpool', x);
  x = b.flatten('flatten', x);
  b.output(b.linear('classifier', x, 1000));
  return b.build();
}

/** DenseNet-121 (torchvision `densenet121()`): growth 32, blocks 6-12-24-16, 7,978,856 params. */
export function densenet121(): Network {
  return densenet('densenet121', 'DenseNet-121', {
    growthRate: 32,
    blockConfig: [6, 12, 24, 16],
    initFeatures: 64,
    bnSize: 4,
  });
}
