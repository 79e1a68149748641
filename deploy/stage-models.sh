#!/usr/bin/env bash
# Builds the model bundle for the install media, on the STAGING machine (site servers never
# reach the internet: they receive this bundle and run `vigie models install`).
#
# For each model of models/manifest.json:
#   1. gets the official release file named by source.url (curl or wget), or, with
#      --from-dir DIR, finds it in DIR (by source.sha256, else by the URL's file name);
#   2. checks its SHA-256 against source.sha256 when the manifest gives one;
#   3. runs the export script named by source.export (models/export_*.py) with Debian's
#      /usr/bin/python3: `SCRIPT SRC OUT_PREFIX [--input W]`, OUT_PREFIX being `file`
#      without `.torchscript.pt`;
#   4. checks the files produced (`file`, and `half_file` when given) against the manifest's
#      sha256 / half_sha256. The bytes of a trace depend on the torch version (and on the
#      export script): a mismatch is reported with both hashes, and no bundle is made
#      unless --allow-mismatch is given, in which case the bundle's manifest.json carries
#      the hashes of the files it holds (so that `vigie models install` accepts them) and
#      the new hashes are printed for models/manifest.json;
#   5. packs manifest.json + the files + SHA256SUMS into vigie-models-<date>.tar.gz.
#
# Installs python3-torch python3-onnx python3-h5py (and curl to download) when missing,
# non-interactive; idempotent. Downloads are kept in the work folder and reused when their
# hash still matches.
#
# usage: deploy/stage-models.sh [--from-dir DIR] [--out DIR] [--work DIR]
#                               [--manifest FILE] [--date YYYYMMDD] [--allow-mismatch]
#                               [--no-install]
#
# On the site: tar xzf vigie-models-<date>.tar.gz && cd vigie-models-<date> &&
#   sha256sum -c SHA256SUMS && vigie models install --manifest manifest.json --from . \
#   --to /var/lib/vigie/models   (and install manifest.json where the product reads it)
set -euo pipefail

# shellcheck source=deploy/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PY=/usr/bin/python3
from_dir=""
out_dir="$VIGIE_ROOT/build/staging"
work_dir=""
manifest="$VIGIE_ROOT/models/manifest.json"
stamp=$(date -u +%Y%m%d)
allow_mismatch=0
install=1

usage() { sed -n '2,31p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --from-dir) from_dir=${2:?--from-dir needs a folder}; shift 2 ;;
        --out) out_dir=${2:?--out needs a folder}; shift 2 ;;
        --work) work_dir=${2:?--work needs a folder}; shift 2 ;;
        --manifest) manifest=${2:?--manifest needs a file}; shift 2 ;;
        --date) stamp=${2:?--date needs YYYYMMDD}; shift 2 ;;
        --allow-mismatch) allow_mismatch=1; shift ;;
        --no-install) install=0; shift ;;
        -h|--help) usage 0 ;;
        *) echo "stage-models: unknown argument '$1'" >&2; usage 2 ;;
    esac
done

[ -f "$manifest" ] || { log "no manifest at $manifest"; exit 2; }
manifest=$(cd "$(dirname "$manifest")" && pwd)/$(basename "$manifest")
if [ -n "$from_dir" ]; then
    [ -d "$from_dir" ] || { log "--from-dir: no folder $from_dir"; exit 2; }
    from_dir=$(cd "$from_dir" && pwd)
fi
case "$stamp" in [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ;; *) log "--date: expected YYYYMMDD"; exit 2 ;; esac
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
: "${work_dir:=$out_dir/work}"
mkdir -p "$work_dir/downloads"
work_dir=$(cd "$work_dir" && pwd)

# --- Debian packages -----------------------------------------------------------------------
ensure_packages() {
    local want=(python3 python3-torch python3-onnx python3-h5py python3-numpy)
    if [ -z "$from_dir" ] && ! command -v curl >/dev/null && ! command -v wget >/dev/null; then
        want+=(curl ca-certificates)
    fi
    local missing=() p
    for p in "${want[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "packages: ${want[*]} already installed"
        return
    fi
    if [ "$install" = 0 ]; then
        log "packages missing (--no-install given): ${missing[*]}"
        exit 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "run as root or install sudo"; exit 1; }
        sudo="sudo"
    fi
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
ensure_packages
if ! "$PY" -c 'import torch, onnx, h5py, numpy' 2>/dev/null; then
    log "$PY cannot import torch, onnx, h5py and numpy"
    exit 1
