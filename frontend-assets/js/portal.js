// Waldur Onboarding Portal: small progressive enhancements. Every page works without this file.
(function () {
	'use strict';

	// A download form (data-download) was sent with its confirmation box, if any, ticked: the
	// earlier refusals ("Tick the box…", "Nothing was downloaded") no longer hold. A download
	// leaves the page as it is, so they are taken away here; a new refusal comes with a new page.
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.hasAttribute || !form.hasAttribute('data-download')) {
			return;
		}
		var box = form.querySelector('input[data-tick-box]');
		if (box && !box.checked) {
			return;
		}
		document.querySelectorAll('[data-refusal]').forEach(function (message) {
			message.remove();
		});
		form.querySelectorAll('input[data-tick-box].is-invalid').forEach(function (input) {
			input.classList.remove('is-invalid');
			input.removeAttribute('aria-invalid');
			input.removeAttribute('aria-describedby');
			var error = document.getElementById(input.id + '-error');
			if (error) {
				error.remove();
			}
		});
	});

	// A form that sends a request to Waldur (data-waits-for-waldur) says, once sent, that the
	// portal waits for Waldur's answer, and a second press sends nothing: a slow Waldur takes
	// up to the read time-out per call, and the page changes only when the answer is in.
	document.addEventListener('submit', function (event) {
		var form = event.target;
		if (!form.hasAttribute || !form.hasAttribute('data-waits-for-waldur') || event.defaultPrevented) {
			return;
		}
		if (form.getAttribute('data-sent') === 'true') {
			event.preventDefault();
			return;
		}
		form.setAttribute('data-sent', 'true');
		form.querySelectorAll('button[type="submit"]').forEach(function (button) {
			// Not the disabled attribute: the pressed button's own value is still to be sent.
			button.setAttribute('aria-disabled', 'true');
			button.classList.add('disabled');
		});
		var status = form.querySelector('[data-sending-status]');
		if (status) {
			status.textContent = form.getAttribute('data-waits-for-waldur');
		}
	});
	// Back to a page kept by the browser: its forms can be sent again.
	window.addEventListener('pageshow', function (event) {
		if (!event.persisted) {
			return;
		}
		document.querySelectorAll('form[data-sent]').forEach(function (form) {
			form.removeAttribute('data-sent');
			form.querySelectorAll('button[aria-disabled="true"]').forEach(function (button) {
				button.removeAttribute('aria-disabled');
				button.classList.remove('disabled');
			});
			var status = form.querySelector('[data-sending-status]');
			if (status) {
				status.textContent = '';
			}
		});
	});

	// Forms marked data-warn-unsaved warn before the page is left with changes not saved:
	// typed since the page was drawn, or rows added or removed on the server (data-unsaved).
	var leaving = false;
	document.addEventListener('input', function (event) {
		var form = event.target.form;
		if (form && form.hasAttribute('data-warn-unsaved')) {
			form.setAttribute('data-unsaved', 'true');
		}
	});
	document.addEventListener('submit', function (event) {
		if (event.target.hasAttribute && event.target.hasAttribute('data-warn-unsaved')) {
			leaving = true;
		}
	});
	window.addEventListener('beforeunload', function (event) {
		if (!leaving && document.querySelector('form[data-warn-unsaved][data-unsaved="true"]')) {
			event.preventDefault();
			event.returnValue = '';
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

	// After a failed submit: the error summary lists the errors in the order of their fields
	// on the page, the page title starts with "Error: ", and focus moves to the summary so
	// that keyboard and screen-reader users hear what went wrong.
	function showErrorSummary() {
		var summary = document.getElementById('error-summary');
		if (!summary) {
			return;
		}
		var list = summary.querySelector('ul');
		if (list) {
			var fields = Array.prototype.slice.call(document.querySelectorAll('input, select, textarea'));
			var position = function (item) {
				var link = item.querySelector('a[href^="#"]');
				var field = link && document.getElementById(link.getAttribute('href').substring(1));
				var index = field ? fields.indexOf(field) : -1;
				return index < 0 ? -1 : index;
			};
			Array.prototype.slice.call(list.children)
				.map(function (item, order) { return { item: item, at: position(item), order: order }; })
				.sort(function (a, b) { return (a.at - b.at) || (a.order - b.order); })
				.forEach(function (entry) { list.appendChild(entry.item); });
		}
		if (document.title.indexOf('Error: ') !== 0) {
			document.title = 'Error: ' + document.title;
		}
		summary.focus();
	}

	// Regions that scroll sideways (wide tables, request bodies) can be scrolled with the
	// keyboard.
	function makeScrollableRegionsFocusable() {
		document.querySelectorAll('.table-responsive, pre').forEach(function (region) {
			if (region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight) {
				if (!region.hasAttribute('tabindex')) {
					region.setAttribute('tabindex', '0');
				}
			}
		});
	}

	// A field marked invalid is tied to the message beside it (templates that do not use the
	// form fragments get the same aria-invalid / aria-describedby as those that do).
	function tieErrorsToFields() {
		document.querySelectorAll('.is-invalid').forEach(function (field, index) {
			var message = field.parentElement && field.parentElement.querySelector('.invalid-feedback');
			if (!message || !message.textContent.trim()) {
				return;
			}
			if (!message.id) {
				message.id = (field.id || 'field-' + index) + '-error';
			}
			var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
			if (ids.indexOf(message.id) < 0) {
				ids.push(message.id);
				field.setAttribute('aria-describedby', ids.join(' '));
			}
			field.setAttribute('aria-invalid', 'true');
		});
	}

	// A control marked autofocus (a confirmation box left unticked) takes the focus even when
	// the address has a #fragment, where browsers skip autofocus.
	function focusMarkedControl() {
		if (document.getElementById('error-summary')) {
			return;
		}
		var control = document.querySelector('[autofocus]');
		if (control) {
			// After the browser's own scrolling to the #fragment.
			window.setTimeout(function () {
				if (document.activeElement !== control) {
					control.focus();
				}
			}, 0);
		}
	}

	// Times arrive as "2026-12-01 17:35 UTC" with the exact UTC time in datetime="…Z": show
	// them in the viewer's time zone with the zone named, and the UTC time on hover.
	function showLocalTimes() {
		if (!window.Intl || !Intl.DateTimeFormat) {
			return;
		}
		var format = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit',
			hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
		document.querySelectorAll('time[data-local][datetime]').forEach(function (time) {
			var at = new Date(time.getAttribute('datetime'));
			if (isNaN(at.getTime())) {
				return;
			}
			var parts = {};
			format.formatToParts(at).forEach(function (part) { parts[part.type] = part.value; });
			var utc = time.textContent.trim();
			time.textContent = parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':'
				+ parts.minute + ' ' + parts.timeZoneName;
			time.setAttribute('title', utc.replace(/ UTC$/, '') + ' UTC (' + time.getAttribute('datetime') + ')');
		});
	}

	// A refusal without an error summary (an unticked confirmation, a step that could not
	// run) still names the page as an error.
	function titleRefusals() {
		if (document.querySelector('[data-tick-box].is-invalid, [data-refusal]')
				&& document.title.indexOf('Error: ') !== 0) {
			document.title = 'Error: ' + document.title;
		}
	}

	function ready() {
		showLocalTimes();
		titleRefusals();
		tieErrorsToFields();
		showErrorSummary();
		focusMarkedControl();
		makeScrollableRegionsFocusable();
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', ready);
	}
	else {
		ready();
	}
	window.addEventListener('resize', makeScrollableRegionsFocusable);
})();
