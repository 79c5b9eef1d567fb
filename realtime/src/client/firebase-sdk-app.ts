// firebase/app, as the transport uses it: one of three chunks of the SDK (see firebase-sdk.ts).
import { deleteApp, initializeApp } from 'firebase/app';

export const app = { deleteApp, initializeApp };
