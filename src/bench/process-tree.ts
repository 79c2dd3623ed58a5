/**
 * Pure readers of Linux's /proc text, for measuring the memory of a whole process tree
 * (a build's node spawns its ingest and render processes and Pagefind's binary).
 */

/** Resident memory in bytes from the text of /proc/<pid>/status; 0 when absent (a zombie). */
export function parseVmRssBytes(statusText: string): number {
  const match = statusText.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

/** The parent pid from the text of /proc/<pid>/stat. The command name may hold spaces and parentheses, so fields are read after its last ")". */
export function parseStatParentPid(statText: string): number | undefined {
  const end = statText.lastIndexOf(")");
  if (end < 0) return undefined;
  const fields = statText.slice(end + 2).split(" ");
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** `root` and every process below it, given each process's parent. */
export function descendantsOf(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}
