package org.waldur.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.waldur.portal.BackOnRefusal;
import org.waldur.portal.desk.DeskRejectedException;
import org.waldur.portal.onboarding.StepNotRunnableException;
import org.waldur.portal.security.AccountRejectedException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Refusals of a page action, mapped once: the message goes to the page the action named
 * with {@link BackOnRefusal}, shown as an error ({@code flashError}). An action that
 * names no page keeps the answer the refusal has by itself (409 for a step that cannot
 * run); the API answers with its own problem details. (The agent module, which uses the
 * web module's date formats, maps its one refusal itself.)
 */
@ControllerAdvice
class RefusalAdvice {

	@ExceptionHandler({ StepNotRunnableException.class, DeskRejectedException.class, AccountRejectedException.class })
	String refused(RuntimeException refusal, HandlerMethod handler, HttpServletRequest request,
			RedirectAttributes redirect) {
		String page = page(handler, request);
		if (page == null) {
			throw refusal;
		}
		redirect.addFlashAttribute("flashError", refusal.getMessage());
		// The redirect fills the page's template from the request's path variables.
		return "redirect:" + page;
	}

	private static @Nullable String page(HandlerMethod handler, HttpServletRequest request) {
		if (request.getAttribute(BackOnRefusal.PAGE) instanceof String named) {
			return named;
		}
		BackOnRefusal back = handler.getMethodAnnotation(BackOnRefusal.class);
		return (back != null && !back.value().isEmpty()) ? back.value() : null;
	}

}
