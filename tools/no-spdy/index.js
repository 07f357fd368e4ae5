'use strict';
/* global module */
// restify's server.js requires 'spdy' at load time and uses it only with its `spdy`
// option, which this project never sets. Fail loudly if that ever changes.
module.exports = {
  createServer() {
    throw new Error('spdy is not available in this project: do not pass the spdy option to restify');
  },
};
