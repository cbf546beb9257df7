import type { Network } from '../model/types';
import { ExplorerError } from '../errors';
import { alexnet } from './alexnet';
import { vgg16, vgg19 } from './vgg';
import { resnet18, resnet50, resnet152 } from './resnet';
import { densenet121 } from './densenet';
import { mobilenetV1 } from './mobilenetV1';
import { mobilenetV2 } from './mobilenetV2';
import { squeezenet11 } from './squeezenet';
import { googlenet } from './googlenet';
import { inceptionV3 } from './inceptionV3';

export interface ZooEntry {
  /** Stable id used in URLs and the CLI. */
  readonly id: string;
  readonly name: string;
  readonly family: string;
  readonly build: () => Network;
}

/** The built-in networks, batch 1, float32. */
export const ZOO: readonly ZooEntry[] = [
  { id: 'alexnet', name: 'AlexNet', family: 'AlexNet', build: alexnet },
  { id: 'vgg16', name: 'VGG-16', family: 'VGG', build: vgg16 },
  { id: 'vgg19', name: 'VGG-19', family: 'VGG', build: vgg19 },
  { id: 'resnet18', name: 'ResNet-18', family: 'ResNet', build: resnet18 },
  { id: 'resnet50', name: 'ResNet-50', family: 'ResNet', build: resnet50 },
  { id: 'resnet152', name: 'ResNet-152', family: 'ResNet', build: resnet152 },
  { id: 'densenet121', name: 'DenseNet-121', family: 'DenseNet', build: densenet121 },
  { id: 'mobilenet_v1', name: 'MobileNet v1', family: 'MobileNet', build: mobilenetV1 },
  { id: 'mobilenet_v2', name: 'MobileNet v2', family: 'MobileNet', build: mobilenetV2 },
  { id: 'squeezenet1_1', name: 'SqueezeNet 1.1', family: 'SqueezeNet', build: squeezenet11 },
  { id: 'googlenet', name: 'GoogLeNet', family: 'Inception', build: googlenet },
  { id: 'inception_v3', name: 'Inception v3', family: 'Inception', build: inceptionV3 },
];

const cache = new Map<string, Network>();

/**
 * Builds (once) and returns a zoo network by id. Throws UNKNOWN_MODEL.
 * O(n) on first call, O(1) after.
 */
export function zooNetwork(id: string): Network {
  const hit = cache.get(id);
  if (hit) return hit;
  const entry = ZOO.find((e) => e.id === id);
  if (!entry) throw new ExplorerError('UNKNOWN_MODEL', `"${id}"`);
  const net = entry.build();
  cache.set(id, net);
  return net;
}
