import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportStatus } from '../src/components/importing/import-api.ts';
import {
  conversionText,
  formatBytes,
  progressAnnouncement,
} from '../src/components/importing/progress-text.ts';

const status = (over: Partial<ImportStatus>): ImportStatus => ({
  id: 'imp1',
  state: 'converting',
  fileName: 'lesson.pdf',
  pagesDone: 0,
  pagesTotal: 60,
  deckId: null,
  error: null,
  ...over,
});

describe('import progress text', () => {
  it('shows the page being converted, the queue and the end', () => {
    assert.equal(conversionText(status({ pagesDone: 11 })), 'Converting page 12 of 60');
    assert.equal(conversionText(status({ pagesDone: 60 })), 'Converting page 60 of 60');
    assert.equal(conversionText(status({ pagesTotal: null })), 'Opening the file…');
    assert.equal(
      conversionText(status({ state: 'queued', pagesTotal: null })),
      'Waiting for another import to finish',
    );
    assert.equal(conversionText(status({ state: 'done', pagesDone: 60 })), 'Converted 60 pages');
  });

  it('announces a 60-page conversion at its start, every 10 pages and at the end, once each', () => {
    const said: string[] = [];
    let previous: ImportStatus | null = null;
    const seen = [
      status({ state: 'queued', pagesTotal: null }),
      status({ state: 'queued', pagesTotal: null }),
      status({ pagesTotal: null }),
      // Polls see pages in uneven steps; a milestone passed between two polls is still said once.
      ...[0, 3, 9, 9, 14, 21, 22, 35, 41, 50, 58, 59].map((pagesDone) => status({ pagesDone })),
      status({ state: 'done', pagesDone: 60, deckId: 'deck1' }),
      status({ state: 'done', pagesDone: 60, deckId: 'deck1' }),
    ];
    for (const next of seen) {
      const text = progressAnnouncement(previous, next);
      if (text) said.push(text);
      previous = next;
    }
    assert.deepEqual(said, [
      'Waiting for another import to finish.',
      'Opening the file.',
      'Converting 60 pages.',
      'Converted 14 of 60 pages.',
      'Converted 21 of 60 pages.',
      'Converted 35 of 60 pages.',
      'Converted 41 of 60 pages.',
      'Converted 50 of 60 pages.',
      'All 60 pages converted. Opening the deck editor.',
    ]);
  });

  it('a page that resumes mid-way or sees the end first still says where things are', () => {
    assert.equal(progressAnnouncement(null, status({ pagesDone: 33 })), 'Converting 60 pages.');
    assert.equal(
      progressAnnouncement(null, status({ state: 'done', pagesDone: 1, pagesTotal: 1 })),
      'All 1 page converted. Opening the deck editor.',
    );
    assert.equal(progressAnnouncement(null, status({ state: 'failed' })), null);
  });

  it('sizes read as KB and MB', () => {
    assert.equal(formatBytes(850 * 1024), '850 KB');
    assert.equal(formatBytes(12.4 * 1024 * 1024), '12.4 MB');
  });
});
