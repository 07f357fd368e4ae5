/**
 * Dialog ids, one constant per dialog.
 */
export const DialogId = {
  main: 'mainDialog',
  offer: 'offerDialog',
  need: 'needDialog',
  entryForm: 'entryFormDialog',
  describe: 'describeDialog',
  myEntries: 'myEntriesDialog',
  privacy: 'privacyDialog',
  assistedRegistration: 'assistedRegistrationDialog',
} as const;
