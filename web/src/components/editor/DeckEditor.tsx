'use client';

import {
  LIMITS,
  type Deck,
  type Question,
  type QuestionKind,
  type Slide,
} from '@classpulse/realtime/protocol';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import {
  cloneSlide,
  insertSlide,
  moveSlide,
  newSlide,
  onSlideImage,
  removeSlide,
  switchKind,
  updateSlide,
} from './deck-ops.ts';
import { ERROR_SUMMARY_ID, ErrorSummary } from './ErrorSummary.tsx';
import {
  DECK_TITLE_ID,
  placeIssues,
  slideFieldId,
  validateDeck,
  type FieldIssue,
} from './field-errors.ts';
import { EditorContext, TextField, type EditorContextValue } from './fields.tsx';
import { AlertIcon, ArrowLeftIcon, CheckIcon } from './Icons.tsx';
import { saveDeckRequest } from './save-deck.ts';
import { useErrorText } from '../../i18n/use-error-text.ts';
import { DeckLanguageField } from './DeckLanguageField.tsx';
import { useIssueText } from './issue-text.ts';
import { SLIDE_EDITOR_HEADING_ID, SlideEditor, type KindChoice } from './SlideEditor.tsx';
import { slideName } from './slide-name.ts';
import { useUnnamedSlide } from './use-unnamed-slide.ts';
import { ADD_SLIDE_ID, moveButtonId, selectButtonId, SlideList } from './SlideList.tsx';
import styles from './editor.module.css';

interface DeckEditorProps {
  deckId: string;
  initialDeck: Deck;
  /** The server's upload limit, so the picker can refuse big files before sending them. */
  uploadMaxBytes?: number;
  /** Shown under the editor: who the deck is shared with (its owner), or whose it is. */
  sharing?: ReactNode;
}

interface Draft {
  deck: Deck;
  /** Bumped on every edit; the deck is saved when the saved revision equals it. */
  revision: number;
}

interface Failure {
  code: string;
  signedOut: boolean;
}

/** Below this width the slide list sits above the editor instead of beside it. */
const STACKED_QUERY = '(max-width: 879px)';

