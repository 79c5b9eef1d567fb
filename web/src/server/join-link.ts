import QRCode from 'qrcode';

/** The link students open, and its QR code as inline SVG markup (generated locally, no network). */
export async function joinLink(
  host: string | null,
  joinCode: string,
): Promise<{ url: string; qrSvg: string }> {
  const url = `http://${host ?? 'localhost:3000'}/join/${joinCode}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { url, qrSvg };
}
