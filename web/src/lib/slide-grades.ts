import { answerPoints, questionPoints } from '@classpulse/realtime/engine';
import { hasCorrectAnswer, isInClass, type SessionState } from '@classpulse/realtime/protocol';
import { percentOf, verdictOf, type Verdict } from './grading.ts';

export interface StudentGrade {
  studentId: string;
  name: string;
  verdict: Verdict;
  /** As the engine scores it (quiz mode's speed bonus included), so totals agree. */
  points: number;
}

export interface SlideGrades {
  /** What a fully correct answer earns. */
  of: number;
  answered: number;
  /** Fully correct answers. */
  correct: number;
  /** Percent of the answers that are fully correct, or null before anyone answered. */
  percent: number | null;
  /** The class in join order, those who answered. */
  students: StudentGrade[];
}

/**
 * How the class did on one slide, for the teacher's dashboard once the correct answer is
 * revealed: the engine's own points (`answerPoints`), so they add up to the report's totals.
 * Null for a slide without a question that has a correct answer.
 */
export function slideGrades(state: SessionState, slideId: string): SlideGrades | null {
  const slide = state.deck.slides.find((s) => s.id === slideId);
  const question = slide?.question;
  if (!question || !hasCorrectAnswer(question)) return null;
  const runtime = state.slides[slideId];
  const responses = state.responses[slideId] ?? {};
  const students: StudentGrade[] = [];
  let correct = 0;
  for (const student of Object.values(state.students)
    .filter(isInClass)
    .sort((a, b) => a.joinedAt - b.joinedAt)) {
    const response = responses[student.id];
    const earned = response && answerPoints(state, question, runtime, response);
    if (!earned) continue;
    const verdict = verdictOf(earned.share);
    if (verdict === 'correct') correct += 1;
    students.push({ studentId: student.id, name: student.name, verdict, points: earned.points });
  }
  return {
    of: questionPoints(question),
    answered: students.length,
    correct,
    percent: percentOf(correct, students.length),
    students,
  };
}
