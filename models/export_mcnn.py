#!/usr/bin/env python3
"""Rebuilds MCNN (svishwa/crowdcount-mcnn) from its .h5 weights and traces it to TorchScript.

usage: export_mcnn.py SRC.h5 OUT_PREFIX [--reference TS] [--require-reference] [--tol T]
                      [--tf32] [--keep-debug]

Writes OUT_PREFIX.torchscript.pt (weights as parameters, any batch and any picture size),
only after the checks below passed.

Architecture, written here from the paper (Zhang et al., "Single-Image Crowd Counting via
Multi-Column Convolutional Neural Network", CVPR 2016) and the repository's model
description (src/models.py, src/network.py), without batch normalisation (bn=False, as
the published weights were trained): three columns on the grayscale picture, each
  conv k1 -> ReLU -> maxpool 2 -> conv k2 -> ReLU -> maxpool 2 -> conv k2 -> ReLU
  -> conv k2 -> ReLU     ("same" padding (k-1)/2, stride 1, with bias)
  column 1: 9,7,7,7 kernels, 16-32-16-8 channels
  column 2: 7,5,5,5 kernels, 20-40-20-10 channels
  column 3: 5,3,3,3 kernels, 24-48-24-12 channels
concatenated (30 channels) and fused by a 1x1 convolution to 1 channel, followed by a ReLU
(the repository's Conv2d wrapper applies ReLU by default, the fuse layer included).
Input N x 1 x H x W grayscale 0-255, no normalisation (the repository's loader feeds
cv2.imread(..., 0) as float); output N x 1 x floor(floor(H/2)/2) x floor(floor(W/2)/2)
density map, count = sum.

The .h5 files (h5py) hold the weights of the repository's CrowdCounter, names
'DME.<column>.<index>.conv.{weight,bias}'; every one must be used and match in shape.
Checks: batch consistency (3 different pictures), several picture sizes, and, where the
reference TorchScript file is found (default: the test data's
crowd/<name of SRC>.torchscript.pt), the same pictures through both must agree.
"""
import argparse
import os
import sys

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # run from a checkout: leave no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ts_export_common import (ExportError, check_batch_consistency, data_dir,  # noqa: E402
                              golden_picture, load_torchscript_bytes, max_abs_diff,
                              serialise, sha256_file, smooth_noise, write_file, set_tf32)

COLUMNS = {  # name: (first kernel, other kernel, channels)
    "branch1": (9, 7, (16, 32, 16, 8)),
    "branch2": (7, 5, (20, 40, 20, 10)),
    "branch3": (5, 3, (24, 48, 24, 12)),
}


class ConvReLU(nn.Module):
    def __init__(self, cin, cout, k):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, 1, (k - 1) // 2)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.relu(self.conv(x))


def column(k1, k2, ch):
    return nn.Sequential(ConvReLU(1, ch[0], k1), nn.MaxPool2d(2),
                         ConvReLU(ch[0], ch[1], k2), nn.MaxPool2d(2),
                         ConvReLU(ch[1], ch[2], k2), ConvReLU(ch[2], ch[3], k2))


class MCNN(nn.Module):
    def __init__(self):
        super().__init__()
        for name, (k1, k2, ch) in COLUMNS.items():
            setattr(self, name, column(k1, k2, ch))
        self.fuse = nn.Sequential(ConvReLU(sum(c[2][3] for c in COLUMNS.values()), 1, 1))

    def forward(self, x):
        return self.fuse(torch.cat((self.branch1(x), self.branch2(x), self.branch3(x)), 1))


def load_h5(path):
    try:
        import h5py
    except ImportError:
        raise ExportError("the h5py Python package is missing (Debian: apt-get install "
                          "python3-h5py)") from None
    import numpy as np
    with h5py.File(path, "r") as f:
        stored = {}
        f.visititems(lambda k, v: stored.__setitem__(k, np.asarray(v))
                     if isinstance(v, h5py.Dataset) else None)
    net = MCNN()
    own = net.state_dict()
    prefix = "DME."
    wanted = {prefix + k for k in own}
    missing = sorted(wanted - set(stored))
    unexpected = sorted(set(stored) - wanted)
    wrong = sorted(k for k in own if prefix + k in stored
                   and tuple(stored[prefix + k].shape) != tuple(own[k].shape))
    if missing or unexpected or wrong:
        raise ExportError("the .h5 weights do not match the architecture: "
                          f"missing {missing[:5]} ({len(missing)}), unexpected {unexpected[:5]} "
                          f"({len(unexpected)}), wrong shape {wrong[:5]} ({len(wrong)})")
    net.load_state_dict({k: torch.from_numpy(stored[prefix + k].astype("float32"))
                         for k in own}, strict=True)
    return net.eval(), len(stored)


