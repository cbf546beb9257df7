#!/usr/bin/python3
"""ONNX fixtures exported from torchvision with random weights (no downloads).

Usage (Debian's PyTorch: apt-get install -y python3-torch python3-torchvision python3-onnx):

    /usr/bin/python3 scripts/make_onnx_fixtures.py [--out test/fixtures/onnx] [--full DIR]

Writes, for each of resnet50, mobilenet_v2, googlenet and a tiny network, a
small `<name>.onnx` whose initializers point at external data in
`<name>.weights` (ONNX external data). The `.onnx` keeps every initializer's
name, dims and type but no payload, so it stays well under 1 MB and also
tests that a model imports from the `.onnx` file alone. The `.weights` files
are not committed (.gitignore). `--full DIR` also writes self-contained
models with their real (random) weights into DIR, for scripts/ort_profile.mjs.

Why `training=TrainingMode.PRESERVE` on a model in eval mode: the default
(EVAL) export runs the eval peephole pass that folds every BatchNormalization
into the preceding Conv's weights, which removes BN's 2C parameters and adds a
conv bias, so the totals no longer match torchvision's `parameters()`.
PRESERVE keeps BatchNormalization as its own node (in inference mode, since
the module is in eval mode) and the counts match the zoo exactly.
"""

import argparse
import os

import onnx
import torch
import torch.nn as nn
import torchvision
from onnx.external_data_helper import convert_model_to_external_data


class Tiny(nn.Module):
    """Conv-BN-ReLU, a residual Conv, max pool, global pool, flatten and a Linear."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(8)
        self.relu = nn.ReLU()
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.pool = nn.MaxPool2d(2)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = y + self.conv2(y)
        y = self.avgpool(self.pool(y))
        return self.fc(torch.flatten(y, 1))


def models():
    torch.manual_seed(0)
    return {
        'tiny': (Tiny(), [1, 3, 32, 32]),
        'resnet50': (torchvision.models.resnet50(), [1, 3, 224, 224]),
        'mobilenet_v2': (torchvision.models.mobilenet_v2(), [1, 3, 224, 224]),
        'googlenet': (torchvision.models.googlenet(aux_logits=False, init_weights=True), [1, 3, 224, 224]),
    }


def export(model, shape, path, fold_batchnorm=False):
    model.eval()
    torch.onnx.export(
        model,
        torch.randn(*shape),
        path,
        opset_version=13,
        training=torch.onnx.TrainingMode.EVAL if fold_batchnorm else torch.onnx.TrainingMode.PRESERVE,
        input_names=['input'],
        output_names=['output'],
        # A symbolic batch, as most real exports have: the importer must default it to 1.
        dynamic_axes={'input': {0: 'batch'}, 'output': {0: 'batch'}},
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out', default='test/fixtures/onnx')
    parser.add_argument('--full', default=None, help='also write self-contained models here')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    fixtures = [(name, model, shape, False) for name, (model, shape) in models().items()]
    # The default EVAL export, BatchNorm folded into the convs: documents what the importer counts then.
    fixtures.append(('tiny_folded', models()['tiny'][0], [1, 3, 32, 32], True))
    for name, model, shape, fold in fixtures:
        path = os.path.join(args.out, f'{name}.onnx')
        export(model, shape, path, fold)
        if args.full:
            os.makedirs(args.full, exist_ok=True)
            onnx.save(onnx.load(path), os.path.join(args.full, f'{name}.onnx'))
        m = onnx.load(path)
        convert_model_to_external_data(m, all_tensors_to_one_file=True, location=f'{name}.weights', size_threshold=0)
        onnx.save(m, path)
        print(f'{path}: {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
