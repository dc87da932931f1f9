package org.waldur.portal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.CollectingProblemHandler;
import tools.jackson.databind.exc.CollectedProblem;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.ClassUtil;

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
			// a fraction is refused where a whole number goes, as a form refuses it
			return reader.problemCollectingReader(new Collecting())
				.without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.withAttribute(CollectingProblemHandler.class, problems);
		}

	}

	/**
	 * Jackson's collecting handler, which keeps a word or number that a field cannot
	 * hold, extended to a value of the wrong kind (an object, a list, a number or
	 * {@code true} where something else goes) and to {@code null} for a field that must
	 * have a value; a property the body should not have is ignored or refused as the
	 * mapper says, as before, rather than collected.
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

		@Override
		public @Nullable Object handleUnexpectedToken(DeserializationContext context, JavaType targetType,
				@Nullable JsonToken token, JsonParser parser, @Nullable String failureMessage) throws JacksonException {
			boolean structure = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
			if (!keep(context, valuePointer(parser, structure), targetType, failureMessage,
					structure ? token.asString() : parser.getString(), parser, token)) {
				return NOT_HANDLED;
			}
			if (structure) {
				parser.skipChildren();
			}
			return ClassUtil.defaultValue(targetType.getRawClass());
		}

		@Override
		public @Nullable Object handleNullForPrimitives(DeserializationContext context, Class<?> targetType,
				JsonParser parser, @Nullable ValueDeserializer<?> deserializer, String failureMessage)
				throws JacksonException {
			if (!keep(context, valuePointer(parser, false), context.constructType(targetType), failureMessage, null,
					parser, JsonToken.VALUE_NULL)) {
				return NOT_HANDLED;
			}
			return ClassUtil.defaultValue(targetType);
		}

		private boolean keep(DeserializationContext context, JsonPointer pointer, JavaType targetType,
				@Nullable String message, @Nullable Object rawValue, JsonParser parser, @Nullable JsonToken token) {
			List<CollectedProblem> problems = getBucket(context);
			if (problems == null || problems.size() >= getMaxProblems()) {
				return false;
			}
			String described = (message != null) ? message : "unexpected " + token + " for " + targetType;
			problems
				.add(new CollectedProblem(pointer, described, targetType, parser.currentLocation(), rawValue, token));
			return true;
		}

		/**
		 * Where the value the parser stands on sits: an object or list that starts here
		 * has opened a context of its own, so its place is its parent's.
		 */
		private static JsonPointer valuePointer(JsonParser parser, boolean structure) {
			TokenStreamContext context = parser.streamReadContext();
			if (structure && context.getParent() != null) {
				context = context.getParent();
			}
			return context.pathAsPointer();
		}

	}

	/**
	 * A field error for a value Jackson could not read at all (a number too large for its
	 * field, a fraction where a whole number goes), which ends the reading: the field its
	 * path names, with the form's message for its type; {@code null} when it names no
	 * field.
	 */
	static @Nullable FieldError unreadable(JacksonException failure, MessageSource messages) {
		if (failure.getPath().isEmpty()) {
			return null;
		}
		JsonPointer pointer = JsonPointer.empty();
		for (JacksonException.Reference reference : failure.getPath()) {
			pointer = (reference.getIndex() >= 0) ? pointer.appendIndex(reference.getIndex())
					: (reference.getPropertyName() != null) ? pointer.appendProperty(reference.getPropertyName())
							: pointer;
		}
		Class<?> type = (failure instanceof InputCoercionException coercion) ? coercion.getTargetType()
				: (failure instanceof MismatchedInputException mismatch) ? mismatch.getTargetType() : null;
		return fieldError("body", field(pointer), (type != null) ? type.getName() : null, null, messages);
	}

	private static FieldError fieldError(String objectName, String field, @Nullable String typeName,
			@Nullable Object rawValue, MessageSource messages) {
		String[] codes = (typeName != null) ? new String[] { "typeMismatch." + typeName, "typeMismatch" }
				: new String[] { "typeMismatch" };
		String message = messages.getMessage(
				new DefaultMessageSourceResolvable(codes, (Object[]) null, "This value is not in the expected form."),
				Locale.ENGLISH);
		return new FieldError(objectName, field, rawValue, true, codes, null, message);
	}

	/** The problems read so far from this request's body, as field errors. */
	static List<FieldError> readProblems(String objectName, MessageSource messages) {
		List<CollectedProblem> problems = problemsOfThisRequest(false);
		if (problems == null) {
			return List.of();
		}
		List<FieldError> errors = new ArrayList<>();
		for (CollectedProblem problem : problems) {
			JavaType type = problem.getTargetType();
			String typeName = (type == null) ? null
					: type.isCollectionLikeType() ? List.class.getName() : type.getRawClass().getName();
			errors.add(fieldError(objectName, field(problem.getPath()), typeName, problem.getRawValue(), messages));
		}
		problems.clear();
		return errors;
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
			if (errors instanceof BindingResult result) {
				readProblems(result.getObjectName(), this.messages).forEach(result::addError);
			}
		}

	}

}
