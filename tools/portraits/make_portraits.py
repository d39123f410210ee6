#!/usr/bin/env python3
"""Haven portrait generator.

Reads a scenario folder's assets/portraits.json and draws, for every character and mood, an
original flat-style head-and-shoulders illustration:

    scenarios/<id>/assets/src/<character>-<mood>.svg   (the source, kept in the repository)
    scenarios/<id>/assets/<character>-<mood>.png       (256x256, rasterised with rsvg-convert)

Usage:
    python3 tools/portraits/make_portraits.py scenarios/<id> [scenarios/<id> ...]
    python3 tools/portraits/make_portraits.py --all
    python3 tools/portraits/make_portraits.py --sheet out.png scenarios/<id>   # contact sheet too

Python 3 standard library only. See tools/portraits/README.md for the style rules.
"""

import argparse
import base64
import glob
import hashlib
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SIZE = 256
CX = 128.0
SCALE = 1.06  # figure scale about the bottom centre

# --------------------------------------------------------------------------------------------
# Vocabulary (see the portraits.json description in tools/portraits/README.md)

AGES = ("child", "young", "adult", "older")
SKINS = ("light", "medium", "tan", "brown", "dark")
HAIRS = ("short", "long", "bun", "ponytail", "curly", "covered", "bald", "grey-short")
HEADWEAR = ("none", "hijab", "cap", "headset")
CLOTHING = ("uniform", "shirt", "blouse", "jacket", "t-shirt", "cardigan", "dress", "workwear")
MOODS = ("calm", "anxious", "distressed", "withdrawn", "relieved", "neutral", "concerned",
         "friendly")

# Moods that scenarios might use under another name -> the expression we draw.
MOOD_ALIASES = {
    "worried": "concerned", "sad": "distressed", "upset": "distressed", "afraid": "anxious",
    "scared": "anxious", "fearful": "anxious", "nervous": "anxious", "tense": "anxious",
    "frightened": "anxious", "tired": "withdrawn", "guarded": "withdrawn", "quiet": "withdrawn",
    "ashamed": "withdrawn", "hopeful": "relieved", "grateful": "relieved", "happy": "friendly",
    "warm": "friendly", "smiling": "friendly", "serious": "neutral", "thoughtful": "neutral",
    "professional": "neutral", "attentive": "neutral", "focused": "neutral", "stern": "neutral",
    "confused": "concerned", "unsure": "concerned", "hesitant": "anxious", "crying": "distressed",
    "default": "neutral", "relaxed": "calm",
}

# Skin tones across the Asia-Pacific region: base, shade, lip.
SKIN_TONES = {
    "light": ("#f3d7bf", "#e4bc9c", "#c98a7c"),
    "medium": ("#e2b48c", "#cf9c74", "#b57562"),
    "tan": ("#c98f62", "#b47a4f", "#9c5f4c"),
    "brown": ("#9d6744", "#875638", "#7a4636"),
    "dark": ("#6c4431", "#5a3627", "#5a3026"),
}

HAIR_COLOURS = {
    "black": "#231e1e", "blue-black": "#1f2128", "jet black": "#1c1a1a",
    "dark brown": "#3a2a22", "brown": "#5a3d2b", "medium brown": "#5a3d2b",
    "light brown": "#85634a", "chestnut": "#6a3f2a", "auburn": "#7a3b26", "red": "#8a4028",
    "blonde": "#c2a070", "blond": "#c2a070", "fair": "#c2a070", "dyed brown": "#6b4632",
    "grey": "#9b9997", "gray": "#9b9997", "dark grey": "#6d6a68", "dark gray": "#6d6a68",
    "salt and pepper": "#76726f", "greying": "#6f6a66", "graying": "#6f6a66",
    "white": "#dcd9d3", "silver": "#c4c2bf", "light grey": "#bebcb8",
}

# Muted background colours (one per character, chosen deterministically).
BACKGROUNDS = ("#cdd9cf", "#c9d5e0", "#e3d8c6", "#d7d1e2", "#c4dbd8", "#ddd5cc", "#e2d0cc",
               "#d3dcc4", "#cfd3dc", "#e0dccb")

EYE_COLOUR = "#2a1f1b"

# --------------------------------------------------------------------------------------------
# Colour helpers


def hex_to_rgb(h):
    h = h.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def rgb_to_hex(rgb):
    return "#%02x%02x%02x" % tuple(max(0, min(255, int(round(c)))) for c in rgb)


def mix(a, b, t):
    ra, rb = hex_to_rgb(a), hex_to_rgb(b)
    return rgb_to_hex(tuple(x + (y - x) * t for x, y in zip(ra, rb)))


def shade(h, f):
    """f < 0 darkens, f > 0 lightens (fraction towards black/white)."""
    return mix(h, "#000000", -f) if f < 0 else mix(h, "#ffffff", f)


def luminance(h):
    r, g, b = (c / 255.0 for c in hex_to_rgb(h))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def valid_hex(h):
    if not isinstance(h, str):
        return False
    s = h.strip().lstrip("#")
    return len(s) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in s)


# --------------------------------------------------------------------------------------------
# Deterministic per-character variation


class Rng:
    def __init__(self, key):
        self.seed = hashlib.sha256(key.encode("utf-8")).digest()
        self.i = 0

    def u(self):
        """Uniform in [0, 1)."""
        b = self.seed[self.i % 32] ^ (self.i * 37 & 0xFF)
        c = self.seed[(self.i * 7 + 3) % 32]
        self.i += 1
        return ((b << 8) | c) / 65536.0

    def r(self, lo, hi):
        return lo + (hi - lo) * self.u()

    def pick(self, seq):
        return seq[int(self.u() * len(seq)) % len(seq)]


# --------------------------------------------------------------------------------------------
# Mood -> expression parameters
#   brow_dy: whole brow (neg = up); inner: inner end raise (neg = up); squeeze: inner ends closer
#   lid: upper lid cover 0..1; lid_tilt: + lowers outer corner (sad); gaze: iris dy
#   mouth: kind; curve: + smile / - frown; width factor; lower: lower lid raise (smiling eyes)
#   raise: shoulders up (px); tilt: head rotation (deg); drop: head lowered (px)

EXPRESSIONS = {
    "neutral": dict(brow_dy=0, inner=0, squeeze=0, lid=0.18, lid_tilt=0, gaze=0, lower=0,
                    mouth="line", curve=0.4, width=1.0, raise_=0, tilt=0, drop=0),
    "calm": dict(brow_dy=0.5, inner=0.5, squeeze=0, lid=0.26, lid_tilt=0, gaze=0, lower=0.1,
                 mouth="line", curve=1.6, width=1.0, raise_=-1, tilt=-1.5, drop=0),
    "friendly": dict(brow_dy=-1.5, inner=-0.5, squeeze=0, lid=0.2, lid_tilt=0, gaze=0, lower=0.28,
                     mouth="smile", curve=4.5, width=1.15, raise_=-1, tilt=3, drop=0),
    "relieved": dict(brow_dy=-0.5, inner=-1.0, squeeze=0, lid=0.34, lid_tilt=0.5, gaze=0.4,
                     lower=0.22, mouth="smile", curve=3.4, width=1.08, raise_=-3, tilt=-2.5, drop=1),
    "concerned": dict(brow_dy=-0.5, inner=-3.0, squeeze=1.2, lid=0.2, lid_tilt=0.4, gaze=0,
                      lower=0, mouth="line", curve=-1.6, width=0.92, raise_=1, tilt=3.5, drop=0),
    "anxious": dict(brow_dy=-1.0, inner=-3.6, squeeze=2.6, lid=0.06, lid_tilt=0.3, gaze=0,
                    lower=0.05, mouth="tight", curve=-0.6, width=0.7, raise_=5, tilt=0, drop=1,
                    gaze_x=1.6),
    "distressed": dict(brow_dy=-1.5, inner=-6.0, squeeze=3.0, lid=0.22, lid_tilt=1.4, gaze=0.8,
                       lower=0.1, mouth="open-down", curve=-2.6, width=0.9, raise_=4, tilt=-2,
                       drop=2),
    "withdrawn": dict(brow_dy=0.0, inner=-3.2, squeeze=1.4, lid=0.52, lid_tilt=-0.3, gaze=2.8,
                      lower=0, mouth="line", curve=-0.9, width=0.78, raise_=8, tilt=-4, drop=6,
                      gaze_x=-1.2),
}


# --------------------------------------------------------------------------------------------
# SVG building helpers


def f(x):
    s = ("%.2f" % x).rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def pts(*xy):
    return " ".join(f(v) for v in xy)


def path(d, fill, extra=""):
    return '<path d="%s" fill="%s"%s/>' % (d, fill, (" " + extra) if extra else "")


def mpath(cmds, mx=1):
    """A path from ('M'|'L', x, y), ('Q', x1, y1, x, y), ('C', x1, y1, x2, y2, x, y) and ('Z',),
    with every x multiplied by mx (mx = -1 mirrors it)."""
    d = []
    for c in cmds:
        vals = list(c[1:])
        for i in range(0, len(vals), 2):
            vals[i] *= mx
        d.append(c[0] + (" " + pts(*vals) if vals else ""))
    return " ".join(d)


def sym_path(half, close=True):
    """half: list of segments for the right half starting at the top centre (0, y0).
    Each item is ('M', x, y) or ('C', x1, y1, x2, y2, x, y) or ('L', x, y) or ('Q', x1,y1,x,y).
    Produces the closed symmetric outline (right half down, then the mirror back up)."""
    d = []
    for seg in half:
        d.append(seg[0] + " " + pts(*seg[1:]))
    # mirror back: walk the segments in reverse, mirroring x
    pts_list = []
    for seg in half:
        pts_list.append(seg)
    # end points in order
    ends = [(s[-2], s[-1]) for s in pts_list]
    for i in range(len(pts_list) - 1, 0, -1):
        seg = pts_list[i]
        prev_end = ends[i - 1]
        kind = seg[0]
        if kind == "C":
            _, x1, y1, x2, y2, _x, _y = seg
            d.append("C " + pts(-x2, y2, -x1, y1, -prev_end[0], prev_end[1]))
        elif kind == "Q":
            _, x1, y1, _x, _y = seg
            d.append("Q " + pts(-x1, y1, -prev_end[0], prev_end[1]))
        else:
            d.append("L " + pts(-prev_end[0], prev_end[1]))
    if close:
        d.append("Z")
    return " ".join(d)


