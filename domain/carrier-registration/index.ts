export * from './states.ts';
export * from './pages.ts';
export * from './campaign.ts';
export * from './lint.ts';
export * from './refusals.ts';
export * from './polling.ts';
export * from './mail.ts';
