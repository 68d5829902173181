// n8n loads this package through the "n8n" section of package.json (the built files in dist/).
// Nothing is exported from here on purpose.
module.exports = {};
