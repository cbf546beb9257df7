import type { Network } from '../model/types';
import { NetBuilder, type ConvOptions, type T } from './builder';

/** torchvision's Inception v3 `BasicConv2d`: conv without bias, BN (eps 0.001), then F.relu. */
function basicConv(b: NetBuilder, prefix: string, x: T, o: ConvOptions): T {
  const y = b.conv(`${prefix}.conv`, x, { ...o, bias: false });
  return b.relu(`${prefix}.relu`, b.bn(`${prefix}.bn`, y));
}

/**
 * F.avg_pool2d(3, stride 1, pad 1) then a 1x1 projection: the pooled branch of
 * InceptionA, C and E. The pool is functional in torchvision, so it is named
 * `<module>.avgpool` here.
 */
function poolBranch(b: NetBuilder, prefix: string, x: T, out: number): T {
  const y = b.avgpool(`${prefix}.avgpool`, x, { k: 3, s: 1, p: 1 });
  return basicConv(b, `${prefix}.branch_pool`, y, { out, k: 1 });
}

/** InceptionA (Mixed_5b-5d), 35x35: 1x1, 5x5, double 3x3 and pooled branches. */
function inceptionA(b: NetBuilder, p: string, x: T, poolFeatures: number): T {
  const b1 = basicConv(b, `${p}.branch1x1`, x, { out: 64, k: 1 });
  let b5 = basicConv(b, `${p}.branch5x5_1`, x, { out: 48, k: 1 });
  b5 = basicConv(b, `${p}.branch5x5_2`, b5, { out: 64, k: 5, p: 2 });
  let b3 = basicConv(b, `${p}.branch3x3dbl_1`, x, { out: 64, k: 1 });
  b3 = basicConv(b, `${p}.branch3x3dbl_2`, b3, { out: 96, k: 3, p: 1 });
  b3 = basicConv(b, `${p}.branch3x3dbl_3`, b3, { out: 96, k: 3, p: 1 });
  const bp = poolBranch(b, p, x, poolFeatures);
  return b.concat(`${p}.cat`, [b1, b5, b3, bp]);
}

/** InceptionB (Mixed_6a): grid reduction 35 -> 17 with strided convs and a functional max pool. */
function inceptionB(b: NetBuilder, p: string, x: T): T {
  const b3 = basicConv(b, `${p}.branch3x3`, x, { out: 384, k: 3, s: 2 });
  let bd = basicConv(b, `${p}.branch3x3dbl_1`, x, { out: 64, k: 1 });
  bd = basicConv(b, `${p}.branch3x3dbl_2`, bd, { out: 96, k: 3, p: 1 });
  bd = basicConv(b, `${p}.branch3x3dbl_3`, bd, { out: 96, k: 3, s: 2 });
  const bp = b.maxpool(`${p}.maxpool`, x, { k: 3, s: 2 });
  return b.concat(`${p}.cat`, [b3, bd, bp]);
}

/** 1x7 and 7x1 kernels: InceptionC and D factorise 7x7 convolutions into these. */
const row7 = (out: number): ConvOptions => ({ out, k: [1, 7], p: [0, 3] });
const col7 = (out: number): ConvOptions => ({ out, k: [7, 1], p: [3, 0] });

/** InceptionC (Mixed_6b-6e), 17x17: 7x7 convolutions factorised into 1x7 and 7x1. */
function inceptionC(b: NetBuilder, p: string, x: T, c7: number): T {
  const b1 = basicConv(b, `${p}.branch1x1`, x, { out: 192, k: 1 });
  let b7 = basicConv(b, `${p}.branch7x7_1`, x, { out: c7, k: 1 });
  b7 = basicConv(b, `${p}.branch7x7_2`, b7, row7(c7));
  b7 = basicConv(b, `${p}.branch7x7_3`, b7, col7(192));
  let bd = basicConv(b, `${p}.branch7x7dbl_1`, x, { out: c7, k: 1 });
  bd = basicConv(b, `${p}.branch7x7dbl_2`, bd, col7(c7));
  bd = basicConv(b, `${p}.branch7x7dbl_3`, bd, row7(c7));
  bd = basicConv(b, `${p}.branch7x7dbl_4`, bd, col7(c7));
  bd = basicConv(b, `${p}.branch7x7dbl_5`, bd, row7(192));
  const bp = poolBranch(b, p, x, 192);
  return b.concat(`${p}.cat`, [b1, b7, bd, bp]);
}

