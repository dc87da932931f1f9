package org.waldur.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module publishes only the event types it declares: an event type (a portal class
 * some listener method takes) is created only by code of the module it belongs to. The
 * listeners and the constructor calls come from the compiled classes.
 */
class ModuleEventsTests {

	private static final Set<String> LISTENERS = Set.of("Lorg/springframework/context/event/EventListener;",
			"Lorg/springframework/transaction/event/TransactionalEventListener;",
			"Lorg/springframework/modulith/events/ApplicationModuleListener;");

	private static final String PORTAL = "org/waldur/portal/";

	@Test
	void modulesCreateOnlyTheirOwnEvents() throws IOException {
		Set<String> events = new HashSet<>();
		Map<String, Set<String>> created = new HashMap<>();
		for (Path file : classFiles()) {
			read(file, events, created);
		}
		assertThat(events).as("event types found").isNotEmpty();
		List<String> crossings = new ArrayList<>();
		created.forEach((type, creators) -> {
			if (events.contains(type)) {
				creators.stream()
					.filter((creator) -> !module(creator).equals(module(type)))
					.forEach((creator) -> crossings.add(creator + " creates " + module(type) + "'s event " + type));
			}
		});
		assertThat(crossings).as("events created outside the module that declares them").isEmpty();
	}

	private static String module(String internalName) {
		String rest = internalName.substring(PORTAL.length());
		int slash = rest.indexOf('/');
		return (slash < 0) ? "" : rest.substring(0, slash);
	}

	private static List<Path> classFiles() throws IOException {
		Path root;
		try {
			root = Path.of(PortalApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		try (Stream<Path> files = Files.walk(root.resolve(PORTAL))) {
			return files.filter((file) -> file.toString().endsWith(".class")).toList();
		}
	}

	private static void read(Path file, Set<String> events, Map<String, Set<String>> created) {
		try (InputStream in = Files.newInputStream(file)) {
			ClassReader reader = new ClassReader(in);
			String owner = reader.getClassName();
			reader.accept(new ClassVisitor(Opcodes.ASM9) {

				@Override
				public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
						String[] exceptions) {
					return new MethodVisitor(Opcodes.ASM9) {

						@Override
						public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
							Type[] parameters = Type.getArgumentTypes(descriptor);
							if (LISTENERS.contains(annotation) && parameters.length == 1
									&& parameters[0].getInternalName().startsWith(PORTAL)) {
								events.add(parameters[0].getInternalName());
							}
							return null;
						}

						@Override
						public void visitMethodInsn(int opcode, String type, String method, String methodDescriptor,
								boolean isInterface) {
							if (opcode == Opcodes.INVOKESPECIAL && method.equals("<init>") && type.startsWith(PORTAL)
									&& !type.equals(owner)) {
								created.computeIfAbsent(type, (key) -> new HashSet<>()).add(owner);
							}
						}

					};
				}

			}, ClassReader.SKIP_DEBUG);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