function mergeIssues(...lists: ReadonlyArray<readonly FieldIssue[]>): FieldIssue[] {
  const seen = new Set<string>();
  return lists.flat().filter((issue) => {
    const key = `${issue.fieldId}\n${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The teacher's deck editor: slide list, the selected slide's fields, validation and saving. */
export function DeckEditor({
  deckId,
  initialDeck,
  uploadMaxBytes = 5 * 1024 * 1024,
  sharing,
}: DeckEditorProps) {
  const t = useTranslations('editor');
  const errorText = useErrorText();
  const issueText = useIssueText();
  const unnamed = useUnnamedSlide();
  const [draft, setDraft] = useState<Draft>({ deck: initialDeck, revision: 0 });
  const [savedRevision, setSavedRevision] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(initialDeck.slides[0]?.id ?? null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** After a save attempt finds problems, the client check reruns on every edit. */
  const [liveValidation, setLiveValidation] = useState(false);
  const [serverIssues, setServerIssues] = useState<{
    revision: number;
    issues: FieldIssue[];
  } | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ id: string; n: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Per slide, the question it had for each kind, so switching kinds back loses nothing. */
  const kindMemory = useRef(new Map<string, Partial<Record<QuestionKind, Question>>>());
  const savingRef = useRef(false);

  const { deck } = draft;
  const dirty = draft.revision !== savedRevision;
  const selectedIndex = Math.max(
    0,
    deck.slides.findIndex((s) => s.id === selectedId),
  );
  const selected = deck.slides[selectedIndex];

  const edit = useCallback((update: (deck: Deck) => Deck) => {
    setDraft((d) => ({ deck: update(d.deck), revision: d.revision + 1 }));
  }, []);

  const requestFocus = useCallback((id: string) => {
    setFocusTarget((t) => ({ id, n: (t?.n ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget.id);
    if (!element) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({
      block:
        focusTarget.id === ERROR_SUMMARY_ID || focusTarget.id === SLIDE_EDITOR_HEADING_ID
          ? 'start'
          : 'center',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    element.focus({ preventScroll: true });
  }, [focusTarget]);

  const announce = useCallback((text: string) => {
    // A repeated message must still change the live region's text to be read again.
    setAnnouncement((current) => (current === text ? `${text}\u00a0` : text));
  }, []);

  // ---- validation -------------------------------------------------------------------------

  const liveIssues = useMemo(() => {
    if (!liveValidation) return [];
    const result = validateDeck(deck);
    return result.ok ? [] : result.issues;
  }, [liveValidation, deck]);

  const issues = useMemo(
    () =>
      mergeIssues(
        liveIssues,
        serverIssues && serverIssues.revision === draft.revision ? serverIssues.issues : [],
      ),
    [liveIssues, serverIssues, draft.revision],
  );

  const { errors, problemCounts } = useMemo(() => {
    const byField = new Map<string, string[]>();
    const bySlide = new Map<string, number>();
    for (const issue of issues) {
      const text = issueText.message(issue.message);
      byField.set(issue.fieldId, [...(byField.get(issue.fieldId) ?? []), text]);
      if (issue.slideId) bySlide.set(issue.slideId, (bySlide.get(issue.slideId) ?? 0) + 1);
    }
    return { errors: byField, problemCounts: bySlide };
  }, [issues, issueText]);

  const contentLanguage = deck.language ?? 'en';
  const context = useMemo<EditorContextValue>(
    () => ({ errors, requestFocus, uploadMaxBytes, contentLanguage }),
    [errors, requestFocus, uploadMaxBytes, contentLanguage],
  );

  // ---- saving -----------------------------------------------------------------------------

  const save = async () => {
    if (savingRef.current) return;
    const { deck: sent, revision } = draft;
    const checked = validateDeck(sent);
    if (!checked.ok) {
      setLiveValidation(true);
      setFailure(null);
      requestFocus(ERROR_SUMMARY_ID);
      return;
    }
    savingRef.current = true;
    setSaving(true);
    const result = await saveDeckRequest(deckId, checked.deck);
    savingRef.current = false;
    setSaving(false);
    if (result.ok) {
      setSavedRevision(revision);
      setFailure(null);
      setServerIssues(null);
      setLiveValidation(false);
      return;
    }
    if (result.code === 'invalid' && result.issues && result.issues.length > 0) {
      setServerIssues({ revision, issues: placeIssues(sent, result.issues) });
      setFailure(null);
      requestFocus(ERROR_SUMMARY_ID);
      return;
    }
    setFailure({ code: result.code, signedOut: result.code === 'signed_out' });
  };

  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const leaveGuard = (event: MouseEvent<HTMLAnchorElement>) => {
    if (dirty && !window.confirm(t('deckEditor.leaveUnsaved'))) {
      event.preventDefault();
    }
  };

  // ---- slide actions ----------------------------------------------------------------------

  const selectSlide = (slideId: string) => {
    setSelectedId(slideId);
    // Stacked layout: the editor is below the list, so take the teacher (and focus) there.
    if (window.matchMedia(STACKED_QUERY).matches) requestFocus(SLIDE_EDITOR_HEADING_ID);
  };

  const addSlide = () => {
    if (deck.slides.length >= LIMITS.slidesMax) return;
    const slide = newSlide();
    edit((d) => insertSlide(d, slide, selected?.id ?? null));
    setSelectedId(slide.id);
    requestFocus(slideFieldId(slide.id, 'title'));
    announce(t('deckEditor.slideAdded', { number: selectedIndex + 2 }));
  };

  const duplicateSlide = (slideId: string) => {
    const source = deck.slides.find((s) => s.id === slideId);
    if (!source || deck.slides.length >= LIMITS.slidesMax) return;
    const copy = cloneSlide(source);
    edit((d) => insertSlide(d, copy, slideId));
    setSelectedId(copy.id);
    requestFocus(slideFieldId(copy.id, 'title'));
    announce(t('deckEditor.slideDuplicated', { number: deck.slides.indexOf(source) + 2 }));
  };

  const moveSelected = (slideId: string, by: -1 | 1) => {
    const from = deck.slides.findIndex((s) => s.id === slideId);
    const to = from + by;
    const total = deck.slides.length;
    if (from === -1 || to < 0 || to >= total) return;
    edit((d) => moveSlide(d, slideId, by));
    // Keep focus on the slide that moved; at an edge its button in that direction is disabled.
    const direction = by < 0 ? (to === 0 ? 'down' : 'up') : to === total - 1 ? 'up' : 'down';
    requestFocus(moveButtonId(slideId, direction));
    announce(t('deckEditor.slideMoved', { position: to + 1, total }));
  };

  const deleteSlide = (slideId: string) => {
    const index = deck.slides.findIndex((s) => s.id === slideId);
    const slide = deck.slides[index];
    if (!slide || deck.slides.length <= 1) return;
    if (
      !window.confirm(
        t('deckEditor.confirmDeleteSlide', {
          number: index + 1,
          name: slideName(slide, index, unnamed),
        }),
      )
    )
      return;
    const remaining = deck.slides.filter((s) => s.id !== slideId);
    const neighbour = remaining[index] ?? remaining[index - 1];
    edit((d) => removeSlide(d, slideId));
    kindMemory.current.delete(slideId);
    if (slideId === selected?.id && neighbour) setSelectedId(neighbour.id);
    requestFocus(neighbour ? selectButtonId(neighbour.id) : ADD_SLIDE_ID);
    announce(t('deckEditor.slideDeleted', { number: index + 1, left: remaining.length }));
  };

  const changeKind = (slideId: string, choice: KindChoice) => {
    const slide = deck.slides.find((s) => s.id === slideId);
    if (!slide) return;
    const memory = kindMemory.current.get(slideId) ?? {};
    if (slide.question) memory[slide.question.kind] = slide.question;
    kindMemory.current.set(slideId, memory);
    const switched =
      choice === 'none' ? undefined : switchKind(slide.question, choice, memory[choice]);
    edit((d) =>
      updateSlide(d, slideId, (s): Slide => {
        const { question: _old, ...rest } = s;
        // Drawing, pin and draggable take the slide's image (as it is now) as their picture.
        return switched ? { ...rest, question: onSlideImage(switched, s.image) } : rest;
      }),
    );
  };

  const goToIssue = (issue: FieldIssue) => {
    if (issue.slideId) setSelectedId(issue.slideId);
    requestFocus(issue.fieldId);
  };

  // ---- render -----------------------------------------------------------------------------

  const status = saving ? 'saving' : dirty ? 'unsaved' : 'saved';

  return (
    <EditorContext.Provider value={context}>
      <div className={styles.editor}>
        <header className={styles.topbar}>
          <div className={styles.topbarInner}>
            <Link href="/teacher" className={styles.backLink} onClick={leaveGuard}>
              <ArrowLeftIcon />
              {t('deckEditor.backToLibrary')}
            </Link>
            <TextField
              id={DECK_TITLE_ID}
              label={t('deckEditor.deckTitle')}
              value={deck.title}
              onChange={(title) => edit((d) => ({ ...d, title }))}
              maxLength={LIMITS.deckTitleMax}
              required
              className={styles.deckTitleField}
            />
            <p role="status" className={`${styles.saveStatus} ${styles[`status_${status}`] ?? ''}`}>
              {status === 'saved' ? <CheckIcon /> : <span className={styles.statusDot} />}
              {status === 'saving'
                ? t('deckEditor.saving')
                : status === 'unsaved'
                  ? t('deckEditor.unsaved')
                  : t('deckEditor.saved')}
            </p>
            <button
              type="button"
              className={`button ${styles.saveButton}`}
              onClick={() => void save()}
              disabled={saving}
              aria-keyshortcuts="Control+S Meta+S"
              title={t('deckEditor.saveShortcut')}
            >
              {saving ? t('deckEditor.saving') : t('deckEditor.save')}
            </button>
          </div>
        </header>

        <main className={styles.main}>
          <h1 className="visually-hidden">
            {t('deckEditor.heading', { title: deck.title.trim() || t('deckEditor.untitledDeck') })}
          </h1>
          {failure ? (
            <div className={styles.failure} role="alert">
              <AlertIcon />
              <p>
                {t('deckEditor.notSaved', { reason: errorText(failure.code) })}{' '}
                {failure.signedOut ? (
                  <a href="/teacher/login" target="_blank" rel="noopener">
                    {t('deckEditor.signInAgain')}
                  </a>
                ) : null}
              </p>
            </div>
          ) : null}
          <ErrorSummary issues={issues} onGoTo={goToIssue} />
          <DeckLanguageField
            value={contentLanguage}
            onChange={(language) => edit((d) => ({ ...d, language }))}
          />
          <div className={styles.layout}>
            <SlideList
              slides={deck.slides}
              selectedId={selected?.id ?? null}
              problemCounts={problemCounts}
              onSelect={selectSlide}
              onMove={moveSelected}
              onDelete={deleteSlide}
              onAdd={addSlide}
            />
            {selected ? (
              <SlideEditor
                key={selected.id}
                slide={selected}
                index={selectedIndex}
                total={deck.slides.length}
                canDuplicate={deck.slides.length < LIMITS.slidesMax}
                onChange={(update) => edit((d) => updateSlide(d, selected.id, update))}
                onKindChange={(choice) => changeKind(selected.id, choice)}
                onDuplicate={() => duplicateSlide(selected.id)}
              />
            ) : null}
          </div>
          <p>
            <Link
              className="button button-secondary"
              href={`/teacher/import?deck=${encodeURIComponent(deckId)}`}
              onClick={leaveGuard}
            >
              {t('deckEditor.addFromFile')}
            </Link>
          </p>
          {sharing}
        </main>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
    </EditorContext.Provider>
  );
}
