package org.waldur.portal.waldur;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.OpenApi30;
import com.networknt.schema.format.PatternFormat;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates JSON documents against the schemas of Waldur's published OpenAPI 3.0 document
 * (version 8.0.5, {@code src/test/resources/waldur/}), loaded once per JVM. Uses the
 * OpenAPI 3.0 dialect of networknt json-schema-validator, which understands
 * {@code nullable: true}, with format assertions on; {@code format: uuid} accepts
 * Waldur's 32-hex-digit form as well as the dashed one.
 * <p>
 * {@link #validate} also treats every object schema as closed: a property the schema does
 * not declare is a violation. Waldur silently drops unknown request fields, so a
 * misspelled field would otherwise go unnoticed. {@link #validateOpen} checks the schema
 * exactly as published.
 *
 * <pre>
 * OpenApiContract.load().assertValid("UserRequest", json);
 * List&lt;String&gt; violations = OpenApiContract.load().validate("User", json);
 * </pre>
 */
public final class OpenApiContract {

	/** Class-path location of the OpenAPI document. */
	public static final String RESOURCE = "/waldur/waldur-openapi-8.0.5.yaml";

	private static final String OPEN_IRI = "https://contract.waldur.test/openapi-8.0.5.json";

	private static final String CLOSED_IRI = "https://contract.waldur.test/openapi-8.0.5-closed.json";

	private static final int MAX_YAML_CODE_POINTS = 64 * 1024 * 1024;

	private static volatile OpenApiContract instance;

	private final JsonNode document;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private OpenApiContract(JsonNode document) {
		this.document = document;
		JsonMapper json = this.json;
		ObjectNode schemasOnly = json.createObjectNode();
		schemasOnly.set("components", document.path("components").deepCopy());
		Map<String, String> documents = Map.of(OPEN_IRI, json.writeValueAsString(schemasOnly), CLOSED_IRI,
				json.writeValueAsString(closed(schemasOnly.deepCopy())));
		this.registry = SchemaRegistry.withDefaultDialect(dialect(),
				(builder) -> builder.schemas(documents)
					.schemaLoader((loader) -> loader.fetchRemoteResources(false))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	}

	/** The contract, parsed on first use and shared afterwards. */
	public static OpenApiContract load() {
		OpenApiContract contract = instance;
		if (contract == null) {
			synchronized (OpenApiContract.class) {
				contract = instance;
				if (contract == null) {
					contract = new OpenApiContract(readDocument());
					instance = contract;
				}
			}
		}
		return contract;
	}

	/** The {@code info.version} of the document, such as {@code 8.0.5}. */
	public String version() {
		return this.document.path("info").path("version").asString();
	}

	/** Whether {@code #/components/schemas/<name>} exists. */
	public boolean hasSchema(String name) {
		return this.document.path("components").path("schemas").has(name);
	}

	/**
	 * The violations of {@code json} against the closed form of the named schema; empty
	 * when it is valid.
	 */
	public List<String> validate(String schemaName, String json) {
		return validate(CLOSED_IRI, schemaName, json);
	}

	/** The violations of {@code json} against the named schema as published. */
	public List<String> validateOpen(String schemaName, String json) {
		return validate(OPEN_IRI, schemaName, json);
	}

	/** Fails with every violation when {@code json} does not match the closed schema. */
	public void assertValid(String schemaName, String json) {
		List<String> violations = validate(schemaName, json);
		if (!violations.isEmpty()) {
			throw new AssertionError("JSON does not match Waldur 8.0.5 schema " + schemaName + ":\n  "
					+ String.join("\n  ", violations) + "\nJSON: " + json);
		}
	}

	/**
	 * The violations of a JSON array whose items must each match the closed schema, as in
	 * Waldur's list responses; each violation names the item's index.
	 */
	public List<String> validateList(String itemSchemaName, String jsonArray) {
		JsonNode array = this.json.readTree(jsonArray);
		if (!array.isArray()) {
			return List.of("$: not a JSON array");
		}
		List<String> violations = new ArrayList<>();
		for (int index = 0; index < array.size(); index++) {
			String item = this.json.writeValueAsString(array.get(index));
			for (String violation : validate(itemSchemaName, item)) {
				violations.add("[" + index + "]" + violation);
			}
		}
		return violations;
	}

	/** Fails with every violation when an item of the array does not match. */
	public void assertValidList(String itemSchemaName, String jsonArray) {
		List<String> violations = validateList(itemSchemaName, jsonArray);
		if (!violations.isEmpty()) {
			throw new AssertionError("JSON array items do not match Waldur 8.0.5 schema " + itemSchemaName + ":\n  "
					+ String.join("\n  ", violations));
		}
	}

	private List<String> validate(String iri, String schemaName, String json) {
		if (!hasSchema(schemaName)) {
			throw new IllegalArgumentException("No schema " + schemaName + " in the Waldur OpenAPI document");
		}
		Schema schema = this.schemas.computeIfAbsent(iri + "#" + schemaName,
				(key) -> this.registry.getSchema(SchemaLocation.of(iri + "#/components/schemas/" + schemaName)));
		return schema.validate(json, InputFormat.JSON).stream().map(OpenApiContract::describe).toList();
	}

	private static String describe(Error error) {
		return error.getInstanceLocation() + ": " + error.getMessage();
	}

	/**
	 * OpenAPI 3.0 with Waldur's idea of {@code format: uuid}: Waldur writes UUIDs as 32
	 * hex digits and reads them with or without dashes.
	 */
	private static Dialect dialect() {
		String hex = "\\p{XDigit}";
		String uuid = "^(?:" + hex + "{32}|" + hex + "{8}-" + hex + "{4}-" + hex + "{4}-" + hex + "{4}-" + hex
				+ "{12})$";
		return Dialect.builder(OpenApi30.getInstance()).format(PatternFormat.of("uuid", uuid, "format.uuid")).build();
	}

	private static JsonNode readDocument() {
		LoadSettings settings = LoadSettings.builder().setCodePointLimit(MAX_YAML_CODE_POINTS).build();
		YAMLMapper yaml = YAMLMapper.builder(YAMLFactory.builder().loadSettings(settings).build()).build();
		try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the class path");
			}
			return yaml.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds {@code additionalProperties: false} to every object schema with properties
	 * that says nothing about additional properties, except inline members of
	 * {@code allOf}, {@code anyOf} and {@code oneOf}, which see only part of the object.
	 */
	private static JsonNode closed(JsonNode node) {
		close(node, false);
		return node;
	}

	private static void close(JsonNode node, boolean composed) {
		if (node instanceof ObjectNode object) {
			if (!composed && object.has("properties") && !object.has("additionalProperties")) {
				object.put("additionalProperties", false);
			}
			object.properties().forEach((property) -> close(property.getValue(), isComposition(property.getKey())));
		}
		else if (node.isArray()) {
			node.values().forEach((element) -> close(element, composed));
		}
	}

	private static boolean isComposition(String keyword) {
		return keyword.equals("allOf") || keyword.equals("anyOf") || keyword.equals("oneOf");
	}

}
