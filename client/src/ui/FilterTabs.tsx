import { Link, useSearchParams } from 'react-router';

export interface FilterTab<T extends string> {
  value: T;
  label: string;
}

/** Filters as links (`?when=past`), so a filtered list can be bookmarked and shared; other parameters are kept. */
export function FilterTabs<T extends string>({ label, tabs, current, param }: { label: string; tabs: FilterTab<T>[]; current: T; param: string }) {
  const [search] = useSearchParams();
  const linkTo = (value: T) => {
    const next = new URLSearchParams(search);
    next.set(param, value.toLowerCase());
    return `?${next}`;
  };
  return (
    <nav className="segmented" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.value} to={linkTo(tab.value)} aria-current={tab.value === current ? 'page' : undefined} replace>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

/** The tab named by the URL's `param`, or the first one. */
export function currentTab<T extends string>(search: URLSearchParams, param: string, values: readonly T[]): T {
  const requested = search.get(param)?.toUpperCase();
  return values.find((value) => value === requested) ?? values[0]!;
}
