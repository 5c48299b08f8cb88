// Pan and zoom of the diagram: a transform on the SVG's `.vpcl-viewport` group (an attribute, not a style,
// so the webview's CSP allows it). Wheel zooms around the pointer, dragging pans.
export interface Transform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 4;
const DRAG_THRESHOLD = 4;

export class Viewport {
  transform: Transform = { x: 0, y: 0, k: 1 };
  /** True while a drag moved far enough that the following click is not a click. */
  private dragged = false;

  constructor(private readonly stage: HTMLElement, private readonly onChange: (t: Transform) => void) {
    stage.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = stage.getBoundingClientRect();
      this.zoomAt(e.clientX - r.left, e.clientY - r.top, Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.0015)));
    }, { passive: false });
    let start: { x: number; y: number; t: Transform } | undefined;
    stage.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      start = { x: e.clientX, y: e.clientY, t: this.transform };
      this.dragged = false;
    });
    stage.addEventListener('pointermove', (e) => {
      if (!start) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (!this.dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!this.dragged) stage.setPointerCapture(e.pointerId);
      this.dragged = true;
      this.set({ ...start.t, x: start.t.x + dx, y: start.t.y + dy });
    });
    const end = () => { start = undefined; };
    stage.addEventListener('pointerup', end);
    stage.addEventListener('pointercancel', end);
  }

  /** Whether the click that ends a pointer gesture was a drag (and should not select). */
  consumeDrag(): boolean {
    const d = this.dragged;
    this.dragged = false;
    return d;
  }

  apply(): void {
    const g = this.stage.querySelector('.vpcl-viewport');
    const { x, y, k } = this.transform;
    g?.setAttribute('transform', `translate(${round(x)} ${round(y)}) scale(${round(k, 10000)})`);
  }

  set(t: Transform): void {
    this.transform = { x: t.x, y: t.y, k: clamp(t.k, MIN_SCALE, MAX_SCALE) };
    this.apply();
    this.onChange(this.transform);
  }

  zoomAt(px: number, py: number, factor: number): void {
    const { x, y, k } = this.transform;
    const k2 = clamp(k * factor, MIN_SCALE, MAX_SCALE);
    this.set({ k: k2, x: px - ((px - x) * k2) / k, y: py - ((py - y) * k2) / k });
  }

  zoomBy(factor: number): void {
    const r = this.stage.getBoundingClientRect();
    this.zoomAt(r.width / 2, r.height / 2, factor);
  }

  /** Fits a width x height drawing into the stage, never enlarging beyond 1:1. */
  fit(width: number, height: number): void {
    const r = this.stage.getBoundingClientRect();
    const k = clamp(Math.min((r.width - 24) / width, (r.height - 24) / height, 1), MIN_SCALE, MAX_SCALE);
    this.set({ k, x: (r.width - width * k) / 2, y: Math.max(12, (r.height - height * k) / 2) });
  }

  /** Pans so the box (drawing coordinates) is centred. */
  center(box: { x: number; y: number; width: number; height: number }): void {
    const r = this.stage.getBoundingClientRect();
    const { k } = this.transform;
    this.set({ k, x: r.width / 2 - (box.x + box.width / 2) * k, y: r.height / 2 - (box.y + box.height / 2) * k });
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : 1;
}

function round(v: number, scale = 100): number {
  return Math.round(v * scale) / scale;
}
