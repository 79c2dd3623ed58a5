/** Words as a reader counts them: runs of letters or digits. */
export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const p of paragraphs) {
    const m = p.match(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu);
    if (m) count += m.length;
  }
  return count;
}

// A period after these is not a sentence end.
const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|Sgt|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|vs|etc|[A-Z])\.)$/;

/** The first sentences of the lead, up to about `maxChars`: one or two sentences. */
export function summarizeLead(paragraphs: readonly string[], maxChars = 280): string {
  const lead = paragraphs.find((p) => p.length > 40) ?? paragraphs[0] ?? "";
  const sentences: string[] = [];
  let start = 0;
  const re = /[.!?][”"’)]*(?=\s+[“"‘(]?[A-Z0-9])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lead)) !== null) {
    const end = m.index + m[0].length;
    const candidate = lead.slice(start, end).trim();
    if (ABBREVIATIONS.test(lead.slice(0, m.index + 1))) continue;
    sentences.push(candidate);
    start = end;
    if (sentences.length === 2) break;
  }
  if (sentences.length < 2 && start < lead.length) sentences.push(lead.slice(start).trim());
  let summary = "";
  for (const s of sentences) {
    if (!s) continue;
    if (summary && summary.length + s.length + 1 > maxChars) break;
    summary = summary ? `${summary} ${s}` : s;
  }
  if (summary.length > maxChars) {
    const cut = summary.slice(0, maxChars);
    summary = `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[,;:—–-]+$/, "")}…`;
  }
  return summary;
}
