import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorKind } from '../errors/error-codes';
import { graphql } from '../gql';
import type { EditMeetingQuery, UpdateMeetingInput } from '../gql/graphql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { LoadingState } from '../ui/LoadingState';
import { useToast } from '../ui/Toaster';
import { fromLocalInput, thresholdFromInput, toLocalInput, type MeetingFormValues } from './meeting-form-values';
import { MeetingForm } from './MeetingForm';
import { MeetingUnavailable } from './MeetingUnavailable';

const EditMeetingDocument = graphql(`
  query EditMeeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      description
      scheduledAt
      durationMinutes
      attendanceThresholdPercent
      status
      version
    }
  }
`);

const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {
    updateMeeting(id: $id, input: $input) {
      ...MeetingSummaryFields
      description
      attendanceThresholdPercent
      version
    }
  }
`);

type EditedMeeting = NonNullable<EditMeetingQuery['meeting']>;

function formValues(meeting: EditedMeeting): MeetingFormValues {
  return {
    title: meeting.title,
    description: meeting.description ?? '',
    startsAt: toLocalInput(new Date(meeting.scheduledAt)),
    durationMinutes: String(meeting.durationMinutes),
    attendanceThresholdPercent: meeting.attendanceThresholdPercent?.toString() ?? '',
    students: [],
  };
}

/** Only what changed is sent, with the version the form was opened on: a concurrent edit is a CONFLICT, not lost. */
function changes(before: EditedMeeting, values: MeetingFormValues): UpdateMeetingInput {
  const input: UpdateMeetingInput = { version: before.version };
  const title = values.title.trim();
  const description = values.description.trim() || null;
  const scheduledAt = fromLocalInput(values.startsAt)!;
  const durationMinutes = Number(values.durationMinutes);
  const attendanceThresholdPercent = thresholdFromInput(values.attendanceThresholdPercent);
  if (title !== before.title) input.title = title;
  if (description !== (before.description ?? null)) input.description = description;
  if (new Date(scheduledAt).getTime() !== new Date(before.scheduledAt).getTime()) input.scheduledAt = scheduledAt;
  if (durationMinutes !== before.durationMinutes) input.durationMinutes = durationMinutes;
  // null clears the threshold.
  if (attendanceThresholdPercent !== before.attendanceThresholdPercent) input.attendanceThresholdPercent = attendanceThresholdPercent;
  return input;
}

export function EditMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { data, error, refetch } = useQuery(EditMeetingDocument, { variables: { id } });
  const [updateMeeting] = useMutation(UpdateMeetingMutation);
  // The meeting as it was when the form opened; live updates must not reset what is being typed.
  const [baseline, setBaseline] = useState<EditedMeeting | null>(null);
  const latest = data?.meeting;
  useEffect(() => {
    if (latest && !baseline) setBaseline(latest);
  }, [latest, baseline]);
  useDocumentTitle(baseline ? t('meetingForm.editTitle', { title: baseline.title }) : undefined);

  if (!latest) return <MeetingUnavailable answered={Boolean(data)} error={error} onRetry={() => void refetch()} />;
  if (!baseline) return <LoadingState label={t('common.loading')} />;

  const detailPath = `/meetings/${id}`;
  if (latest.status === 'ENDED' || latest.status === 'CANCELLED') {
    return (
      <div className="state state--empty">
        <p className="state__title">{t('meetingForm.readOnly')}</p>
        <Link className="button" to={detailPath}>
          {t('meeting.backToMeeting')}
        </Link>
      </div>
    );
  }

  async function save(values: MeetingFormValues) {
    try {
      await updateMeeting({ variables: { id, input: changes(baseline!, values) } });
    } catch (error) {
      // Someone else changed it: fetch their version so that "reload" can offer it.
      if (errorKind(error) === 'CONFLICT') void refetch();
      throw error;
    }
    toast.show(t('meetingForm.saved'), 'success');
    navigate(detailPath);
  }

  const reload = () => setBaseline(latest);

  return (
    <>
      <div className="page-header">
        <h1>{t('meetingForm.editTitle', { title: baseline.title })}</h1>
      </div>
      {latest.version !== baseline.version && (
        <div className="notice notice--warning" role="status">
          <p>{t('meetingForm.changedMeanwhile')}</p>
          <button type="button" className="button button--small" onClick={reload}>
            {t('meetingForm.reload')}
          </button>
        </div>
      )}
      <MeetingForm
        key={baseline.version}
        mode="edit"
        initialValues={formValues(baseline)}
        startLocked={latest.status === 'LIVE'}
        submitLabel={t('meetingForm.save')}
        submittingLabel={t('meetingForm.saving')}
        cancelTo={detailPath}
        onSubmit={save}
      />
    </>
  );
}
