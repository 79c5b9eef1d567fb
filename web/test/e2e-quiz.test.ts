import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ownStanding, sessionScores, standings } from '@classpulse/realtime/engine';
import type { DeckInput, SessionState } from '@classpulse/realtime/protocol';
import { KIND_SAMPLES } from '@classpulse/realtime/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { pointsText, standingText } from '../src/lib/quiz-format.ts';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { studentJoiner } from './support/join-student.ts';
import { parseCsv } from './support/csv.ts';
import { startFirebaseStack } from './support/firebase-stack.ts';
import { signInInBrowser } from './support/sign-in.ts';
import { startStack, type Stack } from './support/stack.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));

/** Six students: one more than the leaderboard shows, so it can be seen not to list the class. */
const NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald'];
/** Each student's choice on the quiz question (Paris is right): Edsger gets it wrong. */
const CHOICES = ['Paris', 'Paris', 'Paris', 'Lyon', 'Paris', 'Paris'];

const mc = KIND_SAMPLES['multiple-choice'];

function quizDeck(title: string): DeckInput {
  return {
    title,
    slides: [
      { id: 'welcome', title: 'Welcome', body: 'The quiz starts when everyone is in.' },
      { id: 'q1', title: 'Capitals', question: { ...mc.question, points: 10 } },
      { id: 'end', title: 'Well done', body: 'That was the quiz.' },
    ],
  };
}

function homeworkDeck(title: string): DeckInput {
  return {
    title,
    slides: [
      { id: 'hw1', title: 'Homework 1', question: mc.question },
      { id: 'hw2', title: 'Homework 2', question: { ...mc.question, prompt: 'Capital of Italy?' } },
    ],
  };
}

/** A time as a `datetime-local` value in `timeZone` (what a teacher there would type). */
function localInput(at: number, timeZone: string): string {
  // Sweden's format is ISO's: "2026-12-07 23:59:30".
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
  return text.replace(' ', 'T');
}

