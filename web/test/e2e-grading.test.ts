/**
 * Grading in Chromium, end to end: a teacher authors correct answers and points in the deck
 * editor (by label), runs the session with two students, reveals the correct answers (the slide
 * locks; a poll's control is disabled and says why; with results hidden the reveal still shows
 * something), the students see their own result, the projector the correct answer, the dashboard
 * percent correct; then the CSV, read back by a real CSV parser, holds the dashboard's totals.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { assertAccessible, sidewaysOverflow } from './support/browser.ts';
import { chromiumSuite } from './support/chromium-suite.ts';
import { parseCsv } from './support/csv.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
const REVEAL = 'Reveal correct answer (locks answers)';
const DECK_TITLE = 'Graded check-in';

interface Student {
  name: string;
  context: BrowserContext;
  page: Page;
}

describe(
  'grading: correct answers, points, reveal and scores in Chromium',
  { timeout: 600_000 },
  () => {
    const suite = chromiumSuite();
    let teacherContext: BrowserContext;
    let dashboard: Page;
    let projector: Page;
    let sessionPath: string;
    let deckId: string;
    const students: Student[] = [];

    const screenshot = (page: Page, name: string) =>
      page.screenshot({ path: join(ARTIFACTS, `grading-${name}.png`), fullPage: true });

    before(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      teacherContext = await suite.browser.newContext({
        baseURL: suite.stack.webUrl,
        viewport: { width: 1366, height: 900 },
      });
    });

    it('the teacher authors correct answers and points in the editor', async () => {
      const page = await teacherContext.newPage();
      const owner = suite.stack.owner!;
      await page.goto('/teacher');
      await page.getByLabel('Email').fill(owner.email);
      await page.getByLabel('Password').fill(owner.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Your decks' }).waitFor();

      // The questions without answers go in through the API; the grading is authored in the UI.
      const created = await page.request.post('/api/decks', { data: { title: DECK_TITLE } });
      deckId = ((await created.json()) as { id: string }).id;
      const saved = await page.request.put(`/api/decks/${deckId}`, {
        data: {
          title: DECK_TITLE,
          slides: [
            {
              id: 'mc',
              title: 'Capital',
              question: {
                kind: 'multiple-choice',
                prompt: 'What is the capital of France?',
                options: [
                  { id: 'lyon', label: 'Lyon' },
                  { id: 'paris', label: 'Paris' },
                ],
              },
            },
            {
              id: 'num',
              title: 'Spiders',
              question: { kind: 'number', prompt: 'How many legs has a spider?' },
            },
            {
              id: 'text',
              title: 'Philosophy',
              question: { kind: 'short-text', prompt: 'Which force did Bergson name?' },
            },
            {
              id: 'poll',
              title: 'Mood',
              question: { kind: 'word-cloud', prompt: 'One word for today', maxWords: 1 },
            },
          ],
        },
      });
      assert.equal(saved.status(), 200, await saved.text());

      await page.goto(`/teacher/decks/${deckId}`);
      await page.getByLabel('Deck title').waitFor();
      // Slide 1: multiple choice, B correct, 2 points.
      await page.getByLabel('Option B is correct').check();
      await page.getByLabel('Points').fill('2');
      // Slide 2: a number within a tolerance, default points.
      await page.getByRole('button', { name: /^Slide 2:/ }).click();
      await page.getByLabel('Correct answer').fill('8');
      await page.getByLabel('Tolerance').fill('0.5');
      await screenshot(page, 'editor-1366-number');
      // Slide 3: accepted answers, one a line; the hint says what is ignored.
      await page.getByRole('button', { name: /^Slide 3:/ }).click();
      const accepted = page.getByLabel('Accepted answers');
      await accepted.fill('Élan vital\nlife force');
      await page.getByText('Case, accents and extra spaces are ignored').waitFor();
      await page.getByLabel('Points').fill('3');
      await assertAccessible(page, 'deck editor with grading fields');
      await screenshot(page, 'editor-1366');
      await page.setViewportSize({ width: 360, height: 740 });
      assert.equal(await sidewaysOverflow(page), 0, 'the editor fits a phone');
      await screenshot(page, 'editor-360');
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Saved', { exact: true }).waitFor();

      const { deck } = (await (await page.request.get(`/api/decks/${deckId}`)).json()) as {
        deck: { slides: Array<{ question: Record<string, unknown> }> };
      };
      const [mc, num, text, poll] = deck.slides.map((s) => s.question);
      assert.deepEqual([mc!.correctOptionIds, mc!.points], [['paris'], 2]);
      assert.deepEqual([num!.correct, num!.points], [{ value: 8, tolerance: 0.5 }, undefined]);
      assert.deepEqual([text!.acceptedAnswers, text!.points], [['Élan vital', 'life force'], 3]);
      assert.equal(poll!.points, undefined);

      await page.goto('/teacher');
      await page.getByRole('button', { name: `Start session with ${DECK_TITLE}` }).click();
      await page.waitForURL(/\/teacher\/sessions\/[^/]+$/);
      sessionPath = new URL(page.url()).pathname;
      dashboard = page;
      projector = await teacherContext.newPage();
      await projector.goto(`${sessionPath}/projector`);
      await projector.getByRole('heading', { name: 'Capital' }).waitFor();
    });

    it('two students join, one on a 360 px phone', async () => {
      const joinCode = (
        (await dashboard
          .getByLabel(/^Join code/)
          .first()
          .textContent()) ?? ''
      ).trim();
      for (const [i, name] of ['Ada', 'Grace'].entries()) {
        const context = await suite.browser.newContext(
          i === 0
            ? {
                baseURL: suite.stack.webUrl,
                viewport: { width: 360, height: 740 },
                isMobile: true,
                hasTouch: true,
                deviceScaleFactor: 2,
              }
            : { baseURL: suite.stack.webUrl, viewport: { width: 1366, height: 900 } },
        );
        const page = await context.newPage();
        await page.goto('/join');
        await page.getByLabel('Session code').fill(joinCode);
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByLabel('Your name').fill(name);
        await page.getByRole('button', { name: 'Join' }).click();
        await page.getByRole('heading', { name, exact: true }).waitFor();
        students.push({ name, context, page });
      }
      await dashboard.getByText('0 of 2 answered').waitFor();
    });

    const answer = async (slideNumber: number, fill: (page: Page, i: number) => Promise<void>) => {
      if (slideNumber > 1) {
        await dashboard.getByRole('button', { name: 'Next slide' }).click();
        await dashboard.getByText(`Slide ${slideNumber} of 4`).waitFor();
      }
      for (const [i, s] of students.entries()) {
        await s.page.getByText(`Slide ${slideNumber} of 4`).waitFor();
        await fill(s.page, i);
        await s.page.getByRole('button', { name: 'Submit answer' }).click();
        await s.page.getByText('✓ Received').waitFor();
      }
      await dashboard.getByText('2 of 2 answered').waitFor();
    };

    const revealControl = () => dashboard.getByRole('checkbox', { name: REVEAL });
    const [ada, grace] = [() => students[0]!.page, () => students[1]!.page];

    it('with results hidden, revealing locks the slide and still shows the answer where it says', async () => {
      await answer(1, (p, i) => p.getByLabel(i === 0 ? 'Paris' : 'Lyon').check({ force: true }));
      // Nothing tells correctness before the reveal.
      for (const s of students) assert.equal(await s.page.getByText(/^Correct answer/).count(), 0);
      assert.equal(await dashboard.getByRole('heading', { name: 'Correct answers' }).count(), 0);
      assert.equal(await projector.getByText(/Correct answer/).count(), 0);

      // The control says what revealing will show with results hidden, screen by screen.
      assert.equal(await dashboard.getByLabel('Show results to students').inputValue(), 'hidden');
      const control = revealControl();
      await assertDescription(control, [
        'Revealing shows',
        'Students’ devices: whether their own answer is correct, their points and the correct answer',
        'Projector: the correct answer (results stay hidden)',
      ]);
      await control.click();
      await dashboard.getByText('Answers locked').waitFor();
      await dashboard.getByRole('button', { name: 'Unlock answers' }).waitFor();
      await assertDescription(control, [
        'Correct answer revealed. Answers are locked',
        'Showing now',
      ]);

      // The dashboard: percent correct and each student's result.
      await dashboard.getByRole('heading', { name: 'Correct answers' }).waitFor();
      await dashboard.getByText('50% correct (1 of 2 answers)').waitFor();
      const results = dashboard.getByRole('table', { name: 'Each student’s result' });
      await results.getByRole('row', { name: /Ada.*Correct.*2/ }).waitFor();
      await results.getByRole('row', { name: /Grace.*Incorrect.*0/ }).waitFor();

      // The students: their own result, the points, the correct answer; no changing it now.
      const adaResult = ada().getByRole('status', { name: 'Your result' });
      await adaResult.getByText('Correct: 2 of 2 points').waitFor();
      const graceResult = grace().getByRole('status', { name: 'Your result' });
      await graceResult.getByText('Incorrect: 0 of 2 points').waitFor();
      await graceResult.getByText('Correct answer: Paris').waitFor();
      await grace().getByText('Answers are locked.').waitFor();
      assert.ok(await grace().getByRole('button', { name: 'Update answer' }).isDisabled());
      // The class's results stay hidden from students.
      assert.equal(await grace().getByRole('heading', { name: 'Class results' }).count(), 0);

      // The projector shows the correct answer though results are hidden.
      await projector.getByText('Correct answer: Paris').waitFor();
      assert.equal(await projector.getByText(/responses?$/).count(), 0, 'no results on the wall');

      await screenshot(ada(), 'student-360-correct');
      await screenshot(grace(), 'student-1366-incorrect');
      await screenshot(projector, 'projector-1366-correct-answer');
      await screenshot(dashboard, 'dashboard-1366-revealed');
      await assertAccessible(ada(), 'student page after the reveal');
      await assertAccessible(projector, 'projector with the correct answer');
      await assertAccessible(dashboard, 'dashboard after the reveal');
      assert.equal(await sidewaysOverflow(ada()), 0, 'the student page fits a phone');

      // Unlocking reopens answers; the reveal stays.
      await dashboard.getByRole('button', { name: 'Unlock answers' }).click();
      const update = await grace().getByRole('button', { name: 'Update answer' }).elementHandle();
      await grace().waitForFunction((button) => !(button as HTMLButtonElement).disabled, update);
      await assertDescription(control, ['you unlocked them: students can change their answers']);
      await dashboard.getByRole('button', { name: 'Lock answers' }).click();
      await dashboard.getByText('Answers locked').waitFor();
    });

    it('with results shown, the reveal marks the correct answer in the results too', async () => {
      await answer(2, (p, i) =>
        p.getByLabel('How many legs has a spider?').fill(i === 0 ? '8' : '8.4'),
      );
      await dashboard.getByLabel('Show results to students').selectOption('anonymous');
      await assertDescription(revealControl(), [
        'Projector: the correct answer, marked in the results',
      ]);
      await revealControl().click();
      await dashboard.getByText('100% correct (2 of 2 answers)').waitFor();
      await projector.getByText('Correct answer: 8 ± 0.5').waitFor();
      await grace()
        .getByRole('status', { name: 'Your result' })
        .getByText('Correct: 1 of 1 point')
        .waitFor();
      await grace().getByRole('heading', { name: 'Class results' }).waitFor();

      await answer(3, (p, i) =>
        p.getByLabel('Which force did Bergson name?').fill(i === 0 ? '  elan   VITAL ' : 'gravity'),
      );
      await revealControl().click();
      await dashboard.getByText('50% correct (1 of 2 answers)').waitFor();
      await ada()
        .getByRole('status', { name: 'Your result' })
        .getByText('Correct: 3 of 3 points')
        .waitFor();
      const graceResult = grace().getByRole('status', { name: 'Your result' });
      await graceResult.getByText('Incorrect: 0 of 3 points').waitFor();
      await graceResult.getByText('Correct answer: Élan vital or life force').waitFor();
      await projector.getByText('Correct answer: Élan vital or life force').waitFor();
      await screenshot(ada(), 'student-360-text-correct');
    });

    it('a poll cannot be revealed, and the control says why', async () => {
      await answer(4, (p, i) => p.getByLabel('Word 1').fill(i === 0 ? 'sunny' : 'sleepy'));
      const control = revealControl();
      assert.ok(await control.isDisabled(), 'disabled on a poll');
      await dashboard
        .getByText('This question has no correct answer. Add one in the editor.')
        .waitFor();
      await assertDescription(control, [
        'This question has no correct answer. Add one in the editor.',
      ]);
      assert.equal(await dashboard.getByText('Answers locked').count(), 0, 'the poll stays open');
      await dashboard.setViewportSize({ width: 360, height: 740 });
      await screenshot(dashboard, 'dashboard-360-poll');
      await assertAccessible(dashboard, 'dashboard on a poll at 360 px');
      await dashboard.setViewportSize({ width: 1366, height: 900 });
    });

    it('the CSV, read back by a real CSV parser, holds the dashboard’s totals', async () => {
      await dashboard.getByText('Show totals').click();
      const table = dashboard.getByRole('table', { name: 'Points by student' });
      const dashboardTotals = new Map<string, number>();
      for (const name of ['Ada', 'Grace']) {
        const cells = await table
          .getByRole('row', { name: new RegExp(`^${name}\\b`) })
          .getByRole('cell')
          .allTextContents();
        dashboardTotals.set(name, Number(cells.at(-1)));
      }
      // Ada: Paris (2) + 8 (1) + élan vital (3); Grace: Lyon (0) + 8.4 within 0.5 (1) + gravity (0).
      assert.deepEqual(Object.fromEntries(dashboardTotals), { Ada: 6, Grace: 1 });
      await screenshot(dashboard, 'dashboard-1366-totals');
      await assertAccessible(dashboard, 'dashboard with the totals open');

      const csv = await dashboard.request.get(
        `/api/sessions/${sessionPath.split('/').pop()}/report.csv`,
      );
      assert.equal(csv.status(), 200);
      const records = parseCsv(await csv.text());
      const header = records[0]!;
      const total = header.findIndex((cell) => cell.startsWith('Total'));
      assert.equal(header[total], 'Total (of 6)');
      assert.deepEqual(
        header.filter((cell) => cell.startsWith('Score: ')),
        ['Score: 1. Capital (of 2)', 'Score: 2. Spiders (of 1)', 'Score: 3. Philosophy (of 3)'],
      );
      for (const [name, expected] of dashboardTotals) {
        const row = records.find((r) => r[0] === name);
        assert.ok(row, `a CSV row for ${name}`);
        assert.equal(Number(row[total]), expected, `${name}'s total in the CSV is the dashboard's`);
      }
      const percent = records.find((r) => r[0] === 'Percent correct');
      assert.deepEqual(percent?.slice(1, 5), ['50', '100', '50', '']);
    });

    it('the report page shows the scores and percent correct', async () => {
      const report = await teacherContext.newPage();
      await report.goto(`${sessionPath}/report`);
      await report.getByRole('heading', { name: 'Answers by student' }).waitFor();
      await report.getByRole('columnheader', { name: 'Total (of 6)' }).waitFor();
      await report.getByRole('rowheader', { name: 'Percent correct' }).waitFor();
      await report
        .getByText('50% correct (1 of 2 answers) · 2 points for a correct answer')
        .waitFor();
      await assertAccessible(report, 'report with scores');
      await screenshot(report, 'report-1366');
      await report.setViewportSize({ width: 360, height: 740 });
      assert.equal(await sidewaysOverflow(report), 0, 'the report fits a phone');
      await screenshot(report, 'report-360');
      await report.close();
    });
  },
);

/** The reveal control's description (aria-describedby) holds each of these texts. */
async function assertDescription(
  control: ReturnType<Page['getByRole']>,
  texts: readonly string[],
): Promise<void> {
  for (const text of texts) {
    await control
      .page()
      .waitForFunction(
        ([id, wanted]) =>
          (document.getElementById(id)?.textContent ?? '').replace(/\s+/g, ' ').includes(wanted),
        [(await control.getAttribute('aria-describedby')) ?? '', text] as const,
      );
  }
}
