import { deliveryFactsSchema, type DeliveryFacts, type StoredResponse } from '../protocol/index.ts';
import { decodeAnswer, encodeAnswer, type StoredAnswer } from './answer-codec.ts';

/** A student's response as the database holds it; browsers write it, the rules check it. */
export interface ResponseNode {
  answerId: string;
  answer: StoredAnswer;
  firstSubmittedAt: number;
  submittedAt: number;
  clientCreatedAt?: number;
  hidden: boolean;
  revisions: number;
  answerIds: Record<string, true>;
  /**
   * How the answer got here, written by the browser for the health report (never by a server:
   * a server's rewrite of the node drops it, after the server recorded it).
   */
  delivery?: DeliveryFacts;
}

export function responseNode(response: StoredResponse): ResponseNode {
  const node: ResponseNode = {
    answerId: response.answerId,
    answer: encodeAnswer(response.answer),
    firstSubmittedAt: response.firstSubmittedAt,
    submittedAt: response.submittedAt,
    hidden: response.hidden,
    revisions: response.answerIds.length,
    answerIds: Object.fromEntries(response.answerIds.map((id) => [id, true as const])),
  };
  if (response.clientCreatedAt !== null) node.clientCreatedAt = response.clientCreatedAt;
  return node;
}

/** A stored response as the engine holds it, or undefined when the node is not a valid one. */
export function storedResponseFrom(node: unknown): StoredResponse | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const r = node as Partial<Record<keyof ResponseNode, unknown>>;
  const answer = decodeAnswer(r.answer);
  if (
    !answer ||
    typeof r.answerId !== 'string' ||
    typeof r.firstSubmittedAt !== 'number' ||
    typeof r.submittedAt !== 'number'
  )
    return undefined;
  const ids =
    typeof r.answerIds === 'object' && r.answerIds !== null ? Object.keys(r.answerIds) : [];
  // The current answerId last: "oldest first" is what the engine keeps.
  const answerIds = [...ids.filter((id) => id !== r.answerId), r.answerId];
  return {
    answerId: r.answerId,
    answer,
    firstSubmittedAt: r.firstSubmittedAt,
    submittedAt: r.submittedAt,
    clientCreatedAt: typeof r.clientCreatedAt === 'number' ? r.clientCreatedAt : null,
    hidden: r.hidden === true,
    answerIds,
  };
}

/** The delivery facts a browser wrote with its response, checked like any input, or undefined. */
export function deliveryFrom(node: unknown): DeliveryFacts | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const parsed = deliveryFactsSchema.safeParse((node as { delivery?: unknown }).delivery);
  return parsed.success ? parsed.data : undefined;
}
