import { JitsiMeeting } from '@jitsi/react-sdk';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinMeetingMutation } from '../gql/graphql';
import { LoadingState } from '../ui/LoadingState';

type JoinInfo = JoinMeetingMutation['joinMeeting'];
type JitsiApi = Parameters<NonNullable<Parameters<typeof JitsiMeeting>[0]['onApiReady']>>[0];

interface JitsiRoomProps {
  info: JoinInfo;
  email: string;
  /** The person hung up inside Jitsi. */
  onHangUp(): void;
}

/** How long the Jitsi script may take to load before the room is reported unreachable. */
const LOAD_TIMEOUT_MS = 20_000;

/** The Jitsi Meet iframe for the room `joinMeeting` gave, with its token and the person's name. */
export function JitsiRoom({ info, email, onHangUp }: JitsiRoomProps) {
  const { t, i18n } = useTranslation();
  const api = useRef<JitsiApi | null>(null);
  const hangUp = useRef(onHangUp);
  hangUp.current = onHangUp;
  const [state, setState] = useState<'loading' | 'connecting' | 'joined' | 'unreachable'>('loading');

  useEffect(() => {
    const timer = window.setTimeout(() => setState((current) => (current === 'loading' ? 'unreachable' : current)), LOAD_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, []);
  // The SDK leaves the API running when its component unmounts: dispose of it with the room.
  useEffect(() => () => api.current?.dispose(), []);

  return (
    <div className="room__stage" aria-busy={state === 'loading' || state === 'connecting'}>
      {state === 'loading' && <LoadingState label={t('room.loading')} />}
      {state === 'connecting' && (
        <p className="room__status" role="status">
          {t('room.connecting')}
        </p>
      )}
      {state === 'unreachable' && (
        <div className="state state--error" role="alert">
          <p className="state__title">{t('room.unreachable', { domain: info.domain })}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <JitsiMeeting
        domain={info.domain}
        roomName={info.roomName}
        jwt={info.jwt ?? undefined}
        lang={i18n.resolvedLanguage}
        userInfo={{ displayName: info.displayName, email }}
        configOverwrite={{ prejoinConfig: { enabled: false }, disableDeepLinking: true }}
        interfaceConfigOverwrite={{ SHOW_JITSI_WATERMARK: false }}
        onApiReady={(external) => {
          api.current = external;
          setState('connecting');
          external.addEventListener('videoConferenceJoined', () => setState('joined'));
          external.addEventListener('videoConferenceLeft', () => hangUp.current());
          external.addEventListener('readyToClose', () => hangUp.current());
        }}
        getIFrameRef={(node) => {
          node.className = 'room__frame';
        }}
      />
    </div>
  );
}
