import { ConfigError, resolveConfig, type ArchiveConfig } from "../src/publish/config.ts";

/** A tiny `--name value` / `--flag` parser for the thin scripts in this folder. */
export function parseArgs(argv: string[], known: Readonly<Record<string, "string" | "boolean">>): { values: Record<string, string | boolean>; positional: string[] } {
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

/** The build's configuration from these flags, the environment and the defaults; a bad setting ends the command with its message. */
export function configFromCommandLine(projectRoot: string, values: Record<string, string | boolean | undefined>): ArchiveConfig {
  try {
    return resolveConfig({ projectRoot, cwd: process.cwd(), flags: values, env: process.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
