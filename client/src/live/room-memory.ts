const KEY = 'amphi.leftRooms';

function read(): string[] {
  try {
    return JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/** A person who walked out of a room is not pulled back into it automatically (for this tab). */
export function rememberLeftRoom(meetingId: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify([...new Set([...read(), meetingId])].slice(-50)));
  } catch {
    // Without storage, the room may open again on the next start event.
  }
}

export function hasLeftRoom(meetingId: string): boolean {
  return read().includes(meetingId);
}
