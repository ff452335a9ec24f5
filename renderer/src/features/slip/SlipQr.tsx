import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Printed size of one QR module: 0.5 mm is about 6 dots at 300 dpi, read back reliably from a scan. */
export const SLIP_QR_MODULE_MM = 0.5;
const QUIET_ZONE_MODULES = 4;

/**
 * The slip's signed statement as a QR code: alphanumeric mode (Base45 text), error correction M,
 * drawn as SVG so the printer places every module on its own dots.
 */
export function SlipQr({ text }: { text: string }) {
  const qr = useMemo(() => {
    const segments = [{ data: text, mode: 'alphanumeric' as const }];
    const code = QRCode.create(segments, { errorCorrectionLevel: 'M' });
    const modules = code.modules.size + 2 * QUIET_ZONE_MODULES;
    const cells: string[] = [];
    for (let y = 0; y < code.modules.size; y++) {
      for (let x = 0; x < code.modules.size; x++) {
        if (code.modules.get(x, y)) cells.push(`M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h1v1h-1z`);
      }
    }
    return { version: code.version, modules, path: cells.join('') };
  }, [text]);
  const size = `${(qr.modules * SLIP_QR_MODULE_MM).toFixed(1)}mm`;
  return (
    <svg
      className="slip-qr"
      data-testid="slip-qr"
      data-qr-version={qr.version}
      viewBox={`0 0 ${qr.modules} ${qr.modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label="核查单签名二维码"
    >
      <rect width={qr.modules} height={qr.modules} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
