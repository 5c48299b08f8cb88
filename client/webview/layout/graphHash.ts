// A stable hash of what the geometry depends on, the layout cache key. FNV-1a over the JSON text, two
// 32-bit lanes: collisions only cost a wrong cache hit, and 64 bits make that vanishingly rare.
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