# --------------------------------------------------------------------------------------------
# The figure


class Figure:
    def __init__(self, spec, rng, notes):
        self.notes = notes
        cid = spec.get("character", "?")
        self.cid = cid
        self.rng = rng

        age = str(spec.get("age", "")).lower()
        if age not in AGES:
            notes.append("%s: age %r not recognised, using 'adult'" % (cid, spec.get("age")))
            age = "adult"
        self.age = age
        self.child = age == "child"
        self.older = age == "older"

        g = str(spec.get("gender", "")).lower()
        self.gender = "female" if g in ("female", "f", "woman", "girl", "w") else \
            "male" if g in ("male", "m", "man", "boy") else "neutral"
        if not g:
            notes.append("%s: no gender given, drawing gender-neutral features" % cid)

        skin = str(spec.get("skin", "")).lower()
        if skin not in SKIN_TONES:
            skin = ("light", "medium", "tan", "brown")[int(rng.u() * 4)]
            notes.append("%s: skin %r not recognised, chose %r" % (cid, spec.get("skin"), skin))
        base, sh, lip = SKIN_TONES[skin]
        # a small per-person variation in warmth and depth
        warm = rng.r(-0.035, 0.035)
        base = shade(mix(base, "#d08a60", max(0, warm)), min(0, warm) * 0.6)
        self.skin = base
        self.skin_shade = shade(mix(sh, "#b06a4a", max(0, warm)), min(0, warm) * 0.6)
        self.lip = mix(lip, base, 0.25)
        self.skin_name = skin

        hw = str(spec.get("headwear", "none") or "none").lower()
        if hw not in HEADWEAR:
            notes.append("%s: headwear %r not recognised, using none" % (cid, spec.get("headwear")))
            hw = "none"
        hair = str(spec.get("hair", "")).lower()
        if hair not in HAIRS:
            hair = "covered" if hw == "hijab" else ("long" if self.gender == "female" else "short")
            notes.append("%s: hair %r not recognised, using %r" % (cid, spec.get("hair"), hair))
        if hair == "covered" and hw == "none":
            hw = "hijab"
            notes.append("%s: hair 'covered' without headwear, drawing a hijab" % cid)
        if hw == "hijab":
            hair = "covered"
        self.hair = hair
        self.headwear = hw

        hc = spec.get("hair_color", spec.get("hair_colour"))
        if isinstance(hc, str):
            hc = " ".join(hc.replace("-", " ").replace("_", " ").split())
            hc = {"salt and pepper": "salt and pepper"}.get(hc, hc)
        if isinstance(hc, str) and valid_hex(hc):
            hcol = "#" + hc.strip().lstrip("#")
        elif isinstance(hc, str) and hc.strip().lower() in HAIR_COLOURS:
            hcol = HAIR_COLOURS[hc.strip().lower()]
        else:
            if hair == "grey-short" or self.older:
                hcol = HAIR_COLOURS["grey"] if hair == "grey-short" else HAIR_COLOURS["salt and pepper"]
            else:
                hcol = HAIR_COLOURS["black"] if rng.u() < 0.6 else HAIR_COLOURS["dark brown"]
            if hc not in (None, "") and hair not in ("covered", "bald"):
                notes.append("%s: hair_color %r not recognised, using %s" % (cid, hc, hcol))
            elif hc in (None, "") and hair not in ("covered", "bald"):
                notes.append("%s: no hair_color, using %s" % (cid, hcol))
        if hair == "grey-short" and luminance(hcol) < 0.25:
            hcol = HAIR_COLOURS["grey"]
        self.hair_col = hcol
        self.hair_shade = shade(hcol, -0.13) if luminance(hcol) > 0.2 else shade(hcol, 0.12)

        cl = str(spec.get("clothing", "")).lower()
        if cl not in CLOTHING:
            notes.append("%s: clothing %r not recognised, using 'shirt'" % (cid, spec.get("clothing")))
            cl = "shirt"
        self.clothing = cl
        cc = spec.get("clothing_color", spec.get("clothing_colour"))
        if not valid_hex(cc):
            cc = rng.pick(("#5b7083", "#7a6a58", "#6b7d6a", "#8a6f7a", "#4f6a78"))
            notes.append("%s: clothing_color missing or not #rrggbb, using %s" % (cid, cc))
        self.cloth = "#" + cc.strip().lstrip("#")
        self.cloth_shade = shade(self.cloth, -0.16)
        self.cloth_dark = shade(self.cloth, -0.3)
        self.cloth_light = shade(self.cloth, 0.18)

        hwc = spec.get("headwear_color", spec.get("headwear_colour"))
        if hw == "hijab":
            if valid_hex(hwc):
                self.hw_col = "#" + hwc.strip().lstrip("#")
            else:
                # a soft tone that goes with the clothing but is distinct from it
                self.hw_col = mix(shade(self.cloth, 0.35), rng.pick(
                    ("#8a9bb0", "#b59a9a", "#9aaa94", "#a49ab4", "#c2ab8e")), 0.55)
        elif hw == "cap":
            self.hw_col = "#" + hwc.strip().lstrip("#") if valid_hex(hwc) else shade(self.cloth, -0.12)
        else:
            self.hw_col = "#" + hwc.strip().lstrip("#") if valid_hex(hwc) else "#3a3f47"

        self.glasses = bool(spec.get("glasses", False))

        # background: muted, distinct from the clothing
        bgs = list(BACKGROUNDS)
        start = int(rng.u() * len(bgs))
        best, best_d = None, -1.0
        for k in range(len(bgs)):
            c = bgs[(start + k) % len(bgs)]
            d = sum((a - b) ** 2 for a, b in zip(hex_to_rgb(c), hex_to_rgb(self.cloth))) ** 0.5
            if d > 90:          # the first colour (from a per-character start) far enough away
                best = c
                break
            if d > best_d:      # otherwise the farthest one
                best, best_d = c, d
        self.bg = best

        # geometry ------------------------------------------------------------------------
        fem = self.gender == "female"
        male = self.gender == "male"
        if self.child:
            self.W = 38 + rng.r(-1, 1.5)            # face half-width at the cheeks
            self.J = 30 + rng.r(-1, 1)              # jaw half-width
            self.chin_w = 13
            self.top = -60                          # skull top (relative to the eye line)
            self.chin = 44 + rng.r(-1, 1)
            self.jaw_y = 26
            self.ex = 16 + rng.r(-0.5, 0.8)         # eye centre x
            self.eye_w = 7.2
            self.eye_h = 5.4 + rng.r(-0.3, 0.4)
            self.brow_y = -12
            self.nose_y = 15
            self.mouth_y = 27
            self.mouth_w = 7.5
            self.anchor = (CX, 118)
            self.neck_w = 13
            self.sh_w = 74                          # shoulder half-width
            self.sh_y = self.anchor[1] + self.chin + 13   # top of the shoulders at the neck
        else:
            self.W = (41 if male else 39) + rng.r(-2, 2)
            self.J = (33 if male else 29.5) + rng.r(-1.5, 1.5)
            self.chin_w = (13 if male else 11) + rng.r(-1, 1.5)
            self.top = -64
            self.chin = (56 if male else 53) + rng.r(-2.5, 2.5)
            self.jaw_y = 32 + rng.r(-2, 2)
            self.ex = 17.5 + rng.r(-0.8, 0.8)
            self.eye_w = 6.6 + rng.r(-0.4, 0.5)
            self.eye_h = (3.9 if not fem else 4.2) + rng.r(-0.5, 0.5)
            self.brow_y = -13.5 - (0.5 if fem else 0)
            self.nose_y = 19 + rng.r(-1, 1)
            self.mouth_y = 34 + rng.r(-1, 1)
            self.mouth_w = (10 if male else 9.2) + rng.r(-0.8, 0.8)
            self.anchor = (CX, 110)
            self.neck_w = (17 if male else 14.5)
            self.sh_w = (104 if male else 94) + rng.r(-3, 3)
            self.sh_y = self.anchor[1] + self.chin + (21 if male else 23)
        self.brow_thick = (3.3 if male else 2.7) + rng.r(-0.3, 0.4) - (0.4 if self.child else 0)
        self.brow_len = 8.8 + rng.r(-0.6, 0.8)
        self.brow_arch = rng.r(0.6, 1.8)
        self.crease = rng.u() < 0.5                 # visible upper-lid crease
        self.nose_w = 5.0 + rng.r(-0.6, 1.2) + (0 if not self.child else -1)
        self.lip_full = rng.r(0.8, 1.3)
        self.part = rng.pick((-1, 1))               # side of the hair parting

    # ----------------------------------------------------------------------------------
    def face_outline(self):
        W, J, cw, top, chin, jy = self.W, self.J, self.chin_w, self.top, self.chin, self.jaw_y
        half = [
            ("M", 0, top),
            ("C", 0.58 * W, top, W, 0.62 * top, W, 0.16 * top),
            ("C", W + 0.6, 0.1 * jy + 2, J + 3.5, jy - 9, J, jy),
            ("C", J - 4.5, jy + 9, cw + 6, chin, 0, chin),
        ]
        return sym_path(half)

    # ----------------------------------------------------------------------------------
    def ears(self):
        W = self.W
        out = []
        for s in (-1, 1):
            x = s * (W - 1.5)
            out.append('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="%s"/>'
                       % (f(x + s * 3.2), f(4), f(6.2), f(10), self.skin))
            out.append('<path d="M %s C %s %s" fill="none" stroke="%s" stroke-width="1.6" '
                       'stroke-linecap="round"/>'
                       % (pts(x + s * 2.2, -2), pts(x + s * 6.5, -3, x + s * 6.8, 9),
                          pts(x + s * 2.6, 10), self.skin_shade))
        return out

    # ----------------------------------------------------------------------------------
    def eyes(self, e):
        out = []
        ew, eh = self.eye_w, self.eye_h
        lid = e["lid"]
        gaze = e["gaze"]
        gx = e.get("gaze_x", 0.0)
        lower = e["lower"]
        for s in (-1, 1):
            x0, y0 = s * self.ex, 0.0
            cid = "eye%d" % (0 if s < 0 else 1)
            # almond: the inner corner slightly lower than the outer
            almond = ("M %s C %s %s C %s %s Z" % (
                pts(x0 - ew, y0 + 0.4),
                pts(x0 - ew * 0.45, y0 - eh * 1.25, x0 + ew * 0.5, y0 - eh * 1.25),
                pts(x0 + ew, y0 - 0.2),
                pts(x0 + ew * 0.5, y0 + eh * 1.05, x0 - ew * 0.5, y0 + eh * 1.05),
                pts(x0 - ew, y0 + 0.4)))
            out.append('<clipPath id="%s"><path d="%s"/></clipPath>' % (cid, almond))
            out.append(path(almond, "#f7f3ee"))
            ir = eh * 0.98 if not self.child else eh * 0.95
            ix = x0 + gx + (0.3 * s if not gx else 0)
            iy = y0 + 0.3 + gaze
            g = ['<g clip-path="url(#%s)">' % cid]
            g.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (f(ix), f(iy), f(ir), "#3b2a22"))
            g.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (f(ix), f(iy), f(ir * 0.55),
                                                                       EYE_COLOUR))
            g.append('<circle cx="%s" cy="%s" r="%s" fill="#ffffff" opacity="0.85"/>'
                     % (f(ix + 1.3), f(iy - 1.4), f(max(0.9, ir * 0.24))))
            # upper lid: skin coloured, its lower edge at a height set by the mood
            top_y = y0 - eh * 1.1
            edge = top_y + (eh * 2.1) * lid
            tilt = e["lid_tilt"] * 1.6
            inner_x, outer_x = x0 - s * (ew + 1), x0 + s * (ew + 1)
            inner_y, outer_y = edge - tilt * 0.5, edge + tilt * 0.5
            lid_d = "M %s L %s L %s L %s Z" % (pts(inner_x, top_y - 6), pts(outer_x, top_y - 6),
                                              pts(outer_x, outer_y), pts(inner_x, inner_y))
            if lid > 0.01:
                g.append(path(lid_d, self.skin))
            # lower lid (smiling eyes / relief)
            if lower > 0:
                ly = y0 + eh * 1.05 - eh * 2.0 * lower
                g.append('<path d="M %s Q %s %s L %s L %s Z" fill="%s"/>' % (
                    pts(x0 - ew - 1, y0 + eh + 3), pts(x0, ly - eh * 0.5), pts(x0 + ew + 1, y0 + eh + 3),
                    pts(x0 + ew + 1, y0 + eh + 6), pts(x0 - ew - 1, y0 + eh + 6), self.skin))
            g.append("</g>")
            out.extend(g)
            # lash line along the upper lid
            out.append('<path d="%s" fill="none" stroke="%s" stroke-width="2" stroke-linecap="round"/>'
                       % (self._lash(x0, y0, s, lid, tilt), "#2b201c"))
            if self.crease and lid < 0.45 and not self.child:
                out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.1" '
                           'stroke-linecap="round" opacity="0.8"/>' % (
                               pts(x0 - s * ew * 0.2, y0 - eh * 1.45 - 0.6),
                               pts(x0 + s * ew * 0.35, y0 - eh * 1.9 - 0.6),
                               pts(x0 + s * ew * 1.0, y0 - eh * 1.25 - 0.3),
                               self.skin_shade))
        return out

    def _lash(self, x0, y0, s, lid, tilt):
        """The upper lash line: the almond's top where the lid is open, a flatter line when
        the lid is lowered. Drawn as a quadratic from corner to corner."""
        ew, eh = self.eye_w, self.eye_h
        top_y = y0 - eh * 1.1
        edge = top_y + (eh * 2.1) * lid
        natural_mid = y0 - eh * 0.94          # the almond's apex (approx. for a quadratic)
        mid = max(natural_mid, edge)
        # corners: inner (x0 - s*ew) and outer (x0 + s*ew)
        inner = (x0 - s * ew, y0 + 0.4 - (tilt * 0.25 if lid > 0.2 else 0))
        outer = (x0 + s * ew, y0 - 0.2 + (tilt * 0.45 if lid > 0.2 else 0))
        ctrl_y = 2 * mid - (inner[1] + outer[1]) / 2
        cx = x0 + s * 0.5 * tilt * 0.2
        left, right = (inner, outer) if s > 0 else (outer, inner)
        # slight tail at the outer corner
        return "M %s Q %s %s" % (pts(*left), pts(cx, ctrl_y), pts(*right))

    # ----------------------------------------------------------------------------------
    def brows(self, e):
        out = []
        bl, th = self.brow_len, self.brow_thick
        for s in (-1, 1):
            xc = s * (self.ex + 0.5)
            y = self.brow_y + e["brow_dy"] - (self.eye_h - 4) * 0.6
            xi = xc - s * (bl * 0.9 - e["squeeze"] * 0.6)     # inner end
            xo = xc + s * bl
            yi = y + e["inner"]
            yo = y + 0.8 - e["inner"] * 0.15
            mx = (xi + xo) / 2
            my = (yi + yo) / 2 - self.brow_arch - (0.0 if e["inner"] > -2 else e["inner"] * 0.15)
            # a tapered brow: thick at the inner end, thin at the outer end
            d = "M %s Q %s %s Q %s %s Q %s %s Z" % (
                pts(xi, yi + th * 0.6),
                pts(xi - s * 0.4, yi - th * 0.55), pts(xi + s * 2.2, yi - th * 0.45),
                pts(mx, my - th * 0.5), pts(xo, yo),
                pts(mx, my + th * 0.6), pts(xi, yi + th * 0.6))
            col = self.hair_col if self.hair not in ("bald", "covered") else "#2b2320"
            if luminance(col) > 0.45:
                col = shade(col, -0.35)
            if self.hair in ("covered", "bald") and self.older:
                col = "#4a423d"
            out.append(path(d, col, 'opacity="0.95"'))
        return out

    # ----------------------------------------------------------------------------------
    def nose(self):
        y, w = self.nose_y, self.nose_w
        out = []
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.8" '
                   'stroke-linecap="round"/>' % (pts(-w * 0.75, y - 0.5), pts(0, y + 3.2),
                                                 pts(w * 0.75, y - 0.5), self.skin_shade))
        # a soft side of the bridge
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.3" '
                   'stroke-linecap="round" opacity="0.55"/>' % (
                       pts(2.5 * self.part, 2), pts(3.6 * self.part, y - 6), pts(w * 0.55 * self.part, y - 2.5),
                       self.skin_shade))
        return out

    # ----------------------------------------------------------------------------------
    def mouth(self, e):
        y = self.mouth_y
        w = self.mouth_w * e["width"]
        c = e["curve"]
        kind = e["mouth"]
        lipc = self.lip
        line = shade(self.lip, -0.38)
        out = []
        # soft lower lip shape (always, very subtle)
        if kind in ("line", "smile", "tight"):
            lw = w * 0.62
            out.append('<path d="M %s Q %s %s Z" fill="%s" opacity="0.55"/>' % (
                pts(-lw, y + 1.2 - c * 0.12), pts(0, y + 2.8 * self.lip_full + 2.6 - c * 0.05),
                pts(lw, y + 1.2 - c * 0.12), lipc))
        if kind == "line":
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="2" '
                       'stroke-linecap="round"/>' % (pts(-w, y - c * 0.5), pts(0, y + c * 0.9),
                                                     pts(w, y - c * 0.5), line))
        elif kind == "smile":
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="2" '
                       'stroke-linecap="round"/>' % (pts(-w, y - c * 0.55), pts(0, y + c * 0.95),
                                                     pts(w, y - c * 0.55), line))
            # a gentle cheek lift at the corners
            for s in (-1, 1):
                out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.2" '
                           'stroke-linecap="round" opacity="0.6"/>' % (
                               pts(s * (w + 1.5), y - c * 0.55 - 2.2), pts(s * (w + 2.6), y - c * 0.4),
                               pts(s * (w + 1.6), y - c * 0.2 + 1.2), self.skin_shade))
        elif kind == "tight":
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="2" '
                       'stroke-linecap="round"/>' % (pts(-w, y + 0.2), pts(0, y - 0.8),
                                                     pts(w, y + 0.2), line))
            for s in (-1, 1):
                out.append('<circle cx="%s" cy="%s" r="0.9" fill="%s" opacity="0.6"/>'
                           % (f(s * (w + 1.2)), f(y + 0.3), line))
        elif kind == "open-down":
            # slightly open, downturned
            h = 3.4
            d = "M %s Q %s %s Q %s %s Z" % (pts(-w, y + 2.0), pts(0, y - 2.6), pts(w, y + 2.0),
                                            pts(0, y + h + 0.6), pts(-w, y + 2.0))
            out.append('<path d="M %s Q %s %s Z" fill="%s" opacity="0.55"/>' % (
                pts(-w * 0.7, y + 3), pts(0, y + h + 5 * self.lip_full), pts(w * 0.7, y + 3), lipc))
            out.append(path(d, "#5a2e2a"))
            out.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.4" '
                       'stroke-linejoin="round"/>' % (d, line))
        return out

    # ----------------------------------------------------------------------------------
    def face_details(self, e):
        out = []
        W = self.W
        # cheeks
        deep = self.skin_name in ("brown", "dark")
        blush = mix(self.skin, "#d8705e", 0.5 if not deep else 0.3)
        op = 0.35 + (0.15 if e["mouth"] == "smile" else 0) + (0.1 if self.child else 0)
        out.append('<radialGradient id="blush"><stop offset="0" stop-color="%s" stop-opacity="%s"/>'
                   '<stop offset="1" stop-color="%s" stop-opacity="0"/></radialGradient>'
                   % (blush, f(op), blush))
        for s in (-1, 1):
            out.append('<ellipse cx="%s" cy="%s" rx="%s" ry="%s" fill="url(#blush)"/>' % (
                f(s * (self.ex + 4)), f(self.nose_y + 1), f(10), f(7)))
        if self.older:
            # soft age lines: smile lines and a forehead line, thin and light
            for s in (-1, 1):
                out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.2" '
                           'stroke-linecap="round" opacity="0.7"/>' % (
                               pts(s * (self.nose_w + 5), self.nose_y + 1),
                               pts(s * (self.mouth_w + 6), self.mouth_y - 4),
                               pts(s * (self.mouth_w + 4.5), self.mouth_y + 4), self.skin_shade))
                out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1" '
                           'stroke-linecap="round" opacity="0.6"/>' % (
                               pts(s * (self.ex + self.eye_w + 1.5), 1.5),
                               pts(s * (self.ex + self.eye_w + 3.5), 3.5),
                               pts(s * (self.ex + self.eye_w + 3), 6), self.skin_shade))
            if self.hair not in ("covered",) and self.headwear not in ("cap",):
                out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1" '
                           'stroke-linecap="round" opacity="0.5"/>' % (
                               pts(-9, self.brow_y - 9), pts(0, self.brow_y - 10.5), pts(9, self.brow_y - 9),
                               self.skin_shade))
        if e["mouth"] == "open-down" or e["inner"] < -4:
            # the small vertical tension lines between the brows
            for s in (-1, 1):
                out.append('<path d="M %s L %s" stroke="%s" stroke-width="1" opacity="0.55" '
                           'stroke-linecap="round"/>' % (pts(s * 2.2, self.brow_y - 2), pts(s * 1.6, self.brow_y + 3),
                                                          self.skin_shade))
        # chin shadow (soft)
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.2" '
                   'stroke-linecap="round" opacity="0.35"/>' % (
                       pts(-4, self.chin - 7), pts(0, self.chin - 5.5), pts(4, self.chin - 7), self.skin_shade))
        return out

    # ----------------------------------------------------------------------------------
    def glasses_svg(self):
        out = []
        col = "#3a3431"
        for s in (-1, 1):
            out.append('<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="#ffffff" '
                       'fill-opacity="0.12" stroke="%s" stroke-width="1.6"/>' % (
                           f(s * self.ex - 10), f(-7.5), f(20), f(14), col))
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.6"/>'
                   % (pts(-self.ex + 10, -3), pts(0, -6), pts(self.ex - 10, -3), col))
        for s in (-1, 1):
            out.append('<path d="M %s L %s" stroke="%s" stroke-width="1.6"/>'
                       % (pts(s * (self.ex + 10), -4), pts(s * (self.W - 0.5), -2), col))
        return out

    # ----------------------------------------------------------------------------------
    # hair: back layer (behind the head and shoulders) and front layer (over the forehead)

    def hair_back(self):
        W, top, hc = self.W, self.top, self.hair_col
        out = []
        if self.hair == "long":
            length = 96 if not self.child else 80
            spread = W + (12 if not self.child else 10)
            half = [("M", 0, top - 7),
                    ("C", spread * 0.7, top - 7, spread + 2, top * 0.6, spread, -4),
                    ("C", spread - 1, 30, spread + 5, length - 28, spread + 7, length - 8),
                    ("Q", spread * 0.55, length + 4, 0, length - 6)]
            out.append(path(sym_path(half), hc))
        elif self.hair == "curly":
            R = W + (9 if self.headwear != "cap" else 3)
            half = [("M", 0, top - 11),
                    ("C", R * 0.7, top - 11, R + 3, top * 0.55, R + 1, -2),
                    ("C", R, 16, R - 4, 22, R - 9, 24),
                    ("L", 0, 24)]
            out.append(path(sym_path(half), hc))
            if self.headwear != "cap":
                # soft curls along the lower edge instead of a straight cut
                for sx in (-1, 1):
                    for (dx, dy, r) in ((R - 3, 6, 7.5), (R - 7, 19, 7), (R - 16, 26, 6.5)):
                        out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>'
                                   % (f(sx * dx), f(dy), f(r + self.rng.r(-0.6, 0.6)), hc))
        elif self.hair == "bun" and self.headwear != "cap":
            out.append('<circle cx="0" cy="%s" r="%s" fill="%s"/>' % (f(top - 4), f(14 if not self.child else 12), hc))
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                       'stroke-linecap="round" opacity="0.7"/>' % (pts(-8, top - 9), pts(0, top - 15),
                                                                  pts(8, top - 7), self.hair_shade))
        elif self.hair == "ponytail":
            # the tail hangs behind the head on one side; only its edge shows past the head
            sx = -self.part
            L = 62 if not self.child else 52
            cmds = [("M", W - 10, -40),
                    ("C", W + 8, -38, W + 15, -12, W + 12, 14),
                    ("C", W + 10, L - 24, W + 7, L - 6, W + 1, L),
                    ("C", W - 3, L - 14, W - 4, 10, W - 8, -8),
                    ("Z",)]
            out.append(path(mpath(cmds, sx), hc))
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.2" '
                       'stroke-linecap="round" opacity="0.55"/>' % (
                           pts(sx * (W + 8), -6), pts(sx * (W + 9), 24), pts(sx * (W + 4), L - 8),
                           self.hair_shade))
        elif self.hair == "bald" and self.older and self.gender != "female":
            R = W + 3
            half = [("M", 0, -14), ("L", R - 8, -26),
                    ("C", R, -26, R + 2, -14, R + 1, 0),
                    ("C", R, 10, R - 3, 16, R - 8, 18), ("L", 0, 18)]
            out.append(path(sym_path(half), hc))
        elif self.hair in ("short", "grey-short") and self.gender == "female" and not self.child:
            # a short bob falls a little lower at the back
            spread = W + 7
            half = [("M", 0, top - 6), ("C", spread * 0.7, top - 6, spread + 1, top * 0.6, spread, 0),
                    ("C", spread, 14, spread - 1, 24, spread - 4, 30), ("L", 0, 28)]
            out.append(path(sym_path(half), hc))
        return out

    def _strands(self, clip_d, lines, opacity=0.55, width=1.3):
        """Soft strand lines, clipped to the hair shape so none pokes out."""
        out = ['<clipPath id="hairclip"><path d="%s"/></clipPath>' % clip_d,
               '<g clip-path="url(#hairclip)" fill="none" stroke="%s" stroke-width="%s" '
               'stroke-linecap="round" opacity="%s">' % (self.hair_shade, f(width), f(opacity))]
        for ln in lines:
            out.append('<path d="%s"/>' % ln)
        out.append("</g>")
        return out

    def hair_front(self):
        W, top, hc, p = self.W, self.top, self.hair_col, self.part
        out = []
        hair = self.hair
        if hair in ("covered",):
            return out
        if hair == "bald":
            # a soft highlight on the scalp (any remaining hair is in the back layer)
            out.append('<ellipse cx="%s" cy="%s" rx="12" ry="6" fill="#ffffff" opacity="0.12" '
                       'transform="rotate(-18 %s %s)"/>' % (f(-12), f(top + 14), f(-12), f(top + 14)))
            return out

        if hair in ("short", "grey-short"):
            fem = self.gender == "female" and not self.child
            vol = 4 if not fem else 6
            hl = -32 if not self.child else -29        # hairline at the centre of the forehead
            tip = 3.5 if not self.child else 5.5       # how far the fringe tufts fall
            side = -4 if not fem else 6                # how far down the sides the hair comes
            if fem:
                hl += 3
                # a softer, fuller cut that frames the cheeks (p = 1: parted on the right)
                cmds = [
                    ("M", -W - 3, side + 6),
                    ("C", -W - 6, -40, -W * 0.62, top - vol, 0, top - vol),
                    ("C", W * 0.62, top - vol, W + 6, -40, W + 3, side + 6),
                    ("L", W - 2.5, side + 6),
                    ("C", W - 3, -8, W - 4, -20, W - 10, -26),
                    ("Q", W * 0.45, hl - 7, 12, hl - 6),
                    ("Q", 4, hl - 2, -6, hl + 4),
                    ("Q", -W * 0.55, hl + 6, -W + 5, -14),
                    ("C", -W + 2, -6, -W + 2, 0, -W + 2, side + 6),
                    ("Z",),
                ]
            else:
                cmds = [
                    ("M", -W - 2, side),
                    ("C", -W - 4.5, -40, -W * 0.62, top - vol, 0, top - vol),
                    ("C", W * 0.62, top - vol, W + 4.5, -40, W + 2, side),
                    ("L", W - 1.5, side),
                    ("C", W - 2, -16, W - 3, -24, W - 7, -28),
                    ("Q", W * 0.5, hl - 9, 16, hl - 6),           # up to the parting
                    ("Q", 11, hl - 2, 6, hl + tip),               # fringe tufts sweeping across
                    ("Q", 1, hl - 2, -6, hl + tip + 0.8),
                    ("Q", -11, hl - 1, -18, hl + tip + 1.5),
                    ("Q", -W * 0.62, hl + 1, -W + 6, hl + 6),
                    ("C", -W + 2, -20, -W + 1.5, -12, -W + 1.5, side),
                    ("Z",),
                ]
            d = mpath(cmds, p)
            self.hair_d = d
            out.append(path(d, hc))
            lines = [mpath([("M", 16, hl - 6), ("Q", 12, top + 6, -2, top - 2)], p),
                     mpath([("M", 4, hl - 1), ("Q", -6, top + 12, -24, top + 4)], p),
                     mpath([("M", -10, hl + 1), ("Q", -22, hl - 10, -W + 2, -30)], p)]
            out.extend(self._strands(d, lines))
        elif hair == "long":
            hl = -30 if not self.child else -28
            outer = "M %s C %s %s %s C %s %s %s" % (
                pts(-W - 3, 10),
                pts(-W - 6, top * 0.7), pts(-W * 0.62, top - 7), pts(0, top - 7),
                pts(W * 0.62, top - 7), pts(W + 6, top * 0.7), pts(W + 3, 10))
            # centre or side part; the hair frames the face down the sides
            inner = " C %s %s %s C %s %s %s C %s %s %s C %s %s %s Z" % (
                pts(W - 1, -4), pts(W - 2, -18), pts(W - 8, -25),
                pts(W * 0.5, hl - 2 + p * 2), pts(p * 12, hl - 6), pts(p * 4, hl - 9),
                pts(-W * 0.35 + p * 6, hl - 4), pts(-W + 6, hl + 4), pts(-W + 2, -10),
                pts(-W, -4), pts(-W - 1, 4), pts(-W - 3, 10))
            d = outer + inner
            self.hair_d = d
            out.append(path(d, hc))
            out.extend(self._strands(d, [
                "M %s Q %s %s" % (pts(p * 4, hl - 9), pts(p * 18, top + 2), pts(p * 30, top + 10)),
                "M %s Q %s %s" % (pts(p * 4, hl - 9), pts(-p * 10, top + 4), pts(-p * 24, top + 6))]))
        elif hair in ("bun", "ponytail"):
            hl = -37 if not self.child else -34
            cmds = [
                ("M", -W - 1.5, -2),
                ("C", -W - 4, -34, -W * 0.7, top - 3, 0, top - 3),
                ("C", W * 0.7, top - 3, W + 4, -34, W + 1.5, -2),
                ("L", W - 1.5, -2),
                ("C", W - 1.5, -10, W - 3, -18, W - 6, -23),      # the temple
                ("C", W - 11, hl + 3, W * 0.3, hl, 0, hl),        # hair pulled back: a round arch
                ("C", -W * 0.3, hl, -W + 11, hl + 3, -W + 6, -23),
                ("C", -W + 3, -18, -W + 1.5, -10, -W + 1.5, -2),
                ("Z",),
            ]
            d = mpath(cmds)
            self.hair_d = d
            out.append(path(d, hc))
            lines = []
            for sx in (-1, 1):
                lines.append(mpath([("M", 12, hl + 1), ("Q", 20, top + 10, 10, top - 4)], sx))
                lines.append(mpath([("M", W - 8, -24), ("Q", W - 4, top + 18, 22, top - 2)], sx))
            out.extend(self._strands(d, lines, opacity=0.5, width=1.2))
        elif hair == "curly":
            hl = -32 if not self.child else -30
            # a soft scalloped outline: overlapping circles along an arc, varied a little
            R = W + 6
            n = 11 if self.headwear != "cap" else 0
            if self.headwear == "cap":
                # only short curls at the temples show under a cap
                for sx in (-1, 1):
                    for (dy, r) in ((-17, 5), (-10, 5.5), (-3.5, 4.5)):
                        out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>'
                                   % (f(sx * (W + 0.5)), f(dy), f(r), hc))
            for i in range(n):
                a = math.pi * (1.02 + 0.96 * i / (n - 1))
                x = math.cos(a) * R
                y = -abs(math.sin(a)) * (-top + 4) * 0.98 - 2
                r = 10 + (1.5 if i % 2 else 0) + self.rng.r(-0.8, 0.8)
                out.append('<circle cx="%s" cy="%s" r="%s" fill="%s"/>' % (f(x), f(y), f(r), hc))
            outer = "M %s C %s %s %s C %s %s %s" % (
                pts(-W - 2, -4), pts(-W - 4, top * 0.75), pts(-W * 0.6, top - 2), pts(0, top - 2),
                pts(W * 0.6, top - 2), pts(W + 4, top * 0.75), pts(W + 2, -4))
            inner = " C %s %s %s C %s %s %s C %s %s %s Z" % (
                pts(W - 1, -14), pts(W - 5, -24), pts(W - 12, hl + 2),
                pts(W * 0.3, hl - 3), pts(-W * 0.3, hl - 3), pts(-W + 12, hl + 2),
                pts(-W + 5, -24), pts(-W + 1, -14), pts(-W - 2, -4))
            d = outer + inner
            self.hair_d = d
            out.append(path(d, hc))
            # a few curl marks
            for (x, y) in ((-18, hl - 4), (-4, hl - 6), (10, hl - 5), (22, hl - 2), (-28, hl + 2),
                           (-10, top + 8), (14, top + 10)):
                out.append('<path d="M %s q %s %s" fill="none" stroke="%s" stroke-width="1.3" '
                           'stroke-linecap="round" opacity="0.6"/>' % (
                               pts(x, y), pts(3, 3.5), pts(6, 0), self.hair_shade))
        return out

    # ----------------------------------------------------------------------------------
    def hijab(self, part):
        """part 'back': the scarf behind and around the head (in head coordinates);
        'front': the band framing the face; 'drape': over the shoulders (page coordinates)."""
        W, top, col = self.W, self.top, self.hw_col
        dark = shade(col, -0.14)
        out = []
        if part == "back":
            R = W + 10
            half = [("M", 0, top - 9),
                    ("C", R * 0.72, top - 9, R + 2, top * 0.62, R, -4),
                    ("C", R - 1, 26, R - 6, self.chin + 10, R - 14, self.chin + 22),
                    ("L", 0, self.chin + 24)]
            out.append(path(sym_path(half), col))
        elif part == "front":
            # a band that frames the face: outer = scarf edge, inner = face opening
            R = W + 10
            o_half = [("M", 0, top - 9),
                      ("C", R * 0.72, top - 9, R + 2, top * 0.62, R, -4),
                      ("C", R - 1, 26, R - 6, self.chin + 10, R - 14, self.chin + 22),
                      ("L", 0, self.chin + 24)]
            fw = W - 3.5
            i_half = [("M", 0, -41),
                      ("C", fw * 0.66, -41, fw, -27, fw, -6),
                      ("C", fw + 0.5, 20, self.J + 1, self.chin - 12, 0, self.chin + 2.5)]
            d = sym_path(o_half) + " " + sym_path(i_half)
            out.append(path(d, col, 'fill-rule="evenodd"'))
            # an underscarf line around the forehead
            # the underscarf: a narrow band of a deeper tone framing the forehead
            band = mpath([("M", -fw - 0.5, -4),
                          ("C", -fw - 0.5, -27, -fw * 0.66, -41.5, 0, -41.5),
                          ("C", fw * 0.66, -41.5, fw + 0.5, -27, fw + 0.5, -4),
                          ("C", fw - 2, -22, fw * 0.6, -36.5, 0, -36.5),
                          ("C", -fw * 0.6, -36.5, -fw + 2, -22, -fw - 0.5, -4), ("Z",)])
            out.append(path(band, shade(col, -0.18)))
            # soft folds
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                       'stroke-linecap="round" opacity="0.6"/>' % (
                           pts(-R + 3, 8), pts(-R + 5, 36), pts(-R + 16, self.chin + 16), dark))
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                       'stroke-linecap="round" opacity="0.6"/>' % (
                           pts(R - 4, 12), pts(R - 8, 40), pts(R - 20, self.chin + 18), dark))
        return out

    def hijab_drape(self, sh_y, sh_w):
        """The part of the hijab that falls over the shoulders and chest (page coordinates)."""
        col = self.hw_col
        dark = shade(col, -0.14)
        ax, ay = self.anchor
        W = self.W
        top_y = ay + self.chin - 6
        half = [("M", 0, top_y),
                ("C", W * 0.6, top_y, W + 8, top_y - 24, W + 4, top_y - 40),
                ("C", W + 22, top_y - 20, sh_w * 0.72, sh_y - 2, sh_w * 0.8, sh_y + 16),
                ("C", sh_w * 0.78, sh_y + 40, sh_w * 0.62, sh_y + 58, sh_w * 0.4, sh_y + 62),
                ("Q", sh_w * 0.2, sh_y + 64, 0, sh_y + 70)]
        d = sym_path(half)
        out = ['<g transform="translate(%s 0)">' % f(ax), path(d, col)]
        for s in (-1, 1):
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                       'stroke-linecap="round" opacity="0.55"/>' % (
                           pts(s * (W + 6), top_y - 18), pts(s * (W + 10), sh_y + 24),
                           pts(s * (sh_w * 0.45), sh_y + 58), dark))
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                   'stroke-linecap="round" opacity="0.45"/>' % (
                       pts(-W * 0.5, top_y + 6), pts(-4, sh_y + 34), pts(6, sh_y + 66), dark))
        out.append("</g>")
        return out

    # ----------------------------------------------------------------------------------
    def cap(self):
        """A plain baseball cap seen from the front: a rounded crown and a curved brim."""
        W, top, col = self.W, self.top, self.hw_col
        dark = shade(col, -0.25)
        light = shade(col, 0.14)
        out = []
        # the brim's soft shadow on the forehead
        out.append('<path d="M %s Q %s %s Q %s %s Z" fill="%s" opacity="0.5"/>' % (
            pts(-W + 1, -20), pts(0, -8), pts(W - 1, -20), pts(0, -22), pts(-W + 1, -20), self.skin_shade))
        # crown
        cmds = [("M", -W - 3.5, -18),
                ("C", -W - 5, -46, -W * 0.68, top - 5, 0, top - 5),
                ("C", W * 0.68, top - 5, W + 5, -46, W + 3.5, -18),
                ("Q", 0, -26, -W - 3.5, -18), ("Z",)]
        d = mpath(cmds)
        out.append(path(d, col))
        # panel seams, a small plain front patch (no logo) and the button on top
        out.append('<clipPath id="capclip"><path d="%s"/></clipPath>' % d)
        out.append('<g clip-path="url(#capclip)" fill="none" stroke="%s" stroke-width="1.2" '
                   'stroke-linecap="round" opacity="0.6">' % dark)
        for sx in (-1, 1):
            out.append('<path d="%s"/>' % mpath([("M", 2, top - 4), ("Q", 15, -46, 19, -20)], sx))
        out.append("</g>")
        out.append('<ellipse cx="0" cy="%s" rx="4" ry="2" fill="%s"/>' % (f(top - 4.5), dark))
        # brim: a lens shape that curves down over the brow, wider than the crown
        cmds = [("M", -W - 9, -19),
                ("Q", 0, -31, W + 9, -19),
                ("Q", W + 10, -15, W + 4, -14),
                ("Q", 0, -6, -W - 4, -14),
                ("Q", -W - 10, -15, -W - 9, -19), ("Z",)]
        out.append(path(mpath(cmds), dark))
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.4" '
                   'stroke-linecap="round" opacity="0.7"/>' % (
                       pts(-W - 6, -19.5), pts(0, -29.5), pts(W + 6, -19.5), light))
        return out

    def headset(self):
        W, top = self.W, self.top
        dark = "#474e58"
        mid = "#666e7a"
        out = []
        # band over the head (a filled shape, not an outline)
        big = self.hair in ("curly",) or (self.hair in ("short", "grey-short") and self.gender == "female")
        R = W + (10 if self.hair == "curly" else 6)
        top = top - (12 if self.hair == "curly" else 3 if big else 0)
        d = ("M %s C %s %s %s C %s %s %s L %s C %s %s %s C %s %s %s Z" % (
            pts(-R, -2), pts(-R - 1, top * 0.72), pts(-R * 0.6, top - 9), pts(0, top - 9),
            pts(R * 0.6, top - 9), pts(R + 1, top * 0.72), pts(R, -2),
            pts(R - 4.5, -2), pts(R - 3.5, top * 0.7), pts(R * 0.58, top - 4.5), pts(0, top - 4.5),
            pts(-R * 0.58, top - 4.5), pts(-R + 3.5, top * 0.7), pts(-R + 4.5, -2)))
        out.append(path(d, dark))
        out.append('<path d="M %s C %s %s %s" fill="none" stroke="%s" stroke-width="1.2" '
                   'stroke-linecap="round" opacity="0.8"/>' % (
                       pts(-R + 1.5, -12), pts(-R * 0.9, top - 6), pts(R * 0.9, top - 6), pts(R - 1.5, -12), mid))
        # ear cushions
        for s in (-1, 1):
            out.append('<rect x="%s" y="%s" width="11" height="22" rx="5" fill="%s"/>'
                       % (f(s * (R - 3.5) - 5.5), f(-7), dark))
            out.append('<rect x="%s" y="%s" width="4" height="14" rx="2" fill="%s"/>'
                       % (f(s * (R - 3.5) + (2 if s > 0 else -6)), f(-3), mid))
        # microphone boom from the left ear towards the mouth corner
        s = -1
        bx, by = s * (W + 1), 10
        mx, my = s * (self.mouth_w + 8), self.mouth_y + 1
        out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="2" '
                   'stroke-linecap="round"/>' % (pts(bx, by), pts(bx + 2, my + 4), pts(mx, my), dark))
        out.append('<rect x="%s" y="%s" width="8" height="5" rx="2.5" fill="%s"/>'
                   % (f(mx - 3), f(my - 2.5), dark))
        return out

    # ----------------------------------------------------------------------------------
    # body and clothing (page coordinates)

    def body(self, e):
        raise_ = e["raise_"]
        sh_y = self.sh_y - raise_
        sh_w = self.sh_w - max(0, raise_) * 0.9
        nw = self.neck_w
        ax, ay = self.anchor
        out = []
        bottom = SIZE + 40
        # shoulders / torso silhouette
        half = [("M", 0, sh_y - 2),
                ("L", nw + 8, sh_y - 2),
                ("C", nw + 30, sh_y, sh_w - 18, sh_y + 4, sh_w - 6, sh_y + 24),
                ("C", sh_w, sh_y + 36, sh_w + 2, sh_y + 52, sh_w + 3, bottom),
                ("L", 0, bottom)]
        torso = sym_path(half)
        # clothing details are clipped to the torso, plus the neck column (so a collar or the
        # neckline can overlap the neck without a seam where the neck meets the shoulders)
        out.append('<clipPath id="torso"><path d="%s" transform="translate(%s 0)"/>'
                   '<rect x="%s" y="%s" width="%s" height="30"/></clipPath>'
                   % (torso, f(CX), f(CX - nw), f(sh_y - 26), f(2 * nw)))
        out.append('<g transform="translate(%s 0)">' % f(CX))
        out.append(path(torso, self.cloth))
        out.append("</g>")
        # neck, drawn over the top edge of the clothing so no seam shows
        neck_top = ay + self.chin - 22
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>' % (
            f(CX - nw), f(neck_top), f(2 * nw), f(sh_y + 1 - neck_top), self.skin))
        # shadow under the chin
        ny = ay + self.chin + e["drop"]
        out.append('<path d="M %s Q %s %s L %s Q %s %s Z" fill="%s"/>' % (
            pts(CX - nw, ny - 10), pts(CX, ny + 4), pts(CX + nw, ny - 10),
            pts(CX + nw, ny + 3), pts(CX, ny + 11), pts(CX - nw, ny + 3), self.skin_shade))
        out.append('<g clip-path="url(#torso)"><g transform="translate(%s 0)">' % f(CX))
        # soft folds at the arms
        for s in (-1, 1):
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.6" '
                       'stroke-linecap="round" opacity="0.7"/>' % (
                           pts(s * (sh_w - 26), sh_y + 40), pts(s * (sh_w - 22), sh_y + 52),
                           pts(s * (sh_w - 24), bottom), self.cloth_shade))
        out.extend(self.clothing_details(sh_y, sh_w, nw))
        out.append("</g></g>")
        return out, sh_y, sh_w

    def clothing_details(self, sh_y, sh_w, nw):
        c = self.clothing
        cloth, shade_c, dark, light = self.cloth, self.cloth_shade, self.cloth_dark, self.cloth_light
        skin = self.skin
        out = []
        y0 = sh_y - 2

        def opening_round(depth, extra=6):
            return "M %s L %s C %s %s L %s Z" % (
                pts(-nw - extra, y0 - 4), pts(-nw - extra, y0 - 0.5), pts(-nw - extra + 2, y0 + depth * 1.3),
                pts(nw + extra - 2, y0 + depth * 1.3) + " " + pts(nw + extra, y0 - 0.5), pts(nw + extra, y0 - 4))

        def opening_v(depth, width):
            return "M %s L %s Q %s %s L %s L %s Z" % (
                pts(-width, y0 - 4), pts(-width, y0 - 0.5), pts(-width * 0.6, y0 + depth * 0.5),
                pts(0, y0 + depth), pts(width, y0 - 0.5), pts(width, y0 - 4))

        def buttons(x, ys, col):
            return ['<circle cx="%s" cy="%s" r="1.9" fill="%s"/>' % (f(x), f(y), col) for y in ys]

        def collar(depth, spread, col, stroke):
            o = []
            for s in (-1, 1):
                d = "M %s L %s L %s Q %s %s Z" % (
                    pts(s * (nw + 3), y0 - 8), pts(s * (nw + spread), y0 + 6),
                    pts(s * 3, y0 + depth), pts(s * (nw + 1), y0 + 4), pts(s * (nw + 3), y0 - 8))
                o.append(path(d, col))
                o.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.2" '
                         'stroke-linejoin="round" opacity="0.8"/>' % (d, stroke))
            return o

        if c == "t-shirt":
            d = opening_round(12)
            out.append(path(d, skin))
            # the ribbed neckband, a narrow filled band
            out.append(path(mpath([("M", -nw - 6, y0 - 1), ("C", -nw - 4, y0 + 15.6, nw + 4, y0 + 15.6, nw + 6, y0 - 1),
                                   ("L", nw + 9.5, y0 - 1),
                                   ("C", nw + 7.5, y0 + 20, -nw - 7.5, y0 + 20, -nw - 9.5, y0 - 1), ("Z",)]),
                            shade_c))
        elif c == "dress":
            d = opening_round(16, 9)
            out.append(path(d, skin))
            out.append('<path d="M %s C %s %s" fill="none" stroke="%s" stroke-width="1.6" '
                       'stroke-linecap="round"/>' % (pts(-nw - 9, y0 - 0.5), pts(-nw - 7, y0 + 21.5),
                                                     pts(nw + 7, y0 + 21.5) + " " + pts(nw + 9, y0 - 0.5), shade_c))
            # a gentle gathered yoke line
            out.append('<path d="M %s Q %s %s" fill="none" stroke="%s" stroke-width="1.3" '
                       'opacity="0.6"/>' % (pts(-sh_w + 30, y0 + 34), pts(0, y0 + 44), pts(sh_w - 30, y0 + 34),
                                            shade_c))
        elif c == "blouse":
            d = opening_v(22, nw + 5)
            out.append(path(d, skin))
            # a soft rounded collar
            for s in (-1, 1):
                dd = "M %s C %s %s %s C %s %s %s Z" % (
                    pts(s * (nw + 5), y0 - 3),
                    pts(s * (nw + 18), y0 - 1), pts(s * (nw + 16), y0 + 14), pts(s * 5, y0 + 22),
                    pts(s * (nw * 0.6), y0 + 12), pts(s * (nw + 1), y0 + 4), pts(s * (nw + 5), y0 - 3))
                out.append(path(dd, light))
                out.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.1" opacity="0.7"/>'
                           % (dd, shade_c))
            out.extend(buttons(0, (y0 + 30, y0 + 44), shade_c))
        elif c in ("shirt", "workwear", "uniform"):
            depth = 20 if c == "shirt" else 16
            out.append(path(opening_v(depth, nw + 2), skin))
            # placket
            out.append('<path d="M %s L %s" stroke="%s" stroke-width="1.4" opacity="0.8"/>'
                       % (pts(0, y0 + depth), pts(0, SIZE + 4), shade_c))
            out.extend(buttons(2.5, (y0 + depth + 10, y0 + depth + 26, y0 + depth + 42), shade_c))
            col_fill = light if c != "uniform" else shade(cloth, 0.08)
            out.extend(collar(depth, 18, col_fill, shade_c))
            if c in ("workwear", "uniform"):
                # chest pockets with flaps
                sides = (-1, 1) if c == "workwear" else (-1, 1)
                for s in sides:
                    px = s * 32
                    out.append('<rect x="%s" y="%s" width="22" height="24" rx="3" fill="%s"/>'
                               % (f(px - 11), f(y0 + 34), shade(cloth, -0.07)))
                    out.append('<path d="M %s L %s L %s Q %s %s Z" fill="%s"/>' % (
                        pts(px - 12, y0 + 32), pts(px + 12, y0 + 32), pts(px + 12, y0 + 40),
                        pts(px, y0 + 44), pts(px - 12, y0 + 40), shade_c))
                    out.append('<circle cx="%s" cy="%s" r="1.6" fill="%s"/>' % (f(px), f(y0 + 40), dark))
            if c == "uniform":
                # epaulettes
                for s in (-1, 1):
                    d = "M %s L %s L %s L %s Z" % (
                        pts(s * (nw + 14), y0 + 0.5), pts(s * (sh_w - 20), y0 + 6),
                        pts(s * (sh_w - 18), y0 + 13), pts(s * (nw + 16), y0 + 7))
                    out.append(path(d, dark))
                    out.append('<circle cx="%s" cy="%s" r="1.8" fill="%s"/>'
                               % (f(s * (nw + 19)), f(y0 + 5), shade(cloth, 0.35)))
                # a plain shoulder patch on one sleeve (no real insignia)
                out.append('<path d="M %s q %s %s q %s %s q %s %s Z" fill="%s"/>' % (
                    pts(sh_w - 16, y0 + 30), pts(6, -1), pts(11, 2), pts(0, 10), pts(-5, 14),
                    pts(-6, -3), pts(-6, -14), shade(cloth, 0.3)))
                # a small name bar over the right pocket
                out.append('<rect x="%s" y="%s" width="18" height="4.5" rx="1.5" fill="%s"/>'
                           % (f(-32 - 9), f(y0 + 27), shade(cloth, 0.45)))
        elif c == "jacket":
            inner = "#eeeae4" if luminance(cloth) < 0.6 else "#4a4f57"
            inner_sh = shade(inner, -0.12)
            # inner shirt
            out.append(path("M %s L %s L %s L %s Z" % (pts(-nw - 8, y0), pts(nw + 8, y0),
                                                      pts(10, y0 + 60), pts(-10, y0 + 60)), inner))
            out.append(path(opening_v(18, nw + 1), skin))
            out.extend(collar(18, 12, inner, inner_sh))
            # lapels
            for s in (-1, 1):
                d = "M %s L %s L %s L %s L %s Z" % (
                    pts(s * (nw + 6), y0 - 4), pts(s * (nw + 14), y0 + 14), pts(s * (nw + 6), y0 + 22),
                    pts(s * 6, y0 + 64), pts(s * (nw - 2), y0 + 4))
                d = "M %s L %s L %s L %s L %s Q %s %s Z" % (
                    pts(s * (nw + 8), y0 - 3), pts(s * (nw + 20), y0 + 16), pts(s * (nw + 12), y0 + 22),
                    pts(s * 8, y0 + 62), pts(s * 4, y0 + 62), pts(s * (nw + 2), y0 + 20),
                    pts(s * (nw + 4), y0 + 2))
                out.append(path(d, shade(cloth, -0.08)))
                out.append('<path d="%s" fill="none" stroke="%s" stroke-width="1.2" '
                           'stroke-linejoin="round" opacity="0.7"/>' % (d, dark))
            # jacket front edge
            out.append('<path d="M %s L %s" stroke="%s" stroke-width="1.4" opacity="0.7"/>'
                       % (pts(4, y0 + 62), pts(4, SIZE + 4), dark))
        elif c == "cardigan":
            inner = mix(cloth, "#f2efe9", 0.75)
            out.append(path("M %s L %s L %s L %s Z" % (pts(-nw - 10, y0), pts(nw + 10, y0),
                                                      pts(14, SIZE + 4), pts(-14, SIZE + 4)), inner))
            out.append(path(opening_round(10, 5), skin))
            out.append('<path d="M %s C %s %s" fill="none" stroke="%s" stroke-width="2" '
                       'stroke-linecap="round"/>' % (pts(-nw - 5, y0 - 0.5), pts(-nw - 3, y0 + 13.5),
                                                     pts(nw + 3, y0 + 13.5) + " " + pts(nw + 5, y0 - 0.5),
                                                     shade(inner, -0.1)))
            # the two open fronts with a ribbed edge
            for s in (-1, 1):
                d = "M %s C %s %s %s L %s L %s L %s Z" % (
                    pts(s * (nw + 9), y0 - 2.5), pts(s * (nw + 7), y0 + 16), pts(s * 18, y0 + 30), pts(s * 14, y0 + 40),
                    pts(s * 13, SIZE + 4), pts(s * (sh_w + 10), SIZE + 4), pts(s * (sh_w + 10), y0 - 2.5))
                out.append(path(d, cloth))
                out.append('<path d="M %s C %s %s %s L %s" fill="none" stroke="%s" stroke-width="2" '
                           'stroke-linecap="round"/>' % (
                               pts(s * (nw + 9), y0 - 2.5), pts(s * (nw + 7), y0 + 16), pts(s * 18, y0 + 30), pts(s * 14, y0 + 40),
                               pts(s * 13, SIZE + 4), shade_c))
            out.extend(buttons(-12.5, (y0 + 52, y0 + 66), shade(cloth, 0.3)))
        return out

    # ----------------------------------------------------------------------------------
    def svg(self, mood):
        e = dict(EXPRESSIONS[mood])
        ax, ay = self.anchor
        drop = e["drop"]
        tilt = e["tilt"]
        # the face
        out = []
        out.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">'
                   % (SIZE, SIZE, SIZE, SIZE))
        out.append("<!-- Haven portrait: %s (%s), generated by tools/portraits/make_portraits.py -->"
                   % (self.cid.replace("--", "-"), mood))
        out.append('<defs><clipPath id="frame"><rect width="%d" height="%d" rx="36"/></clipPath></defs>'
                   % (SIZE, SIZE))
        out.append('<g clip-path="url(#frame)">')
        out.append('<rect width="%d" height="%d" fill="%s"/>' % (SIZE, SIZE, self.bg))
        # a faint lighter disc behind the head for depth
        out.append('<circle cx="%s" cy="%s" r="92" fill="#ffffff" opacity="0.18"/>' % (f(CX), f(ay - 6)))

        head_tf = 'translate(%s %s) rotate(%s 0 %s)' % (f(ax), f(ay + drop), f(tilt), f(self.chin))
        # the whole figure, scaled slightly about the bottom centre for a close bust framing
        out.append('<g transform="translate(%s %s) scale(%s) translate(%s %s)">'
                   % (f(CX), f(SIZE), f(SCALE * (0.93 if self.child else 1.0)), f(-CX), f(-SIZE)))
        # back hair / scarf (moves with the head)
        back = []
        if self.headwear == "hijab":
            back = self.hijab("back")
        else:
            back = self.hair_back()
        if back:
            out.append('<g transform="%s">' % head_tf)
            if self.headwear == "cap":
                # under a cap only the hair below the brim shows
                out.append('<clipPath id="belowcap"><rect x="-150" y="-21" width="300" height="300"/></clipPath>')
                out.append('<g clip-path="url(#belowcap)">')
                out.extend(back)
                out.append("</g>")
            else:
                out.extend(back)
            out.append("</g>")
        body, sh_y, sh_w = self.body(e)
        out.extend(body)
        if self.headwear == "hijab":
            out.extend(self.hijab_drape(sh_y, sh_w))

        out.append('<g transform="%s">' % head_tf)
        if self.headwear != "hijab" and not (self.hair == "long" or
                                             (self.hair in ("short", "grey-short") and
                                              self.gender == "female" and not self.child)):
            out.extend(self.ears())
        out.append(path(self.face_outline(), self.skin))
        out.extend(self.face_details(e))
        out.extend(self.eyes(e))
        out.extend(self.brows(e))
        out.extend(self.nose())
        out.extend(self.mouth(e))
        if self.glasses:
            out.extend(self.glasses_svg())
        if self.headwear == "hijab":
            out.extend(self.hijab("front"))
        else:
            self.hair_d = None
            front = self.hair_front()
            if self.hair_d and self.headwear != "cap":
                # a soft shadow of the hair on the forehead, for a little depth
                out.append('<clipPath id="faceclip"><path d="%s"/></clipPath>' % self.face_outline())
                out.append('<g clip-path="url(#faceclip)"><path d="%s" transform="translate(0 2.6)" '
                           'fill="%s" opacity="0.55"/></g>' % (self.hair_d, self.skin_shade))
            if self.headwear == "cap":
                out.append('<clipPath id="belowcap2"><rect x="-150" y="-21" width="300" height="300"/></clipPath>')
                out.append('<g clip-path="url(#belowcap2)">')
                out.extend(front)
                out.append("</g>")
            else:
                out.extend(front)
        if self.headwear == "cap":
            out.extend(self.cap())
        elif self.headwear == "headset":
            out.extend(self.headset())
        out.append("</g>")
        out.append("</g>")
        out.append("</g>")
        out.append("</svg>")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# PNG: rasterise with rsvg-convert, then re-encode with a palette when that is smaller


