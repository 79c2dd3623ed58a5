import type { ChildProcess } from "node:child_process";
export declare function workerFlags(options?: { youngGenerationMiB?: number; heapGrowingPercent?: number }, execArgv?: readonly string[], nodeOptions?: string): string[];
export declare function forkBundle(bundle: string, flags: readonly string[]): ChildProcess;
export declare function forkEarlyWorker(scriptPath: string, options?: { youngGenerationMiB?: number; heapGrowingPercent?: number }, bundleDir?: string): ChildProcess | undefined;
export declare function takeEarlyWorker(scriptPath: string, flags: readonly string[]): ChildProcess | undefined;
export declare const INGEST_PROCESS_OPTIONS: Readonly<{ youngGenerationMiB: number; heapGrowingPercent: number }>;
