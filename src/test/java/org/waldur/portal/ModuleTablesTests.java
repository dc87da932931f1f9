package org.waldur.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to one module, and only that module's code names it: others ask the
 * owner's API or listen to its events. The table names come from the migrations; the
 * string constants come from the compiled classes (SQL, {@code @Table} names, the parts
 * of concatenated strings), so comments and imports do not count.
 */
class ModuleTablesTests {

	/** Each table the migrations create, and the module that owns it. */
	static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("onboarding_session", "onboarding"),
			Map.entry("onboarding_step", "onboarding"), Map.entry("onboarding_step_attempt", "onboarding"),
			Map.entry("onboarding_status_count", "onboarding"), Map.entry("onboarding_note", "desk"),
			Map.entry("audit_entry", "audit"), Map.entry("audit_chain_head", "audit"),
			Map.entry("agent_check", "agent"), Map.entry("agent_download", "agent"),
			Map.entry("api_idempotency_key", "api"), Map.entry("api_token", "security"),
			Map.entry("portal_account", "security"), Map.entry("portal_account_role", "security"),
			Map.entry("sign_in_throttle", "security"), Map.entry("secret_key_fingerprint", "crypto"),
			Map.entry("shedlock", "config"), Map.entry("spring_session", "config"),
			Map.entry("spring_session_attributes", "config"), Map.entry("sandbox_agent_identity", "sandbox"),
			Map.entry("sandbox_agent_processor", "sandbox"), Map.entry("sandbox_agent_service", "sandbox"),
			Map.entry("sandbox_category", "sandbox"), Map.entry("sandbox_customer", "sandbox"),
			Map.entry("sandbox_offering", "sandbox"), Map.entry("sandbox_offering_component", "sandbox"),
			Map.entry("sandbox_offering_role", "sandbox"), Map.entry("sandbox_plan", "sandbox"),
			Map.entry("sandbox_service_provider", "sandbox"), Map.entry("sandbox_token", "sandbox"),
			Map.entry("sandbox_user", "sandbox"));

	private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Path MIGRATIONS = Path.of("db", "migration");

	@Test
	void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
		assertThat(OWNERS).containsOnlyKeys(migratedTables());
	}

	@Test
	void modulesNameOnlyTheirOwnTables() throws IOException {
		Path classes = classes();
		Set<String> crossings = new TreeSet<>();
		try (Stream<Path> files = Files.walk(classes)) {
			files.filter((file) -> file.toString().endsWith(".class")).forEach((file) -> {
				Path relative = classes.relativize(file);
				if (relative.getNameCount() < 2) {
					return;
				}
				String module = relative.getName(0).toString();
				constants(file, (constant) -> OWNERS.forEach((table, owner) -> {
					if (!owner.equals(module) && names(constant, table)) {
						crossings.add(module + " names " + owner + "'s table " + table + " in " + relative);
					}
				}));
			});
		}
		assertThat(crossings).as("tables named outside the module that owns them").isEmpty();
	}

	@Test
	void findsATableNamedInSql() {
		assertThat(names("select s.id from onboarding_session s where", "onboarding_session")).isTrue();
		assertThat(names("update ONBOARDING_STEP_ATTEMPT set", "onboarding_step_attempt")).isTrue();
		assertThat(names("update onboarding_step_attempt set", "onboarding_step")).isFalse();
		assertThat(names("step_attempt", "onboarding_step_attempt")).isFalse();
	}

	private static boolean names(String constant, String table) {
		return Pattern.compile("(?<![\\w$])" + table + "(?![\\w$])", Pattern.CASE_INSENSITIVE).matcher(constant).find();
	}

	private static Set<String> migratedTables() throws IOException {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".sql")).toList()) {
				Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
				while (matcher.find()) {
					tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		return tables;
	}

	private static Path classes() {
		try {
			Path root = Path.of(PortalApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return root.resolve(PortalApplication.class.getPackageName().replace('.', '/'));
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every string constant of a class: literals, field values, annotation values. */
	private static void constants(Path file, Consumer<String> sink) {
		try (InputStream in = Files.newInputStream(file)) {
			new ClassReader(in).accept(new Constants(sink), ClassReader.SKIP_DEBUG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Constants extends ClassVisitor {

		private final Consumer<String> sink;

		Constants(Consumer<String> sink) {
			super(Opcodes.ASM9);
			this.sink = sink;
		}

		void offer(Object value) {
			if (value instanceof String text) {
				this.sink.accept(text);
			}
		}

		AnnotationVisitor annotation() {
			return new AnnotationVisitor(Opcodes.ASM9) {

				@Override
				public void visit(String name, Object value) {
					offer(value);
				}

				@Override
				public AnnotationVisitor visitAnnotation(String name, String descriptor) {
					return annotation();
				}

				@Override
				public AnnotationVisitor visitArray(String name) {
					return annotation();
				}

			};
		}

		@Override
		public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
			return annotation();
		}

		@Override
		public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
			offer(value);
			return new FieldVisitor(Opcodes.ASM9) {

				@Override
				public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
					return annotation();
				}

			};
		}

		@Override
		public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
				String[] exceptions) {
			return new MethodVisitor(Opcodes.ASM9) {

				@Override
				public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
					return annotation();
				}

				@Override
				public void visitLdcInsn(Object value) {
					offer(value);
				}

				@Override
				public void visitInvokeDynamicInsn(String name, String descriptor, Handle handle, Object... arguments) {
					// The literal parts of a concatenation travel in its recipe.
					for (Object argument : arguments) {
						offer(argument);
					}
				}

			};
		}

	}

}
