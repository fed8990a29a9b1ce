#!/usr/bin/env node
// Draws the add-in icons (an envelope with a "bounce" arrow on a blue rounded square) and writes them
// as PNG files into assets/. No dependencies: shapes are signed-distance functions, rendered with
// 8x8 supersampling, and the PNG encoder below uses node:zlib for the deflate step.
//
//   node scripts/make-icons.mjs                    writes every file in OUTPUTS below into assets/
//                                                  (manifest.xml and manifest.json name them all)
//   node scripts/make-icons.mjs --preview out.png  also writes an enlarged contact sheet for review
//
// 16 and 32 px get their own pixel-aligned layouts without the fine details, so they stay crisp instead
// of being a blurred copy of the large icon; every other size scales the large layout. The unified
// manifest also wants an "outline" icon: the same envelope and arrow as white strokes on transparency.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.cjs';

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

// ---------------------------------------------------------------- PNG encoder (RGBA, 8 bit)

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a),
    pb = Math.abs(p - b),
    pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Encodes width*height RGBA pixels; each row gets the filter with the smallest sum of |bytes|. */
export function encodePng(width, height, rgba) {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const zero = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rgba.subarray((y - 1) * stride, y * stride) : zero;
    let best = null;
    for (let f = 0; f < 5; f++) {
      const line = Buffer.alloc(stride + 1);
      line[0] = f;
      let cost = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 4 ? row[i - 4] : 0,
          b = up[i],
          c = i >= 4 ? up[i - 4] : 0;
        const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][f];
        line[i + 1] = (row[i] - pred) & 0xff;
        cost += line[i + 1] < 128 ? line[i + 1] : 256 - line[i + 1];
      }
      if (!best || cost < best.cost) best = { cost, line };
    }
    best.line.copy(raw, y * (stride + 1));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit depth, colour type 6 (RGBA), deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- signed-distance shapes (pixel units)

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
const len = (x, y) => Math.hypot(x, y);

const roundRect = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r,
    qy = Math.abs(y - cy) - hh + r;
  return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = clamp((px * dx + py * dy) / (dx * dx + dy * dy), 0, 1);
  return len(px - dx * t, py - dy * t) - w / 2;
};

/** Arc of radius r around (cx, cy) from angle a0 to a1 (radians, a0 < a1, y axis down), round caps. */
const arc = (cx, cy, r, a0, a1, w) => (x, y) => {
  let a = Math.atan2(y - cy, x - cx);
  while (a < a0) a += 2 * Math.PI;
  if (a <= a1) return Math.abs(len(x - cx, y - cy) - r) - w / 2;
  const e0 = len(x - cx - r * Math.cos(a0), y - cy - r * Math.sin(a0));
  const e1 = len(x - cx - r * Math.cos(a1), y - cy - r * Math.sin(a1));
  return Math.min(e0, e1) - w / 2;
};

/** Convex polygon, points in clockwise order on screen (y down); exact outside distance is not needed. */
const polygon = (pts) => (x, y) => {
  let d = -Infinity;
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[i],
      [bx, by] = pts[(i + 1) % pts.length];
    const ex = bx - ax,
      ey = by - ay,
      l = len(ex, ey);
    d = Math.max(d, ((x - ax) * ey - (y - ay) * ex) / l);
  }
  return d;
};

const union =
  (...fs) =>
  (x, y) =>
    Math.min(...fs.map((f) => f(x, y)));
const grow = (f, k) => (x, y) => f(x, y) - k;

// ---------------------------------------------------------------- the artwork

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const TOP = hex('#2B88D8'),
  BRAND = hex('#0F6CBD'),
  BOTTOM = hex('#0A4F8F');
const WHITE = hex('#FFFFFF'),
  SHADOW = hex('#062F57'),
  ARROW = hex('#FFC83D'),
  ARROW_DARK = hex('#F7A50F');

/**
 * One layout per size, in pixels. `u` converts the 0..1 design grid to pixels; small sizes override
 * the geometry with whole-pixel values and use thicker strokes.
 */
