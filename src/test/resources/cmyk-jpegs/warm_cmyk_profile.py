"""Writes warm-cmyk.icc: a tiny ICC v2 CMYK output profile (CMYK -> Lab through a 2-point lut8).

It is deliberately unlike the plain CMYK formula (a creamy paper white, a lifted black, a warm
cast), so that a reader which ignores an embedded profile gives visibly other colours. Made for
the tests; released with the project under its licence.
"""
import struct


def srgb_to_lab_d50(r, g, b):
    def linear(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    rl, gl, bl = linear(r), linear(g), linear(b)
    # sRGB to XYZ, Bradford-adapted to D50 (the ICC connection space).
    x = 0.4360747 * rl + 0.3850649 * gl + 0.1430804 * bl
    y = 0.2225045 * rl + 0.7168786 * gl + 0.0606169 * bl
    z = 0.0139322 * rl + 0.0971045 * gl + 0.7141733 * bl
    xn, yn, zn = 0.9642, 1.0, 0.8249

    def f(t):
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29
    fx, fy, fz = f(x / xn), f(y / yn), f(z / zn)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def clut():
    out = bytearray()
    for c in (0, 1):          # first input channel varies slowest
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    rgb = [255 * (1 - v) * (1 - k) for v in (c, m, y)]
                    lab_l, lab_a, lab_b = srgb_to_lab_d50(*rgb)
                    lab_l = 12 + 0.82 * lab_l       # lifted black, dimmer white
                    lab_b = lab_b + 9               # warm cast
                    out += bytes([round(lab_l * 255 / 100), round(lab_a + 128), round(lab_b + 128)])
    return bytes(out)


def s15(v):
    return struct.pack('>i', round(v * 65536))


def tag_desc(text):
    ascii_text = text.encode('ascii') + b'\0'
    return (b'desc' + b'\0' * 4 + struct.pack('>I', len(ascii_text)) + ascii_text
            + b'\0' * 4 + b'\0' * 4 + b'\0' * 2 + b'\0' + b'\0' * 67)


def tag_text(text):
    return b'text' + b'\0' * 4 + text.encode('ascii') + b'\0'


def tag_xyz(x, y, z):
    return b'XYZ ' + b'\0' * 4 + s15(x) + s15(y) + s15(z)


IDENTITY = b''.join(s15(1 if i == j else 0) for i in range(3) for j in range(3))
RAMP = bytes(range(256))


def tag_a2b0():
    return b'mft1' + b'\0' * 4 + bytes([4, 3, 2, 0]) + IDENTITY + RAMP * 4 + clut() + RAMP * 3


def tag_b2a0():
    """Lab -> CMYK, only roughly (lightness to black ink): the tests read, never write, with it."""
    table = bytearray()
    for lab_l in (0, 1):
        for _a in (0, 1):
            for _b in (0, 1):
                table += bytes([0, 0, 0, 255 * (1 - lab_l)])
    return b'mft1' + b'\0' * 4 + bytes([3, 4, 2, 0]) + IDENTITY + RAMP * 3 + bytes(table) + RAMP * 4


def pad(data):
    return data + b'\0' * (-len(data) % 4)


tags = [(b'desc', tag_desc('Warm test CMYK')), (b'cprt', tag_text('No copyright, test data')),
        (b'wtpt', tag_xyz(0.9642, 1.0, 0.8249)), (b'A2B0', tag_a2b0()), (b'B2A0', tag_b2a0())]
offset = 128 + 4 + 12 * len(tags)
table = struct.pack('>I', len(tags))
body = b''
for sig, data in tags:
    table += sig + struct.pack('>II', offset + len(body), len(data))
    body += pad(data)
size = offset + len(body)
header = (struct.pack('>I', size) + b'lcms' + bytes([2, 0x10, 0, 0]) + b'prtr' + b'CMYK' + b'Lab '
          + struct.pack('>HHHHHH', 2024, 1, 1, 0, 0, 0) + b'acsp' + b'APPL' + struct.pack('>I', 0)
          + b'\0' * 4 + b'\0' * 4 + b'\0' * 8 + struct.pack('>I', 0)
          + s15(0.9642) + s15(1.0) + s15(0.8249) + b'\0' * 4 + b'\0' * 16 + b'\0' * 28)
assert len(header) == 128, len(header)
with open('warm-cmyk.icc', 'wb') as out:
    out.write(header + table + body)