def test_pictures(h, w):
    """3 different grayscale 0–255 pictures of h×w: the golden street picture (when the test
    data is there) and smooth noise."""
    pics = []
    bus = golden_picture()
    if bus is not None:
        # BGR -> gray with the usual weights, cut/padded to h×w.
        gray = (0.114 * bus[:, 0] + 0.587 * bus[:, 1] + 0.299 * bus[:, 2]).unsqueeze(1)
        canvas = torch.zeros(1, 1, h, w)
        hh, ww = min(h, 416), min(w, 416)
        canvas[:, :, :hh, :ww] = gray[:, :, :hh, :ww]
        pics.append(canvas)
    pics.append(smooth_noise(3, 1, h, w, seed=11))
    return torch.cat(pics)[:3]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="mcnn_shtech{A,B}_*.h5 of svishwa/crowdcount-mcnn")
    ap.add_argument("out_prefix", help="writes OUT_PREFIX.torchscript.pt")
    ap.add_argument("--reference", help="TorchScript file to compare with (default: "
                                        "$VIGIE_DATA_DIR/models/crowd/<SRC name>.torchscript.pt)")
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

    print(f"torch {torch.__version__}")
    print(f"source {args.src}  sha256 {sha256_file(args.src)}")
    net, n = load_h5(args.src)
    print(f"weights: {n} arrays, all used, names and shapes match "
          f"({sum(p.numel() for p in net.parameters())} parameters)")
    sizes = [(240, 320), (416, 416), (203, 301)]  # the last one is not a multiple of 4
    ref_path = args.reference or os.path.join(
        data_dir(), "models", "crowd",
        os.path.splitext(os.path.basename(args.src))[0] + ".torchscript.pt")
    ref = torch.jit.load(ref_path, map_location="cpu").eval() if os.path.isfile(ref_path) else None
    if ref is None and args.require_reference:
        raise ExportError(f"no reference TorchScript file at {ref_path}")
    with torch.no_grad():
        example = test_pictures(*sizes[0])
        traced = torch.jit.trace(net, example[:2], check_trace=False)
        data = serialise(traced, args.keep_debug)
        m = load_torchscript_bytes(data).eval()
        worst_ref = 0.0
        for h, w in sizes:
            pics = test_pictures(h, w)
            out = m(pics)
            expect = (pics.shape[0], 1, h // 2 // 2, w // 2 // 2)
            if tuple(out.shape) != expect:
                raise ExportError(f"{h}x{w}: output {tuple(out.shape)}, expected {expect}")
            de = max_abs_diff(m(pics[:1]), net(pics[:1]))
            db = check_batch_consistency(m, pics, f"mcnn {h}x{w}", args.tol)
            line = (f"{h}x{w}: output {tuple(out.shape)}, counts "
                    f"{', '.join(f'{float(c):.1f}' for c in out.sum((1, 2, 3)))}; "
                    f"(a) batch {pics.shape[0]} vs single passes max abs diff {db:.3g}; "
                    f"(b) trace vs eager {de:.3g}")
            if not de <= args.tol:
                raise ExportError(f"the trace differs from the eager model by {de:.3g}")
            if ref is not None:
                dr = max_abs_diff(out, ref(pics))
                worst_ref = max(worst_ref, dr)
                line += f"; vs reference {dr:.3g}"
            print(line)
        if ref is not None:
            print(f"(b) vs reference {ref_path}: max abs diff {worst_ref:.3g}")
            if not worst_ref <= args.tol:
                raise ExportError(f"differs from the reference by {worst_ref:.3g}")
        else:
            print(f"note: no reference TorchScript at {ref_path}: checked by the strict weight "
                  "load and the batch/size tests only")
    path = args.out_prefix + ".torchscript.pt"
    digest = write_file(path, data)
    print(f"(c) wrote {path}  {len(data)} bytes  sha256 {digest}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ExportError as e:
        sys.exit(f"export_mcnn: FAILED, nothing written: {e}")
