package org.waldur.portal.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submitted text is trimmed only for binders of request parameters and of forms
 * ({@link RequestBinding#bindRequests}); a form is recognised by its name. Every object a
 * page handler binds from a request must therefore be named {@code …Form}, or its text
 * would silently stop being trimmed.
 */
class BoundFormsTests {

	@Test
	void everyObjectBoundFromARequestIsNamedAsAForm() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> bound = new ArrayList<>();
		List<String> notForms = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.waldur.portal")) {
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			for (Method method : controller.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				for (Parameter parameter : method.getParameters()) {
					if (!bindsFromRequest(parameter)) {
						continue;
					}
					String name = controller.getSimpleName() + "." + method.getName() + "("
							+ parameter.getType().getSimpleName() + ")";
					bound.add(name);
					if (!RequestBinding.isForm(parameter.getType())) {
						notForms.add(name);
					}
				}
			}
		}
		assertThat(bound).as("handlers that bind forms").hasSizeGreaterThan(10);
		assertThat(notForms).as("objects bound from a request but not named ...Form").isEmpty();
	}

	@Test
	void viewsAreNotFormsAndFormsAre() {
		assertThat(RequestBinding.isForm(org.waldur.portal.onboarding.web.OfferingForm.class)).isTrue();
		assertThat(RequestBinding.isForm(org.waldur.portal.onboarding.web.FormView.class)).isFalse();
	}

	/**
	 * A {@code @ModelAttribute} parameter, or a parameter of one of the portal's own
	 * types with no annotation (Spring binds those as model attributes too), other than
	 * the signed-in viewer.
	 */
	private static boolean bindsFromRequest(Parameter parameter) {
		if (parameter.isAnnotationPresent(ModelAttribute.class)) {
			return true;
		}
		Class<?> type = parameter.getType();
		return parameter.getAnnotations().length == 0 && type.getName().startsWith("org.waldur.portal.")
				&& !BeanUtils.isSimpleProperty(type) && !type.getSimpleName().equals("Viewer");
	}

}
