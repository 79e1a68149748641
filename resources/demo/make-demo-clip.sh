#!/usr/bin/env bash
# Generates the demo clip used when the real footage is absent: a 704×576 (4CIF) scene with
# a utility box, and a figure that walks in, stays beside the box for four seconds, and
# walks away. With resources/demo/site-generated.json and the motion detector, it raises
# one intrusion alert between about 7 and 13 s.
#
# usage: make-demo-clip.sh OUTPUT.mp4
set -euo pipefail
out=${1:?usage: $0 OUTPUT.mp4}
mkdir -p "$(dirname "$out")"
[ -s "$out" ] && exit 0
ffmpeg -loglevel error -y \
    -f lavfi -i "color=c=0x3a4a55:s=704x576:r=25:d=24,drawbox=x=500:y=250:w=120:h=200:color=0x5a8fb8:t=fill,drawbox=x=60:y=80:w=160:h=40:color=0x6a6a6a:t=fill" \
    -f lavfi -i "color=c=0xc8b090:s=36x100:r=25:d=24" \
    -filter_complex "[0][1]overlay=x='if(lt(t,8),40+t*50,if(lt(t,12),440+12*sin(t*4),440+(t-12)*50))':y='360+6*sin(t*6)':shortest=1" \
    -c:v libx264 -pix_fmt yuv420p -g 25 -bf 0 -t 24 "$out"
