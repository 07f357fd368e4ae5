/**
 * Dialog ids, one constant per dialog.
 */
export const DialogId = {
  main: 'mainDialog',
  offer: 'offerDialog',
  need: 'needDialog',
  entryForm: 'entryFormDialog',
  myEntries: 'myEntriesDialog',
  privacy: 'privacyDialog',
  testimonial: 'testimonialDialog',
  withdrawTestimonial: 'withdrawTestimonialDialog',
  adminTestimonials: 'adminTestimonialsDialog',
  correctTestimonial: 'correctTestimonialDialog',
  scheduleTestimonial: 'scheduleTestimonialDialog',
  assistedRegistration: 'assistedRegistrationDialog',
  emergencyQuestion: 'emergencyQuestionDialog',
} as const;
