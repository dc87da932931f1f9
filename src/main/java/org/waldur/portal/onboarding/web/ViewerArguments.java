package org.waldur.portal.onboarding.web;

import java.util.List;

import org.waldur.portal.onboarding.Viewer;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives handlers the signed-in {@link Viewer} as a parameter, built from the request's
 * authentication, so that no controller builds it by hand.
 */
@Component
class ViewerArguments implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ViewerResolver());
	}

	static final class ViewerResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Viewer.class;
		}

		@Override
		public Viewer resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			// Anonymous visitors have no principal here; the security rules keep them
			// out before any handler that asks for a viewer.
			if (request.getUserPrincipal() instanceof Authentication authentication) {
				return Viewer.of(authentication);
			}
			throw new AuthenticationCredentialsNotFoundException("Sign in first.");
		}

	}

}
