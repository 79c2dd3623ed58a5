/** A tiny `--name value` / `--flag` parser for the thin scripts in this folder. */
export function parseArgs(argv: string[], known: Record<string, "string" | "boolean">): { values: Record<string, string | boolean>; positional: string[] } {
  const values: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = known[name];
    if (!kind) {
      console.error(`Unknown option --${name}. Known options: ${Object.keys(known).map((k) => `--${k}`).join(", ")}`);
      process.exit(2);
    }
    if (kind === "boolean") values[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) {
        console.error(`--${name} needs a value.`);
        process.exit(2);
      }
      values[name] = value;
    }
  }
  return { values, positional };
}

/** The build's "today". ARCHIVE_NOW (YYYY-MM-DD) pins it for reproducible builds. */
export function buildNow(): Date {
  const pinned = process.env.ARCHIVE_NOW;
  if (pinned) {
    const d = new Date(`${pinned}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) {
      console.error(`ARCHIVE_NOW="${pinned}" is not a date; use YYYY-MM-DD.`);
      process.exit(2);
    }
    return d;
  }
  return new Date();
}
