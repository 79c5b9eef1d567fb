import { LIMITS, type Point } from '@classpulse/realtime/protocol';
import { newClientId } from '../../components/editor/client-ids.ts';
import type { WebKind } from '../kind.ts';

/** Where each placed marker is, by marker id; markers not placed yet are absent. */
export type DraggableDraft = Readonly<Record<string, Point>>;

const percent = (v: number) => Math.round(v * 100);

/** "42% across, 18% down": how positions are said to students and written in reports. */
export const describePoint = (p: Point): string => `${percent(p.x)}% across, ${percent(p.y)}% down`;

export const draggable: WebKind<'draggable', DraggableDraft> = {
  label: 'Draggable',
  hint: 'Students drag your labelled markers onto your image.',
  newQuestion: (prompt) => ({
    kind: 'draggable',
    prompt,
    imageUrl: '',
    imageAlt: '',
    markers: [{ id: newClientId(), label: '' }],
  }),
  copyQuestion: (question) => ({
    ...question,
    markers: question.markers.map((m) => ({ ...m, id: newClientId() })),
  }),
  imageUrl: (question) => question.imageUrl,
  withImageUrl: (question, url) => (question.imageUrl ? question : { ...question, imageUrl: url }),
  backgroundFromSlide: (question, image, replacing) =>
    question.imageUrl && question.imageUrl !== replacing?.url
      ? question
      : {
          ...question,
          imageUrl: image.url,
          imageAlt: question.imageAlt.trim() || image.alt.slice(0, LIMITS.promptMax),
        },
  issueFields: {
    imageUrl: { field: 'image', name: 'Image' },
    imageAlt: { field: 'imageAlt', name: 'Image description' },
    markers: { field: 'markers', name: 'Markers' },
    points: { field: 'points', name: 'Points' },
  },
  issueTarget(question, [property, index, detail]) {
    if (property !== 'markers' || typeof index !== 'number') return null;
    const marker = question.markers[index];
    if (!marker) return null;
    return detail === 'target'
      ? { field: `marker-${marker.id}-target`, detail: `Marker ${index + 1} target area` }
      : { field: `marker-${marker.id}`, detail: `Marker ${index + 1}` };
  },

  emptyDraft: {},
  draftFromAnswer: (answer) => answer.positions,
  draftToCandidate: (draft) => ({ positions: { ...draft } }),
  missingMessage: 'Place every marker on the picture first.',

  answerText(question, answer) {
    const labels = new Map(question?.markers.map((m) => [m.id, m.label]));
    const order = question?.markers.map((m) => m.id) ?? Object.keys(answer.positions);
    return order
      .flatMap((id) => {
        const at = answer.positions[id];
        return at ? [`${labels.get(id) ?? id} at ${describePoint(at)}`] : [];
      })
      .join('; ');
  },
  answerWords(question, answer) {
    const labels = new Map(question?.markers.map((m) => [m.id, m.label]));
    const order = question?.markers.map((m) => m.id) ?? Object.keys(answer.positions);
    const items = order.flatMap((id) => {
      const at = answer.positions[id];
      return at
        ? [
            {
              key: 'answerWords.marker' as const,
              values: { label: labels.get(id) ?? id, x: percent(at.x), y: percent(at.y) },
            },
          ]
        : [];
    });
    return { key: 'answerWords.list', values: { items } };
  },
};
