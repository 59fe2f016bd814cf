'use server';
import {
  describeSelectionAction,
  enrollAction,
  generateCredentialsAction,
  generateLettersAction,
  remindAction,
  resumeCredentialsJobAction,
  selectResultsAction,
  unenrollAction,
} from '@/server/access/actions';
import { staffAction } from '@/server/auth/staff-action';
import { openSpaceViewAction } from '@/server/extranet/actions';

export const enroll = staffAction(enrollAction);
export const unenroll = staffAction(unenrollAction);
export const generateCredentials = staffAction(generateCredentialsAction);
export const resumeCredentialsJob = staffAction(resumeCredentialsJobAction);
export const selectResults = staffAction(selectResultsAction);
export const describeSelection = staffAction(describeSelectionAction);
export const generateLetters = staffAction(generateLettersAction);
export const openSpaceView = staffAction(openSpaceViewAction);
export const remind = staffAction(remindAction);
