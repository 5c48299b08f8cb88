// Node sizes and container paddings, shared by the layout (space to reserve) and the renderer (where to
// write). Text width is estimated from character counts: layout must run where no font metrics exist (Node).
import type { TopologyNode } from '../../../server/src/core/topology/types';

export const CHAR_WIDTH = 6.8; // 12px sans-serif, average
export const BOLD_CHAR_WIDTH = 7.2;
export const LEAF_HEIGHT = 40;
export const LEAF_CHIP_WIDTH = 40;
export const LEAF_MAX_WIDTH = 220;
export const GATEWAY_WIDTH = 124;
export const GATEWAY_HEIGHT = 34;
export const GATEWAY_GAP = 12;

export interface Padding {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const PADDING = {
  region: { top: 40, left: 24, bottom: 24, right: 24 },
  vpc: { top: 56, left: 22, bottom: 22, right: 22 },
  az: { top: 34, left: 14, bottom: 14, right: 14 },
  subnet: { top: 62, left: 12, bottom: 12, right: 12 },
} as const satisfies Record<string, Padding>;

/** `subLine`: the smaller second line (CIDR, badges), written at 10.5px. */
export function leafWidth(node: TopologyNode, subLine = ''): number {
  const text = Math.max(String(node.label ?? node.id).length * CHAR_WIDTH, subLine.length * CHAR_WIDTH * 0.88);
  return Math.round(Math.min(LEAF_MAX_WIDTH, Math.max(132, LEAF_CHIP_WIDTH + 20 + text)));
}

export function textWidth(text: string, bold = false): number {
  return Math.ceil(text.length * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH));
}

/** Fits `text` into `width` pixels, ending with an ellipsis when cut. */
export function fitText(text: string, width: number, bold = false): string {
  const max = Math.max(1, Math.floor(width / (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH)));
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
