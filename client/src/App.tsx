import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { RequireSignIn } from './auth/RequireSignIn';
import { SessionProvider } from './auth/SessionProvider';
import { SignInPage } from './auth/SignInPage';
import { CalendarPage } from './calendar/CalendarPage';
import type { Role } from './gql/graphql';
import { InvitationsPage } from './invitations/InvitationsPage';
import { AppLayout } from './layout/AppLayout';
import { LiveEventsProvider } from './live/LiveEventsProvider';
import { HomeRedirect } from './layout/HomeRedirect';
import { NotFoundPage } from './layout/NotFoundPage';
import { CreateMeetingPage } from './meetings/CreateMeetingPage';
import { EditMeetingPage } from './meetings/EditMeetingPage';
import { MeetingPage } from './meetings/MeetingPage';
import { MeetingsPage } from './meetings/MeetingsPage';
import { RoomPage } from './room/RoomPage';
import { ToasterProvider } from './ui/Toaster';

const ORGANIZERS: Role[] = ['INSTRUCTOR', 'ADMIN'];
const STUDENTS: Role[] = ['STUDENT'];

export function App() {
  return (
    <BrowserRouter>
      <ToasterProvider>
        <SessionProvider>
          <LiveEventsProvider>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route
                element={
                  <RequireSignIn>
                    <AppLayout />
                  </RequireSignIn>
                }
              >
                <Route index element={<HomeRedirect />} />
                <Route
                  element={
                    <RequireSignIn roles={ORGANIZERS}>
                      <Outlet />
                    </RequireSignIn>
                  }
                >
                  <Route path="meetings" element={<MeetingsPage />} />
                  <Route path="meetings/new" element={<CreateMeetingPage />} />
                  <Route path="meetings/:id/edit" element={<EditMeetingPage />} />
                </Route>
                <Route
                  element={
                    <RequireSignIn roles={STUDENTS}>
                      <Outlet />
                    </RequireSignIn>
                  }
                >
                  <Route path="invitations" element={<InvitationsPage />} />
                </Route>
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="meetings/:id" element={<MeetingPage />} />
                <Route path="meetings/:id/room" element={<RoomPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </LiveEventsProvider>
        </SessionProvider>
      </ToasterProvider>
    </BrowserRouter>
  );
}
