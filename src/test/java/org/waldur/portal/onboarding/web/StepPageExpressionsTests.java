package org.waldur.portal.onboarding.web;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.waldur.portal.onboarding.OnboardingStep;
import org.waldur.portal.onboarding.StepStatus;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expressions a step page evaluates for every step, row and option compile to
 * bytecode, as Thymeleaf's SpEL compiler does after a warm-up ("mixed" mode,
 * {@code spring.thymeleaf.enable-spring-el-compiler}): it reads only public types, so a
 * view read by a template must be public or its expressions stay interpreted, looking
 * their accessors up again on every evaluation.
 */
class StepPageExpressionsTests {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser(
			new SpelParserConfiguration(SpelCompilerMode.MIXED, StepPageExpressionsTests.class.getClassLoader()));

	@ParameterizedTest
	@ValueSource(strings = { "item.cssClass", "item.mark", "item.step.title", "item.stateText()", "item.current",
			"o.value", "o.label", "f.is(o.value)", "choice.uuid", "choice.label", "pickers.customers",
			"row.field('type').value", "row.number", "row.cells", "cell.column.width", "cell.column.label",
			"cell.column.list", "cell.column.type", "cell.column.options", "cell.field.id" })
	void compiles(String source) throws Exception {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.refresh();
			Pickers.Choice choice = new Pickers.Choice("u1", "https://waldur/api/customers/u1/", "Org");
			FieldView field = new FieldView("components[0].type", "components0.type", "usage", List.of());
			Map<String, Object> variables = Map.of("item",
					new StepView(OnboardingStep.OFFERING, StepStatus.TODO, "current", true,
							"/onboarding/1/steps/offering", null),
					"o", Choice.BILLING_TYPES.get(0), "f", field, "choice", choice, "pickers",
					new Pickers.Options(List.of(choice), List.of(), null), "row",
					new RowView(0, List.of(new CellView(ComponentRow.COLUMNS.get(0), field))), "cell",
					new CellView(ComponentRow.COLUMNS.get(3), field));
			SpelExpression expression = (SpelExpression) PARSER.parseExpression(source);
			for (int n = 0; n < 150; n++) {
				expression.getValue(new ThymeleafEvaluationContext(context, null), variables);
			}
			assertThat(compiled(expression)).as(source).isTrue();
		}
	}

	private static boolean compiled(SpelExpression expression) throws ReflectiveOperationException {
		Field compiled = SpelExpression.class.getDeclaredField("compiledAst");
		compiled.setAccessible(true);
		return compiled.get(expression) != null;
	}

}
