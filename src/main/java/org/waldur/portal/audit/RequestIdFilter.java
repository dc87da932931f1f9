package org.waldur.portal.audit;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed,
 * otherwise a new UUID. The id goes to the log context ({@code requestId}), the response
 * header and the audit entries the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after PageLoadLimit: a refused page load costs
										// no id
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	static final String MDC_KEY = "requestId";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String id = (given != null && VALID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
