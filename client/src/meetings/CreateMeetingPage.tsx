import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../gql';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useToast } from '../ui/Toaster';
import { defaultStart, fromLocalInput, thresholdFromInput, type MeetingFormValues } from './meeting-form-values';
import { MeetingForm } from './MeetingForm';

const CreateMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      ...MeetingSummaryFields
    }
  }
`);

export function CreateMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const [createMeeting] = useMutation(CreateMeetingMutation, { refetchQueries: ['Meetings'] });
  const [initialValues] = useState<MeetingFormValues>(() => ({
    title: '',
    description: '',
    startsAt: defaultStart(new Date()),
    durationMinutes: '60',
    attendanceThresholdPercent: '',
    students: [],
  }));
  useDocumentTitle(t('meetingForm.createTitle'));

  async function create(values: MeetingFormValues) {
    const { data } = await createMeeting({
      variables: {
        input: {
          title: values.title.trim(),
          description: values.description.trim() || null,
          scheduledAt: fromLocalInput(values.startsAt)!,
          durationMinutes: Number(values.durationMinutes),
          attendanceThresholdPercent: thresholdFromInput(values.attendanceThresholdPercent),
          studentIds: values.students.map((student) => student.id),
        },
      },
    });
    if (!data) return;
    toast.show(t('meetingForm.created', { count: values.students.length }), 'success');
    navigate(`/meetings/${data.createMeeting.id}`);
  }

  return (
    <>
      <div className="page-header">
        <h1>{t('meetingForm.createTitle')}</h1>
      </div>
      <MeetingForm
        mode="create"
        initialValues={initialValues}
        submitLabel={t('meetingForm.create')}
        submittingLabel={t('meetingForm.creating')}
        cancelTo="/meetings"
        onSubmit={create}
      />
    </>
  );
}
