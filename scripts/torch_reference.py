#!/usr/bin/python3
"""Reference shapes and counts of the zoo networks, measured on torchvision.

Usage (Debian's PyTorch lives under /usr/bin/python3, not the pyenv python):

    /usr/bin/python3 scripts/torch_reference.py > test/fixtures/zoo-reference.json

For every zoo network this builds the torchvision model with random weights,
runs one eval-mode forward pass and records, through forward hooks on leaf
modules, one entry per leaf-module call in call order:

    name         module qualified name; a module called more than once (ResNet's
                 shared `relu`) gets `name_1`, `name_2`... on later calls
    type         module class name
    outputShape  shape of the module's output
    params       numel of the module's own parameters (first call only, so a
                 shared module is not counted twice)
    macs         Conv2d: output numel * in_channels/groups * kh * kw;
                 Linear: batch * in * out; everything else 0

and per network the totals: params (sum of model.parameters() numel),
convFcMacs (sum of the layer MACs) and inputShape. Functional ops (torch.cat,
torch.flatten, F.relu, residual `+=`) are not modules, so they do not appear;
the TS zoo adds them as extra layers, which the tests skip when matching.

The output is deterministic: counts and shapes do not depend on the random
weights, and layers are written in call order, one per line.
"""

import json
import sys
from collections import OrderedDict

import torch
import torch.nn as nn
import torchvision
from torchvision import models


# MobileNet v1 (Howard et al. 2017, arXiv:1704.04861, width 1.0, 224x224) is not
# in torchvision. Each entry is one depthwise-separable block: (pointwise output
# channels, depthwise stride). Module names follow Keras' MobileNet so that the
# TS builder (src/core/zoo/mobilenetV1.ts) can use exactly the same names.
MOBILENET_V1_BLOCKS = [
    (64, 1),
    (128, 2),
    (128, 1),
    (256, 2),
    (256, 1),
    (512, 2),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (512, 1),
    (1024, 2),
    (1024, 1),
]


class MobileNetV1(nn.Module):
    """MobileNet v1 from the paper's Table 1; convs without bias, BN + ReLU after each.

    Names: conv1, conv1_bn, conv1_relu, then for i in 1..13: conv_dw_i,
    conv_dw_i_bn, conv_dw_i_relu, conv_pw_i, conv_pw_i_bn, conv_pw_i_relu;
    then global_pool, flatten, predictions (FC 1024 -> 1000 with bias).
    """

    def __init__(self, num_classes=1000):
        super().__init__()
        layers = OrderedDict()
        layers['conv1'] = nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False)
        layers['conv1_bn'] = nn.BatchNorm2d(32)
        layers['conv1_relu'] = nn.ReLU(inplace=True)
        cin = 32
        for i, (cout, stride) in enumerate(MOBILENET_V1_BLOCKS, start=1):
            layers[f'conv_dw_{i}'] = nn.Conv2d(cin, cin, 3, stride=stride, padding=1, groups=cin, bias=False)
            layers[f'conv_dw_{i}_bn'] = nn.BatchNorm2d(cin)
            layers[f'conv_dw_{i}_relu'] = nn.ReLU(inplace=True)
            layers[f'conv_pw_{i}'] = nn.Conv2d(cin, cout, 1, bias=False)
            layers[f'conv_pw_{i}_bn'] = nn.BatchNorm2d(cout)
            layers[f'conv_pw_{i}_relu'] = nn.ReLU(inplace=True)
            cin = cout
        layers['global_pool'] = nn.AdaptiveAvgPool2d((1, 1))
        layers['flatten'] = nn.Flatten(1)
        layers['predictions'] = nn.Linear(cin, num_classes)
        # Register directly on self (not in a Sequential) so qualified names
        # carry no container prefix: `conv_dw_1`, not `model.conv_dw_1`.
        for name, module in layers.items():
            self.add_module(name, module)

    def forward(self, x):
        for module in self.children():
            x = module(x)
        return x


