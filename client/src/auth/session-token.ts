const TOKEN_KEY = 'amphi.token';

/** The token from signIn, kept across reloads; null when signed out or storage is unavailable. */
export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function writeToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Private browsing without storage: the session simply ends with the tab.
  }
}
