import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <svg className="state__art" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="8" y="14" width="48" height="40" rx="6" />
        <path d="M8 26h48M20 8v12M44 8v12" />
      </svg>
      <p className="state__title">{title}</p>
      {children && <div className="state__body">{children}</div>}
    </div>
  );
}
