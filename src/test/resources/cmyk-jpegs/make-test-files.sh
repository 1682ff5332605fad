#!/bin/sh
# Remakes the CMYK test JPEGs and their reference conversions (see README.md).
# Needs ImageMagick 6 (with lcms) and Python 3 with Pillow; the tests themselves need neither.
set -e
cd "$(dirname "$0")"
SRGB=${SRGB:-/usr/share/color/icc/ghostscript/srgb.icc}

# 16 patches of 8x8 px: the colours of the bug report (black 16,16,16 and tissue 124,96,76),
# colonoscopy-like reds, primaries and greys.
convert -size 8x8 \
  \( xc:'rgb(16,16,16)' xc:'rgb(124,96,76)' xc:'rgb(255,255,255)' xc:'rgb(0,0,0)' +append \) \
  \( xc:'rgb(230,120,110)' xc:'rgb(200,60,50)' xc:'rgb(90,40,30)' xc:'rgb(128,128,128)' +append \) \
  \( xc:'rgb(255,0,0)' xc:'rgb(0,255,0)' xc:'rgb(0,0,255)' xc:'rgb(255,255,0)' +append \) \
  \( xc:'rgb(0,255,255)' xc:'rgb(255,0,255)' xc:'rgb(180,140,100)' xc:'rgb(60,90,150)' +append \) \
  -append -strip PNG24:chart.png

# ImageMagick: plain CMYK formula, stored as YCCK (Adobe transform 2), no profile.
convert chart.png -colorspace CMYK -quality 95 imagemagick-ycck.jpg
convert imagemagick-ycck.jpg -colorspace sRGB -strip PNG24:imagemagick-ycck.reference.png

# Pillow: plain CMYK formula, stored as CMYK (Adobe transform 0, inverted), no profile.
python3 -c "from PIL import Image; Image.open('chart.png').convert('CMYK').save('pil-cmyk.jpg', quality=95)"
convert pil-cmyk.jpg -colorspace sRGB -strip PNG24:pil-cmyk.reference.png

# The same CMYK samples with an embedded profile (warm-cmyk.icc, made by warm_cmyk_profile.py);
# the reference is littleCMS's conversion through that profile to sRGB.
python3 warm_cmyk_profile.py
convert chart.png -colorspace CMYK -profile warm-cmyk.icc -quality 95 imagemagick-ycck-profile.jpg
convert imagemagick-ycck-profile.jpg -profile "$SRGB" -strip PNG24:imagemagick-ycck-profile.reference.png
