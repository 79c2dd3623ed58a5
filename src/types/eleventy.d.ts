// Eleventy 3 ships JavaScript without type declarations; this is the part we call.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string | false; pathPrefix?: string; quietMode?: boolean; config?: (eleventyConfig: any) => unknown });
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
  }
}