def write_if_changed(path_, data):
    """Write bytes to path_ unless it already holds exactly them. No temporary files are left
    next to the output, so nothing transient ever shows up in the scenario folders."""
    try:
        with open(path_, "rb") as fh:
            if fh.read() == data:
                return False
    except OSError:
        pass
    with open(path_, "wb") as fh:
        fh.write(data)
    return True


def rasterise(svg_path, png_path):
    res = subprocess.run(["rsvg-convert", "-w", str(SIZE), "-h", str(SIZE), "-f", "png", svg_path],
                         check=True, stdout=subprocess.PIPE)
    write_if_changed(png_path, optimise_png(res.stdout))


def _png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos = 8
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        yield kind, data[pos + 8:pos + 8 + n]
        pos += 12 + n


def _chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _decode_rgba(data):
    ihdr = None
    idat = b""
    for kind, body in _png_chunks(data):
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    w, h, depth, ctype, _, _, interlace = ihdr
    if depth != 8 or ctype != 6 or interlace != 0:
        return None
    raw = zlib.decompress(idat)
    bpp = 4
    stride = w * bpp
    out = bytearray(h * stride)
    prev = bytearray(stride)
    pos = 0
    for y in range(h):
        ft = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ft == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ft == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ft == 3:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((a + prev[i]) >> 1)) & 0xFF
        elif ft == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 0xFF
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return w, h, out


