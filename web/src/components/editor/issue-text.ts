'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo } from 'react';
import type { FieldIssue } from './field-errors.ts';

/**
 * The deck schema (realtime protocol) speaks English: its messages are for logs and API clients
 * too. The editor shows them in the teacher's language: each known message (and each field name
 * the summary uses) has a catalog key; one with a number in it is matched with that number as a
 * placeholder. A message this table does not know gets a general "check this field" rather than
 * English. English readers see the schema's own words, unchanged.
 */

type EditorT = ReturnType<typeof useTranslations<'editor'>>;
type IssueKey = Parameters<EditorT>[0] & `issues.${string}`;

/** Messages as the schema (and plainMessage) words them, without numbers. */
const MESSAGES: Readonly<Record<string, IssueKey>> = {
  'Give the deck a title.': 'issues.deckTitle',
  'Add a slide.': 'issues.addSlide',
  'Slide ids must be unique.': 'issues.duplicateIds',
  'Option ids must be unique.': 'issues.duplicateIds',
  'Item ids must be unique.': 'issues.duplicateIds',
  'Group ids must be unique.': 'issues.duplicateIds',
  'Marker ids must be unique.': 'issues.duplicateIds',
  'Use letters, digits, "_" or "-" only.': 'issues.duplicateIds',
  'Use a language tag like "en" or "es-MX".': 'issues.languageTag',
  'Describe the image for screen readers.': 'issues.describeImage',
  'Upload an image.': 'issues.uploadImage',
  'Use an uploaded image or an https URL.': 'issues.imageUrl',
  'Write the question.': 'issues.writeQuestion',
  'A target region must lie on the image.': 'issues.regionOnImage',
  'Each option needs text.': 'issues.optionText',
  'Each item needs text.': 'issues.itemText',
  'Each item and group needs text.': 'issues.itemGroupText',
  'Each marker needs a label.': 'issues.markerLabel',
  'Add a marker.': 'issues.addMarker',
  'A correct answer must be one of the options.': 'issues.correctIsOption',
  'Correct answers are listed twice.': 'issues.correctTwice',
  'A single-choice question has one correct answer.': 'issues.singleCorrect',
  'An accepted answer cannot be empty.': 'issues.acceptedEmpty',
  'The correct order lists every item once.': 'issues.correctOrder',
  'A correct group must place one of the items in one of the groups.': 'issues.correctGroup',
  'The tolerance cannot be negative.': 'issues.toleranceNegative',
  'The maximum must not be below the minimum.': 'issues.maxBelowMin',
  'Enter a number.': 'issues.enterNumber',
  'This is missing.': 'issues.missing',
  'This cannot be empty.': 'issues.empty',
  'This has characters that are not allowed.': 'issues.badCharacters',
};

/** Messages with one number in them: the number becomes `{count}`. */
const COUNTED: ReadonlyArray<readonly [RegExp, IssueKey]> = [
  [/^Add at least (\d+) groups\.$/, 'issues.atLeastGroups'],
  [/^Add at least (\d+) items\.$/, 'issues.atLeastItems'],
  [/^Add at least (\d+)\.$/, 'issues.atLeast'],
  [/^At most (\d+) points\.$/, 'issues.atMostPoints'],
  [/^Use at most (\d+) characters\.$/, 'issues.atMostCharacters'],
  [/^Use at most (\d+)\.$/, 'issues.atMost'],
  [/^Use (-?[\d.]+) or more\.$/, 'issues.orMore'],
  [/^Use (-?[\d.]+) or less\.$/, 'issues.orLess'],
];

/** Field names the summary uses (the editor's own and each kind's `issueFields`). */
const FIELD_NAMES: Readonly<Record<string, Parameters<EditorT>[0] & `fieldNames.${string}`>> = {
  'Deck title': 'fieldNames.deckTitle',
  'Deck language': 'fieldNames.deckLanguage',
  Slides: 'fieldNames.slides',
  Slide: 'fieldNames.slide',
  'Slide title': 'fieldNames.slideTitle',
  'Slide text': 'fieldNames.slideText',
  Question: 'fieldNames.question',
  'Question prompt': 'fieldNames.questionPrompt',
  'Slide image': 'fieldNames.slideImage',
  'Slide image description': 'fieldNames.slideImageDescription',
  'Speaker notes': 'fieldNames.speakerNotes',
  Points: 'fieldNames.points',
  Image: 'fieldNames.image',
  'Image description': 'fieldNames.imageDescription',
  Markers: 'fieldNames.markers',
  Options: 'fieldNames.options',
  'Image options': 'fieldNames.imageOptions',
  'Allow several answers': 'fieldNames.allowMultiple',
  'Smallest answer': 'fieldNames.min',
  'Largest answer': 'fieldNames.max',
  'Correct answer': 'fieldNames.correct',
  Tolerance: 'fieldNames.tolerance',
  'Correct areas': 'fieldNames.targets',
  Items: 'fieldNames.items',
  'Correct order': 'fieldNames.correctOrder',
  'Number of steps': 'fieldNames.steps',
  'Low end label': 'fieldNames.minLabel',
  'High end label': 'fieldNames.maxLabel',
  'Maximum length': 'fieldNames.maxLength',
  'Accepted answers': 'fieldNames.acceptedAnswers',
  Groups: 'fieldNames.groups',
  'Correct groups': 'fieldNames.correctGroups',
  'Words per answer': 'fieldNames.maxWords',
};

/** Names of one entry of a list ("Option B", "Marker 2 target area"): `{name}` is its letter or number. */
const NUMBERED_NAMES: ReadonlyArray<
  readonly [RegExp, Parameters<EditorT>[0] & `fieldNames.${string}`]
> = [
  [/^Option (\S+) image$/, 'fieldNames.optionImage'],
  [/^Option (\S+) description$/, 'fieldNames.optionDescription'],
  [/^Option (\S+)$/, 'fieldNames.option'],
  [/^Item (\S+)$/, 'fieldNames.item'],
  [/^Group (\S+)$/, 'fieldNames.group'],
  [/^Marker (\S+) target area$/, 'fieldNames.markerTarget'],
  [/^Marker (\S+)$/, 'fieldNames.marker'],
];

export interface IssueText {
  /** A schema message in the teacher's language. */
  message: (english: string) => string;
  /** Where an issue is, for the error summary ("Diapositiva 3 · Opción B"). */
  where: (issue: FieldIssue) => string;
}

export function useIssueText(): IssueText {
  const t = useTranslations('editor');
  const english = useLocale() === 'en';

  const message = useCallback(
    (text: string): string => {
      if (english) return text;
      const key = MESSAGES[text];
      if (key) return t(key, { count: 0 });
      for (const [pattern, counted] of COUNTED) {
        const match = pattern.exec(text);
        if (match) return t(counted, { count: Number(match[1]) });
      }
      return t('issues.unknown');
    },
    [english, t],
  );

  const fieldName = useCallback(
    (name: string): string => {
      const key = FIELD_NAMES[name];
      if (key) return t(key, { name: '' });
      for (const [pattern, numbered] of NUMBERED_NAMES) {
        const match = pattern.exec(name);
        if (match) return t(numbered, { name: match[1] ?? '' });
      }
      return t('fieldNames.field');
    },
    [t],
  );

  const where = useCallback(
    (issue: FieldIssue): string => {
      if (english) return issue.where;
      const field = fieldName(issue.fieldName);
      return issue.slideNumber === null
        ? field
        : t('issues.where', { slide: issue.slideNumber, field });
    },
    [english, fieldName, t],
  );

  return useMemo(() => ({ message, where }), [message, where]);
}
