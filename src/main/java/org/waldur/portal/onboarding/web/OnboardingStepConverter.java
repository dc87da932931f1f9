package org.waldur.portal.onboarding.web;

import org.waldur.portal.onboarding.OnboardingStep;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns the {@code {step}} of a URL such as {@code /onboarding/7/steps/service-account}
 * into its step; an unknown name is a 404.
 */
@Component
class OnboardingStepConverter implements Converter<String, OnboardingStep> {

	@Override
	public OnboardingStep convert(String slug) {
		return OnboardingStep.fromSlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such step"));
	}

}