fi
torch_version=$("$PY" -c 'import torch; print(torch.__version__)')
log "exporting with $PY, torch $torch_version"

sha256() { sha256sum "$1" | cut -d' ' -f1; }

# --- manifest -> one line per model, fields separated by \x1f (empty fields kept) ----------
models=$("$PY" - "$manifest" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
if m.get("version") != 1:
    sys.exit(f"unsupported manifest version {m.get('version')}")
for e in m["models"]:
    src = e.get("source") or {}
    inp = e.get("input") or {}
    fields = [e["name"], e["file"], e["sha256"], e.get("half_file", ""),
              e.get("half_sha256", ""), src.get("url", ""), src.get("sha256", ""),
              src.get("export", ""), str(inp.get("width", 0) or 0)]
    for f in fields:
        if "\x1f" in f or "\n" in f:
            sys.exit(f"{e['name']}: unexpected control character in the manifest")
    print("\x1f".join(fields))
EOF
)

# Finds the release file of a model in --from-dir: by hash when known, else by file name.
find_in_dir() {
    local want_sha=$1 base=$2 f
    if [ -n "$want_sha" ]; then
        while IFS= read -r -d '' f; do
            [ "$(sha256 "$f")" = "$want_sha" ] && { echo "$f"; return 0; }
        done < <(find "$from_dir" -type f \( -name '*.onnx' -o -name '*.pth' -o -name '*.pt' \
                 -o -name '*.h5' -o -name '*.tar' -o -name '*.zip' \) ! -name '*.torchscript.pt' -print0 | sort -z)
    fi
    if [ -n "$base" ]; then
        f=$(find "$from_dir" -type f -name "$base" -print -quit)
        [ -n "$f" ] && { echo "$f"; return 0; }
    fi
    return 1
}

download() {
    local url=$1 dest=$2
    if command -v curl >/dev/null; then
        curl -fL --retry 3 --connect-timeout 20 -o "$dest.part" "$url"
    else
        wget -q -O "$dest.part" "$url"
    fi
    mv "$dest.part" "$dest"
}

build="$work_dir/build"
rm -rf "$build"
mkdir -p "$build"
declare -a report=() new_hashes=()
failed=0 mismatched=0

