import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code for `text`, drawn as SVG by the `qrcode` package (no canvas needed). */
export function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      .then((markup) => {
        if (current) setSvg(markup);
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [text]);

  if (failed) return <p className="field-error">The QR code could not be drawn; type the settings in by hand.</p>;
  if (!svg) return <div className="qr-placeholder" style={{ width: size, height: size }} aria-hidden="true" />;
  return <img className="qr-code" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} width={size} height={size} alt={label} data-qr-text={text} />;
}