function layout(size) {
  const u = (v) => v * size;
  const small = size === 16,
    medium = size === 32;
  const g = small
    ? {
        radius: 3,
        env: [2, 9, 14, 14],
        envR: 0.8,
        flapW: 1.1,
        flapDepth: 0.55,
        arcC: [8, 5],
        arcR: 3,
        arcW: 2,
        head: 2.5,
        headLen: 2.5,
        gap: 0.7,
        detail: false,
      }
    : medium
      ? {
          radius: 6.5,
          env: [4, 17, 28, 28],
          envR: 1.5,
          flapW: 2,
          flapDepth: 0.55,
          arcC: [16, 11],
          arcR: 6,
          arcW: 3,
          head: 4.5,
          headLen: 4.5,
          gap: 1.4,
          detail: false,
        }
      : {
          radius: u(0.2),
          env: [u(0.15), u(0.5), u(0.85), u(0.85)],
          envR: u(0.06),
          flapW: u(0.055),
          flapDepth: 0.55,
          arcC: [u(0.5), u(0.39)],
          arcR: u(0.2),
          arcW: u(0.095),
          head: u(0.135),
          headLen: u(0.125),
          gap: u(0.04),
          detail: true,
        };

  const half = size / 2;
  const bg = roundRect(half, half, half, half, g.radius);
  const bgColour = (_x, y) => (y < half ? mix(TOP, BRAND, y / half) : mix(BRAND, BOTTOM, (y - half) / half));

  const [x0, y0, x1, y1] = g.env;
  const envelope = roundRect((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2, g.envR);
  const vx = (x0 + x1) / 2,
    vy = y0 + (y1 - y0) * g.flapDepth;
  const flap = union(segment(x0, y0, vx, vy, g.flapW), segment(vx, vy, x1, y0, g.flapW)); // clipped by the envelope

  // The bounce: leaves the envelope on the right, arcs over the top and comes back down into it.
  const [cx, cy] = g.arcC;
  const a0 = -Math.PI,
    a1 = Math.PI / 6; // from the left (head end) over the top to lower right (tail)
  const hx = cx + g.arcR * Math.cos(a0),
    hy = cy + g.arcR * Math.sin(a0);
  const shaft = arc(cx, cy, g.arcR, a0 + 0.15, a1, g.arcW);
  const head = polygon([
    [hx + g.head, hy],
    [hx, hy + g.headLen],
    [hx - g.head, hy],
  ]);
  const arrow = union(shaft, head);

  const bgLayer = { shape: bg, colour: bgColour };
  const layers = [bgLayer];
  // At large sizes the envelope casts a soft shadow; at small sizes that would only blur its edge.
  if (g.detail) {
    const shadow = roundRect((x0 + x1) / 2, (y0 + y1) / 2 + u(0.025), (x1 - x0) / 2, (y1 - y0) / 2, g.envR);
    layers.push({ shape: shadow, colour: () => SHADOW, soft: u(0.05), opacity: 0.5, clip: bg });
  }
  layers.push({ shape: envelope, colour: () => WHITE });
  layers.push({ shape: flap, colour: () => BRAND, clip: envelope });
  layers.push({ shape: grow(arrow, g.gap), colour: bgColour, clip: bg });
  layers.push({
    shape: arrow,
    colour: g.detail
      ? (_x, y) => mix(ARROW, ARROW_DARK, clamp((y - (cy - g.arcR)) / (2 * g.arcR), 0, 1))
      : () => ARROW,
    clip: bg,
  });
  return layers;
}

/**
 * The outline icon (32 px): the envelope as a white ring with its flap, and the bounce arrow, on a
 * transparent background. Microsoft asks for white on transparency, nothing else.
 */
function outlineLayout() {
  const envelope = roundRect(16, 22, 12.5, 6.5, 1.5);
  const ring = (x, y) => Math.abs(envelope(x, y)) - 1;
  const flap = union(segment(4, 16, 16, 22.5, 2), segment(16, 22.5, 28, 16, 2));
  const [cx, cy, r] = [16, 11, 6];
  const a0 = -Math.PI,
    a1 = Math.PI / 6;
  const hx = cx + r * Math.cos(a0),
    hy = cy + r * Math.sin(a0);
  const shaft = arc(cx, cy, r, a0 + 0.15, a1, 2.5);
  const head = polygon([
    [hx + 4, hy],
    [hx, hy + 4],
    [hx - 4, hy],
  ]);
  const arrow = union(shaft, head);
  // A transparent gap where the arrow crosses the envelope keeps the two shapes apart.
  const gap = grow(arrow, 1.4);
  const envelopeParts = (x, y) =>
    Math.max(Math.min(ring(x, y), Math.max(flap(x, y), envelope(x, y))), -gap(x, y));
  return [
    { shape: envelopeParts, colour: () => WHITE },
    { shape: arrow, colour: () => WHITE },
  ];
}

// ---------------------------------------------------------------- rasteriser

const SS = 8; // samples per pixel per axis

/** Renders layers (painter's order) into RGBA bytes; coverage per sample comes from the distance. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS,
            y = py + (sy + 0.5) / SS;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0; // premultiplied, composited over transparent
          for (const layer of layers) {
            let d = layer.shape(x, y);
            if (layer.clip) d = Math.max(d, layer.clip(x, y));
            const cover = layer.soft
              ? clamp(0.5 - d / layer.soft, 0, 1) * layer.opacity
              : clamp(0.5 - d * SS, 0, 1);
            if (cover === 0) continue;
            const [lr, lg, lb] = layer.colour(x, y);
            cr = lr * cover + cr * (1 - cover);
            cg = lg * cover + cg * (1 - cover);
            cb = lb * cover + cb * (1 - cover);
            ca = cover + ca * (1 - cover);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = SS * SS;
      out[i + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- preview sheet (nearest-neighbour zoom)

function previewSheet(images) {
  const cell = 272,
    pad = 8,
    width = images.length * cell,
    height = 2 * cell;
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    const back = y < cell ? [245, 245, 245] : [32, 32, 32];
    for (let x = 0; x < width; x++) px.set([...back, 255], (y * width + x) * 4);
  }
  images.forEach(({ size, rgba }, k) => {
    const zoom = Math.floor((cell - 2 * pad) / size);
    for (let row = 0; row < 2; row++) {
      const ox = k * cell + pad,
        oy = row * cell + pad;
      for (let y = 0; y < size * zoom; y++) {
        for (let x = 0; x < size * zoom; x++) {
          const s = (Math.floor(y / zoom) * size + Math.floor(x / zoom)) * 4,
            t = ((oy + y) * width + ox + x) * 4;
          const al = rgba[s + 3] / 255;
          for (let c = 0; c < 3; c++) px[t + c] = Math.round(rgba[s + c] * al + px[t + c] * (1 - al));
        }
      }
    }
  });
  return encodePng(width, height, px);
}

// ---------------------------------------------------------------- main

// Desktop ribbon: 16, 32, 80. Base manifest: 64, 128. Outlook mobile: 25, 32 and 48 points at scales
// 1, 2 and 3, so 25, 32, 48, 50, 64, 75, 96 and 144 pixels. Unified manifest: color-192, outline-32.
const OUTPUTS = [
  [16, 'icon-16.png'],
  [25, 'icon-25.png'],
  [32, 'icon-32.png'],
  [48, 'icon-48.png'],
  [50, 'icon-50.png'],
  [64, 'icon-64.png'],
  [75, 'icon-75.png'],
  [80, 'icon-80.png'],
  [96, 'icon-96.png'],
  [128, 'icon-128.png'],
  [144, 'icon-144.png'],
  [192, 'color-192.png'],
  [32, 'outline-32.png', outlineLayout],
  [300, 'logo-filled.png'],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(ASSETS, { recursive: true });
  const images = [];
  for (const [size, name, draw = layout] of OUTPUTS) {
    const rgba = render(size, draw(size));
    writeFileSync(join(ASSETS, name), encodePng(size, size, rgba));
    images.push({ size, rgba });
    console.log(`assets/${name} ${size}x${size}`);
  }
  const i = process.argv.indexOf('--preview');
  if (i > 0 && process.argv[i + 1]) {
    writeFileSync(process.argv[i + 1], previewSheet(images.filter((im) => im.size <= 144)));
    console.log(`preview: ${process.argv[i + 1]}`);
  }
}