def optimise_png(data):
    """Re-encode an 8-bit RGBA PNG as an indexed PNG (at most 256 colours, with transparency).
    Colours are reduced by a simple median cut when there are more than 256; the flat style
    keeps that invisible. Returns the smaller of the original and the indexed version."""
    dec = _decode_rgba(data)
    if dec is None:
        return data
    w, h, px = dec
    n = w * h
    pixels = [bytes(px[i * 4:i * 4 + 4]) for i in range(n)]
    counts = {}
    for p in pixels:
        counts[p] = counts.get(p, 0) + 1
    if len(counts) > 256:
        palette, mapping = _median_cut(counts, 256)
    else:
        palette = list(counts)
        mapping = {c: i for i, c in enumerate(palette)}
    # order: transparent entries first so tRNS can be short
    order = sorted(range(len(palette)), key=lambda i: palette[i][3])
    remap = {old: new for new, old in enumerate(order)}
    palette = [palette[i] for i in order]
    idx = bytes(remap[mapping[p]] for p in pixels)
    rows = bytearray()
    for y in range(h):
        rows.append(0)
        rows += idx[y * w:(y + 1) * w]
    plte = b"".join(bytes(c[:3]) for c in palette)
    alphas = bytes(c[3] for c in palette)
    last = len(alphas)
    while last > 0 and alphas[last - 1] == 255:
        last -= 1
    out = b"\x89PNG\r\n\x1a\n"
    out += _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0))
    out += _chunk(b"PLTE", plte)
    if last:
        out += _chunk(b"tRNS", alphas[:last])
    out += _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
    out += _chunk(b"IEND", b"")
    return out if len(out) < len(data) else data


