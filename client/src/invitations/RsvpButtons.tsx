import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../errors/useErrorMessage';
import { graphql } from '../gql';
import type { InvitationResponse, Rsvp } from '../gql/graphql';
import { useToast } from '../ui/Toaster';

const RespondMutation = graphql(`
  mutation RespondToInvitation($meetingId: ID!, $response: InvitationResponse!) {
    respondToInvitation(meetingId: $meetingId, response: $response) {
      ...OwnInvitationFields
      meeting {
        id
        acceptedCount
        canJoin
      }
    }
  }
`);

/** Accept / decline as a pair of toggle buttons; the current answer is the pressed one. */
export function RsvpButtons({ meetingId, title, rsvp }: { meetingId: string; title: string; rsvp: Rsvp }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [respond, { loading }] = useMutation(RespondMutation);

  async function answer(response: InvitationResponse) {
    try {
      await respond({ variables: { meetingId, response } });
      toast.show(t(response === 'ACCEPT' ? 'rsvp.acceptedFeedback' : 'rsvp.declinedFeedback', { title }), 'success');
    } catch (error) {
      toast.show(t('rsvp.failed', { reason: errorMessage(error) }), 'error');
    }
  }

  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a part of a form: a fieldset would bring a form's border and legend.
    <div className="rsvp" role="group" aria-label={t('rsvp.label', { title })}>
      <button
        type="button"
        className="button button--small rsvp__accept"
        aria-pressed={rsvp === 'ACCEPTED'}
        disabled={loading}
        onClick={() => void answer('ACCEPT')}
      >
        {rsvp === 'ACCEPTED' ? '✓ ' : ''}
        {t('rsvp.accept')}
      </button>
      <button
        type="button"
        className="button button--small rsvp__decline"
        aria-pressed={rsvp === 'DECLINED'}
        disabled={loading}
        onClick={() => void answer('DECLINE')}
      >
        {t('rsvp.decline')}
      </button>
    </div>
  );
}
