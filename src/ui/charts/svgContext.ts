/**
 * A 2D-canvas look-alike that records SVG instead of pixels, so the chart
 * renderers (pure functions over a context) export vector images with no
 * second drawing code. Covers the subset the strip, Gantt and graph use.
 */

interface DrawState {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  dash: number[];
  clip: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : 0);
const fontSizePx = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);

export class SvgContext {
  private readonly out: string[] = [];
  private readonly defs: string[] = [];
  private path: string[] = [];
  private stack: DrawState[] = [];
  private clips = 0;
  // Scale and translation of setTransform (skew is never used by our renderers).
  private tf = { a: 1, d: 1, e: 0, f: 0 };
  private X(x: number): number {
    return this.tf.a * x + this.tf.e;
  }
  private Y(y: number): number {
    return this.tf.d * y + this.tf.f;
  }
  private s: DrawState = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    dash: [],
    clip: null,
  };

  get fillStyle(): string {
    return this.s.fillStyle;
  }
  set fillStyle(v: string | CanvasGradient | CanvasPattern) {
    this.s.fillStyle = typeof v === 'string' ? v : '#999';
  }
  get strokeStyle(): string {
    return this.s.strokeStyle;
  }
  set strokeStyle(v: string | CanvasGradient | CanvasPattern) {
    this.s.strokeStyle = typeof v === 'string' ? v : '#999';
  }
  get lineWidth(): number {
    return this.s.lineWidth;
  }
  set lineWidth(v: number) {
    this.s.lineWidth = v;
  }
  get globalAlpha(): number {
    return this.s.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.s.globalAlpha = v;
  }
  get font(): string {
    return this.s.font;
  }
  set font(v: string) {
    this.s.font = v;
  }
  get textAlign(): CanvasTextAlign {
    return this.s.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.s.textAlign = v;
  }
  get textBaseline(): CanvasTextBaseline {
    return this.s.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.s.textBaseline = v;
  }

  save(): void {
    this.stack.push({ ...this.s, dash: [...this.s.dash] });
  }
  restore(): void {
    const prev = this.stack.pop();
    if (prev) this.s = prev;
  }
  setLineDash(segments: number[]): void {
    this.s.dash = [...segments];
  }
  setTransform(a: number, _b: number, _c: number, d: number, e: number, f: number): void {
    this.tf = { a, d, e, f };
  }
  scale(): void {}
  lineJoin: CanvasLineJoin = 'miter';

  private common(): string {
    const a = this.s.globalAlpha < 1 ? ` opacity="${num(this.s.globalAlpha)}"` : '';
    const c = this.s.clip ? ` clip-path="url(#${this.s.clip})"` : '';
    return a + c;
  }
  private strokeAttrs(): string {
    const dash = this.s.dash.length ? ` stroke-dasharray="${this.s.dash.join(' ')}"` : '';
    return ` fill="none" stroke="${esc(this.s.strokeStyle)}" stroke-width="${num(this.s.lineWidth * this.tf.a)}"${dash}`;
  }

  clearRect(): void {}
  fillRect(x: number, y: number, w: number, h: number): void {
    this.out.push(
      `<rect x="${num(this.X(x))}" y="${num(this.Y(y))}" width="${num(w * this.tf.a)}" height="${num(h * this.tf.d)}" fill="${esc(this.s.fillStyle)}"${this.common()}/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.out.push(
      `<rect x="${num(this.X(x))}" y="${num(this.Y(y))}" width="${num(w * this.tf.a)}" height="${num(h * this.tf.d)}"${this.strokeAttrs()}${this.common()}/>`,
    );
  }
  fillText(text: string, x: number, y: number): void {
    const anchor =
      this.s.textAlign === 'center'
        ? 'middle'
        : this.s.textAlign === 'right' || this.s.textAlign === 'end'
          ? 'end'
          : 'start';
    const baseline =
      this.s.textBaseline === 'middle' ? 'middle' : this.s.textBaseline === 'top' ? 'hanging' : 'alphabetic';
    this.out.push(
      `<text x="${num(this.X(x))}" y="${num(this.Y(y))}" fill="${esc(this.s.fillStyle)}" font-size="${num(fontSizePx(this.s.font) * this.tf.a)}" font-family="system-ui, sans-serif"${/bold|[6-9]00/.test(this.s.font) ? ' font-weight="bold"' : ''} text-anchor="${anchor}" dominant-baseline="${baseline}"${this.common()}>${esc(text)}</text>`,
    );
  }
  /** Approximate: SVG text is measured by the viewer; layout decisions only need a close width. */
  measureText(text: string): TextMetrics {
    return { width: text.length * fontSizePx(this.s.font) * 0.58 } as TextMetrics;
  }

  beginPath(): void {
    this.path = [];
  }
  moveTo(x: number, y: number): void {
    this.path.push(`M${num(this.X(x))} ${num(this.Y(y))}`);
  }
  lineTo(x: number, y: number): void {
    this.path.push(`L${num(this.X(x))} ${num(this.Y(y))}`);
  }
  /** Rounded corners become sharp ones: the corner point is what matters in an export. */
  arcTo(x1: number, y1: number): void {
    this.lineTo(x1, y1);
  }
  closePath(): void {
    this.path.push('Z');
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}Z`);
  }
  arc(x: number, y: number, r: number): void {
    this.path.push(
      `M${num(x - r)} ${num(y)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0`,
    );
  }
  stroke(): void {
    if (this.path.length) this.out.push(`<path d="${this.path.join('')}"${this.strokeAttrs()}${this.common()}/>`);
  }
  fill(): void {
    if (this.path.length)
      this.out.push(`<path d="${this.path.join('')}" fill="${esc(this.s.fillStyle)}"${this.common()}/>`);
  }
  clip(): void {
    const id = `clip${++this.clips}`;
    this.defs.push(`<clipPath id="${id}"><path d="${this.path.join('')}"/></clipPath>`);
    this.s.clip = id;
  }

  /** The recorded drawing as a standalone SVG document of the given CSS size. */
  toSvg(width: number, height: number, title: string): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">`,
      `<title>${esc(title)}</title>`,
      `<rect width="100%" height="100%" fill="#fff"/>`,
      this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '',
      ...this.out,
      '</svg>',
    ].join('\n');
  }
}