def make_models():
    """(id, constructor, input shape) for the 12 zoo networks, in zoo order."""
    s224 = (1, 3, 224, 224)
    return [
        ('alexnet', lambda: models.alexnet(weights=None), s224),
        ('vgg16', lambda: models.vgg16(weights=None), s224),
        ('vgg19', lambda: models.vgg19(weights=None), s224),
        ('resnet18', lambda: models.resnet18(weights=None), s224),
        ('resnet50', lambda: models.resnet50(weights=None), s224),
        ('resnet152', lambda: models.resnet152(weights=None), s224),
        ('densenet121', lambda: models.densenet121(weights=None), s224),
        ('mobilenet_v1', MobileNetV1, s224),
        ('mobilenet_v2', lambda: models.mobilenet_v2(weights=None), s224),
        ('squeezenet1_1', lambda: models.squeezenet1_1(weights=None), s224),
        ('googlenet', lambda: models.googlenet(weights=None, aux_logits=False, init_weights=False), s224),
        (
            'inception_v3',
            lambda: models.inception_v3(weights=None, aux_logits=False, init_weights=False),
            (1, 3, 299, 299),
        ),
    ]


def module_macs(module, output):
    """MACs of Conv2d and Linear, 0 for everything else."""
    if isinstance(module, nn.Conv2d):
        kh, kw = module.kernel_size
        return output.numel() * (module.in_channels // module.groups) * kh * kw
    if isinstance(module, nn.Linear):
        batch = output.numel() // module.out_features
        return batch * module.in_features * module.out_features
    return 0


def trace(model, input_shape):
    """One eval forward pass; returns (layers, totals)."""
    records = []
    calls = {}
    handles = []

    def hook_for(name):
        def hook(module, _inputs, output):
            n = calls.get(name, 0)
            calls[name] = n + 1
            params = sum(p.numel() for p in module.parameters(recurse=False)) if n == 0 else 0
            records.append(
                OrderedDict(
                    name=name if n == 0 else f'{name}_{n}',
                    type=type(module).__name__,
                    outputShape=list(output.shape),
                    params=params,
                    macs=module_macs(module, output),
                )
            )

        return hook

    for name, module in model.named_modules():
        if name and not any(True for _ in module.children()):
            handles.append(module.register_forward_hook(hook_for(name)))
    model.eval()
    with torch.no_grad():
        model(torch.zeros(*input_shape))
    for h in handles:
        h.remove()

    totals = OrderedDict(
        params=sum(p.numel() for p in model.parameters()),
        convFcMacs=sum(r['macs'] for r in records),
        inputShape=list(input_shape),
    )
    # Every parameter must belong to a recorded leaf call, or the per-layer
    # comparison in the tests would miss some.
    assert sum(r['params'] for r in records) == totals['params'], 'parameters outside leaf modules'
    return records, totals


def main():
    torch.manual_seed(0)
    nets = []
    for net_id, ctor, shape in make_models():
        layers, totals = trace(ctor(), shape)
        nets.append((net_id, layers, totals))
        print(f'{net_id}: {totals["params"]} params, {totals["convFcMacs"]} MACs', file=sys.stderr)

    mnv1 = next(t for i, _, t in nets if i == 'mobilenet_v1')
    assert mnv1['params'] == 4231976, mnv1

    # Hand-written layout: one layer per line keeps the file diffable and small.
    out = ['{']
    out.append('  "generator": "scripts/torch_reference.py",')
    out.append(f'  "torch": {json.dumps(torch.__version__)},')
    out.append(f'  "torchvision": {json.dumps(torchvision.__version__)},')
    out.append('  "networks": {')
    for k, (net_id, layers, totals) in enumerate(nets):
        out.append(f'    {json.dumps(net_id)}: {{')
        out.append(f'      "totals": {json.dumps(totals)},')
        out.append('      "layers": [')
        for j, r in enumerate(layers):
            out.append(f'        {json.dumps(r)}' + (',' if j < len(layers) - 1 else ''))
        out.append('      ]')
        out.append('    }' + (',' if k < len(nets) - 1 else ''))
    out.append('  }')
    out.append('}')
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
