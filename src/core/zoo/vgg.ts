import type { Network } from '../model/types';
import { NetBuilder } from './builder';

/** Output channels of the five stages; every stage ends in a 2x2/2 max pool. */
const STAGE_CHANNELS = [64, 128, 256, 512, 512] as const;

/**
 * torchvision's VGG without batch norm. `convs[i]` is the number of 3x3 convs in
 * stage i (torchvision's `cfgs` "D" / "E" written per stage). `features` is a flat
 * Sequential, so each conv, relu and pool takes the next index, exactly like `make_layers`.
 */
function vgg(id: string, name: string, convs: readonly number[], torchName: string): Network {
  const b = new NetBuilder(
    id,
    name,
    [1, 3, 224, 224],
    `torchvision.models.${torchName} (Simonyan & Zisserman 2014, arXiv:1409.1556)`,
  );
  let x = b.input;
  let i = 0;
  STAGE_CHANNELS.forEach((out, stage) => {
    for (let j = 0; j < convs[stage]!; j++) {
      x = b.conv(`features.${i++}`, x, { out, k: 3, p: 1 });
      x = b.relu(`features.${i++}`, x);
    }
    x = b.maxpool(`features.${i++}`, x, { k: 2, s: 2 });
  });
  x = b.adaptiveAvgPool('avgpool', x, [7, 7]);
  x = b.flatten('flatten', x);
  // classifier: Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear (Dropouts 2 and 5 omitted).
  x = b.linear('classifier.0', x, 4096);
  x = b.relu('classifier.1', x);
  x = b.linear('classifier.3', x, 4096);
  x = b.relu('classifier.4', x);
  x = b.linear('classifier.6', x, 1000);
  b.output(x);
  return b.build();
}

/** VGG-16 (configuration D), torchvision `vgg16`. */
export function vgg16(): Network {
  return vgg('vgg16', 'VGG-16', [2, 2, 3, 3, 3], 'vgg16');
}

/** VGG-19 (configuration E), torchvision `vgg19`. */
export function vgg19(): Network {
  return vgg('vgg19', 'VGG-19', [2, 2, 4, 4, 4], 'vgg19');
}
