package org.waldur.portal.api;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApiBodies}: the problems it reads are reported by the validation of a
 * {@code @Valid} body, so every body the API takes must be one; and a problem's JSON
 * pointer names the field as a form does.
 */
class ApiBodiesTests {

	@Test
	void everyBodyTheApiTakesIsValidated() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<String> bodies = new ArrayList<>();
		List<String> unvalidated = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents(ApiBodies.class.getPackageName())) {
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			for (Method method : controller.getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					if (parameter.isAnnotationPresent(RequestBody.class)) {
						String name = controller.getSimpleName() + "." + method.getName();
						bodies.add(name);
						if (!parameter.isAnnotationPresent(Valid.class)) {
							unvalidated.add(name);
						}
					}
				}
			}
		}
		assertThat(bodies).contains("OnboardingApi.create", "StepApi.run");
		assertThat(unvalidated).isEmpty();
	}

	@Test
	void aProblemsPointerNamesTheFieldAsAFormDoes() {
		assertThat(ApiBodies.field(JsonPointer.compile("/offering/components/0/billingType")))
			.isEqualTo("offering.components[0].billingType");
		assertThat(ApiBodies.field(JsonPointer.compile("/usernameGenerationPolicy")))
			.isEqualTo("usernameGenerationPolicy");
		assertThat(ApiBodies.field(JsonPointer.compile("/plans/12/unit"))).isEqualTo("plans[12].unit");
	}

}
