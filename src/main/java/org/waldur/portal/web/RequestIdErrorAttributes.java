package org.waldur.portal.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages name the request's id, for the user to quote to support; the same id is in
 * the log and the audit entries of the request.
 */
@Component
class RequestIdErrorAttributes extends DefaultErrorAttributes {

	/** Where the audit module's request-id filter keeps the id of the request. */
	static final String REQUEST_ID = "org.waldur.portal.audit.RequestIdFilter.id";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object id = request.getAttribute(REQUEST_ID, RequestAttributes.SCOPE_REQUEST);
		if (id != null) {
			attributes.put("requestId", id);
		}
		return attributes;
	}

}
