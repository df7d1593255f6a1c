/** The public surface for declaration files written in TypeScript (`import { defineConnection } from 'tak-gitops'`). */
export * from './model/define';
export type * from './model/schemas';
