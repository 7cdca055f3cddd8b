/** The part of web-ext's programmatic API (web-ext 10, no types of its own) that the tests and the packaging script use. */
declare module 'web-ext' {
  interface RunOptions {
    shouldExitProgram: boolean;
  }
  const webExt: {
    cmd: {
      lint(params: { sourceDir: string; output?: 'json' | 'text' | 'none'; selfHosted?: boolean; warningsAsErrors?: boolean }, options: RunOptions): Promise<unknown>;
      build(
        params: { sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean; ignoreFiles?: string[] },
        options: RunOptions,
      ): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
