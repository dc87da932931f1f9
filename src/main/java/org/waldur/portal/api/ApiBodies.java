package org.waldur.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.CollectingProblemHandler;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The API's JSON bodies name every wrong field at once, as a form does: a value the body
 * cannot hold (a word outside a Waldur vocabulary, text where a number goes) is read as
 * none and kept as a problem (Jackson's problem-collecting reading), then reported beside
 * the bean validation's errors, with the message a form shows for the same value
 * ({@code messages.properties}, {@code typeMismatch.<type>}). A body that is not JSON at
 * all is still refused as a whole. Only requests under {@code /api/} are read so; every
 * body the API takes is {@code @Valid} ({@code ApiBodiesTests}), so no problem is left
 * unreported.
 */
@ControllerAdvice(basePackageClasses = ApiBodies.class)
class ApiBodies {

	private static final String PROBLEMS = ApiBodies.class.getName() + ".problems";

	private final MessageSource messages;

	ApiBodies(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Reports the read problems before the bean validation runs, which then leaves those
	 * fields alone (a value read as none is not also "missing"), as on a form.
	 */
	@InitBinder
	void reportReadProblems(WebDataBinder binder) {
		List<Validator> validators = new ArrayList<>();
		validators.add(new ReadProblems(this.messages));
		validators.addAll(binder.getValidators());
		binder.replaceValidators(validators.toArray(Validator[]::new));
	}

	/** The problems read from this request's body so far, or none outside the API. */
	static @Nullable List<CollectedProblem> problemsOfThisRequest(boolean create) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet) || !isApi(servlet.getRequest())) {
			return null;
		}
		@SuppressWarnings("unchecked")
		List<CollectedProblem> problems = (List<CollectedProblem>) attributes.getAttribute(PROBLEMS,
				RequestAttributes.SCOPE_REQUEST);
		if (problems == null && create) {
			problems = new ArrayList<>();
			attributes.setAttribute(PROBLEMS, problems, RequestAttributes.SCOPE_REQUEST);
		}
		return problems;
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * The field a problem's JSON pointer names, as Spring names it:
	 * {@code /offering/components/0/billingType} is
	 * {@code offering.components[0].billingType}.
	 */
	static String field(JsonPointer pointer) {
		StringBuilder field = new StringBuilder();
		for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
			if (at.mayMatchElement()) {
				field.append('[').append(at.getMatchingIndex()).append(']');
			}
			else {
				field.append((field.length() > 0) ? "." : "").append(at.getMatchingProperty());
			}
		}
		return field.toString();
	}

	/** Reads API bodies collecting problems instead of stopping at the first. */
	static final class Converter extends JacksonJsonHttpMessageConverter {

		Converter(JsonMapper mapper) {
			super(mapper);
		}

		@Override
		protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
			List<CollectedProblem> problems = problemsOfThisRequest(true);
			if (problems == null) {
				return reader;
			}
			return reader.problemCollectingReader(new Collecting())
				.withAttribute(CollectingProblemHandler.class, problems);
		}

	}

	/**
	 * Jackson's collecting handler, except that a property the body should not have is
	 * ignored or refused as the mapper says, as before, rather than collected.
	 */
	static final class Collecting extends CollectingProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws JacksonException {
			if (!context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
				parser.skipChildren();
				return true;
			}
			return false;
		}

	}

	/** Adds the body's read problems to the binding result, as type mismatches. */
	static final class ReadProblems implements Validator {

		private final MessageSource messages;

		ReadProblems(MessageSource messages) {
			this.messages = messages;
		}

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			List<CollectedProblem> problems = problemsOfThisRequest(false);
			if (problems == null || !(errors instanceof BindingResult result)) {
				return;
			}
			for (CollectedProblem problem : problems) {
				String field = field(problem.getPath());
				JavaType type = problem.getTargetType();
				String[] codes = (type != null)
						? new String[] { "typeMismatch." + type.getRawClass().getName(), "typeMismatch" }
						: new String[] { "typeMismatch" };
				String message = this.messages.getMessage(new DefaultMessageSourceResolvable(codes, (Object[]) null,
						"This value is not in the expected form."), Locale.ENGLISH);
				result.addError(new FieldError(result.getObjectName(), field, problem.getRawValue(), true, codes, null,
						message));
			}
			problems.clear();
		}

	}

}
