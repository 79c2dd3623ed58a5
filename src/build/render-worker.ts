import { renderSiteInProcess, type RenderOptions } from "./render.ts";

/**
 * One render process of several (src/build/render.ts forks it): renders its share of
 * the site and reports the files it wrote to the parent.
 */
process.once("message", async (message: { options: RenderOptions; share: string }) => {
  try {
    process.env.ARCHIVE_RENDER_SHARE = message.share;
    const result = await renderSiteInProcess(message.options);
    process.send!({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
  }
});
