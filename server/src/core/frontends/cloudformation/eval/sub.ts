/** One piece of an `Fn::Sub` template: literal text or a `${Name}` / `${Resource.Attribute}` variable. */
export type SubPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly name: string };

/** Splits an `Fn::Sub` template; `${!Literal}` is the literal text `${Literal}`, an unclosed `${` is text. */
export function parseSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('${', i);
    if (open < 0) break;
    const close = template.indexOf('}', open + 2);
    if (close < 0) break;
    text += template.slice(i, open);
    const inner = template.slice(open + 2, close);
    if (inner.startsWith('!')) text += `\${${inner.slice(1)}}`;
    else {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'var', name: inner.trim() });
    }
    i = close + 1;
  }
  text += template.slice(i);
  if (text !== '') parts.push({ kind: 'text', text });
  return parts;
}
