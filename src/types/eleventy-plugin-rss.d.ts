// @11ty/eleventy-plugin-rss 3 ships JavaScript without type declarations; this is the part we call.
declare module "@11ty/eleventy-plugin-rss" {
  export function feedPlugin(eleventyConfig: unknown, options?: Record<string, unknown>): void;
}
