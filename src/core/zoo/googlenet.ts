import type { Network } from '../model/types';
import { NetBuilder, type ConvOptions, type T } from './builder';

/** torchvision's GoogLeNet `BasicConv2d`: conv without bias, BN (eps 0.001), then F.relu. */
function basicConv(b: NetBuilder, prefix: string, x: T, o: ConvOptions): T {
  const y = b.conv(`${prefix}.conv`, x, { ...o, bias: false });
  return b.relu(`${prefix}.relu`, b.bn(`${prefix}.bn`, y));
}

/** Output channels of the four branches of one `Inception` module (torchvision's constructor arguments). */
type InceptionSpec = readonly [
  ch1x1: number,
  ch3x3red: number,
  ch3x3: number,
  ch5x5red: number,
  ch5x5: number,
  poolProj: number,
];

/**
 * torchvision's `Inception` module: four parallel branches concatenated along
 * channels. The "5x5" branch really uses a 3x3 kernel in torchvision (its
 * known bug, vision#906), which the pretrained weights depend on.
 */
function inceptionModule(b: NetBuilder, prefix: string, x: T, spec: InceptionSpec): T {
  const [c1, c3r, c3, c5r, c5, pp] = spec;
  const b1 = basicConv(b, `${prefix}.branch1`, x, { out: c1, k: 1 });
  let b2 = basicConv(b, `${prefix}.branch2.0`, x, { out: c3r, k: 1 });
  b2 = basicConv(b, `${prefix}.branch2.1`, b2, { out: c3, k: 3, p: 1 });
  let b3 = basicConv(b, `${prefix}.branch3.0`, x, { out: c5r, k: 1 });
  b3 = basicConv(b, `${prefix}.branch3.1`, b3, { out: c5, k: 3, p: 1 });
  let b4 = b.maxpool(`${prefix}.branch4.0`, x, { k: 3, s: 1, p: 1, ceil: true });
  b4 = basicConv(b, `${prefix}.branch4.1`, b4, { out: pp, k: 1 });
  return b.concat(`${prefix}.cat`, [b1, b2, b3, b4]);
}

/**
 * GoogLeNet / Inception v1 (torchvision `googlenet(aux_logits=False)`), 224x224
 * input, 6,624,904 params. The auxiliary classifiers run only in training and
 * are not part of the inference graph.
 */
export function googlenet(): Network {
  const b = new NetBuilder(
    'googlenet',
    'GoogLeNet',
    [1, 3, 224, 224],
    'torchvision 0.14 models/googlenet.py (googlenet, aux_logits=False), Szegedy et al. 2015',
  );
  // All of GoogLeNet's max pools use ceil_mode=True, which keeps 112 -> 56 -> 28 -> 14 -> 7.
  const pool = { k: 3, s: 2, ceil: true };
  let x = basicConv(b, 'conv1', b.input, { out: 64, k: 7, s: 2, p: 3 });
  x = b.maxpool('maxpool1', x, pool);
  x = basicConv(b, 'conv2', x, { out: 64, k: 1 });
  x = basicConv(b, 'conv3', x, { out: 192, k: 3, p: 1 });
  x = b.maxpool('maxpool2', x, pool);
  x = inceptionModule(b, 'inception3a', x, [64, 96, 128, 16, 32, 32]);
  x = inceptionModule(b, 'inception3b', x, [128, 128, 192, 32, 96, 64]);
  x = b.maxpool('maxpool3', x, pool);
  x = inceptionModule(b, 'inception4a', x, [192, 96, 208, 16, 48, 64]);
  x = inceptionModule(b, 'inception4b', x, [160, 112, 224, 24, 64, 64]);
  x = inceptionModule(b, 'inception4c', x, [128, 128, 256, 24, 64, 64]);
  x = inceptionModule(b, 'inception4d', x, [112, 144, 288, 32, 64, 64]);
  x = inceptionModule(b, 'inception4e', x, [256, 160, 320, 32, 128, 128]);
  x = b.maxpool('maxpool4', x, { k: 2, s: 2, ceil: true });
  x = inceptionModule(b, 'inception5a', x, [256, 160, 320, 32, 128, 128]);
  x = inceptionModule(b, 'inception5b', x, [384, 192, 384, 48, 128, 128]);
  x = b.adaptiveAvgPool('avgpool', x);
  x = b.flatten('flatten', x);
  b.output(b.linear('fc', x, 1000));
  return b.build();
}