while IFS=$'\x1f' read -r name file sha half_file half_sha url src_sha export width; do
    [ -n "$name" ] || continue
    log "== $name"
    if ! [[ "$url" =~ ^https?://[^[:space:]]+$ ]]; then
        log "$name: source.url '$url' is not a download URL: cannot stage this model"
        report+=("$name: FAILED (source.url is not a download URL)")
        failed=1
        continue
    fi
    base=$(basename "${url%%\?*}")
    # 1-2. the release file
    src=""
    if [ -n "$from_dir" ]; then
        if ! src=$(find_in_dir "$src_sha" "$base"); then
            log "$name: release file not found in $from_dir (sha256 '${src_sha:-none}', name $base)"
            report+=("$name: FAILED (release file not in --from-dir)")
            failed=1
            continue
        fi
        log "$name: release file $src (instead of $url)"
    else
        src="$work_dir/downloads/$name-$base"
        if [ -f "$src" ] && [ -n "$src_sha" ] && [ "$(sha256 "$src")" = "$src_sha" ]; then
            log "$name: reusing $src"
        elif ! download "$url" "$src"; then
            log "$name: download failed: $url"
            report+=("$name: FAILED (download)")
            failed=1
            continue
        fi
    fi
    got=$(sha256 "$src")
    if [ -n "$src_sha" ]; then
        if [ "$got" != "$src_sha" ]; then
            log "$name: release file hash MISMATCH: manifest $src_sha, file $got"
            report+=("$name: FAILED (release file hash)")
            failed=1
            continue
        fi
        log "$name: release file sha256 $got matches the manifest"
    else
        log "$name: WARNING: the manifest gives no source.sha256; the release file could not be verified (its sha256: $got)"
    fi
    # 3. export
    script="$VIGIE_ROOT/models/$export"
    if [ -z "$export" ] || [ ! -f "$script" ]; then
        log "$name: export script '$export' not found in models/"
        report+=("$name: FAILED (no export script '$export')")
        failed=1
        continue
    fi
    case "$file" in
        *.torchscript.pt) prefix="$build/${file%.torchscript.pt}" ;;
        *) log "$name: file '$file' does not end in .torchscript.pt"; report+=("$name: FAILED (file name)"); failed=1; continue ;;
    esac
    mkdir -p "$(dirname "$prefix")"
    args=("$src" "$prefix")
    [ "$width" != 0 ] && args+=(--input "$width")
    log "$name: $PY models/$export ${args[*]}"
    if ! "$PY" "$script" "${args[@]}" </dev/null 2>&1 | sed "s/^/    [$name] /"; then
        report+=("$name: FAILED (export script)")
        failed=1
        continue
    fi
    # 4. produced files against the manifest
    status="ok"
    pairs=("$file" "$sha")
    [ -n "$half_file" ] && pairs+=("$half_file" "$half_sha")
    for ((i = 0; i < ${#pairs[@]}; i += 2)); do
        f=${pairs[i]} expect=${pairs[i + 1]}
        if [ ! -f "$build/$f" ]; then
            log "$name: the export did not produce $f"
            status="FAILED (missing $f)"
            failed=1
            continue
        fi
        have=$(sha256 "$build/$f")
        if [ "$have" = "$expect" ]; then
            log "$name: $f sha256 $have matches the manifest"
        else
            log "$name: $f sha256 MISMATCH: manifest $expect, produced $have (torch $torch_version)"
            new_hashes+=("$name $f $have")
            [ "$status" = ok ] && status="hash mismatch"
            mismatched=1
        fi
    done
    report+=("$name: $status")
done <<< "$models"

log "summary (torch $torch_version):"
for r in "${report[@]}"; do log "  $r"; done
if [ ${#new_hashes[@]} -gt 0 ]; then
    log "hashes of the files produced here (for models/manifest.json if they are adopted):"
    for h in "${new_hashes[@]}"; do log "  $h"; done
fi
if [ "$failed" = 1 ]; then
    log "no bundle: at least one model could not be staged"
    exit 1
fi
if [ "$mismatched" = 1 ] && [ "$allow_mismatch" = 0 ]; then
    log "no bundle: produced files differ from models/manifest.json (the bytes of a trace" \
        "depend on the torch version). Either stage with the torch version that made the" \
        "manifest, or adopt the new hashes: commit them to models/manifest.json, or rerun with" \
        "--allow-mismatch to write them into the bundle's manifest."
    exit 1
fi

# --- 5. bundle --------------------------------------------------------------------------------
bundle="vigie-models-$stamp"
stage="$work_dir/$bundle"
rm -rf "$stage"
mkdir -p "$stage"
if [ "$mismatched" = 1 ]; then
    log "WARNING: --allow-mismatch: the bundle's manifest.json records the hashes of the" \
        "files produced here, not those of models/manifest.json"
    printf '%s\n' "${new_hashes[@]}" | "$PY" -c '
import json, sys
m = json.load(open(sys.argv[1]))
new = {}
for line in sys.stdin:
    name, f, h = line.split()
    new[(name, f)] = h
for e in m["models"]:
    if (e["name"], e["file"]) in new:
        e["sha256"] = new[(e["name"], e["file"])]
    if e.get("half_file") and (e["name"], e["half_file"]) in new:
        e["half_sha256"] = new[(e["name"], e["half_file"])]
json.dump(m, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
open(sys.argv[2], "a").write("\n")
' "$manifest" "$stage/manifest.json"
else
    cp "$manifest" "$stage/manifest.json"
fi
files=$("$PY" -c '
import json, sys
for e in json.load(open(sys.argv[1]))["models"]:
    print(e["file"])
    if e.get("half_file"):
        print(e["half_file"])
' "$stage/manifest.json")
while IFS= read -r f; do
    mkdir -p "$stage/$(dirname "$f")"
    cp "$build/$f" "$stage/$f"
done <<< "$files"
(cd "$stage" && find . -type f -printf '%P\n' | LC_ALL=C sort |
    xargs -d '\n' sha256sum > "$work_dir/SHA256SUMS.tmp")
mv "$work_dir/SHA256SUMS.tmp" "$stage/SHA256SUMS"
tarball="$out_dir/$bundle.tar.gz"
# Reproducible archive: sorted names, fixed owner and time, no gzip timestamp.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@0" -C "$work_dir" -cf - "$bundle" |
    gzip -n -9 > "$tarball.part"
mv "$tarball.part" "$tarball"
sha256sum "$tarball" | sed "s|$out_dir/||" > "$tarball.sha256"
log "bundle: $tarball ($(du -h "$tarball" | cut -f1)), sha256 $(cut -d' ' -f1 "$tarball.sha256")"
log "contents (SHA256SUMS):"
sed 's/^/    /' "$stage/SHA256SUMS" >&2
