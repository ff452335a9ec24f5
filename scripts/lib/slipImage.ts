/** Reading a slip's QR code from a PNG (a scan, or a printed page rendered by pdftoppm). */
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface DecodedQr {
  text: string;
  /** QR version (size class 1–40). */
  version: number;
  /** Width of the code in pixels of the image, from its outer finder pattern corners. */
  widthPixels: number;
}

/** The QR code's text, or null when the image holds none that decodes. */
export function decodeQrFromPng(path: string): DecodedQr | null {
  const png = PNG.sync.read(readFileSync(path));
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height, {
    inversionAttempts: 'dontInvert',
  });
  if (!code) return null;
  const { topLeftCorner, topRightCorner } = code.location;
  return {
    text: code.data,
    version: code.version,
    widthPixels: Math.hypot(topRightCorner.x - topLeftCorner.x, topRightCorner.y - topLeftCorner.y),
  };
}
