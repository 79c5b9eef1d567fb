/**
 * Slide imports (PDF, PowerPoint): the converter's metrics, whether it runs in the web process
 * (the embedded default) or as the converter service in Kubernetes. No teacher, deck or file name
 * is ever a label value.
 */
export const SLIDE_CONVERSION_METRICS = {
  conversions: {
    name: 'slide_conversions_total',
    help: 'Documents converted to slide images, by kind (pdf, pptx) and result (ok or the failure code).',
    type: 'counter',
    labelNames: ['kind', 'result'],
  },
  duration: {
    name: 'slide_conversion_duration_seconds',
    help: 'Time of one conversion after its wait in line, by kind.',
    type: 'histogram',
    labelNames: ['kind'],
    buckets: [1, 2.5, 5, 10, 20, 40, 60, 120, 300],
  },
  pages: {
    name: 'slide_conversion_pages_total',
    help: 'Pages rendered to slide images.',
    type: 'counter',
    labelNames: [],
  },
  queue: {
    name: 'slide_conversion_queue',
    help: 'Conversions running and waiting in line.',
    type: 'gauge',
    labelNames: ['state'],
  },
} as const;

export const SLIDE_CONVERSION_KINDS = ['pdf', 'pptx'] as const;
export const SLIDE_CONVERSION_QUEUE_STATES = ['running', 'waiting'] as const;
