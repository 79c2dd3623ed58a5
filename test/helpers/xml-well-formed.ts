/**
 * A small XML well-formedness check for feeds and sitemaps (no XML parser is installed):
 * every tag closes in order, attributes are quoted, and every `&` starts a known entity
 * or a character reference. Returns the first problem, or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  if (!xml.startsWith("<?xml")) return "does not start with an XML declaration";
  const stack: string[] = [];
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let roots = 0;
  for (const m of xml.matchAll(token)) {
    if (m[0] === "<") return `stray or malformed tag at ${m.index}: ${xml.slice(m.index, m.index + 40)}`;
    if (m[0].startsWith("&")) return `bare & at ${m.index}: ${xml.slice(m.index, m.index + 20)}`;
    if (!m[2]) continue;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) return `</${m[2]}> closes <${open}> at ${m.index}`;
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  if (stack.length) return `unclosed <${stack.join("> <")}>`;
  if (roots !== 1) return `${roots} root elements`;
  return undefined;
}
