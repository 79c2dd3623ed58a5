import type { RenderSettings } from "../../.eleventy.ts";
import { renderSiteInProcess, type RenderOptions } from "./render.ts";

/**
 * One render process of several (src/publish/render.ts forks it): renders its share of
 * the site and reports the files it wrote to the parent.
 */
process.once("message", async (message: { options: RenderOptions; share: RenderSettings["share"]; rounds?: number }) => {
  try {
    const result = await renderSiteInProcess(message.options, message.share, message.rounds);
    process.send!({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