/** InceptionD (Mixed_7a): grid reduction 17 -> 8. */
function inceptionD(b: NetBuilder, p: string, x: T): T {
  let b3 = basicConv(b, `${p}.branch3x3_1`, x, { out: 192, k: 1 });
  b3 = basicConv(b, `${p}.branch3x3_2`, b3, { out: 320, k: 3, s: 2 });
  let b7 = basicConv(b, `${p}.branch7x7x3_1`, x, { out: 192, k: 1 });
  b7 = basicConv(b, `${p}.branch7x7x3_2`, b7, row7(192));
  b7 = basicConv(b, `${p}.branch7x7x3_3`, b7, col7(192));
  b7 = basicConv(b, `${p}.branch7x7x3_4`, b7, { out: 192, k: 3, s: 2 });
  const bp = b.maxpool(`${p}.maxpool`, x, { k: 3, s: 2 });
  return b.concat(`${p}.cat`, [b3, b7, bp]);
}

/**
 * InceptionE (Mixed_7b, 7c), 8x8: the 3x3 branches split into parallel 1x3 and
 * 3x1 convs whose outputs torchvision concatenates first (`branch3x3_cat`,
 * `branch3x3dbl_cat`), before the module's final concat.
 */
function inceptionE(b: NetBuilder, p: string, x: T): T {
  // Parallel 1x3 and 3x1 convs (`<conv>a`, `<conv>b`) over the same input, then their concat.
  const split = (conv: string, cat: string, input: T): T => {
    const a = basicConv(b, `${p}.${conv}a`, input, { out: 384, k: [1, 3], p: [0, 1] });
    const c = basicConv(b, `${p}.${conv}b`, input, { out: 384, k: [3, 1], p: [1, 0] });
    return b.concat(`${p}.${cat}`, [a, c]);
  };
  const b1 = basicConv(b, `${p}.branch1x1`, x, { out: 320, k: 1 });
  const b3 = split('branch3x3_2', 'branch3x3_cat', basicConv(b, `${p}.branch3x3_1`, x, { out: 384, k: 1 }));
  let bd = basicConv(b, `${p}.branch3x3dbl_1`, x, { out: 448, k: 1 });
  bd = basicConv(b, `${p}.branch3x3dbl_2`, bd, { out: 384, k: 3, p: 1 });
  const bdCat = split('branch3x3dbl_3', 'branch3x3dbl_cat', bd);
  const bp = poolBranch(b, p, x, 192);
  return b.concat(`${p}.cat`, [b1, b3, bdCat, bp]);
}

/**
 * Inception v3 (torchvision `inception_v3(aux_logits=False)`), 299x299 input,
 * 23,834,568 params. AuxLogits runs only in training and is left out.
 */
export function inceptionV3(): Network {
  const b = new NetBuilder(
    'inception_v3',
    'Inception v3',
    [1, 3, 299, 299],
    'torchvision 0.14 models/inception.py (inception_v3, aux_logits=False), Szegedy et al. 2016',
  );
  let x = basicConv(b, 'Conv2d_1a_3x3', b.input, { out: 32, k: 3, s: 2 });
  x = basicConv(b, 'Conv2d_2a_3x3', x, { out: 32, k: 3 });
  x = basicConv(b, 'Conv2d_2b_3x3', x, { out: 64, k: 3, p: 1 });
  x = b.maxpool('maxpool1', x, { k: 3, s: 2 });
  x = basicConv(b, 'Conv2d_3b_1x1', x, { out: 80, k: 1 });
  x = basicConv(b, 'Conv2d_4a_3x3', x, { out: 192, k: 3 });
  x = b.maxpool('maxpool2', x, { k: 3, s: 2 });
  x = inceptionA(b, 'Mixed_5b', x, 32);
  x = inceptionA(b, 'Mixed_5c', x, 64);
  x = inceptionA(b, 'Mixed_5d', x, 64);
  x = inceptionB(b, 'Mixed_6a', x);
  x = inceptionC(b, 'Mixed_6b', x, 128);
  x = inceptionC(b, 'Mixed_6c', x, 160);
  x = inceptionC(b, 'Mixed_6d', x, 160);
  x = inceptionC(b, 'Mixed_6e', x, 192);
  x = inceptionD(b, 'Mixed_7a', x);
  x = inceptionE(b, 'Mixed_7b', x);
  x = inceptionE(b, 'Mixed_7c', x);
  x = b.adaptiveAvgPool('avgpool', x);
  x = b.flatten('flatten', x);
  b.output(b.linear('fc', x, 1000));
  return b.build();
}