/** Waits until the student's "Your score" line reads `expected` (whitespace as rendered aside). */
async function waitForScore(page: Page, expected: string | RegExp): Promise<void> {
  const line = page.getByRole('status').filter({ hasText: 'Your score' });
  const matches = (text: string) =>
    typeof expected === 'string' ? text === `Your score ${expected}` : expected.test(text);
  const deadline = Date.now() + 30_000;
  let shown = '';
  while (Date.now() < deadline) {
    shown = (await line.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    if (matches(shown)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the score line reads "${shown}", not ${String(expected)}`);
}

/**
 * Clicks a dashboard checkbox and waits for the engine's answer: the box is controlled by the
 * session's state, so it turns only once the command went through.
 */
async function toggle(page: Page, name: string, checked: boolean): Promise<void> {
  await page.getByRole('checkbox', { name }).click();
  await page.getByRole('checkbox', { name, checked }).waitFor();
}

const TEACHER_ZONE = 'America/New_York';
const STUDENT_ZONE = 'Asia/Tokyo';

interface Transport {
  name: string;
  prefix: string;
  firebase: boolean;
}

for (const transport of [
  { name: 'socket transport', prefix: 'quiz-', firebase: false },
  { name: 'Firebase transport', prefix: 'quiz-firebase-', firebase: true },
] satisfies Transport[]) {
  describe(`quiz mode and homework in Chromium (${transport.name})`, { timeout: 600_000 }, () => {
    const stops: Array<() => Promise<void>> = [];
    after(async () => {
      for (const stop of stops.reverse()) await stop();
    });
    const suite = chromiumSuite(async (): Promise<Stack> => {
      if (!transport.firebase) return startStack();
      const running = await startFirebaseStack('classpulse-quiz');
      // The suite stops the stack; the stand-ins stop after it.
      stops.push(() => running.stop());
      return running.stack;
    });

    let teacher: BrowserContext;
    let library: Page;
    const contexts: BrowserContext[] = [];
    after(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
    });

    const screenshot = (page: Page, name: string) =>
      page.screenshot({ path: join(ARTIFACTS, `${transport.prefix}${name}.png`), fullPage: true });

    /** The engine's state of a session, read whole from the realtime tier with a teacher grant. */
    const engineState = async (sessionId: string): Promise<SessionState> => {
      const grant = await teacher.request.get(`/api/sessions/${sessionId}/teacher-token`);
      const { token } = (await grant.json()) as { token: string };
      const response = await fetch(`${suite.stack.realtimeUrl}/v1/sessions/${sessionId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200);
      return ((await response.json()) as { state: SessionState }).state;
    };

    const saveDeck = async (deck: DeckInput) => {
      const created = await teacher.request.post('/api/decks', { data: { title: deck.title } });
      const { id } = (await created.json()) as { id: string };
      const saved = await teacher.request.put(`/api/decks/${id}`, { data: deck });
      assert.equal(saved.status(), 200, await saved.text());
      return id;
    };
    let homeworkDeckId: string;

    const joinAs = studentJoiner(suite, contexts);

    const phone = {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    };

    before(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      teacher = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1366, height: 900 },
        timezoneId: TEACHER_ZONE,
      });
      contexts.push(teacher);
      library = await teacher.newPage();
      await signInInBrowser(library, suite.stack.owner!);
      await saveDeck(quizDeck('Quiz time'));
      homeworkDeckId = await saveDeck(homeworkDeck('Homework'));
    });

    describe('a quiz with speed bonus and a leaderboard', () => {
      let dashboard: Page;
      let projector: Page;
      let sessionId: string;
      const students: Page[] = [];

      it('the teacher starts a quiz with speed bonus and a leaderboard from the library', async () => {
        await library.goto('/teacher');
        const quiz = library.getByRole('checkbox', { name: 'Quiz mode' });
        assert.equal(await quiz.isChecked(), false, 'quiz mode is off by default');
        await quiz.check();
        const speed = library.getByRole('checkbox', { name: 'Speed bonus' });
        const leaderboard = library.getByRole('checkbox', { name: 'Show a leaderboard' });
        assert.equal(await speed.isChecked(), false, 'no speed bonus by default');
        assert.equal(await leaderboard.isChecked(), true, 'a quiz has a leaderboard by default');
        await speed.check();
        await assertAccessible(library, 'library with quiz options');
        await library.getByRole('button', { name: 'Start session with Quiz time' }).click();
        await library.waitForURL(/\/teacher\/sessions\/[^/]+$/);
        dashboard = library;
        sessionId = new URL(dashboard.url()).pathname.split('/').pop()!;
        const state = await engineState(sessionId);
        assert.deepEqual(state.settings.quiz, { speedBonus: true, leaderboard: true });
        assert.equal(state.settings.dueAt, undefined);

        projector = await teacher.newPage();
        await projector.setViewportSize({ width: 1366, height: 768 });
        await projector.goto(`/teacher/sessions/${sessionId}/projector`);
        await projector.getByRole('heading', { name: 'Welcome' }).waitFor();
      });

      it('six students join and answer; before the reveal nobody has points', async () => {
        const joinCode = (await engineState(sessionId)).joinCode;
        for (const [i, name] of NAMES.entries()) {
          const page = await joinAs(joinCode, name, i === 0 ? phone : {});
          students.push(page);
        }
        // The question opens once everyone is in, with a timer: the speed bonus runs over it.
        await dashboard.getByRole('button', { name: 'Next slide' }).click();
        await projector.getByRole('heading', { name: 'Capitals' }).waitFor();
        await dashboard.getByLabel('Timer').selectOption({ label: '3 minutes' });
        await dashboard.getByRole('button', { name: 'Start timer' }).click();
        await dashboard.getByRole('button', { name: 'Cancel timer' }).waitFor();
        for (const [i, page] of students.entries()) {
          await page.getByLabel(CHOICES[i]!).check({ force: true });
          await page.getByRole('button', { name: 'Submit answer' }).click();
          await page.getByText('✓ Received').waitFor();
        }
        await dashboard.getByText('6 of 6 answered').waitFor();
        // Quiz mode: each student sees their own points, none yet (nothing revealed). On
        // Firebase a student's standing is first written at a reveal: nothing to see before it.
        if (transport.firebase) return;
        const before = await engineState(sessionId);
        for (const [i, page] of students.entries()) {
          const id = Object.values(before.students).find((s) => s.name === NAMES[i])!.id;
          const own = ownStanding(before, id)!;
          assert.equal(own.points, 0, 'nothing counts before the reveal');
          // Joins do not resend every standing (nobody's points move), so "of" may lag until
          // the reveal: the points are what matter here.
          await waitForScore(page, /^Your score 0 points · 1st of \d$/);
        }
      });

      it('revealing the answer and showing the leaderboard puts the engine’s top five on the projector', async () => {
        await toggle(dashboard, 'Reveal correct answer', true);
        await dashboard.getByRole('button', { name: 'Next slide' }).click();
        await projector.getByRole('heading', { name: 'Well done' }).waitFor();
        await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
        await dashboard.getByRole('button', { name: 'Hide leaderboard' }).waitFor();

        const state = await engineState(sessionId);
        const ranked = standings(state);
        assert.equal(ranked.length, 6);
        assert.ok(
          ranked[0]!.points > 10,
          `a speed bonus on top of 10 points: ${ranked[0]!.points}`,
        );
        assert.equal(ranked.at(-1)!.name, 'Edsger', 'the wrong answer comes last');
        assert.equal(ranked.at(-1)!.points, 0);

        const list = projector.getByRole('list', { name: 'Top five' });
        await list.waitFor();
        const rows = (await list.getByRole('listitem').allInnerTexts()).map((t) =>
          t.replace(/\s+/g, ' ').trim(),
        );
        assert.deepEqual(
          rows,
          ranked.slice(0, 5).map((s) => `${s.rank} ${s.name} ${pointsText(s.points)}`),
          'the top five, never the whole class',
        );
        assert.equal(await projector.getByText('Edsger').count(), 0, 'sixth place is not shown');
        assert.equal(await sidewaysOverflow(projector), 0);
        await assertAccessible(projector, 'projector leaderboard');
        await screenshot(projector, 'projector-leaderboard');

        for (const [i, page] of students.entries()) {
          const id = Object.values(state.students).find((s) => s.name === NAMES[i])!.id;
          const own = ownStanding(state, id)!;
          assert.equal(own.of, 6);
          const text = standingText(own);
          assert.match(text, /^\d+(\.\d+)? points? · \d+(st|nd|rd|th) of 6$/);
          await waitForScore(page, text);
        }
        const ada = students[0]!;
        assert.equal(await sidewaysOverflow(ada), 0);
        await assertAccessible(ada, 'student standing');
        await screenshot(ada, 'student-standing');
        await assertAccessible(dashboard, 'dashboard with quiz controls');
        await screenshot(dashboard, 'dashboard-quiz');
      });

      it('hiding the leaderboard entirely removes every rank; points stay', async () => {
        await toggle(dashboard, 'Leaderboard and ranks', false);
        await projector.getByRole('heading', { name: 'Well done' }).waitFor();
        assert.equal(await projector.getByRole('list', { name: 'Top five' }).count(), 0);
        const show = dashboard.getByRole('button', { name: 'Show leaderboard' });
        await show.waitFor();
        assert.equal(await show.isDisabled(), true);
        assert.match(
          (await show.getAttribute('aria-describedby')) ?? '',
          /.+/,
          'the disabled control says why',
        );
        await dashboard.getByText('The leaderboard is turned off for this session.').waitFor();

        const state = await engineState(sessionId);
        assert.deepEqual(state.settings.quiz, { speedBonus: true, leaderboard: false });
        for (const [i, page] of students.entries()) {
          const id = Object.values(state.students).find((s) => s.name === NAMES[i])!.id;
          const own = ownStanding(state, id)!;
          assert.equal(own.rank, undefined);
          await waitForScore(page, pointsText(own.points));
          const shown = await page
            .getByRole('status')
            .filter({ hasText: 'Your score' })
            .innerText();
          assert.doesNotMatch(shown, / of \d/, `no rank for ${NAMES[i]}: ${shown}`);
        }
        await screenshot(students[0]!, 'student-points-only');
      });

      it('the quiz’s CSV, read back by a real CSV parser, holds the dashboard’s totals, speed bonus and all', async () => {
        const state = await engineState(sessionId);
        const engine = sessionScores(state, false).students;
        await dashboard.getByText('Show totals').click();
        const table = dashboard.getByRole('table', { name: 'Points by student' });
        const dashboardTotals = new Map<string, number>();
        for (const name of NAMES) {
          const cells = await table
            .getByRole('row', { name: new RegExp(`^${name}\\b`) })
            .getByRole('cell')
            .allTextContents();
          dashboardTotals.set(name, Number(cells.at(-1)));
        }
        for (const { name, total } of engine)
          assert.equal(
            dashboardTotals.get(name),
            total,
            `${name}: the dashboard shows the engine's total`,
          );
        assert.ok(
          engine.some(({ total }) => total > 10),
          'a speed bonus is in the totals (10 points a correct answer)',
        );

        const csv = await dashboard.request.get(`/api/sessions/${sessionId}/report.csv`);
        assert.equal(csv.status(), 200);
        const records = parseCsv(await csv.text());
        const header = records[0]!;
        const total = header.findIndex((cell) => cell.startsWith('Total'));
        assert.ok(total > 0, `a Total column in ${header.join(' | ')}`);
        for (const [name, expected] of dashboardTotals) {
          const row = records.find((r) => r[0] === name);
          assert.ok(row, `a CSV row for ${name}`);
          assert.equal(Number(row[total]), expected, `${name}'s CSV total is the dashboard's`);
        }
      });
    });

    describe('student-paced homework with a due time', () => {
      let sessionId: string;
      let ada: Page;
      let alan: Page;
      let dueAt: number;

      it('a due time in the past is refused, in the browser and by the API', async () => {
        await library.goto('/teacher');
        await library.getByRole('checkbox', { name: 'Student-paced homework' }).check();
        const due = library.getByLabel('Due date and time');
        await due.fill(localInput(Date.now() - 3_600_000, TEACHER_ZONE));
        await library.getByRole('button', { name: 'Start session with Homework' }).click();
        await library
          .getByRole('alert')
          .filter({ hasText: 'Choose a due date and time in the future.' })
          .waitFor();
        const refused = await teacher.request.post('/api/sessions', {
          data: {
            deckId: homeworkDeckId,
            settings: { pacing: 'student', dueAt: Date.now() - 1000 },
          },
        });
        assert.equal(refused.status(), 400);
        assert.match(await refused.text(), /due date and time in the future/);
      });

      it('the teacher sets a due time a little ahead, in their own time zone', async () => {
        dueAt = Math.ceil((Date.now() + 40_000) / 1000) * 1000;
        await library.getByLabel('Due date and time').fill(localInput(dueAt, TEACHER_ZONE));
        await assertAccessible(library, 'library with homework options');
        await library.getByRole('button', { name: 'Start session with Homework' }).click();
        await library.waitForURL(/\/teacher\/sessions\/[^/]+$/);
        sessionId = new URL(library.url()).pathname.split('/').pop()!;
        const state = await engineState(sessionId);
        assert.equal(state.settings.dueAt, dueAt, 'read in the teacher’s time zone');
        assert.equal(state.settings.pacing, 'student');
        assert.equal(state.settings.quiz, undefined);

        const listed = await teacher.newPage();
        await listed.goto('/teacher');
        await listed
          .getByRole('listitem')
          .filter({ hasText: `Homework — ${state.joinCode}` })
          .filter({ hasText: 'Due ' })
          .waitFor();
        await listed.close();

        // A student in Tokyo with a British phone, and one whose device clock is 2 minutes slow.
        ada = await joinAs(state.joinCode, 'Ada', {
          ...phone,
          timezoneId: STUDENT_ZONE,
          locale: 'en-GB',
        });
        alan = await joinAs(state.joinCode, 'Alan', {}, 120_000);
      });

      it('students see when it is due and answer before it', async () => {
        const tokyoTime = new Intl.DateTimeFormat('en-GB', {
          timeZone: STUDENT_ZONE,
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(dueAt));
        const due = await ada.getByText(/^Due /).innerText();
        assert.ok(due.includes(tokyoTime), `${due} is in Tokyo time (${tokyoTime})`);
        await ada.getByLabel('Paris').check({ force: true });
        await ada.getByRole('button', { name: 'Submit answer' }).click();
        await ada.getByText('✓ Received').waitFor();
        await alan.getByLabel('Lyon').check({ force: true });
        await alan.getByRole('button', { name: 'Submit answer' }).click();
        await alan.getByText('✓ Received').waitFor();
        assert.ok(Date.now() < dueAt, 'answered before the due time');
      });

      it('after the due time answers are closed: the page says so and the engine refuses', async () => {
        await ada
          .getByText('Answers are closed.', { exact: true })
          .waitFor({ timeout: Math.max(0, dueAt - Date.now()) + 10_000 });
        assert.ok(Date.now() >= dueAt - 1000);
        // Ada still sees what she sent; the form is closed.
        assert.equal(await ada.getByLabel('Paris').isChecked(), true);
        assert.equal(await ada.getByRole('button', { name: 'Update answer' }).isDisabled(), true);
        assert.equal(await sidewaysOverflow(ada), 0);
        await assertAccessible(ada, 'student page after the due time');
        await screenshot(ada, 'homework-closed');

        // Alan's slow clock still offers the form; the server refuses, and he is told.
        await alan.getByLabel('Nice').check({ force: true });
        await alan.getByRole('button', { name: 'Update answer' }).click();
        await alan.getByText(/^Not accepted:/).waitFor();
        if (!transport.firebase)
          await alan
            .getByText('This assignment is past its due time: answers are closed.')
            .waitFor();

        const state = await engineState(sessionId);
        const byName = (name: string) =>
          Object.values(state.students).find((s) => s.name === name)!.id;
        assert.deepEqual(state.responses.hw1?.[byName('Ada')]?.answer, mc.answer(0));
        assert.deepEqual(
          state.responses.hw1?.[byName('Alan')]?.answer,
          { kind: 'multiple-choice', optionIds: ['lyon'] },
          'the late change was refused, the answer before it kept',
        );
      });

      it('the report and the library say the homework is final', async () => {
        const report = await teacher.newPage();
        await report.goto(`/teacher/sessions/${sessionId}/report`);
        await report.getByText('Final', { exact: true }).waitFor();
        await assertAccessible(report, 'homework report');
        await report.goto('/teacher');
        const state = await engineState(sessionId);
        await report
          .getByRole('listitem')
          .filter({ hasText: `Homework — ${state.joinCode}` })
          .filter({ hasText: 'Final' })
          .waitFor();
        await report.close();
      });

      it('the teacher moves the due time from the dashboard, then clears it', async () => {
        const dashboard = await teacher.newPage();
        await dashboard.goto(`/teacher/sessions/${sessionId}`);
        const later = Math.ceil((Date.now() + 600_000) / 1000) * 1000;
        await dashboard.getByLabel('Due date and time').fill(localInput(later, TEACHER_ZONE));
        await dashboard.getByRole('button', { name: 'Set due time' }).click();
        await dashboard.getByText(/^Homework: Due /).waitFor();
        assert.equal((await engineState(sessionId)).settings.dueAt, later);
        // Open again: Ada's page follows and takes her change.
        await ada.getByText('Answers are closed.', { exact: true }).waitFor({ state: 'hidden' });
        await ada.getByLabel('Lyon').check({ force: true });
        await ada.getByRole('button', { name: 'Update answer' }).click();
        await ada.getByText('✓ Received').waitFor();
        const { joinCode } = await engineState(sessionId);
        const listed = await teacher.newPage();
        await listed.goto('/teacher');
        await listed
          .getByRole('listitem')
          .filter({ hasText: `Homework — ${joinCode}` })
          .filter({ hasText: 'Due ' })
          .waitFor();

        await dashboard.getByRole('button', { name: 'Clear due time' }).click();
        await dashboard
          .getByText('No due time: answers stay open while the session is live.')
          .waitFor();
        assert.equal((await engineState(sessionId)).settings.dueAt, undefined);
        await ada.getByText(/^Due /).waitFor({ state: 'hidden' });
        await listed.reload();
        const entry = listed.getByRole('listitem').filter({ hasText: `Homework — ${joinCode}` });
        await entry.waitFor();
        assert.doesNotMatch(await entry.innerText(), /Due |Final/);
        await assertAccessible(dashboard, 'dashboard of a homework');
        // The quiz and due-time controls fit a phone too.
        await dashboard.setViewportSize({ width: 360, height: 740 });
        assert.equal(await sidewaysOverflow(dashboard), 0, 'dashboard at 360 px');
        await screenshot(dashboard, 'dashboard-phone');
        await listed.setViewportSize({ width: 360, height: 740 });
        await listed.getByRole('checkbox', { name: 'Quiz mode' }).check();
        await listed.getByRole('checkbox', { name: 'Student-paced homework' }).check();
        assert.equal(await sidewaysOverflow(listed), 0, 'library options at 360 px');
        await screenshot(listed, 'library-options-phone');
        await dashboard.close();
        await listed.close();
      });
    });
  });
}
