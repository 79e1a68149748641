#!/usr/bin/env python3
"""Converts an official YOLOX ONNX release into TorchScript with a dynamic batch.

usage: export_yolox.py SRC.onnx OUT_PREFIX [--input SIZE] [--golden-input RAW
                       --golden-output NPY] [--require-golden] [--tol T] [--tf32] [--keep-debug]

Writes, only once every check below has passed:
  OUT_PREFIX.torchscript.pt           frozen (weights baked in as fp32 constants): CPU
  OUT_PREFIX.unfrozen.torchscript.pt  weights as buffers, so .to(torch.half) works: GPU FP16

How: the ONNX graph (opset 11 to 13) is read with the `onnx` package and evaluated by the
small interpreter below, written with torch ops; torch.jit.trace records that evaluation.
Only the ops of the YOLOX releases are supported (Conv, Sigmoid, Mul, Add, Concat, Slice,
MaxPool, Reshape, Resize nearest, Transpose; Constant nodes as static values): any other op
stops the script before anything is written, with the list of what is missing.

Dynamic batch: the official files were exported at batch 1 and fold that 1 into their
Reshape constants (`reshape(1, 85, -1)`), which mixes the images of a larger batch. The
interpreter follows which values carry the batch in their first dimension and, for those,
replaces a leading shape constant equal to the export batch by the input's batch size
(x.size(0) in the trace). Anything that would move the batch elsewhere (a Concat, Slice or
Transpose on dimension 0, a Reshape whose first entry is not the batch) is refused.

Checks, printed: (a) batch consistency of both files (batch of 2 and of 8 different images
against their single-image passes); (b) parity with the interpreter and, where the golden
files of this ONNX file are found (or given), with the output OpenCV DNN computed
independently; (c) the SHA-256 of each file written. Runs with torch 1.13 (Debian's
/usr/bin/python3) and torch 2.x. The bytes of a trace depend on the torch version.

Convolutions are traced with TF32 off (the flag is baked into the file), so the fp32 file
computes in fp32 on a GPU too; --tf32 bakes it on (faster on Ampere and later, ~1e-3
relative error). On a machine with CUDA the script also prints GPU fp32 and FP16 figures.
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.dont_write_bytecode = True  # run from a checkout: leave no __pycache__ behind
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ts_export_common import (ExportError, check_batch_consistency, data_dir,  # noqa: E402
                              float_tensor_constants, load_torchscript_bytes, max_abs_diff,
                              serialise, sha256_file, write_file, set_tf32)

try:
    import onnx
    from onnx import numpy_helper
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit("export_yolox: the 'onnx' Python package is missing "
             "(Debian: apt-get install python3-onnx)")

SUPPORTED_OPS = ("Conv", "Sigmoid", "Mul", "Add", "Concat", "Slice", "MaxPool", "Reshape",
                 "Resize", "Transpose")
STATIC_OPS = ("Constant",)
OPSETS = (11, 12, 13)
INT64_MAX = 2 ** 63 - 1

# Golden files that belong to one exact ONNX file (by SHA-256), relative to the data folder.
KNOWN_GOLDEN = {
    # YOLOX 0.1.1rc0 release yolox_nano.onnx, 416x416.
    "e8af074932d4ed7e232278e3055cefcdea3edf178874a3694ae292649fb464dd": (
        "golden/yolox_nano/bus_input_1x3x416x416_f32.raw",
        "golden/yolox_nano/bus_yolox_nano_opencvdnn_output.npy",
    ),
}


def _attrs(node):
    out = {}
    for a in node.attribute:
        v = onnx.helper.get_attribute_value(a)
        out[a.name] = v.decode() if isinstance(v, bytes) else v
    return out


def _fail(node, why):
    raise ExportError(f"{node.op_type} node '{node.name or node.output[0]}': {why}")


def _identifier(name, taken):
    base = "p_" + "".join(c if c.isalnum() else "_" for c in name)
    ident, i = base, 1
    while ident in taken:
        ident, i = f"{base}_{i}", i + 1
    taken.add(ident)
    return ident


class OnnxYolox(nn.Module):
    """Evaluates a YOLOX ONNX graph with torch ops: the interpreter that is traced.

    Every float initializer or Constant becomes a buffer (so .to(torch.half) converts it);
    integer constants are read at build time as the static parameters of Slice, Reshape
    and Resize, and may not feed any other op."""

    def __init__(self, model):
        super().__init__()
        graph = model.graph
        self.opset = self._opset(model)
        static = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
        inputs = [i for i in graph.input if i.name not in static]
        if len(inputs) != 1:
            raise ExportError(f"expected one graph input, found {[i.name for i in inputs]}")
        self.input_name = inputs[0].name
        dims = inputs[0].type.tensor_type.shape.dim
        self.input_shape = [d.dim_value if d.HasField("dim_value") else None for d in dims]
        if len(self.input_shape) != 4 or self.input_shape[1] != 3:
            raise ExportError(f"expected an N x 3 x H x W input, found {self.input_shape}")
        # The batch the file was exported with (a symbolic batch counts as 1).
        self.export_batch = self.input_shape[0] or 1
        self.output_names = [o.name for o in graph.output]

        missing = {}
        for n in graph.node:
            if n.domain not in ("", "ai.onnx") or n.op_type not in SUPPORTED_OPS + STATIC_OPS:
                key = f"{n.domain + '::' if n.domain else ''}{n.op_type}"
                missing[key] = missing.get(key, 0) + 1
        if missing:
            raise ExportError("unsupported ONNX ops (count): " +
                              ", ".join(f"{k} ({v})" for k, v in sorted(missing.items())) +
                              f"; supported: {', '.join(SUPPORTED_OPS)}")

        ranks = self._ranks(model)
        taken = set()
        self._buffer_of = {}
        produced = {self.input_name}
        batched = {self.input_name}  # values whose dimension 0 is the batch
        self.program = []
        for node in graph.node:
            a = _attrs(node)
            if node.op_type == "Constant":
                if "value" not in a:
                    _fail(node, "only the 'value' form of Constant is supported")
                static[node.output[0]] = numpy_helper.to_array(a["value"])
                continue
            step = self._compile(node, a, static, produced, batched, ranks, taken)
            self.program.append(step)
            for o in node.output:
                if o:
                    produced.add(o)
        for name in self.output_names:
            if name not in produced:
                raise ExportError(f"graph output '{name}' is not computed by any node")
        self.dynamic_reshapes = sum(1 for s in self.program if s[0] == "Reshape" and s[3]["dyn"])

    @staticmethod
    def _opset(model):
        opset = None
        for imp in model.opset_import:
            if imp.domain in ("", "ai.onnx"):
                opset = imp.version
        if opset not in OPSETS:
            raise ExportError(f"ONNX opset {opset} is not supported (supported: "
                              f"{', '.join(map(str, OPSETS))}); the YOLOX releases use 11")
        return opset

    @staticmethod
    def _ranks(model):
        try:
            inferred = onnx.shape_inference.infer_shapes(model)
        except Exception:  # noqa: BLE001 - ranks are only needed for negative axes
            return {}
        ranks = {}
        for vi in list(inferred.graph.value_info) + list(inferred.graph.input) + \
                list(inferred.graph.output):
            if vi.type.tensor_type.HasField("shape"):
                ranks[vi.name] = len(vi.type.tensor_type.shape.dim)
        return ranks

    def _ref(self, node, name, static, produced, taken, allow_int=False):
        """A runtime input: ('v', value name) or ('b', buffer name)."""
        if name in produced:
            return ("v", name)
        if name in static:
            arr = static[name]
            if arr.dtype.kind != "f":
                if allow_int:
                    return ("i", name)
                _fail(node, f"integer constant '{name}' used as data")
            if name not in self._buffer_of:
                ident = _identifier(name, taken)
                self.register_buffer(ident, torch.from_numpy(arr.astype(np.float32).copy()))
                self._buffer_of[name] = ident
            return ("b", self._buffer_of[name])
        _fail(node, f"input '{name}' is neither computed before nor a constant")

    @staticmethod
    def _static_ints(node, static, name, what):
        if name not in static:
            _fail(node, f"{what} ('{name}') must be a constant: shape computations at run "
                        "time are not supported")
        return [int(v) for v in np.array(static[name]).reshape(-1)]

    @staticmethod
    def _axis(node, axis, name, ranks):
        if axis >= 0:
            return axis
        if name not in ranks:
            _fail(node, f"negative axis {axis} on a value of unknown rank")
        return axis + ranks[name]

    def _compile(self, node, a, static, produced, batched, ranks, taken):
        op = node.op_type
        ins = list(node.input)
        ref = lambda name: self._ref(node, name, static, produced, taken)  # noqa: E731
        is_b = lambda name: name in batched  # noqa: E731
        out = node.output[0]
        params = {}
        if op == "Conv":
            if a.get("auto_pad", "NOTSET") != "NOTSET":
                _fail(node, "auto_pad is not supported (explicit pads only)")
            w = static.get(ins[1])
            if w is None or w.ndim != 4:
                _fail(node, "only 2-D convolutions with constant weights are supported")
            if is_b(ins[1]):
                _fail(node, "weights carry the batch")
            pads = list(a.get("pads", [0, 0, 0, 0]))
            params = dict(stride=tuple(a.get("strides", [1, 1])),
                          dilation=tuple(a.get("dilations", [1, 1])), groups=int(a.get("group", 1)),
                          pad=(pads[0], pads[1]) if pads[:2] == pads[2:] else None,
                          pad4=(pads[1], pads[3], pads[0], pads[2]))
            refs = [ref(ins[0]), ref(ins[1])] + ([ref(ins[2])] if len(ins) > 2 and ins[2] else [])
            flag = is_b(ins[0])
        elif op == "Sigmoid":
            refs, flag = [ref(ins[0])], is_b(ins[0])
        elif op in ("Add", "Mul"):
            refs, flag = [ref(ins[0]), ref(ins[1])], is_b(ins[0]) or is_b(ins[1])
        elif op == "Concat":
            axis = self._axis(node, int(a["axis"]), out, ranks)
            flags = [is_b(i) for i in ins]
            if any(flags) and (axis == 0 or not all(flags)):
                _fail(node, "concatenates along the batch, or joins batched values with "
                            "constants of a fixed batch")
            params = dict(axis=axis)
            refs, flag = [ref(i) for i in ins], any(flags)
        elif op == "Slice":
            starts = self._static_ints(node, static, ins[1], "starts")
            ends = self._static_ints(node, static, ins[2], "ends")
            axes = (self._static_ints(node, static, ins[3], "axes")
                    if len(ins) > 3 and ins[3] else list(range(len(starts))))
            steps = (self._static_ints(node, static, ins[4], "steps")
                     if len(ins) > 4 and ins[4] else [1] * len(starts))
            cuts = []
            for s, e, ax, st in zip(starts, ends, axes, steps):
                ax = self._axis(node, ax, ins[0], ranks)
                if st < 1:
                    _fail(node, f"step {st} is not supported (positive steps only)")
                if ax == 0 and is_b(ins[0]) and not (s == 0 and e >= INT64_MAX // 2 and st == 1):
                    _fail(node, "slices the batch dimension")
                # An end past any real size (INT64_MAX in the releases) means "to the end":
                # kept open so that the trace bakes in no image size.
                cuts.append((ax, s, None if e >= INT64_MAX // 2 else e, st))
            params = dict(cuts=cuts)
            refs, flag = [ref(ins[0])], is_b(ins[0])
        elif op == "MaxPool":
            if a.get("auto_pad", "NOTSET") != "NOTSET" or len([o for o in node.output if o]) > 1:
                _fail(node, "auto_pad and the indices output are not supported")
            if a.get("storage_order", 0) != 0:
                _fail(node, "storage_order 1 is not supported")
            k = list(a["kernel_shape"])
            if len(k) != 2:
                _fail(node, "only 2-D pooling is supported")
            pads = list(a.get("pads", [0, 0, 0, 0]))
            params = dict(kernel=tuple(k), stride=tuple(a.get("strides", [1, 1])),
                          dilation=tuple(a.get("dilations", [1, 1])),
                          ceil=bool(a.get("ceil_mode", 0)),
                          pad=(pads[0], pads[1]) if pads[:2] == pads[2:] else None,
                          pad4=(pads[1], pads[3], pads[0], pads[2]))
            refs, flag = [ref(ins[0])], is_b(ins[0])
        elif op == "Reshape":
            shape = self._static_ints(node, static, ins[1], "shape")
            if a.get("allowzero", 0):
                _fail(node, "allowzero=1 is not supported")
            dyn = False
            if is_b(ins[0]):
                if shape[0] == self.export_batch and shape[0] != 0:
                    dyn = True  # the export batch folded into the shape: use the input's
                elif shape[0] == 0:
                    pass  # 0 copies the input's dimension 0: already the batch
                elif shape[0] == -1 and shape.count(-1) == 1 and 0 not in shape[1:]:
                    pass  # the batch is what is left over: dynamic as it is
                else:
                    _fail(node, f"shape {shape} does not keep the batch in dimension 0")
            params = dict(shape=shape, dyn=dyn)
            refs, flag = [ref(ins[0])], is_b(ins[0])
        elif op == "Resize":
            mode = a.get("mode", "nearest")
            ctm = a.get("coordinate_transformation_mode", "half_pixel")
            nearest = a.get("nearest_mode", "round_prefer_floor")
            if (mode, ctm, nearest) != ("nearest", "asymmetric", "floor"):
                _fail(node, f"only mode=nearest with coordinate_transformation_mode=asymmetric "
                            f"and nearest_mode=floor is supported (found {mode}/{ctm}/{nearest})")
            scales = None
            if len(ins) > 2 and ins[2]:
                if ins[2] not in static:
                    _fail(node, "scales must be a constant")
                scales = [float(v) for v in np.array(static[ins[2]]).reshape(-1)]
            if not scales:
                if len(ins) > 3 and ins[3]:
                    _fail(node, "a 'sizes' input (fixed output size) is not supported: "
                                "export the ONNX with scales")
                _fail(node, "no scales given")
            if len(scales) != 4 or scales[0] != 1.0 or scales[1] != 1.0:
                _fail(node, f"scales {scales}: only H and W may be scaled")
            for s in scales[2:]:
                # PyTorch's 'nearest' reads floor(dst * (1 / s)), ONNX floor(dst / s): the
                # same numbers exactly when 1/s is exact, i.e. s a power of two.
                if s < 1 or s != 2.0 ** round(np.log2(s)):
                    _fail(node, f"scale {s}: only power-of-two upsampling is supported")
            params = dict(scale=(scales[2], scales[3]))
            refs, flag = [ref(ins[0])], is_b(ins[0])
        elif op == "Transpose":
            perm = list(a["perm"])
            if is_b(ins[0]) and perm[0] != 0:
                _fail(node, f"perm {perm} moves the batch dimension")
            params = dict(perm=perm)
            refs, flag = [ref(ins[0])], is_b(ins[0])
        else:  # pragma: no cover - filtered in __init__
            _fail(node, "unsupported")
        if flag:
            batched.add(out)
        return (op, refs, out, params)

    # --- evaluation -------------------------------------------------------------------
    def forward(self, x):
        env = {self.input_name: x}
        for op, refs, out, p in self.program:
            args = [env[r] if kind == "v" else getattr(self, r) for kind, r in refs]
            env[out] = self._run(op, args, p)
        outs = [env[o] for o in self.output_names]
        return outs[0] if len(outs) == 1 else tuple(outs)

    @staticmethod
    def _run(op, args, p):
        if op == "Conv":
            x, w = args[0], args[1]
            b = args[2] if len(args) > 2 else None
            if p["pad"] is None:
                return F.conv2d(F.pad(x, p["pad4"]), w, b, p["stride"], 0, p["dilation"],
                                p["groups"])
            return F.conv2d(x, w, b, p["stride"], p["pad"], p["dilation"], p["groups"])
        if op == "Sigmoid":
            return torch.sigmoid(args[0])
        if op == "Add":
            return args[0] + args[1]
        if op == "Mul":
            return args[0] * args[1]
        if op == "Concat":
            return torch.cat(args, dim=p["axis"])
        if op == "Slice":
            y = args[0]
            for ax, s, e, st in p["cuts"]:
                idx = [slice(None)] * y.dim()
                idx[ax] = slice(s, e, st)
                y = y[tuple(idx)]
            return y
        if op == "MaxPool":
            x = args[0]
            if p["pad"] is None:
                x = F.pad(x, p["pad4"], value=float("-inf"))
                pad = (0, 0)
            else:
                pad = p["pad"]
            return F.max_pool2d(x, p["kernel"], p["stride"], pad, p["dilation"],
                                ceil_mode=p["ceil"])
        if op == "Reshape":
            x = args[0]
            # 0 copies the input's dimension; the tracer records x.size(i) as aten::size,
            # so these entries, and the batch of a folded export batch, stay dynamic.
            shape = [x.size(i) if s == 0 else s for i, s in enumerate(p["shape"])]
            if p["dyn"]:
                shape[0] = x.size(0)
            return x.reshape(shape)
        if op == "Resize":
            return F.interpolate(args[0], scale_factor=p["scale"], mode="nearest")
        if op == "Transpose":
            return args[0].permute(p["perm"])
        raise ExportError(f"op {op} reached the evaluator")  # pragma: no cover


# --- test pictures ----------------------------------------------------------------------
def test_images(first, count, size):
    """`count` different 1×3×size×size BGR 0–255 pictures, `first` (if any) first."""
    g = torch.Generator().manual_seed(20240601)
    pics = []
    if first is not None:
        pics += [first, first.flip(3)]  # the real picture and its mirror
    pics.append(torch.full((1, 3, size, size), 114.0))  # letterbox padding only
    pics.append((torch.arange(3 * size * size, dtype=torch.float32) % 251.0)
                .view(1, 3, size, size))  # the C++ runner's batching probe
    while len(pics) < count:
        # Smooth noise (blocks of 8 px), closer to a picture than pixel noise.
        low = torch.rand(1, 3, size // 8, size // 8, generator=g) * 255.0
        pics.append(F.interpolate(low, size=(size, size), mode="bilinear", align_corners=False))
    return torch.cat(pics[:count])


def load_golden(args, onnx_sha, size):
    gi, go = args.golden_input, args.golden_output
    if gi is None and go is None and onnx_sha in KNOWN_GOLDEN:
        rel_in, rel_out = KNOWN_GOLDEN[onnx_sha]
        gi, go = os.path.join(data_dir(), rel_in), os.path.join(data_dir(), rel_out)
        if not (os.path.isfile(gi) and os.path.isfile(go)):
            msg = f"golden files of this ONNX file not found under {data_dir()}"
            if args.require_golden:
                raise ExportError(msg)
            print(f"note: {msg}: parity with OpenCV DNN skipped (interpreter parity only)")
            return None, None
    if gi is None or go is None:
        if args.require_golden:
            raise ExportError("--require-golden: no golden files known for this ONNX file; "
                              "give --golden-input and --golden-output")
        print("note: no golden files for this ONNX file: parity with an independent "
              "runtime skipped (interpreter parity only)")
        return None, None
    raw = np.fromfile(gi, dtype=np.float32)
    if raw.size != 3 * size * size:
        raise ExportError(f"{gi}: {raw.size} floats, expected 1x3x{size}x{size}")
    ref = np.load(go)
    return torch.from_numpy(raw.reshape(1, 3, size, size).copy()), torch.from_numpy(ref)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="official YOLOX ONNX file (opset 11)")
    ap.add_argument("out_prefix", help="writes OUT_PREFIX.torchscript.pt and "
                                       "OUT_PREFIX.unfrozen.torchscript.pt")
    ap.add_argument("--input", type=int, default=None,
                    help="square input size to trace and check at (default: the ONNX's)")
    ap.add_argument("--golden-input", help="raw float32 1x3xSxS input (BGR 0-255)")
    ap.add_argument("--golden-output", help=".npy output of an independent runtime")
    ap.add_argument("--require-golden", action="store_true",
                    help="fail when no golden files are available")
    ap.add_argument("--tol", type=float, default=1e-3,
                    help="max abs diff allowed in every check (default 1e-3)")
    ap.add_argument("--tf32", action="store_true",
                    help="let the convolutions use TF32 on recent GPUs (baked into the trace; "
                         "default: exact fp32)")
    ap.add_argument("--keep-debug", action="store_true",
                    help="keep the trace's debug records (absolute paths: bytes then depend "
                         "on the machine)")
    args = ap.parse_args(argv)
    set_tf32(args.tf32)
    torch.manual_seed(0)

    onnx_sha = sha256_file(args.src)
    print(f"torch {torch.__version__}, onnx {onnx.__version__}")
    print(f"source {args.src}  sha256 {onnx_sha}")
    model = onnx.load(args.src)
    net = OnnxYolox(model).eval()
    native = net.input_shape[2]
    if net.input_shape[2] != net.input_shape[3]:
        raise ExportError(f"non-square input {net.input_shape}")
    size = args.input or native
    if size % 32:
        raise ExportError(f"--input {size} is not a multiple of 32 (the largest stride)")
    n_params = sum(b.numel() for b in net.buffers())
    print(f"graph: opset {net.opset}, {len(model.graph.node)} nodes, {n_params} weights, "
          f"input {net.input_shape} (exported at batch {net.export_batch}), "
          f"{net.dynamic_reshapes} Reshape(s) made batch-dynamic; tracing at {size}x{size}")
    if size != native:
        print(f"note: the ONNX graph was exported at {native}; golden files apply only there")

    golden_in, golden_out = (None, None)
    if size == native:
        golden_in, golden_out = load_golden(args, onnx_sha, size)
    tol = args.tol
    with torch.no_grad():
        pics8 = test_images(golden_in, 8, size)
        probe = pics8[:1]
        eager_probe = net(probe)
        anchors = sum((size // s) ** 2 for s in (8, 16, 32))
        print(f"interpreter output for one picture: {tuple(eager_probe.shape)} "
              f"(expected (1, {anchors}, N) for strides 8/16/32)")
        if golden_out is not None:
            d = max_abs_diff(eager_probe, golden_out)
            print(f"(b) parity interpreter vs OpenCV DNN golden output: max abs diff {d:.3g}")
            if not d <= tol:
                raise ExportError(f"the interpreter differs from the golden output by {d:.3g}")
        # Eager batch check first: a failure here is the interpreter's, not the trace's.
        d = check_batch_consistency(net, pics8[:2], "interpreter", tol)
        print(f"    interpreter batch of 2 vs single passes: max abs diff {d:.3g}")

        # Trace at batch 2 so that nothing can silently depend on a batch of 1.
        traced = torch.jit.trace(net, pics8[:2], check_trace=False)
        frozen = torch.jit.freeze(traced.eval())
        files = {
            "frozen": (args.out_prefix + ".torchscript.pt", serialise(frozen, args.keep_debug)),
            "unfrozen": (args.out_prefix + ".unfrozen.torchscript.pt",
                         serialise(traced, args.keep_debug)),
        }
        for kind, (path, data) in files.items():
            m = load_torchscript_bytes(data).eval()  # exactly what will be on disk
            if kind == "frozen" and len(list(m.state_dict())) != 0:
                raise ExportError("the frozen module still holds buffers")
            if kind == "unfrozen":
                consts = float_tensor_constants(m)
                if consts:
                    raise ExportError(f"unfrozen module has float constants that .half() "
                                      f"would not convert: {consts[:5]}")
            out1 = m(probe)
            if tuple(out1.shape) != tuple(eager_probe.shape):
                raise ExportError(f"{kind}: batch 1 output {tuple(out1.shape)}")
            d1 = max_abs_diff(out1, eager_probe)
            d2 = check_batch_consistency(m, pics8[:2], kind, tol)
            d8 = check_batch_consistency(m, pics8, kind, tol)
            print(f"[{kind}] (a) batch consistency: batch 2 vs 2 single passes max abs diff "
                  f"{d2:.3g}; batch 8 vs 8 single passes {d8:.3g}")
            print(f"[{kind}] (b) parity vs interpreter (batch 1): max abs diff {d1:.3g}")
            if not d1 <= tol:
                raise ExportError(f"{kind}: trace differs from the interpreter by {d1:.3g}")
            if golden_out is not None:
                dg = max_abs_diff(out1, golden_out)
                print(f"[{kind}] (b) parity vs OpenCV DNN golden output: max abs diff {dg:.3g}")
                if not dg <= tol:
                    raise ExportError(f"{kind}: differs from the golden output by {dg:.3g}")
            if torch.cuda.is_available():  # information only: GPU arithmetic differs
                gpu = torch.cuda.get_device_name(0)
                mc = load_torchscript_bytes(data, "cuda").eval()
                dc8 = check_batch_consistency(mc, pics8.cuda(), kind, float("inf"))
                dc1 = max_abs_diff(mc(probe.cuda()).cpu(), out1)
                print(f"[{kind}] fp32 on {gpu} (TF32 {'on' if args.tf32 else 'off'}): batch 8 "
                      f"vs single passes {dc8:.3g}; vs CPU {dc1:.3g}")
                if kind == "unfrozen":
                    mh = mc.to(torch.half)
                    oh = mh(probe.cuda().half()).float().cpu()
                    print(f"[{kind}] FP16 on {gpu}: max abs diff vs fp32 CPU "
                          f"{max_abs_diff(oh, out1):.3g}, scores only "
                          f"{max_abs_diff(oh[..., 4:], out1[..., 4:]):.3g} (FP16 is not exact)")

    for kind, (path, data) in files.items():
        digest = write_file(path, data)
        print(f"(c) wrote {path}  {len(data)} bytes  sha256 {digest}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ExportError as e:
        sys.exit(f"export_yolox: FAILED, nothing written: {e}")
