/**
 * The editor's slide-image edits, without a browser: an upload lands on the slide as it is then
 * (its description typed meanwhile stays), pictures questions take the slide image, and a missing
 * description is reported on its own field.
 */
import { deckSchema, type Deck, type Slide } from '@classpulse/realtime/protocol';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  onSlideImage,
  withSlideImage,
  withoutSlideImage,
} from '../src/components/editor/deck-ops.ts';
import { slideFieldId, validateDeck } from '../src/components/editor/field-errors.ts';
import { slideName } from '../src/components/editor/slide-name.ts';

const upload = { url: '/uploads/' + 'a'.repeat(64) + '.png', width: 800, height: 450 };
const image = { ...upload, alt: 'A blue sky' };

describe('slide image edits', () => {
  it('an upload keeps the description the slide has when it lands', () => {
    const typedMeanwhile: Slide = {
      id: 's',
      title: '',
      body: '',
      image: { ...image, alt: 'Typed' },
    };
    const next = withSlideImage(typedMeanwhile, {
      ...upload,
      url: '/uploads/' + 'b'.repeat(64) + '.png',
    });
    assert.equal(next.image?.alt, 'Typed');
    assert.equal(next.image?.url, '/uploads/' + 'b'.repeat(64) + '.png');
    assert.deepEqual([next.image?.width, next.image?.height], [800, 450]);
    assert.equal(withoutSlideImage(next).image, undefined);
  });

  it('drawing, pin and draggable take the slide image (and its description) unless they have one', () => {
    const pin = onSlideImage(
      { kind: 'pin-on-image', prompt: 'Where?', imageUrl: '', imageAlt: '' },
      image,
    );
    assert.deepEqual(pin, {
      kind: 'pin-on-image',
      prompt: 'Where?',
      imageUrl: image.url,
      imageAlt: 'A blue sky',
    });
    const drawing = onSlideImage({ kind: 'drawing', prompt: 'Draw' }, image);
    assert.deepEqual(drawing, { kind: 'drawing', prompt: 'Draw', backgroundImageUrl: image.url });
    const own = {
      kind: 'pin-on-image' as const,
      prompt: 'Where?',
      imageUrl: '/mine.png',
      imageAlt: 'Mine',
    };
    assert.deepEqual(onSlideImage(own, image), own);
    // A new slide image replaces the previous one where the question had that one.
    const replaced = withSlideImage(
      {
        id: 's',
        title: '',
        body: '',
        image,
        question: { kind: 'drawing', prompt: 'Draw', backgroundImageUrl: image.url },
      },
      { url: '/uploads/' + 'c'.repeat(64) + '.png', width: 10, height: 10 },
    );
    assert.deepEqual(replaced.question, {
      kind: 'drawing',
      prompt: 'Draw',
      backgroundImageUrl: '/uploads/' + 'c'.repeat(64) + '.png',
    });
    assert.equal(onSlideImage(own, image, { ...image, url: '/other.png' }), own);
    const choice = {
      kind: 'multiple-choice' as const,
      prompt: 'Which?',
      allowMultiple: false,
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    assert.deepEqual(onSlideImage(choice, image), choice);
    // A long imported description is cut to what a question's image description may hold.
    const long = onSlideImage(
      {
        kind: 'draggable',
        prompt: 'Drag',
        imageUrl: '',
        imageAlt: '',
        markers: [{ id: 'm', label: 'M' }],
      },
      { ...image, alt: 'x'.repeat(1000) },
    );
    assert.equal(long.kind === 'draggable' && long.imageAlt.length, 500);
  });

  it('a slide image without a description is an error on the description field', () => {
    const deck: Deck = deckSchema.parse({ title: 'T', slides: [{ id: 's1', title: 'x' }] });
    deck.slides[0]!.image = { ...image, alt: '  ' };
    const result = validateDeck(deck);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((i) => [i.fieldId, i.where, i.message]),
      [
        [
          slideFieldId('s1', 'slideImageAlt'),
          'Slide 1 · Slide image description',
          'Describe the image for screen readers.',
        ],
      ],
    );
  });

  it('a slide that is only an image is named by its place in the list', () => {
    assert.equal(slideName({ id: 's', title: '', body: '', image }, 2), 'Slide 3');
    assert.equal(slideName({ id: 's', title: '', body: '' }, 2), 'Untitled slide');
    assert.equal(slideName({ id: 's', title: 'Warm-up', body: '', image }, 2), 'Warm-up');
  });
});
