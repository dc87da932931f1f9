// Waldur Onboarding Portal: small progressive enhancements. Every page works without this file.
(function () {
	'use strict';

	// Buttons with data-confirm ask before submitting their form.
	document.addEventListener('submit', function (event) {
		var submitter = event.submitter;
		var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
		if (message && !window.confirm(message)) {
			event.preventDefault();
		}
	});

	// Buttons with data-copy-target copy the text of the element with that id.
	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-copy-target]');
		if (!button || !navigator.clipboard) {
			return;
		}
		var target = document.getElementById(button.getAttribute('data-copy-target'));
		if (target) {
			navigator.clipboard.writeText(target.textContent.trim()).then(function () {
				button.textContent = 'Copied';
			});
		}
	});
	// Inputs with data-live-pattern say at once when the value breaks the rule.
	document.addEventListener('input', function (event) {
		var input = event.target;
		var pattern = input.getAttribute && input.getAttribute('data-live-pattern');
		if (!pattern) {
			return;
		}
		var ok = input.value === '' || new RegExp('^(?:' + pattern + ')$').test(input.value);
		var help = document.getElementById(input.id + '-live');
		if (help) {
			help.textContent = ok ? '' : input.getAttribute('data-live-message');
		}
		input.classList.toggle('is-invalid', !ok);
	});
})();
