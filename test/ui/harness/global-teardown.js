'use strict';
module.exports = async () => {
	await globalThis.__UI_LOCAL__?.stop();
};
