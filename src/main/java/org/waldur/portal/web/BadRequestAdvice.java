package org.waldur.portal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers 400 to forms that cannot even be bound, such as a forged row index far beyond
 * the rows a form may have, instead of a server error.
 */
@ControllerAdvice
class BadRequestAdvice {

	@ExceptionHandler(InvalidPropertyException.class)
	void unbindable(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
