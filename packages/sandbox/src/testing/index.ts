export { memoryLogger, repoUiDir, startTestSandbox, testSandboxConfig } from './start.ts';
export type { TestSandbox } from './start.ts';
