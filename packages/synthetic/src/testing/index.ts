export { repoTerminologyDir, testTerminology } from './terminology.ts';
