package org.waldur.portal.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Decides between sandbox mode and a real Waldur from {@code portal.waldur.url}.
 */
abstract class WaldurModeCondition implements Condition {

	static boolean sandboxMode(ConditionContext context) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("portal.waldur.url"));
	}

	static final class Sandbox extends WaldurModeCondition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return sandboxMode(context);
		}

	}

	static final class Real extends WaldurModeCondition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !sandboxMode(context);
		}

	}

}
