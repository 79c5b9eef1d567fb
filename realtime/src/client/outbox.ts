import type { Answer } from '../protocol/index.ts';
import { readJson, writeJson, type KeyValueStorage } from './storage.ts';

export interface PendingAnswer {
  answerId: string;
  slideId: string;
  answer: Answer;
  clientCreatedAt: number;
  /** It waited through a time without a connection (health report; absent = no). */
  offline?: boolean;
  /** Sends so far (health report; absent = none). */
  attempts?: number;
}

/**
 * Answers not yet acknowledged, kept in storage so a reload, a dropped network or a server
 * restart cannot lose them. At most one per slide: a newer answer replaces an unsent older one.
 */
export class Outbox {
  private readonly storage: KeyValueStorage;
  private readonly key: string;
  private items: PendingAnswer[];

  constructor(storage: KeyValueStorage, key: string) {
    this.storage = storage;
    this.key = key;
    const stored = readJson<PendingAnswer[]>(storage, key);
    this.items = Array.isArray(stored) ? stored : [];
  }

  list(): readonly PendingAnswer[] {
    return this.items;
  }

  put(item: PendingAnswer): void {
    this.items = [...this.items.filter((i) => i.slideId !== item.slideId), item];
    this.save();
  }

  /** Everything queued now is waiting without a connection. */
  markOffline(): void {
    if (this.items.every((i) => i.offline)) return;
    this.items = this.items.map((i) => (i.offline ? i : { ...i, offline: true }));
    this.save();
  }

  /** Counts a send of this answer; returns which attempt it is (1 for the first). */
  sending(answerId: string): number {
    let attempt = 1;
    this.items = this.items.map((i) => {
      if (i.answerId !== answerId) return i;
      attempt = (i.attempts ?? 0) + 1;
      return { ...i, attempts: attempt };
    });
    this.save();
    return attempt;
  }

  remove(answerId: string): void {
    const next = this.items.filter((i) => i.answerId !== answerId);
    if (next.length === this.items.length) return;
    this.items = next;
    this.save();
  }

  private save(): void {
    if (this.items.length === 0) this.storage.removeItem(this.key);
    else writeJson(this.storage, this.key, this.items);
  }
}

/** 128 random bits; `crypto.randomUUID` is missing on plain-http LAN pages, getRandomValues is not. */
export function newAnswerId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
