export declare const STAMP: string;
export declare const SUPERVISOR: string;
export declare function sourceFingerprint(): string;
export declare function isBuildCurrent(): boolean;
