import type { Network } from '../model/types';
import { NetBuilder } from './builder';

/**
 * AlexNet as torchvision builds it (the "One weird trick" variant: 64/192/384/256/256
 * channels, no LRN). Module names follow `torchvision.models.AlexNet`; the two Dropout
 * layers (`classifier.0`, `classifier.3`) are omitted like every zoo Dropout.
 */
export function alexnet(): Network {
  const b = new NetBuilder(
    'alexnet',
    'AlexNet',
    [1, 3, 224, 224],
    'torchvision.models.alexnet (Krizhevsky 2014, "One weird trick", arXiv:1404.5997)',
  );
  let x = b.conv('features.0', b.input, { out: 64, k: 11, s: 4, p: 2 });
  x = b.relu('features.1', x);
  x = b.maxpool('features.2', x, { k: 3, s: 2 });
  x = b.conv('features.3', x, { out: 192, k: 5, p: 2 });
  x = b.relu('features.4', x);
  x = b.maxpool('features.5', x, { k: 3, s: 2 });
  x = b.conv('features.6', x, { out: 384, k: 3, p: 1 });
  x = b.relu('features.7', x);
  x = b.conv('features.8', x, { out: 256, k: 3, p: 1 });
  x = b.relu('features.9', x);
  x = b.conv('features.10', x, { out: 256, k: 3, p: 1 });
  x = b.relu('features.11', x);
  x = b.maxpool('features.12', x, { k: 3, s: 2 });
  // 224 input gives 6x6 already; the adaptive pool is kept because torchvision runs it.
  x = b.adaptiveAvgPool('avgpool', x, [6, 6]);
  x = b.flatten('flatten', x);
  x = b.linear('classifier.1', x, 4096);
  x = b.relu('classifier.2', x);
  x = b.linear('classifier.4', x, 4096);
  x = b.relu('classifier.5', x);
  x = b.linear('classifier.6', x, 1000);
  b.output(x);
  return b.build();
}
