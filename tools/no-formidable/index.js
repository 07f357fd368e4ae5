'use strict';
/* global module */
// restify's multipartBodyParser plugin requires 'formidable' when restify loads; this project
// never installs that plugin (multipart bodies get 415). Fail loudly if that ever changes.
class IncomingForm {
  constructor() {
    throw new Error('formidable is not available in this project: multipart bodies are not accepted');
  }
}
module.exports = { IncomingForm };
