#!/usr/bin/env python3
"""Rebuilds fire717/movenet.pytorch's single-person MoveNet and traces it to TorchScript.

usage: export_movenet.py SRC.pth OUT_PREFIX [--input 192] [--reference TS] [--require-reference]
                         [--tol T] [--tf32] [--keep-debug]

Writes OUT_PREFIX.torchscript.pt (weights as parameters/buffers, batch dynamic), only after
the checks below passed.

Architecture, written here from the repository's published model description
(lib/models/movenet_mobilenetv3.py of fire717/movenet.pytorch, MIT). Despite the file
name (and the checkpoint name "mbv3"), that backbone is **ShuffleNetV2-like**, not
MobileNetV3: a stride-2 3x3 stem (24 channels, no max-pool), three stages of ShuffleNetV2
units (4/8/4 units, 64/128/192 channels, channel shuffle with 2 groups), then a small FPN
(depthwise 3x3 + 1x1 + bilinear x2 upsampling, lateral 1x1 convolutions added) down to 24
channels at 1/4 resolution, and four heads (depthwise 3x3 + 1x1 to 96, then 1x1):
  heatmaps 17 and centre 1, through 0.5 * x / (1 + |x|) + 0.5 (the repository calls this
  "HardSigmoid"; it is a soft-sign squashed into (0, 1), not torch's hardsigmoid),
  regressions 34 and offsets 34, raw.
Input N x 3 x 192 x 192 RGB 0-255 (x / 127.5 - 1 inside); outputs at 48 x 48.

Checks: the checkpoint must load strictly (every name and shape); batch consistency (a
batch of 4 different pictures against the single passes); and, where the reference
TorchScript file is found (default: the test data's pose/movenet_mbv3_192.torchscript.pt),
the same pictures through both must agree. Without a reference the script says so and
relies on the strict load alone; --require-reference makes that an error.
"""
import argparse
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # run from a checkout: leave no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ts_export_common import (ExportError, as_tuple, check_batch_consistency, data_dir,  # noqa: E402
                              golden_picture, load_torchscript_bytes, max_abs_diff,
                              serialise, sha256_file, smooth_noise, write_file, set_tf32)

KEYPOINTS = 17


def bn(c):
    return nn.BatchNorm2d(c)


def depthwise(c, stride=1, bias=False):
    return nn.Conv2d(c, c, 3, stride, 1, groups=c, bias=bias)


def pointwise(cin, cout, bias=False):
    return nn.Conv2d(cin, cout, 1, 1, 0, bias=bias)


def dw_block(cin, cout):
    """depthwise 3x3, BN, pointwise, BN, ReLU (no activation between the two convs)."""
    return nn.Sequential(depthwise(cin), bn(cin), pointwise(cin, cout), bn(cout), nn.ReLU(True))


