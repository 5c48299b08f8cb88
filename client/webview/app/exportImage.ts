// Exports: the SVG with the current theme's colours resolved (an exported file has no VS Code variables),
// and a PNG drawn from that SVG on a canvas.
import { COLOR_ROLES, VSCODE_PALETTE, type Palette } from '../render/theme';

/** The VS Code palette with every variable resolved to the colour it has right now. */
export function resolvedPalette(): Palette {
  const probe = document.createElement('span');
  document.body.append(probe);
  const out: Record<string, string> = {};
  for (const role of COLOR_ROLES) {
    probe.style.color = '';
    probe.style.color = VSCODE_PALETTE[role];
    out[role] = getComputedStyle(probe).color || '#000000';
  }
  probe.remove();
  return out as Palette;
}

/** PNG bytes (base64) of an SVG document, at `scale` times its size. */
export async function svgToPngBase64(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = new Image();
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  // Canvas size limits (about 16k per side in Chromium): shrink huge diagrams instead of failing.
  const s = Math.min(scale, 16_000 / width, 16_000 / height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
