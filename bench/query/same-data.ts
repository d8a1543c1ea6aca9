import { isDeepStrictEqual } from 'node:util';
import type { BenchSettings } from '../bench-settings';
import { graphqlData } from './graphql-request';
import { AMPHI_UPCOMING_PAGE, amphiPage, type PageMeeting, POSTGRAPHILE_UPCOMING_PAGE, postGraphilePage } from './upcoming-page';

/** The pages checked before measuring: the one measured, and the largest Amphi serves. */
export function pagesToCheck(settings: Pick<BenchSettings, 'pageSize' | 'statementPageSizes'>): number[] {
  return [settings.pageSize, Math.max(...settings.statementPageSizes)];
}

export interface SameDataReport {
  pageSize: number;
  meetings: number;
  participants: number;
}

/** The first place two pages differ, for the error message. */
function firstDifference(ours: PageMeeting[], theirs: PageMeeting[]): string {
  if (ours.length !== theirs.length) return `Amphi returned ${ours.length} meetings, PostGraphile ${theirs.length}`;
  const index = ours.findIndex((meeting, position) => !isDeepStrictEqual(meeting, theirs[position]));
  return `meeting #${index + 1} differs:\n  Amphi:        ${JSON.stringify(ours[index])}\n  PostGraphile: ${JSON.stringify(theirs[index])}`;
}

/**
 * Asks both servers for the same page and fails unless they return the same meetings, in the same
 * order, with the same instructors, participants, users and counts. A benchmark of two servers
 * returning different data would compare nothing.
 */
export async function checkSameData(amphiUrl: string, adminToken: string, postGraphileUrl: string, pageSize: number): Promise<SameDataReport> {
  const [ours, theirs] = await Promise.all([
    graphqlData<Parameters<typeof amphiPage>[0]>(amphiUrl, AMPHI_UPCOMING_PAGE, { first: pageSize }, { token: adminToken }).then(amphiPage),
    graphqlData<Parameters<typeof postGraphilePage>[0]>(postGraphileUrl, POSTGRAPHILE_UPCOMING_PAGE, { first: pageSize }).then(postGraphilePage),
  ]);
  if (!isDeepStrictEqual(ours, theirs))
    throw new Error(`Amphi and PostGraphile disagree on the upcoming page of ${pageSize}: ${firstDifference(ours, theirs)}`);
  if (ours.length !== pageSize || ours.some((meeting) => meeting.participants.length === 0)) {
    throw new Error(`the page of ${pageSize} should be full, with participants: got ${ours.length} meetings`);
  }
  return { pageSize, meetings: ours.length, participants: ours.reduce((sum, meeting) => sum + meeting.participants.length, 0) };
}
