// The Firebase packages the transport uses, as one chunk (see firebase-sdk.ts).
export * as app from 'firebase/app';
export * as auth from 'firebase/auth';
export * as database from 'firebase/database';