def _median_cut(counts, k):
    boxes = [list(counts.items())]
    while len(boxes) < k:
        # split the box with the largest weighted range
        best, best_score, best_ch = None, -1, 0
        for bi, box in enumerate(boxes):
            if len(box) < 2:
                continue
            for ch in range(4):
                vals = [c[ch] for c, _ in box]
                rng = max(vals) - min(vals)
                score = rng * (sum(n for _, n in box) ** 0.5)
                if score > best_score:
                    best, best_score, best_ch = bi, score, ch
        if best is None or best_score <= 0:
            break
        box = sorted(boxes[best], key=lambda cn: cn[0][best_ch])
        total = sum(n for _, n in box)
        acc, cut = 0, 1
        for i, (_, nn) in enumerate(box):
            acc += nn
            if acc >= total / 2:
                cut = max(1, min(len(box) - 1, i + 1))
                break
        boxes[best:best + 1] = [box[:cut], box[cut:]]
    palette, mapping = [], {}
    for box in boxes:
        tot = sum(n for _, n in box)
        avg = tuple(int(round(sum(c[ch] * n for c, n in box) / tot)) for ch in range(4))
        # keep fully opaque and fully transparent colours exact in alpha
        for c, _ in box:
            mapping[c] = len(palette)
        palette.append(bytes(avg))
    return palette, mapping


