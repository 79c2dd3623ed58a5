export declare const BUNDLE_FORMAT: number;
export declare function defaultBundleDir(): string;
export declare function sha1(bytes: Buffer | string): string;
export declare function bundleName(entryPath: string): string;
export declare function currentBundle(entryPath: string, dir?: string): string | undefined;
