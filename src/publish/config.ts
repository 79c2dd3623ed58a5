import path from "node:path";
import { siteSettings, type SiteSettings } from "../site/site-settings.ts";

/**
 * The build's one configuration object, made once per command from the command line,
 * then the environment, then the defaults (every default is in DEFAULTS below), and
 * handed to every stage, to the dev server and to Eleventy (through its programmatic
 * API: see src/publish/render.ts). Nothing else reads the environment for settings.
 */
export interface ArchiveConfig {
  projectRoot: string;
  /** Raw article files. */
  articlesDir: string;
  /** Generated Markdown (build output, not committed). */
  contentDir: string;
  /** The built site. */
  outputDir: string;
  /** The build's state between runs (.cache/); undefined with --no-cache. */
  cacheDir?: string;
  /** Maintainers' entity-name corrections. */
  aliasesFile: string;
  /** Templates and assets. */
  layoutsDir: string;
  site: SiteSettings;
  /** The build's "today": dates after it are never used. */
  now: Date;
  /** Build every good article and list the refused files, instead of failing on the first bad one. */
  keepGoing: boolean;
  /** npm start / npm run serve. */
  server: { port: number; host: string; poll: boolean };
}

/** Every default, in one place. Paths are relative to the project root. */
export const DEFAULTS = {
  articlesDir: "articles",
  contentDir: "generated/articles",
  outputDir: "_site",
  cacheDir: ".cache",
  aliasesFile: "data/aliases.json",
  layoutsDir: "layouts",
  pathPrefix: "/",
  siteOrigin: "http://localhost:8080",
  siteTitle: "News Archive",
  siteDescription: "A searchable archive of news articles.",
  lang: "en",
  port: 8080,
  host: "127.0.0.1",
} as const;

/** The command-line flags every command that builds or serves accepts, for scripts/cli-args.ts. */
export const CONFIG_FLAGS = {
  articles: "string",
  content: "string",
  output: "string",
  aliases: "string",
  "cache-dir": "string",
  "no-cache": "boolean",
  "path-prefix": "string",
  "site-url": "string",
  title: "string",
  now: "string",
  "keep-going": "boolean",
  port: "string",
  host: "string",
  poll: "boolean",
} as const;

/** Environment variables, each the fallback for the flag beside it. */
export const CONFIG_ENV = {
  "path-prefix": "ARCHIVE_PATH_PREFIX",
  "site-url": "ARCHIVE_SITE_URL",
  title: "ARCHIVE_TITLE",
  now: "ARCHIVE_NOW",
  port: "PORT",
  host: "HOST",
} as const satisfies Partial<Record<keyof typeof CONFIG_FLAGS, string>>;

export class ConfigError extends Error {}

export interface ConfigSources {
  projectRoot: string;
  /** Relative paths given as flags or in the environment are taken from here (default: the project root). */
  cwd?: string;
  /** Parsed flags, by name without the dashes. */
  flags?: Partial<Record<keyof typeof CONFIG_FLAGS, string | boolean>>;
  env?: Record<string, string | undefined>;
}

export function resolveConfig(sources: ConfigSources): ArchiveConfig {
  const root = path.resolve(sources.projectRoot);
  const flags = sources.flags ?? {};
  const env = sources.env ?? {};
  /** The flag's value, else its environment variable's, else undefined; and how to name it in an error. */
  const setting = (name: keyof typeof CONFIG_FLAGS): { value: string | undefined; from: string } => {
    const flag = flags[name];
    if (typeof flag === "string") return { value: flag, from: `--${name}` };
    const envName = (CONFIG_ENV as Record<string, string>)[name];
    if (envName && env[envName] !== undefined && env[envName] !== "") return { value: env[envName], from: envName };
    return { value: undefined, from: envName ? `--${name} or ${envName}` : `--${name}` };
  };
  const cwd = path.resolve(sources.cwd ?? root);
  const dir = (name: keyof typeof CONFIG_FLAGS, fallback: string) => {
    const given = setting(name).value;
    return given === undefined ? path.resolve(root, fallback) : path.resolve(cwd, given);
  };

  const origin = setting("site-url");
  let siteOrigin: string;
  try {
    siteOrigin = new URL(origin.value ?? DEFAULTS.siteOrigin).origin;
    if (siteOrigin === "null") throw new Error("no origin");
  } catch {
    throw new ConfigError(`${origin.from} must be the site's address, like https://example.org (got "${origin.value}"). Set it with --site-url or ARCHIVE_SITE_URL, or leave both unset for ${DEFAULTS.siteOrigin}.`);
  }

  const port = setting("port");
  const portNumber = Number(port.value ?? DEFAULTS.port);
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535) {
    throw new ConfigError(`${port.from} must be a port number (0 picks a free one), not "${port.value}".`);
  }

  const now = buildDay(setting("now"));
  return {
    projectRoot: root,
    articlesDir: dir("articles", DEFAULTS.articlesDir),
    contentDir: dir("content", DEFAULTS.contentDir),
    outputDir: dir("output", DEFAULTS.outputDir),
    cacheDir: flags["no-cache"] === true ? undefined : dir("cache-dir", DEFAULTS.cacheDir),
    aliasesFile: dir("aliases", DEFAULTS.aliasesFile),
    layoutsDir: path.resolve(root, DEFAULTS.layoutsDir),
    site: siteSettings({
      title: setting("title").value ?? DEFAULTS.siteTitle,
      description: DEFAULTS.siteDescription,
      lang: DEFAULTS.lang,
      origin: siteOrigin,
      pathPrefix: setting("path-prefix").value ?? DEFAULTS.pathPrefix,
      today: now.toISOString().slice(0, 10),
    }),
    now,
    keepGoing: flags["keep-going"] === true,
    server: { port: portNumber, host: setting("host").value ?? DEFAULTS.host, poll: flags.poll === true },
  };
}

/** The build's "today" at 00:00 UTC: pinned with --now or ARCHIVE_NOW (YYYY-MM-DD), else the current date. */
function buildDay(now: { value: string | undefined; from: string }): Date {
  if (now.value === undefined) return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(now.value) ? new Date(`${now.value}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== now.value) {
    throw new ConfigError(`${now.from}="${now.value}" is not a date; use YYYY-MM-DD.`);
  }
  return day;
}