# --------------------------------------------------------------------------------------------
# Scenario handling


def load_json(p):
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def expression_for(mood, notes, cid):
    m = str(mood).lower()
    if m in EXPRESSIONS:
        return m
    if m in MOOD_ALIASES:
        notes.append("%s: mood %r drawn as %r" % (cid, mood, MOOD_ALIASES[m]))
        return MOOD_ALIASES[m]
    notes.append("%s: mood %r not known, drawn as 'neutral'" % (cid, mood))
    return "neutral"


def process_scenario(folder, notes, make_png=True):
    """Generate every portrait for one scenario folder. Returns the list of PNG paths."""
    folder = folder.rstrip("/")
    sid = os.path.basename(folder)
    pj = os.path.join(folder, "assets", "portraits.json")
    if not os.path.exists(pj):
        notes.append("%s: no assets/portraits.json, skipped" % sid)
        return []
    specs = load_json(pj)
    if isinstance(specs, dict):
        specs = specs.get("characters", specs.get("portraits", []))
    by_id = {}
    for spec in specs:
        if not isinstance(spec, dict) or not spec.get("character"):
            notes.append("%s: portraits.json entry without 'character' skipped" % sid)
            continue
        by_id[spec["character"]] = spec

    # wanted outputs: the moods in portraits.json, plus every path scenario.json refers to
    wanted = {}   # character -> {mood: png path relative to the folder}
    for cid, spec in by_id.items():
        moods = spec.get("moods") or []
        if not moods:
            notes.append("%s/%s: no moods listed, drawing 'neutral'" % (sid, cid))
            moods = ["neutral"]
        for m in moods:
            wanted.setdefault(cid, {})[m] = "assets/%s-%s.png" % (cid, m)
    sj = os.path.join(folder, "scenario.json")
    if os.path.exists(sj):
        try:
            scen = load_json(sj)
            for ch in scen.get("characters", []) or []:
                cid = ch.get("id")
                for m, rel in (ch.get("portraits") or {}).items():
                    if cid not in by_id:
                        notes.append("%s: scenario.json character %r has portraits but no "
                                     "portraits.json entry; drawing with defaults" % (sid, cid))
                        by_id[cid] = {"character": cid, "name": ch.get("name", cid)}
                    if m not in wanted.get(cid, {}):
                        notes.append("%s/%s: scenario.json uses mood %r not listed in portraits.json; "
                                     "drawn too" % (sid, cid, m))
                    wanted.setdefault(cid, {})[m] = rel
        except (ValueError, OSError) as exc:
            notes.append("%s: could not read scenario.json (%s); drew portraits.json moods only"
                         % (sid, exc))
    src = os.path.join(folder, "assets", "src")
    os.makedirs(src, exist_ok=True)
    made = []
    for cid, moods in wanted.items():
        spec = by_id[cid]
        rng = Rng("haven-portrait:" + cid + ":" + str(spec.get("name", "")))
        fig = Figure(spec, rng, notes)
        for mood, rel in moods.items():
            rel = rel.replace("\\", "/")
            png = os.path.normpath(os.path.join(folder, rel))
            if not png.startswith(os.path.normpath(os.path.join(folder, "assets")) + os.sep) or \
                    not png.endswith(".png"):
                notes.append("%s/%s: portrait path %r is outside assets/ or not .png; skipped"
                             % (sid, cid, rel))
                continue
            stem = os.path.splitext(os.path.basename(png))[0]
            svg_path = os.path.join(src, stem + ".svg")
            write_if_changed(svg_path, fig.svg(expression_for(mood, notes, "%s/%s" % (sid, cid))).encode("utf-8"))
            if make_png:
                os.makedirs(os.path.dirname(png), exist_ok=True)
                rasterise(svg_path, png)
            made.append(png)
    return made


