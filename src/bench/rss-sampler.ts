import { readdir, readFile } from "node:fs/promises";
import { descendantsOf, parseStatParentPid, parseVmRssBytes } from "./process-tree.ts";

export interface TreeRssSampler {
  /** Stops sampling; the highest total RSS seen (bytes) and how many samples were taken. */
  stop(): Promise<{ peakBytes: number; samples: number }>;
}

/**
 * Samples the summed VmRSS of `rootPid` and all its descendants every `intervalMs`
 * and keeps the highest sum: the peak memory of a build that runs in several
 * processes. Linux only (/proc); elsewhere the peak stays 0.
 */
export function sampleTreeRss(rootPid: number, intervalMs = 50): TreeRssSampler {
  let peakBytes = 0;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const total = await treeRssBytes(rootPid);
      if (total > 0) samples++;
      peakBytes = Math.max(peakBytes, total);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { peakBytes, samples };
    },
  };
}

async function treeRssBytes(rootPid: number): Promise<number> {
  const names = await readdir("/proc").catch(() => [] as string[]);
  const parentOf = new Map<number, number>();
  await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n))
      .map(async (n) => {
        // A process may exit between readdir and read: skip it.
        const stat = await readFile(`/proc/${n}/stat`, "utf8").catch(() => "");
        const ppid = parseStatParentPid(stat);
        if (ppid !== undefined) parentOf.set(Number(n), ppid);
      }),
  );
  if (!parentOf.has(rootPid)) return 0;
  const sizes = await Promise.all(
    descendantsOf(rootPid, parentOf).map(async (pid) => parseVmRssBytes(await readFile(`/proc/${pid}/status`, "utf8").catch(() => ""))),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
