/** A GitHub-flavoured Markdown table; columns whose header is in `rightAligned` are right-aligned (numbers). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<string> = new Set()): string {
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`table row has ${row.length} cells, expected ${headers.length}`);
  }
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const widths = headers.map((h, c) => Math.max(3, escape(h).length, ...rows.map((r) => escape(r[c]).length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, c) => (rightAligned.has(headers[c]) ? escape(cell).padStart(widths[c]) : escape(cell).padEnd(widths[c]))).join(" | ")} |`;
  const rule = `| ${widths.map((w, c) => (rightAligned.has(headers[c]) ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** Seconds with two decimals ("12.34"), or "—" when there is no figure. */
export function formatSeconds(seconds: number | undefined): string {
  return seconds === undefined || !Number.isFinite(seconds) ? "—" : seconds.toFixed(2);
}

/** Bytes as whole MiB ("1,234"), or "—". */
export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined || !(bytes > 0) ? "—" : Math.round(bytes / 2 ** 20).toLocaleString("en-US");
}

/** Our time over the baseline's ("×2.3"), or "—" when either is missing. */
export function formatRatio(ours: number | undefined, baseline: number | undefined): string {
  if (ours === undefined || baseline === undefined || !(baseline > 0)) return "—";
  return `×${(ours / baseline).toFixed(2)}`;
}