def contact_sheet(pngs, out_png, cols=8, cell=160):
    """A grid of the given PNGs with their file names, rasterised to out_png."""
    rows = (len(pngs) + cols - 1) // cols
    W, H = cols * cell, rows * (cell + 18)
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
             'width="%d" height="%d"><rect width="100%%" height="100%%" fill="#ffffff"/>' % (W, H)]
    for i, p in enumerate(pngs):
        x, y = (i % cols) * cell, (i // cols) * (cell + 18)
        with open(p, "rb") as fh:
            b64 = base64.b64encode(fh.read()).decode("ascii")
        parts.append('<image x="%d" y="%d" width="%d" height="%d" xlink:href="data:image/png;base64,%s"/>'
                     % (x + 4, y + 4, cell - 8, cell - 8, b64))
        parts.append('<text x="%d" y="%d" font-family="DejaVu Sans" font-size="10" text-anchor="middle" '
                     'fill="#333">%s</text>' % (x + cell // 2, y + cell + 8,
                                               os.path.basename(p)[:-4].replace("&", "&amp;")))
    parts.append("</svg>")
    with tempfile.NamedTemporaryFile("w", suffix=".svg", delete=False) as fh:
        fh.write("\n".join(parts))
        tmp = fh.name
    try:
        subprocess.run(["rsvg-convert", "--unlimited", "-o", out_png, tmp], check=True)
    finally:
        os.remove(tmp)


def check_scenario(folder):
    """Problems with the portraits a scenario refers to: missing files, and node moods that are
    not keys of the speaker's portraits (the latter can only be fixed in scenario.json)."""
    problems = []
    sj = os.path.join(folder, "scenario.json")
    if not os.path.exists(sj):
        return problems
    try:
        scen = load_json(sj)
    except (ValueError, OSError) as exc:
        return ["%s: cannot read scenario.json: %s" % (folder, exc)]
    moods_of = {}
    for ch in scen.get("characters", []) or []:
        moods_of[ch.get("id")] = set((ch.get("portraits") or {}).keys())
        for m, rel in (ch.get("portraits") or {}).items():
            if not os.path.exists(os.path.join(folder, rel)):
                problems.append("%s: missing %s (character %s, mood %s)" % (folder, rel, ch.get("id"), m))
    for node in scen.get("nodes", []) or []:
        sp, m = node.get("speaker"), node.get("mood")
        if sp and m and sp in moods_of and m not in moods_of[sp]:
            problems.append("%s: node %r uses mood %r, which %s's portraits do not list (scenario.json)"
                            % (folder, node.get("id"), m, sp))
    return problems


def main(argv=None):
    ap = argparse.ArgumentParser(description="Draw Haven portraits from scenarios/<id>/assets/portraits.json")
    ap.add_argument("folders", nargs="*", help="scenario folders, e.g. scenarios/airport-arrival")
    ap.add_argument("--all", action="store_true", help="every scenarios/*/assets/portraits.json")
    ap.add_argument("--root", default=None, help="repository root (default: two levels above this file)")
    ap.add_argument("--svg-only", action="store_true", help="write the SVG sources but no PNGs")
    ap.add_argument("--sheet", metavar="PNG", help="also write a contact sheet of everything drawn")
    ap.add_argument("--check", action="store_true",
                    help="draw nothing; list portrait paths in scenario.json that do not exist (exit 1 if any)")
    args = ap.parse_args(argv)

    if not args.svg_only and shutil.which("rsvg-convert") is None:
        sys.exit("make_portraits: rsvg-convert not found (Debian package librsvg2-bin)")
    root = args.root or os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    folders = list(args.folders)
    if args.all:
        for pj in sorted(glob.glob(os.path.join(root, "scenarios", "*", "assets", "portraits.json"))):
            folders.append(os.path.dirname(os.path.dirname(pj)))
    if not folders:
        ap.error("give scenario folders or --all")
    folders = [os.path.relpath(x) for x in folders]
    if args.check:
        problems = [p for folder in folders for p in check_scenario(folder)]
        for p in problems:
            print("check: " + p)
        print("check: %d folder(s), %d problem(s)" % (len(folders), len(problems)))
        return 1 if any("missing" in p for p in problems) else 0
    notes, made = [], []
    for folder in folders:
        got = process_scenario(folder, notes, make_png=not args.svg_only)
        print("%s: %d portrait(s)" % (folder, len(got)))
        made.extend(got)
    for n in notes:
        print("note: " + n)
    if args.sheet and made and not args.svg_only:
        contact_sheet(made, args.sheet)
        print("contact sheet: " + args.sheet)
    problems = [] if args.svg_only else [p for folder in folders for p in check_scenario(folder)]
    for p in problems:
        print("check: " + p)
    return 1 if any("missing" in p for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
