package org.waldur.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a form action goes back to when the portal refuses it (a step that cannot run,
 * a request that changed since it was reviewed, a desk or account change refused): the
 * refusal's message is shown there as an error, and nothing else happens. The mapping
 * from refusal to message lives in one place, the web module's {@code RefusalAdvice}.
 *
 * <p>
 * It sits beside the application class, outside any module, because the controllers of
 * every module name their pages with it while the web module, which maps the refusals,
 * depends on those modules.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BackOnRefusal {

	/**
	 * The request attribute naming the page when it depends on more than the path
	 * variables (set by the handler before it acts); it wins over {@link #value()}.
	 */
	String PAGE = "org.waldur.portal.BackOnRefusal.page";

	/**
	 * The page as a URI template over the request's path variables, such as
	 * {@code /desk/sessions/{id}}, optionally with a fragment; empty when the handler
	 * names it in the request attribute {@link #PAGE}.
	 */
	String value() default "";

}
