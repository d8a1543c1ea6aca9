import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { StudentOption } from './meeting-form-values';

const StudentSearchQuery = graphql(`
  query StudentSearch($search: String) {
    users(role: STUDENT, search: $search, first: 20) {
      id
      displayName
      email
    }
  }
`);

const SEARCH_DELAY_MS = 250;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return debounced;
}

interface StudentPickerProps {
  selected: StudentOption[];
  onChange(selected: StudentOption[]): void;
  /** Students who cannot be picked again (already invited). */
  excludedIds?: ReadonlySet<string>;
  error?: string;
  legend: string;
}

/** Students to invite: a search box over `users(role: STUDENT)`, checkboxes, and the chosen ones as chips. */
export function StudentPicker({ selected, onChange, excludedIds, error, legend }: StudentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim());
  const { data, previousData, error: searchError } = useQuery(StudentSearchQuery, { variables: { search: term || null } });
  // While the next search runs, the previous results stay on screen instead of flickering away.
  const shown = data ?? previousData;
  const selectedIds = new Set(selected.map((student) => student.id));
  const results = (shown?.users ?? []).filter((student) => !excludedIds?.has(student.id));
  const unselectedResults = results.filter((student) => !selectedIds.has(student.id));

  const toggle = (student: StudentOption) =>
    onChange(selectedIds.has(student.id) ? selected.filter((item) => item.id !== student.id) : [...selected, student]);

  return (
    <fieldset className="field student-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {selected.length > 0 ? (
        <ul className="chips" aria-label={t('studentPicker.selected', { count: selected.length })}>
          {selected.map((student) => (
            <li key={student.id} className="chip">
              {student.displayName}
              <button type="button" onClick={() => toggle(student)} aria-label={t('studentPicker.remove', { name: student.displayName })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('studentPicker.noneSelected')}</p>
      )}
      <label htmlFor={`${id}-search`} className="sr-only">
        {t('studentPicker.search')}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={t('studentPicker.search')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoComplete="off"
        aria-controls={`${id}-results`}
      />
      <p className="sr-only" aria-live="polite">
        {shown && t('studentPicker.found', { count: results.length })}
      </p>
      {searchError ? (
        <p className="field-error">{t('studentPicker.searchFailed')}</p>
      ) : !shown ? (
        <p className="hint">{t('common.loading')}</p>
      ) : results.length === 0 ? (
        <p className="hint">{t('studentPicker.noMatch')}</p>
      ) : (
        <>
          <ul className="student-results" id={`${id}-results`}>
            {results.map((student) => (
              <li key={student.id}>
                <label>
                  <input type="checkbox" checked={selectedIds.has(student.id)} onChange={() => toggle(student)} />
                  <span className="student-results__name">{student.displayName}</span>
                  <span className="student-results__email">{student.email}</span>
                </label>
              </li>
            ))}
          </ul>
          {unselectedResults.length > 1 && (
            <button type="button" className="button button--small button--ghost" onClick={() => onChange([...selected, ...unselectedResults])}>
              {t('studentPicker.selectShown', { count: unselectedResults.length })}
            </button>
          )}
        </>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
