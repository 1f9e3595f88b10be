export * from './enums.js';
export * from './meeting-workflow.js';
export * from './meeting-planning.js';
export * from './agenda-navigation.js';
export * from './agenda-timing.js';
export * from './text-rules.js';
export * from './parties.js';
export * from './accounts.js';
