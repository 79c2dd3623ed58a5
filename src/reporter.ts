/**
 * Progress and summaries. In a terminal a stage shows a running count on one line;
 * elsewhere (CI, logs, pipes) it prints a few plain lines.
 */
export interface Reporter {
  stage(name: string): StageProgress;
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface StageProgress {
  update(done: number, total: number): void;
  end(detail?: string): number;
}

export function createReporter(stream: NodeJS.WriteStream = process.stderr, options: { quiet?: boolean } = {}): Reporter {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  const write = (s: string) => {
    if (!options.quiet) stream.write(s);
  };
  return {
    stage(name) {
      const started = performance.now();
      let lastPlain = -1;
      let lastDraw = 0;
      if (!interactive) write(`${name}...\n`);
      return {
        update(done, total) {
          if (interactive) {
            const now = performance.now();
            if (done !== total && now - lastDraw < 100) return;
            lastDraw = now;
            const width = 24;
            const filled = total ? Math.round((done / total) * width) : width;
            write(`\r${name} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
          } else {
            // Plain lines: at most one every 10%.
            const decile = total ? Math.floor((done / total) * 10) : 10;
            if (decile > lastPlain && decile < 10 && total >= 1000) {
              lastPlain = decile;
              write(`${name}: ${done}/${total}\n`);
            }
          }
        },
        end(detail) {
          const seconds = (performance.now() - started) / 1000;
          if (interactive) write("\r\x1b[K");
          write(`${name}: done in ${seconds.toFixed(2)} s${detail ? ` (${detail})` : ""}\n`);
          return seconds;
        },
      };
    },
    info: (line) => write(`${line}\n`),
    warn: (line) => write(`warning: ${line}\n`),
    error: (line) => write(`error: ${line}\n`),
  };
}
