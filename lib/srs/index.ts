// Spaced repetition: the FSRS scheduler, review sessions and stats, and the persisted store.

export * from './scheduler';
export * from './review-items';
export * from './review-session';
export * from './review-stats';
export * from './persisted-data';
export * from './persist-storage';
export * from './backup';
export * from './store';
export * from './sr-comment';