class ShuffleUnit(nn.Module):
    """ShuffleNetV2 unit. Stride 1: half the channels pass through, the other half go
    through branch2. Stride 2: both branches see the whole input and halve the size."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        half = cout // 2
        self.stride = stride
        if stride > 1:
            self.branch1 = nn.Sequential(depthwise(cin, stride), bn(cin), pointwise(cin, half),
                                         bn(half), nn.ReLU(True))
        else:
            if cin != cout:
                raise ValueError("a stride-1 unit keeps its channel count")
            self.branch1 = nn.Sequential()
        self.branch2 = nn.Sequential(
            pointwise(cin if stride > 1 else half, half), bn(half), nn.ReLU(True),
            depthwise(half, stride), bn(half),
            pointwise(half, half), bn(half), nn.ReLU(True))

    def forward(self, x):
        if self.stride == 1:
            keep, work = x.chunk(2, dim=1)
            y = torch.cat((keep, self.branch2(work)), dim=1)
        else:
            y = torch.cat((self.branch1(x), self.branch2(x)), dim=1)
        # Channel shuffle, 2 groups; sizes read from the tensor so the batch stays dynamic.
        n, c, h, w = y.size()
        return y.view(n, 2, c // 2, h, w).transpose(1, 2).contiguous().view(n, -1, h, w)


def up_block(cin, cout):
    return nn.Sequential(depthwise(cin, bias=True), nn.ReLU(True),
                         nn.Sequential(pointwise(cin, cout), bn(cout), nn.ReLU(True)),
                         nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False))


class Backbone(nn.Module):
    def __init__(self, repeats=(4, 8, 4), channels=(24, 64, 128, 192)):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(3, channels[0], 3, 2, 1, bias=False),
                                   bn(channels[0]), nn.ReLU(True))
        cin = channels[0]
        for i, (n, cout) in enumerate(zip(repeats, channels[1:])):
            units = [ShuffleUnit(cin, cout, 2)] + [ShuffleUnit(cout, cout, 1) for _ in range(n - 1)]
            setattr(self, f"stage{i + 2}", nn.Sequential(*units))
            cin = cout
        self.upsample2 = up_block(channels[3], channels[2])
        self.upsample1 = up_block(channels[2], channels[1])
        self.conv3 = pointwise(channels[2], channels[2], bias=True)
        self.conv2 = pointwise(channels[1], channels[1], bias=True)
        self.conv4 = dw_block(channels[1], 24)

    def forward(self, x):
        x = x / 127.5 - 1.0
        f1 = self.stage2(self.conv1(x))   # 1/4
        f2 = self.stage3(f1)              # 1/8
        x = self.upsample2(self.stage4(f2)) + self.conv3(f2)
        x = self.upsample1(x) + self.conv2(f1)
        return self.conv4(x)


class SoftSignSigmoid(nn.Module):
    """0.5 * x / (1 + |x|) + 0.5, named "HardSigmoid" in the original repository."""

    def forward(self, x):
        return 0.5 * (x / (1 + torch.abs(x))) + 0.5


class Header(nn.Module):
    def __init__(self, k=KEYPOINTS):
        super().__init__()
        self.header_heatmaps = nn.Sequential(dw_block(24, 96), pointwise(96, k, True),
                                             SoftSignSigmoid())
        self.header_centers = nn.Sequential(dw_block(24, 96), pointwise(96, 1, True),
                                            SoftSignSigmoid())
        self.header_regs = nn.Sequential(dw_block(24, 96), pointwise(96, 2 * k, True))
        self.header_offsets = nn.Sequential(dw_block(24, 96), pointwise(96, 2 * k, True))

    def forward(self, x):
        return (self.header_heatmaps(x), self.header_centers(x), self.header_regs(x),
                self.header_offsets(x))


class MoveNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = Backbone()
        self.header = Header()

    def forward(self, x):
        return self.header(self.backbone(x))


def load_checkpoint(path):
    sd = torch.load(path, map_location="cpu")
    if isinstance(sd, dict) and "state_dict" in sd and isinstance(sd["state_dict"], dict):
        sd = sd["state_dict"]
    sd = {k[7:] if k.startswith("module.") else k: v for k, v in sd.items()}
    net = MoveNet()
    own = net.state_dict()
    missing = sorted(set(own) - set(sd))
    unexpected = sorted(set(sd) - set(own))
    wrong = sorted(k for k in set(own) & set(sd) if tuple(own[k].shape) != tuple(sd[k].shape))
    if missing or unexpected or wrong:
        raise ExportError("the checkpoint does not match the architecture: "
                          f"missing {missing[:5]} ({len(missing)}), unexpected {unexpected[:5]} "
                          f"({len(unexpected)}), wrong shape {wrong[:5]} ({len(wrong)})")
    net.load_state_dict(sd, strict=True)
    return net.eval(), len(sd)


def test_pictures(size):
    """4 different RGB 0–255 pictures: a person cut from the golden street picture (when
    the test data is there), then smooth noise."""
    pics = []
    bus = golden_picture()  # BGR letterbox 416; person box of the reference detections
    if bus is not None:
        crop = bus[:, :, 150:348, 18:84].flip(1)  # BGR -> RGB, about 66 x 198 px
        pad = torch.zeros(1, 3, 198, 198)
        pad[:, :, :, 66:132] = crop
        pics.append(F.interpolate(pad, size=(size, size), mode="bilinear", align_corners=False))
    pics.append(smooth_noise(4, 3, size, size, seed=7))
    return torch.cat(pics)[:4]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="checkpoint .pth of fire717/movenet.pytorch")
    ap.add_argument("out_prefix", help="writes OUT_PREFIX.torchscript.pt")
    ap.add_argument("--input", type=int, default=192, help="square input size (default 192)")
    ap.add_argument("--reference", help="TorchScript file to compare with (default: "
                                        "$VIGIE_DATA_DIR/models/pose/movenet_mbv3_192.torchscript.pt)")
    ap.add_argument("--require-reference", action="store_true",
                    help="fail when no reference TorchScript file is available")
    ap.add_argument("--tol", type=float, default=1e-4, help="max abs diff allowed")
    ap.add_argument("--tf32", action="store_true",
                    help="let the convolutions use TF32 on recent GPUs (baked into the trace; "
                         "default: exact fp32)")
    ap.add_argument("--keep-debug", action="store_true",
                    help="keep the trace's debug records (bytes then depend on the machine)")
    args = ap.parse_args(argv)
    set_tf32(args.tf32)
    if args.input % 32:
        raise ExportError("--input must be a multiple of 32")

    print(f"torch {torch.__version__}")
    print(f"source {args.src}  sha256 {sha256_file(args.src)}")
    net, n = load_checkpoint(args.src)
    print(f"checkpoint: {n} tensors, all names and shapes match the architecture "
          f"({sum(p.numel() for p in net.parameters())} parameters)")
    pics = test_pictures(args.input)
    with torch.no_grad():
        eager = net(pics[:1])
        print("outputs for one picture: " + ", ".join(str(tuple(o.shape)) for o in eager))
        traced = torch.jit.trace(net, pics[:2], check_trace=False)
        data = serialise(traced, args.keep_debug)
        m = load_torchscript_bytes(data).eval()
        d1 = max(max_abs_diff(a, b) for a, b in zip(as_tuple(m(pics[:1])), eager))
        print(f"(b) parity trace vs eager model (batch 1): max abs diff {d1:.3g}")
        if not d1 <= args.tol:
            raise ExportError(f"the trace differs from the eager model by {d1:.3g}")
        d4 = check_batch_consistency(m, pics, "movenet", args.tol)
        print(f"(a) batch consistency: batch {pics.shape[0]} vs single passes: "
              f"max abs diff {d4:.3g}")

        ref = args.reference or os.path.join(data_dir(), "models", "pose",
                                             "movenet_mbv3_192.torchscript.pt")
        if os.path.isfile(ref):
            r = torch.jit.load(ref, map_location="cpu").eval()
            ours = as_tuple(m(pics))
            try:
                theirs = as_tuple(r(pics))
                how = f"batch of {pics.shape[0]}"
            except RuntimeError:
                theirs = tuple(torch.cat(t) for t in zip(*[as_tuple(r(pics[i:i + 1]))
                                                           for i in range(pics.shape[0])]))
                how = "one picture at a time (the reference refused a batch)"
            if len(ours) != len(theirs):
                raise ExportError(f"{len(ours)} outputs, the reference has {len(theirs)}")
            diffs = [max_abs_diff(a, b) for a, b in zip(ours, theirs)]
            print(f"(b) vs reference {ref} ({how}): max abs diff per output "
                  f"heatmaps/centers/regs/offsets = " + ", ".join(f"{d:.3g}" for d in diffs))
            if not max(diffs) <= args.tol:
                raise ExportError(f"differs from the reference by {max(diffs):.3g}")
        elif args.require_reference:
            raise ExportError(f"no reference TorchScript file at {ref}")
        else:
            print(f"note: no reference TorchScript at {ref}: checked by the strict weight "
                  "load and the batch test only")
    path = args.out_prefix + ".torchscript.pt"
    digest = write_file(path, data)
    print(f"(c) wrote {path}  {len(data)} bytes  sha256 {digest}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ExportError as e:
        sys.exit(f"export_movenet: FAILED, nothing written: {e}")
